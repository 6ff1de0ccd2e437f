import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const CORE = join(__dirname, '../../server/src/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

test('the core imports nothing from VS Code, the LSP libraries or the front ends', () => {
  const forbidden = /from\s+['"](vscode|vscode-languageserver[^'"]*|vscode-languageclient[^'"]*|vscode-jsonrpc[^'"]*|\.\.\/(\.\.\/)*(lsp|cli)\/[^'"]*)['"]/;
  const offenders = sourceFiles(CORE).filter((file) => forbidden.test(readFileSync(file, 'utf8')));
  assert.ok(sourceFiles(CORE).length > 10, 'core sources were found');
  assert.deepEqual(offenders, []);
});

// The VS Code client is thin: it asks the language server (custom requests, protocol.ts) and
// bundles none of the core (the yaml parser, rules, decision engine, artifact generators).
const CLIENT = join(__dirname, '../../client/src');
const SERVER = join(__dirname, '../../server/src');
const PROTOCOL = join(SERVER, 'lsp/protocol.ts');
/** Dependency-free Node utilities (atomic file writing) shared by the CLI, the server and the client. */
const NODE_UTILITIES = join(SERVER, 'node');

interface ImportStatement {
  readonly file: string;
  readonly specifier: string;
  /** `import type …` / `export type … from`: erased when bundling. */
  readonly typeOnly: boolean;
}

/** Every import and re-export with a module specifier, including multi-line ones and `import 'x'`. */
function importsIn(source: string, file: string): ImportStatement[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
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

/** The file a relative specifier names (without extension), or undefined for packages. */
function target(statement: ImportStatement): string | undefined {
  return statement.specifier.startsWith('.') ? join(statement.file, '..', statement.specifier) : undefined;
}

test('the client imports from the server only its protocol and the shared Node utilities, and from the core at most types', () => {
  const statements = sourceFiles(CLIENT).flatMap(importsOf);
  assert.ok(statements.some((s) => target(s) === PROTOCOL.replace(/\.ts$/, '')), 'the client imports the protocol (the check sees imports)');
  const runtimeFromServer = statements.filter((s) => {
    const path = target(s);
    return path !== undefined && path.startsWith(`${SERVER}/`) && !s.typeOnly && path !== PROTOCOL.replace(/\.ts$/, '') && !path.startsWith(`${NODE_UTILITIES}/`);
  });
  assert.deepEqual(runtimeFromServer.map((s) => `${s.file}: ${s.specifier}`), [], 'runtime imports of server code (the core) from the client');
  const fromCore = statements.filter((s) => target(s)?.startsWith(join(SERVER, 'core')));
  assert.ok(fromCore.every((s) => s.typeOnly), 'only `import type` from the core');
});

test('the protocol file is plain data: it imports nothing', () => {
  assert.deepEqual(importsOf(PROTOCOL), []);
});

test('the import check recognises runtime, type-only and multi-line imports', () => {
  const sample = join(CLIENT, 'sample.ts');
  const source = `// import { no } from './commented-out';\nimport {\n  analyze,\n  type Analysis,\n} from '../../server/src/core/rules/engine';\nimport type { X } from './x';\nexport { y } from "./y";\nimport './side-effect';\n`;
  assert.deepEqual(importsIn(source, sample), [
    { file: sample, specifier: '../../server/src/core/rules/engine', typeOnly: false },
    { file: sample, specifier: './x', typeOnly: true },
    { file: sample, specifier: './y', typeOnly: false },
    { file: sample, specifier: './side-effect', typeOnly: false },
  ]);
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

test('the shared Node utilities import nothing from the project', () => {
  const statements = sourceFiles(NODE_UTILITIES).flatMap(importsOf);
  assert.ok(sourceFiles(NODE_UTILITIES).length > 0, 'the utilities were found');
  assert.deepEqual(statements.filter((s) => !s.specifier.startsWith('node:')).map((s) => `${s.file}: ${s.specifier}`), []);
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
// importing module, and each wrapper copies the library's ~300 exports; one module imports it.
test('only lsp/lspLibrary.ts imports runtime values from vscode-languageserver', () => {
  const LIBRARY = join(SERVER, 'lsp/lspLibrary.ts');
  const valueImports = sourceFiles(SERVER).flatMap(importsOf).filter((s) => /^vscode-languageserver(\/|$)/.test(s.specifier) && !s.typeOnly);
  assert.ok(valueImports.some((s) => s.file === LIBRARY), 'lspLibrary.ts imports the library (the check sees it)');
  assert.deepEqual(valueImports.filter((s) => s.file !== LIBRARY).map((s) => `${s.file}: ${s.specifier}`), []);
});
