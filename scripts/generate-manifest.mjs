#!/usr/bin/env node
// Generates the parts of the extension manifest that have another source of truth:
//   - package.json contributes.configuration: `integrationDesigner.rules` has one property per rule
//     in the rule registry (server/src/core/rules/registry.ts);
//   - syntaxes/integration-yaml.tmLanguage.json: section names, path keys and enum values come
//     from the format's JSON Schema (server/schema/integration.schema.json);
//   - snippets/integration-yaml.code-snippets: from server/src/core/editing/editorSnippets.ts
//     (a whole design, an org file, an integration user) and each path's module (server/src/core/paths/);
//   - package.json contributes.languages file names and yamlValidation: from the file names of the
//     vocabulary (server/src/core/vocabulary.ts DOCUMENT_FILE_NAMES);
//   - server/schema/salesforce-org.schema.json: every node marked `"x-sameAs": "<pointer>"` is a copy of
//     that node of the design schema (the org's edition, org type, instance, counts, org ids), so the
//     two schemas never disagree.
//   node scripts/generate-manifest.mjs           rewrite them when they are out of date
//   node scripts/generate-manifest.mjs --check   exit 1 when one is out of date (changes nothing)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const root = fileURLToPath(new URL('..', import.meta.url));
export const PACKAGE_JSON = join(root, 'package.json');
export const GRAMMAR = join(root, 'syntaxes', 'integration-yaml.tmLanguage.json');
export const SNIPPETS = join(root, 'snippets', 'integration-yaml.code-snippets');
const SCHEMA = join(root, 'server', 'schema', 'integration.schema.json');
export const ORG_SCHEMA = join(root, 'server', 'schema', 'salesforce-org.schema.json');
/** Which schema validates which kind of file (yamlValidation), by the vocabulary's document kinds. */
const SCHEMA_OF_KIND = { design: './server/schema/integration.schema.json', org: './server/schema/salesforce-org.schema.json' };

export const SEVERITY_SETTINGS = ['default', 'off', 'hint', 'info', 'warning', 'error'];
const SEVERITY_SETTING_DESCRIPTIONS = [
  "Use the rule's default severity.",
  "Do not report the rule's findings.",
  'Report as a hint (shown as dots under the text, not in the Problems view).',
  'Report as information.',
  'Report as a warning.',
  'Report as an error.',
];

/** Loads the rule registry (TypeScript) through tsx. */
export async function loadRules() {
  const registry = await tsImport('../server/src/core/rules/registry.ts', import.meta.url);
  return registry.RULES;
}

/** The snippets file's content, from the path registry. */
export async function renderSnippets() {
  const snippets = await tsImport('../server/src/core/editing/editorSnippets.ts', import.meta.url);
  return snippets.renderEditorSnippets();
}

/** The vocabulary's file names of each document kind (designs, org files). */
export async function loadDocumentFileNames() {
  const vocabulary = await tsImport('../server/src/core/vocabulary.ts', import.meta.url);
  return vocabulary.DOCUMENT_FILE_NAMES;
}

/**
 * The language's file names (both kinds share the language: one grammar, one server) and one
 * yamlValidation entry per kind, for Red Hat YAML when the files are associated with `yaml`.
 */
export function buildFileAssociations(languages, fileNames) {
  const kinds = Object.keys(fileNames);
  const [language, ...others] = languages;
  return {
    languages: [{
      ...language,
      filenames: kinds.map((k) => fileNames[k].exact),
      filenamePatterns: kinds.map((k) => `*${fileNames[k].suffix}`),
    }, ...others],
    yamlValidation: kinds.map((k) => ({ fileMatch: [fileNames[k].exact, `*${fileNames[k].suffix}`], url: SCHEMA_OF_KIND[k] })),
  };
}

/** The node a JSON pointer (`#/properties/salesforce/properties/edition`) names. */
function atPointer(schema, pointer) {
  let node = schema;
  for (const part of pointer.replace(/^#\//, '').split('/')) {
    node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (node === undefined) throw new Error(`salesforce-org.schema.json: x-sameAs ${pointer} names nothing in integration.schema.json`);
  }
  return node;
}

/** The org schema with every `x-sameAs` node replaced by a copy of the design schema's node it names. */
export function buildOrgSchema(orgSchema, designSchema) {
  const copy = (node) => {
    if (Array.isArray(node)) return node.map(copy);
    if (!node || typeof node !== 'object') return node;
    if (typeof node['x-sameAs'] === 'string') return { 'x-sameAs': node['x-sameAs'], ...structuredClone(atPointer(designSchema, node['x-sameAs'])) };
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, copy(v)]));
  };
  return copy(orgSchema);
}

/** The org schema as it must be on disk (its `x-sameAs` copies made). */
export function expandedOrgSchema() {
  return buildOrgSchema(JSON.parse(readFileSync(ORG_SCHEMA, 'utf8')), JSON.parse(readFileSync(SCHEMA, 'utf8')));
}

