// The extension manifest (package.json) against its sources of truth: the rule registry (settings),
// the schema (grammar), the build (main), the client code (commands, activation).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/core/rules/registry';
import { SETTINGS_SECTION, SHOW_RULE_DOCUMENTATION_COMMAND } from '../../server/src/protocol';
import { COMMANDS, LANGUAGE_ID } from '../../client/src/ids';
import { DOCUMENT_FILE_NAMES } from '../../server/src/core/vocabulary';

const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

function clientSources(dir = join(root, 'client/src')): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? clientSources(path) : name.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('package.json', () => {
  it('is up to date with the rule registry, the schema and the path registry (node scripts/generate-manifest.mjs)', () => {
    const check = spawnSync(process.execPath, [join(root, 'scripts/generate-manifest.mjs'), '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  });

  it('has one severity setting per rule, described by its title and default severity', () => {
    const rules = contributes.configuration.properties[`${SETTINGS_SECTION}.rules`];
    assert.deepEqual(Object.keys(rules.properties), RULES.map((r) => r.id));
    for (const rule of RULES) {
      const setting = rules.properties[rule.id];
      assert.deepEqual(setting.enum, ['default', 'off', 'hint', 'info', 'warning', 'error'], rule.id);
      assert.equal(setting.default, 'default', rule.id);
      assert.ok(setting.markdownDescription.includes(rule.title) && setting.markdownDescription.includes(`\`${rule.defaultSeverity}\``), rule.id);
    }
    assert.equal(rules.additionalProperties, false, 'a misspelt rule id is flagged in settings.json');
    assert.deepEqual(contributes.configuration.properties[`${SETTINGS_SECTION}.validate`].enum, ['onType', 'onSave']);
    assert.deepEqual(contributes.configuration.properties[`${SETTINGS_SECTION}.trace.server`].enum, ['off', 'messages', 'verbose']);
  });

  it('activates only on the language (and on a restored walkthrough panel)', () => {
    const allowed = new Set([`onLanguage:${LANGUAGE_ID}`]);
    const serializer = clientSources().join('\n').match(/registerWebviewPanelSerializer\(\s*([A-Z_]+)/);
    if (serializer) {
      const viewType = /WALKTHROUGH_VIEW_TYPE = '([^']+)'/.exec(readFileSync(join(root, 'client/src/webview/protocol.ts'), 'utf8'))?.[1];
      assert.ok(viewType, 'the walkthrough view type is found');
      allowed.add(`onWebviewPanel:${viewType}`);
    }
    assert.deepEqual([...manifest.activationEvents].sort(), [...allowed].sort());
  });

  it('runs in the workspace extension host, on VS Code 1.100 or later (not older than @types/vscode)', () => {
    assert.deepEqual(manifest.extensionKind, ['workspace']);
    assert.equal(manifest.engines.vscode, '^1.100.0');
    const types = JSON.parse(readFileSync(join(root, 'node_modules/@types/vscode/package.json'), 'utf8')).version as string;
    const [major, minor] = types.split('.').map(Number);
    assert.ok(major === 1 && minor <= 100, `@types/vscode ${types} is not newer than engines.vscode (vsce refuses that)`);
  });

  it('points main (desktop) and browser (the web) at the client bundles that scripts/build.mjs produces', () => {
    const build = readFileSync(join(root, 'scripts/build.mjs'), 'utf8');
    assert.equal(manifest.main, './dist/client/extension.js');
    assert.match(build, /in: 'client\/src\/extension\.ts', out: 'dist\/client\/extension\.js'/);
    assert.equal(manifest.browser, './dist/client/web.js');
    assert.match(build, /in: 'client\/src\/browser\/extension\.ts', out: 'dist\/client\/web\.js', \.\.\.web/);
  });

  it('offers the Generate commands only where the language server can write beside the design', () => {
    const generate = ['integrationDesigner.generateRecommendation', 'integrationDesigner.generateRunbook', 'integrationDesigner.generateRisks', 'integrationDesigner.generateAllArtifacts'];
    const menus = Object.values(contributes.menus as Record<string, { command: string; when?: string }[]>).flat().filter((m) => generate.includes(m.command));
    assert.ok(menus.length >= generate.length, 'every Generate command is in a menu');
    // The context key the client sets (client/src/artifacts/schemes.ts).
    const key = /ARTIFACT_SCHEMES_CONTEXT = '([^']+)'/.exec(readFileSync(join(root, 'client/src/artifacts/schemes.ts'), 'utf8'))?.[1];
    for (const menu of menus) assert.match(menu.when ?? '', new RegExp(`resourceScheme in ${key?.replace(/\./g, '\\.')}$`), menu.command);
  });

  it('claims designs and org files by the vocabulary\'s names, and offers each kind its schema through yamlValidation', () => {
    const [language] = contributes.languages;
    assert.equal(contributes.languages.length, 1);
    assert.equal(language.id, LANGUAGE_ID);
    assert.deepEqual(language.filenames, [DOCUMENT_FILE_NAMES.design.exact, DOCUMENT_FILE_NAMES.org.exact]);
    assert.deepEqual(language.filenamePatterns, [`*${DOCUMENT_FILE_NAMES.design.suffix}`, `*${DOCUMENT_FILE_NAMES.org.suffix}`]);
    assert.deepEqual(language.filenames, ['integration.yaml', 'salesforce-org.yaml']);
    assert.deepEqual(contributes.yamlValidation, [
      { fileMatch: ['integration.yaml', '*.integration.yaml'], url: './server/schema/integration.schema.json' },
      { fileMatch: ['salesforce-org.yaml', '*.salesforce-org.yaml'], url: './server/schema/salesforce-org.schema.json' },
    ]);
  });

  it('keeps the org schema\'s shared keys copies of the design schema\'s (x-sameAs)', () => {
    const design = JSON.parse(readFileSync(join(root, 'server/schema/integration.schema.json'), 'utf8'));
    const org = JSON.parse(readFileSync(join(root, 'server/schema/salesforce-org.schema.json'), 'utf8'));
    const copies: [string, unknown][] = [];
    (function walk(node: unknown): void {
      if (!node || typeof node !== 'object') return;
      const pointer = (node as Record<string, unknown>)['x-sameAs'];
      if (typeof pointer === 'string') copies.push([pointer, node]);
      Object.values(node).forEach(walk);
    })(org);
    assert.ok(copies.length >= 5, 'the org schema copies the edition, org type, instance, counts and org ids');
    for (const [pointer, node] of copies) {
      const source = pointer.replace(/^#\//, '').split('/').reduce((n: Record<string, unknown>, part) => n[part] as Record<string, unknown>, design);
      assert.deepEqual({ ...(node as object), 'x-sameAs': undefined }, { ...source, 'x-sameAs': undefined }, pointer);
    }
  });

  it('references files that exist', () => {
    const files = [
      ...contributes.languages.map((l: { configuration: string }) => l.configuration),
      ...contributes.grammars.map((g: { path: string }) => g.path),
      ...contributes.snippets.map((s: { path: string }) => s.path),
      ...contributes.yamlValidation.map((v: { url: string }) => v.url),
    ];
    for (const file of files) assert.ok(existsSync(join(root, file)), `${file} exists`);
    assert.equal(contributes.grammars[0].language, LANGUAGE_ID);
    assert.equal(contributes.grammars[0].scopeName, 'source.integration-yaml');
  });

  it('contributes the client\'s commands with a title and the Integration Designer category', () => {
    const contributed = new Map<string, { title?: string; category?: string }>(contributes.commands.map((c: { command: string }) => [c.command, c]));
    for (const id of Object.values(COMMANDS)) assert.ok(contributed.has(id), `${id} is contributed`);
    for (const [id, command] of contributed) {
      assert.ok(command.title, `${id} has a title`);
      assert.equal(command.category, 'Integration Designer', `${id} has the category`);
    }
    // The server implements it (workspace/executeCommand); registering it in the client would clash.
    assert.ok(!clientSources().some((source) => source.includes(SHOW_RULE_DOCUMENTATION_COMMAND)));
  });

  it('declares limited support for untrusted and virtual workspaces, with reasons', () => {
    for (const key of ['untrustedWorkspaces', 'virtualWorkspaces']) {
      assert.equal(manifest.capabilities[key].supported, 'limited', key);
      assert.ok(manifest.capabilities[key].description.length > 40, `${key} explains what is limited`);
    }
  });
});

describe('language-configuration.json', () => {
  const configuration = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8'));
  it('uses # comments and valid regular expressions', () => {
    assert.equal(configuration.comments.lineComment, '#');
    for (const pattern of [configuration.wordPattern, configuration.indentationRules.increaseIndentPattern, configuration.indentationRules.decreaseIndentPattern, ...configuration.onEnterRules.map((r: { beforeText: string }) => r.beforeText)]) {
      assert.doesNotThrow(() => new RegExp(pattern), pattern);
    }
  });
  it('indents after a key that opens a block, not after a key with a value', () => {
    const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
    assert.ok(increase.test('  heroku_connect:'));
    assert.ok(increase.test('  mappings:  # one per object'));
    assert.ok(!increase.test('    plan: demo'));
  });
});
