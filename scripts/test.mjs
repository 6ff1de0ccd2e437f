#!/usr/bin/env node
// The README's test command. Runs the suites in order and ends with one summary line,
// "N passed, N failed" (other scripts parse it).
//   node scripts/test.mjs            all suites, the type check first
//   node scripts/test.mjs unit       only the named suite(s), e.g. types unit cli protocol vscode vscodeWeb
// Bundles are built first (suites other than types and unit run what ships).
// Nothing passes quietly: a type error, a suite that finds no tests, a missing suite script
// and output the runner cannot read each count as a failure, with a line saying which.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every TypeScript project of the repository; `types` runs `tsc --noEmit` on each. */
const TYPESCRIPT_PROJECTS = [
  'tsconfig.json', // everything, with Node's, the DOM's and VS Code's types
  'server/src/tsconfig.json', // the core, the LSP layer and the protocol, without Node or the DOM
  'server/src/browser/tsconfig.json', // the web server's entry, with the WebWorker library only
];

function testFiles(dir) {
  const out = [];
  if (!existsSync(join(root, dir))) return out;
  for (const name of readdirSync(join(root, dir))) {
    const path = join(root, dir, name);
    if (statSync(path).isDirectory()) out.push(...testFiles(relative(root, path)));
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out.sort();
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  return result;
}

/** A suite result that counts as one failure, with the reason printed where the summary can be seen. */
function failure(message) {
  console.log(`\n✖ ${message}`);
  return { passed: 0, failed: 1 };
}

/** `tsc --noEmit` on each project: one passed or failed check per project. */
function typeCheck() {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  let passed = 0;
  let failed = 0;
  for (const project of TYPESCRIPT_PROJECTS) {
    const result = run(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '-p', project]);
    if (result.status === 0) {
      console.log(`✔ ${project}: no type errors`);
      passed++;
    } else {
      const errors = (result.stdout.match(/error TS\d+/g) ?? []).length;
      failure(`${project}: ${errors > 0 ? `${errors} type error(s)` : `tsc exited with ${result.status ?? result.signal}`} (listed above)`);
      failed++;
    }
  }
  return { passed, failed };
}

/** node --test over TypeScript test files; returns { passed, failed, skipped }. */
function nodeTests(dir) {
  const files = testFiles(dir);
  if (files.length === 0) return failure(`${dir}: no test files (*.test.ts) found`);
  const result = run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
  const count = (label) => {
    const match = new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(result.stdout);
    return match ? Number(match[1]) : undefined;
  };
  const [passed, failed, cancelled, skipped] = [count('pass'), count('fail'), count('cancelled'), count('skipped')];
  if (passed === undefined || failed === undefined) {
    return failure(`${dir}: could not read the test counts from node --test's output (exit ${result.status ?? result.signal})`);
  }
  // node --test reports a file that declares no test as one passing test named by its path.
  const empty = files.filter((f) => new RegExp(`^✔ ${escapeRegExp(join(root, f))} \\(`, 'm').test(result.stdout));
  for (const f of empty) console.log(`\n✖ ${f} declares no test`);
  const real = passed - empty.length;
  const bad = failed + (cancelled ?? 0) + empty.length;
  if (real === 0 && bad === empty.length) return failure(`${dir}: ${files.length} test file(s) but no tests`);
  return { passed: real, failed: result.status === 0 ? bad : Math.max(bad, 1), skipped: skipped ?? 0 };
}

/** A script that runs its own suite and ends its output with "N passed, N failed". */
function scriptSuite(script, args = []) {
  if (!existsSync(join(root, script))) return failure(`${script} is missing`);
  const result = run(process.execPath, [script, ...args]);
  const summary = [...result.stdout.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/gm)].pop();
  if (!summary) return failure(`${script} did not end with "N passed, N failed" (exit ${result.status ?? result.signal})`);
  const passed = Number(summary[1]);
  const failed = Number(summary[2]);
  if (passed === 0 && failed === 0) return failure(`${script}: no tests`);
  return { passed, failed: result.status === 0 ? failed : Math.max(failed, 1), skipped: Number(summary[3] ?? 0) };
}

const SUITES = {
  types: typeCheck,
  unit: () => nodeTests('test/unit'),
  cli: () => nodeTests('test/cli'),
  protocol: () => nodeTests('test/protocol'),
  fuzz: () => nodeTests('test/fuzz'),
  webview: () => nodeTests('test/ui'),
  vscode: () => scriptSuite('scripts/vscode-test.mjs'),
  vscodeWeb: () => scriptSuite('scripts/vscode-test.mjs', ['--web']),
};
/** Suites that run from sources, not from the bundles in dist/. */
const UNBUILT = new Set(['types', 'unit']);

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();
const requested = process.argv.slice(2);
const names = requested.length ? requested : Object.keys(SUITES);
const unknown = names.filter((n) => !SUITES[n]);
if (unknown.length > 0) {
  console.error(`Unknown suite(s) ${unknown.map((n) => `'${n}'`).join(', ')}. Suites: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}
if (names.some((n) => !UNBUILT.has(n))) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.log('\n✖ the build failed\n\n0 passed, 1 failed');
    process.exit(1);
  }
}
let passed = 0;
let failed = 0;
const times = [];
for (const name of names) {
  console.log(`\n=== ${name} ===`);
  const suiteStarted = performance.now();
  const r = SUITES[name]();
  const ms = performance.now() - suiteStarted;
  times.push(`${name} ${seconds(ms)}`);
  console.log(`=== ${name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''} (${seconds(ms)}) ===`);
  passed += r.passed;
  failed += r.failed;
}
console.log(`\nTotal time ${seconds(performance.now() - started)} (${times.join(', ')})`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