/** The schemas are written without a final newline, as they always were. */
const stringifySchema = (value) => JSON.stringify(value, null, 2);

const readOrEmpty = (file) => {
  try { return readFileSync(file, 'utf8'); } catch { return ''; }
};

/** `contributes.configuration` for the given rules. */
export function buildConfiguration(rules) {
  const ruleProperties = Object.fromEntries(rules.map((rule) => [rule.id, {
    type: 'string',
    enum: SEVERITY_SETTINGS,
    enumDescriptions: SEVERITY_SETTING_DESCRIPTIONS,
    default: 'default',
    markdownDescription: `**${rule.title}**. Default severity: \`${rule.defaultSeverity}\`.`,
  }]));
  return {
    title: 'Integration Designer',
    properties: {
      'integrationDesigner.rules': {
        type: 'object',
        scope: 'resource',
        default: {},
        additionalProperties: false,
        properties: ruleProperties,
        markdownDescription: 'Severity per rule id: `default` keeps the rule\'s own severity, `off` turns the rule off. Example: `{ "connect-demo-row-limit": "warning" }`. The rule ids are the codes shown in the Problems view.',
      },
      'integrationDesigner.validate': {
        type: 'string',
        scope: 'resource',
        enum: ['onType', 'onSave'],
        enumDescriptions: ['Validate as you type.', 'Validate when the file is opened or saved.'],
        default: 'onType',
        markdownDescription: 'When designs are validated.',
      },
      'integrationDesigner.artifacts.folder': {
        type: 'string',
        scope: 'resource',
        default: '',
        markdownDescription: 'Where the **Generate** commands write the decision recommendation, connection runbook and risk register (`<design>.recommendation.md`, `.runbook.md`, `.risks.md`), relative to the design\'s folder. Empty: beside the design. A missing folder is created.',
      },
      'integrationDesigner.trace.server': {
        type: 'string',
        scope: 'window',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        markdownDescription: 'Traces the communication between VS Code and the language server in the **Integration Designer** output channel.',
      },
    },
  };
}

/** Every string value of every `enum` in the schema, sorted. */
function schemaEnumStrings(schema) {
  const values = new Set();
  (function walk(node) {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node.enum)) for (const v of node.enum) if (typeof v === 'string') values.add(v);
    Object.values(node).forEach(walk);
  })(schema);
  return [...values].sort();
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
/** Longest first, so no alternative is a prefix match of a longer one. */
const alternatives = (words) => [...words].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escapeRegExp).join('|');

/**
 * The TextMate grammar: VS Code's YAML grammar (`source.yaml`) with our scopes injected on top.
 * Injections leave the YAML structure to the YAML grammar and only add scopes to whole keys and
 * whole plain values, so a broken design still highlights like YAML.
 */
export function buildGrammar(schema, orgSchema = { properties: {} }) {
  // Org files share the language: their top-level keys and values are highlighted the same way.
  const sections = [...new Set([...Object.keys(schema.properties), ...Object.keys(orgSchema.properties)])];
  const pathKeys = Object.keys(schema.properties.paths.properties);
  const enumValues = [...new Set([...schemaEnumStrings(schema), ...schemaEnumStrings(orgSchema)])].sort();
  // A whole plain value: after `key: `, `- ` or inside a flow sequence, up to a comment or the end.
  const valueStart = '(?<=: |- |\\[|, |,)';
  const valueEnd = '(?=[ \\t]*(?:[,\\]}][^#]*)?(?:[ \\t]#.*)?$)';
  const durationPart = '([0-9]+)(ms|s|m|h|d|w)';
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    information_for_contributors: ['Generated by scripts/generate-manifest.mjs from server/schema/integration.schema.json and salesforce-org.schema.json. Do not edit by hand.'],
    name: 'Integration design (YAML)',
    scopeName: 'source.integration-yaml',
    patterns: [{ include: 'source.yaml' }],
    injections: {
      'L:source.integration-yaml comment.line.number-sign': { patterns: [{ include: '#suppression-directive' }] },
      'L:source.integration-yaml meta.map.key.yaml -comment': { patterns: [{ include: '#section-key' }, { include: '#path-key' }] },
      'L:source.integration-yaml meta.map.value.yaml -comment -meta.map.key.yaml -meta.flow.map.key.yaml': { patterns: [{ include: '#value' }] },
      'L:source.integration-yaml meta.flow.pair.value.yaml -comment': { patterns: [{ include: '#value' }] },
    },
    repository: {
      'suppression-directive': {
        match: '(?<=#)[ \\t]*(integration-lint-disable(?:-next-line)?)(?=[ \\t]|$)((?:[ \\t]*,?[ \\t]*(?!--)[A-Za-z0-9_-]+)*)(?:[ \\t]+(--)(.*))?',
        captures: {
          1: { name: 'keyword.control.directive.suppression.integration-yaml' },
          2: { patterns: [{ match: '[A-Za-z0-9_-]+', name: 'constant.other.rule-id.integration-yaml' }, { match: ',', name: 'punctuation.separator.rule-id.integration-yaml' }] },
          3: { name: 'punctuation.separator.reason.integration-yaml' },
          4: { name: 'comment.line.reason.integration-yaml' },
        },
      },
      'section-key': {
        match: `^(?:${alternatives(sections)})(?=[ \\t]*:(?:[ \\t]|$))`,
        name: 'entity.name.section.integration-yaml',
      },
      'path-key': {
        // A path key opens a block (`heroku_connect:` alone on its line), which tells it apart
        // from the region key of the same name (`heroku_connect: us`).
        match: `(?<=^[ \\t]+)(?:${alternatives(pathKeys)})(?=[ \\t]*:[ \\t]*(?:#.*)?$)`,
        name: 'entity.name.type.path.integration-yaml',
      },
      value: { patterns: [{ include: '#duration' }, { include: '#count' }, { include: '#enum-value' }] },
      duration: {
        // Up to four parts (`2w3d4h5m`). Explicit captures: capture patterns would re-enter the
        // injection (the captured text is still inside meta.map.value.yaml) and recurse forever.
        match: `${valueStart}${durationPart}(?:${durationPart})?(?:${durationPart})?(?:${durationPart})?${valueEnd}`,
        captures: Object.fromEntries([1, 2, 3, 4].flatMap((part) => [
          [2 * part - 1, { name: 'constant.numeric.duration.integration-yaml' }],
          [2 * part, { name: 'keyword.other.unit.integration-yaml' }],
        ])),
      },
      count: {
        match: `${valueStart}[0-9]{1,3}(?:_[0-9]{3})+${valueEnd}`,
        name: 'constant.numeric.integer.grouped.integration-yaml',
      },
      'enum-value': {
        match: `${valueStart}(?:${alternatives(enumValues)})${valueEnd}`,
        name: 'constant.language.enum.integration-yaml',
      },
    },
  };
}

