#!/usr/bin/env node
// The README's test command. Runs the suites in order and ends with one summary line.
//   node scripts/test.mjs            all suites
//   node scripts/test.mjs unit       only the named suite(s), e.g. unit cli protocol vscode
// Bundles are built first (suites other than unit run what ships).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

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

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  return result;
}

/** node --test over TypeScript test files; returns { passed, failed }. */
function nodeTests(dir) {
  const files = testFiles(dir);
  if (files.length === 0) return { passed: 0, failed: 0 };
  const result = run(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files]);
  const passed = Number(/^ℹ pass (\d+)/m.exec(result.stdout)?.[1] ?? 0);
  const failed = Number(/^ℹ fail (\d+)/m.exec(result.stdout)?.[1] ?? (result.status === 0 ? 0 : 1));
  return { passed, failed: result.status === 0 ? failed : Math.max(failed, 1) };
}

/** A script that runs its own suite and ends its output with "N passed, N failed". */
function scriptSuite(script) {
  if (!existsSync(join(root, script))) return { passed: 0, failed: 0 };
  const result = run(process.execPath, [script]);
  const summary = [...result.stdout.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
  const passed = Number(summary?.[1] ?? 0);
  const failed = Number(summary?.[2] ?? 0);
  return { passed, failed: result.status === 0 ? failed : Math.max(failed, 1) };
}

const SUITES = {
  unit: () => nodeTests('test/unit'),
  cli: () => nodeTests('test/cli'),
  protocol: () => nodeTests('test/protocol'),
  fuzz: () => nodeTests('test/fuzz'),
  webview: () => nodeTests('test/ui'),
  vscode: () => scriptSuite('scripts/vscode-test.mjs'),
};

const requested = process.argv.slice(2);
const names = requested.length ? requested : Object.keys(SUITES);
if (names.some((n) => n !== 'unit')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  }
}
let passed = 0;
let failed = 0;
for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`Unknown suite '${name}'. Suites: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== ${name} ===`);
  const r = suite();
  console.log(`=== ${name}: ${r.passed} passed, ${r.failed} failed ===`);
  passed += r.passed;
  failed += r.failed;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
