// The layers of docs/architecture.md, checked on the sources: what may import what.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const SERVER = join(__dirname, '../../server/src');
const CORE = join(SERVER, 'core');
const CLIENT = join(__dirname, '../../client/src');
/** The contract between the server and its clients: the one part of the server tree the client imports. */
const PROTOCOL = join(SERVER, 'protocol');
/** What needs Node (the stdio entry, the disk) and the CLI: the only server code that may use Node's built-ins. */
const NODE_ONLY = [join(SERVER, 'node'), join(SERVER, 'cli')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

interface ImportStatement {
  readonly file: string;
  readonly specifier: string;
  /** `import type …` / `export type … from`: erased when bundling. */
  readonly typeOnly: boolean;
}

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
/** The code only: no comments, string contents or regular expression literals. */
const codeOnly = (source: string) => withoutComments(source)
  .replace(/\/\/.*$/gm, '')
  .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, "''")
  .replace(/([(,=:!&|?[]\s*)\/(?![*/])(?:\\.|\[(?:\\.|[^\]\\])*\]|[^/\n\\[])+\/[a-z]*/g, '$1/x/');

/** Every import and re-export with a module specifier, including multi-line ones and `import 'x'`. */
function importsIn(source: string, file: string): ImportStatement[] {
  const text = withoutComments(source);
  const statements = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  const dynamic = /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [
    ...[...text.matchAll(statements)].map((m) => ({ file, specifier: m[3], typeOnly: m[2] !== undefined })),
    ...[...text.matchAll(dynamic)].map((m) => ({ file, specifier: m[1], typeOnly: false })),
  ];
}

function importsOf(file: string): ImportStatement[] {
  return importsIn(readFileSync(file, 'utf8'), file);
}

/** The file a relative specifier names (without extension; a folder's index as the folder), or undefined for packages. */
function target(statement: ImportStatement): string | undefined {
  return statement.specifier.startsWith('.') ? join(statement.file, '..', statement.specifier).replace(/\/index$/, '') : undefined;
}

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]);

test('the import check recognises runtime, type-only and multi-line imports', () => {
  const sample = join(CLIENT, 'sample.ts');
  const source = `// import { no } from './commented-out';\nimport {\n  analyze,\n  type Analysis,\n} from '../../server/src/core/analysis';\nimport type { X } from './x';\nexport { y } from "./y";\nimport './side-effect';\n`;
  assert.deepEqual(importsIn(source, sample), [
    { file: sample, specifier: '../../server/src/core/analysis', typeOnly: false },
    { file: sample, specifier: './x', typeOnly: true },
    { file: sample, specifier: './y', typeOnly: false },
    { file: sample, specifier: './side-effect', typeOnly: false },
  ]);
});

test('the core imports nothing from VS Code, the LSP libraries, the fronts or the protocol', () => {
  const forbidden = /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(\/|$)/;
  const statements = sourceFiles(CORE).flatMap(importsOf);
  const SCHEMA = join(SERVER, '../schema');
  const offenders = statements.filter((s) => forbidden.test(s.specifier) || (target(s) !== undefined && !target(s)!.startsWith(`${CORE}/`) && !target(s)!.startsWith(`${SCHEMA}/`)));
  assert.ok(statements.length > 100, 'core imports were found');
  assert.deepEqual(offenders.map((s) => `${s.file}: ${s.specifier}`), []);
});

// The VS Code client is thin: it asks the language server (custom requests) and bundles none of
// the core (the yaml parser, rules, decision engine, artifact generators).
test('the client imports from the server tree only the protocol', () => {
  const statements = sourceFiles(CLIENT).flatMap(importsOf);
  assert.ok(statements.some((s) => target(s) === PROTOCOL), 'the client imports the protocol (the check sees imports)');
  const fromServer = statements.filter((s) => target(s)?.startsWith(`${SERVER}/`) && target(s) !== PROTOCOL);
  assert.deepEqual(fromServer.map((s) => `${s.file}: ${s.specifier}`), []);
});

test('the protocol carries no server code: at run time it needs only the core\'s import-free vocabulary', () => {
  const VOCABULARY = join(CORE, 'vocabulary');
  const runtime = sourceFiles(PROTOCOL).flatMap(importsOf).filter((s) => !s.typeOnly);
  const outside = runtime.filter((s) => !target(s)?.startsWith(`${PROTOCOL}/`) && target(s) !== VOCABULARY);
  assert.ok(runtime.some((s) => target(s) === VOCABULARY), 'the protocol re-exports the vocabulary (the check sees it)');
  assert.deepEqual(outside.map((s) => `${s.file}: ${s.specifier}`), []);
  assert.deepEqual(importsOf(`${VOCABULARY}.ts`), [], 'the vocabulary imports nothing');
});

test('only the Node-only modules (node/, cli/) use Node: the core, the LSP layer and the protocol run anywhere', () => {
  const files = sourceFiles(SERVER).filter((file) => !NODE_ONLY.some((dir) => file.startsWith(`${dir}/`)));
  const offenders = files.flatMap(importsOf).filter((s) => isNodeBuiltin(s.specifier) || /^vscode-languageserver\/node$/.test(s.specifier));
  assert.ok(files.length > 50 && isNodeBuiltin('node:fs') && isNodeBuiltin('path') && !isNodeBuiltin('yaml'), 'sources were found and the check recognises built-ins');
  assert.deepEqual(offenders.map((s) => `${s.file}: ${s.specifier}`), []);
  const nodeGlobals = /\b(process|Buffer|__dirname|__filename|require|setImmediate)\b(?!\s*:)/;
  assert.ok(nodeGlobals.test('process.argv') && !nodeGlobals.test('{ process: 1 }'), 'the check recognises Node globals');
  assert.equal(codeOnly("const r = [/^(?:process\\.env\\.)/, 'process.exit()'];"), "const r = [/x/, ''];", 'the check ignores regular expressions and strings');
  assert.deepEqual(files.filter((file) => nodeGlobals.test(codeOnly(readFileSync(file, 'utf8')))), [], 'Node globals');
});