const stringify = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** What is out of date: a list of file descriptions (empty when everything is current). */
export async function outdated() {
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
  const stale = [];
  if (!isDeepStrictEqual(pkg.contributes?.configuration, buildConfiguration(await loadRules()))) stale.push('package.json contributes.configuration');
  if (readOrEmpty(GRAMMAR) !== stringify(buildGrammar(JSON.parse(readFileSync(SCHEMA, 'utf8')), expandedOrgSchema()))) stale.push('syntaxes/integration-yaml.tmLanguage.json');
  if (readOrEmpty(SNIPPETS) !== await renderSnippets()) stale.push('snippets/integration-yaml.code-snippets');
  const associations = buildFileAssociations(pkg.contributes?.languages ?? [], await loadDocumentFileNames());
  if (!isDeepStrictEqual(pkg.contributes?.languages, associations.languages) || !isDeepStrictEqual(pkg.contributes?.yamlValidation, associations.yamlValidation)) {
    stale.push('package.json contributes.languages / yamlValidation');
  }
  const orgSchema = readOrEmpty(ORG_SCHEMA);
  if (orgSchema !== stringifySchema(buildOrgSchema(JSON.parse(orgSchema), JSON.parse(readFileSync(SCHEMA, 'utf8'))))) stale.push('server/schema/salesforce-org.schema.json');
  return stale;
}

async function main() {
  if (process.argv.includes('--check')) {
    const stale = await outdated();
    if (stale.length) {
      console.error(`Out of date: ${stale.join(', ')}. Run: node scripts/generate-manifest.mjs`);
      process.exit(1);
    }
    console.log('manifest, grammar and snippets are up to date');
    return;
  }
  const configuration = buildConfiguration(await loadRules());
  const grammar = stringify(buildGrammar(JSON.parse(readFileSync(SCHEMA, 'utf8')), expandedOrgSchema()));
  const snippets = await renderSnippets();
  const fileNames = await loadDocumentFileNames();
  const orgSchema = stringifySchema(buildOrgSchema(JSON.parse(readFileSync(ORG_SCHEMA, 'utf8')), JSON.parse(readFileSync(SCHEMA, 'utf8'))));
  // Read package.json as late as possible: other tools edit it too.
  const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8'));
  pkg.contributes = { ...pkg.contributes, configuration, ...buildFileAssociations(pkg.contributes?.languages ?? [], fileNames) };
  writeFileSync(PACKAGE_JSON, stringify(pkg));
  writeFileSync(GRAMMAR, grammar);
  writeFileSync(SNIPPETS, snippets);
  writeFileSync(ORG_SCHEMA, orgSchema);
  console.log(`package.json: ${Object.keys(configuration.properties['integrationDesigner.rules'].properties).length} rules; ${GRAMMAR.slice(root.length)} and ${SNIPPETS.slice(root.length)} written`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