/** The unit of the folder-cycle check: a folder of the core, or a file at its top. */
function coreUnit(file: string): string {
  const rel = relative(CORE, file);
  return rel.includes('/') ? rel.slice(0, rel.indexOf('/')) : rel.replace(/\.ts$/, '');
}

/** A cycle in a graph of units, as a list of units, or undefined. */
function findCycle(edges: ReadonlyMap<string, ReadonlySet<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (unit: string): string[] | undefined => {
    if (state.get(unit) === 'done') return undefined;
    if (state.get(unit) === 'open') return [...stack.slice(stack.indexOf(unit)), unit];
    state.set(unit, 'open');
    stack.push(unit);
    for (const next of edges.get(unit) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(unit, 'done');
    return undefined;
  };
  for (const unit of edges.keys()) {
    const cycle = visit(unit);
    if (cycle) return cycle;
  }
  return undefined;
}

test('the core\'s folders depend on each other without cycles (type imports included)', () => {
  const edges = new Map<string, Set<string>>();
  for (const statement of sourceFiles(CORE).flatMap(importsOf)) {
    const to = target(statement);
    if (!to?.startsWith(`${CORE}/`)) continue;
    const [from, into] = [coreUnit(statement.file), coreUnit(`${to}.ts`)];
    if (from === into) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(into);
  }
  assert.ok(edges.size > 8, 'the core\'s folders were found');
  assert.deepEqual(findCycle(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]])), ['a', 'b', 'c', 'a'], 'the check finds a cycle');
  assert.equal(findCycle(edges), undefined);
});

// The path registry imports every path's module; a path's module that reached the registry
// (directly, or through a helper that imports it) would close a cycle and could see the
// registry half-built, depending on which file a process loads first.
const PATHS_DIR = join(CORE, 'paths');
const PATH_REGISTRY = join(PATHS_DIR, 'index.ts');

/** The source file a relative runtime import names (`x.ts` or `x/index.ts`). */
function resolveSource(statement: ImportStatement): string | undefined {
  const path = target(statement);
  if (!path || statement.typeOnly) return undefined;
  for (const candidate of [`${path}.ts`, join(path, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch { /* not this one */ }
  }
  return undefined;
}

/** The chain of runtime imports from `from` to `to`, or undefined when `to` is not reached. */
function importChain(from: string, to: string, seen = new Set<string>()): string[] | undefined {
  if (from === to) return [to];
  if (seen.has(from)) return undefined;
  seen.add(from);
  for (const next of importsOf(from).map(resolveSource)) {
    const chain = next && importChain(next, to, seen);
    if (chain) return [from, ...chain];
  }
  return undefined;
}

test('no file in a path\'s folder imports the path registry, directly or through other files', () => {
  const pathFiles = readdirSync(PATHS_DIR).filter((name) => statSync(join(PATHS_DIR, name)).isDirectory()).flatMap((name) => sourceFiles(join(PATHS_DIR, name)));
  assert.ok(pathFiles.length >= 7, 'the path folders were found');
  assert.ok(importChain(join(CORE, 'rules/registry.ts'), PATH_REGISTRY), 'the rule registry reaches the path registry (the check follows imports)');
  const chains = pathFiles.map((file) => importChain(file, PATH_REGISTRY)).filter((chain): chain is string[] => chain !== undefined);
  assert.deepEqual(chains.map((chain) => chain.map((file) => file.slice(CORE.length + 1)).join(' → ')), []);
});

// Memory (docs/performance.md): the first locale-aware call maps ICU's data into the process,
// about 10 MB of the language server's resident memory; core/format writes numbers and orders
// text without it.
test('the server and core never call locale-aware (ICU) APIs', () => {
  const icu = /\.toLocale(?:String|DateString|TimeString|UpperCase|LowerCase)\s*\(|\.localeCompare\s*\(|\bIntl\./;
  const files = sourceFiles(SERVER);
  const offenders = files.filter((file) => icu.test(readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '')));
  assert.ok(files.length > 20, 'server sources were found');
  assert.ok(icu.test("a.localeCompare(b)") && icu.test("n.toLocaleString('en-US')") && icu.test('new Intl.NumberFormat()'), 'the pattern sees the calls');
  assert.deepEqual(offenders, []);
});

// Memory and start-up (docs/performance.md): esbuild wraps a CommonJS package once per
// importing module, and each wrapper copies the library's ~300 exports; one module imports it
// (and each entry point, for its platform's createConnection).
test('only lsp/lspLibrary.ts (and the entry points) import runtime values from vscode-languageserver', () => {
  const LIBRARY = join(SERVER, 'lsp/lspLibrary.ts');
  const ENTRIES = [join(SERVER, 'node/serverMain.ts'), join(SERVER, 'browser/serverMain.ts')];
  const valueImports = sourceFiles(SERVER).flatMap(importsOf).filter((s) => /^vscode-languageserver(\/|$)/.test(s.specifier) && !s.typeOnly);
  assert.ok(valueImports.some((s) => s.file === LIBRARY), 'lspLibrary.ts imports the library (the check sees it)');
  assert.deepEqual(valueImports.filter((s) => s.file !== LIBRARY && !ENTRIES.includes(s.file)).map((s) => `${s.file}: ${s.specifier}`), []);
});
