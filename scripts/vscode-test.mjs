#!/usr/bin/env node
// Runs the extension's mocha suites inside real VS Code: VS Code's server (code-server's build,
// installed by scripts/setup-vscode.mjs) runs the extension and the tests in an extension host;
// headless Chromium (playwright-core + Debian's chromium) renders the workbench.
//
//   node scripts/vscode-test.mjs [--grep=<mocha grep>] [--timeout=<ms>]
//       builds if needed, runs dist/test/vscode/index.js in the Node extension host on a copy of
//       test/vscode/fixtures/ with the extension loaded from this folder, then the core tests
//       again with the packaged .vsix installed (what ships; scripts/package.mjs)
//   node scripts/vscode-test.mjs --web [--grep=…]
//       the web suite (test/vscode/web/, dist/test/vscode-web/index.js) in VS Code's web worker
//       extension host, on the installed .vsix: the user setting remote.extensionKind makes the
//       workbench run the extension (main + browser) as a web extension, and the test module is
//       put inside the installed extension, since the workbench runs tests in the host of the
//       extension whose folder holds them
//   node scripts/vscode-test.mjs --vsix=<file> [--grep=…]   only the installed .vsix
//   --results=<dir>   where logs go (default test-results/vscode[-vsix|-web]); the benchmark's probe uses its own
//   <this file> --extensionDevelopmentPath=<dir> --extensionTestsPath=<module> [<workspace>]
//       the calling convention of a VS Code executable, so @vscode/test-electron's
//       runTests({ vscodeExecutablePath: <this file> }) works (see scripts/run-test-electron.mjs)
//
// Prints mocha's output and ends with the line "N passed, N failed" (", N skipped" appended when
// mocha reported pending tests, as scripts/test.mjs words node:test's skips). Exit codes: 0 all passed,
// 1 a test failed (or the test module failed to load), 2 the harness could not start, 124 the
// run exceeded its overall timeout. During the run, tests may ask for UI checks (test/ui/).
// Options reach the suites through seeded user settings (integrationDesignerTest.*), which both
// extension hosts can read (the web worker one has no environment variables).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureVSCode } from './setup-vscode.mjs';
import { assertChromium, CHROMIUM, CHROMIUM_ARGS, installExtension, QUIET_SETTINGS, remoteUri, seedUserSettings, startServer, webExtensionKind, workbenchUrl } from './lib/vscode-server.mjs';
import { packageExtension } from './package.mjs';
import { serveUiRequests } from '../test/ui/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const EXIT = { passed: 0, failed: 1, harness: 2, timeout: 124 };

/** Harmless messages of code-server's VS Code build here (unbuilt optional native modules, no gallery, no service worker). */
const NOISE = [
  /Cannot find module '\.\/build\/Release\/watchdog'/,
  /Could not locate the bindings file[\s\S]*spdlog/,
  /^Ignoring fetching additional builtin extensions from gallery/,
  /^\[Service Worker\]/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket \(/,
  /^ChatSessionStore:/,
  /^The web worker extension host is started in a same-origin iframe!/,
];

function parseArgs(argv) {
  const options = { developmentPath: undefined, testsPath: undefined, workspace: undefined, grep: undefined, vsix: undefined, web: false, resultsDir: undefined, timeoutMs: 5 * 60 * 1000 };
  for (const arg of argv) {
    const [flag, value] = arg.startsWith('--') ? [arg.slice(2, arg.includes('=') ? arg.indexOf('=') : undefined), arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : ''] : [undefined, arg];
    if (flag === undefined) options.workspace ??= resolve(value);
    else if (flag === 'extensionDevelopmentPath') options.developmentPath = resolve(value);
    else if (flag === 'extensionTestsPath') options.testsPath = resolve(value);
    else if (flag === 'grep') options.grep = value;
    else if (flag === 'timeout') options.timeoutMs = Number(value);
    else if (flag === 'vsix') options.vsix = resolve(value);
    else if (flag === 'web') options.web = true;
    else if (flag === 'results') options.resultsDir = resolve(value);
    // Other VS Code flags (--no-sandbox, --disable-updates, --user-data-dir=…, …) do not apply:
    // every run gets a fresh profile and extensions folder of its own.
  }
  return options;
}

function newestSource(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => Math.max(newest, entry.isDirectory()
    ? newestSource(join(dir, entry.name))
    : statSync(join(dir, entry.name)).mtimeMs), 0);
}

/** Builds the bundles when they are missing or older than their sources. */
function ensureBuilt() {
  const bundles = ['dist/client/extension.js', 'dist/client/web.js', 'dist/server/web.js', 'dist/server/desktop.js', 'dist/test/vscode/index.js', 'dist/test/vscode-web/index.js'].map((f) => join(root, f));
  const oldestBundle = Math.min(...bundles.map((f) => (existsSync(f) ? statSync(f).mtimeMs : 0)));
  const sources = Math.max(...['client/src', 'server/src', 'server/schema', 'test/vscode/suite', 'test/vscode/web'].map((d) => newestSource(join(root, d))));
  if (oldestBundle > sources) return;
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) throw new Error('build failed');
}

/** Counts from mocha's spec reporter ("  12 passing (3s)", "  2 pending", "  1 failing"); pending tests are skipped ones. */
function mochaCounts(lines) {
  const text = lines.join('\n');
  const last = (re) => [...text.matchAll(re)].pop()?.[1];
  return {
    passed: Number(last(/^\s*(\d+) passing/gm) ?? 0),
    failed: Number(last(/^\s*(\d+) failing/gm) ?? 0),
    skipped: Number(last(/^\s*(\d+) pending/gm) ?? 0),
    reported: /^\s*\d+ passing/m.test(text),
  };
}

/** The user setting that makes the workbench run the extension in the web worker extension host. */
const WEB_EXTENSION_KIND = webExtensionKind(manifest);
/** Where the web suite's module goes inside the installed extension. */
const WEB_TESTS = 'dist/test/vscode-web/index.js';

/**
 * One VS Code session running a suite. `extension` is { developmentPath } (a folder loaded as in
 * F5 debugging) or { vsix } (installed first, as a user would); `web` runs it in the web worker
 * extension host (the test module `testsPath` is copied into the installed extension). Returns
 * { exitCode, passed, failed, skipped }.
 */
async function runOnce({ vscodeDir, extension, testsPath, fixtures, grep, timeoutMs, resultsDir, screenshotDir, web = false, log }) {
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const temp = mkdtempSync(join(tmpdir(), 'integration-designer-vscode-'));
  const serverDataDir = join(temp, 'server-data');
  const extensionsDir = join(temp, 'extensions');
  mkdirSync(extensionsDir);
  // Tests may fix and save files: they work on a copy, never on the repository.
  const workspace = join(temp, 'workspace');
  if (existsSync(fixtures) && statSync(fixtures).isDirectory()) cpSync(fixtures, workspace, { recursive: true });
  else mkdirSync(workspace);

  const lines = [];
  const hostLog = [];
  const print = (line) => {
    lines.push(line);
    log(line);
  };
  // Everything the extension host logs goes to <resultsDir>/extension-host.log; known harmless
  // noise of this VS Code build is kept out of the console.
  const hostMessage = (message) => {
    hostLog.push(message);
    if (!NOISE.some((pattern) => pattern.test(message))) print(message);
  };
  let browser;
  let server;
  const ui = await serveUiRequests({ screenshotDir, log: (message) => process.stderr.write(`[ui] ${message}\n`) });
  seedUserSettings(serverDataDir, {
    ...QUIET_SETTINGS,
    'integrationDesignerTest.uiDriver': ui.url,
    ...(web ? WEB_EXTENSION_KIND : {}),
    ...(web && grep ? { 'integrationDesignerTest.grep': grep } : {}),
  });
  const cleanup = async () => {
    ui.close();
    await browser?.close().catch(() => {});
    server?.stop();
    // Keep VS Code's logs (server, extension host, output channels) for diagnosis.
    const logs = join(serverDataDir, 'data', 'logs');
    if (existsSync(logs)) cpSync(logs, join(resultsDir, 'logs'), { recursive: true });
    rmSync(temp, { recursive: true, force: true });
  };
  const onSignal = () => { cleanup().finally(() => process.exit(130)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let exitCode;
  let timer;
  try {
    let developmentPath = extension.developmentPath;
    let tests = testsPath;
    if (extension.vsix) {
      installExtension(vscodeDir, { vsix: extension.vsix, extensionsDir, serverDataDir });
      // VS Code runs extension tests only in extension-development mode, so the installed
      // folder (exactly what the .vsix unpacked to) is also named as the development path.
      const installed = readdirSync(extensionsDir).find((name) => name.startsWith(`${manifest.publisher}.${manifest.name}-`));
      if (!installed) throw new Error(`the .vsix did not install into ${extensionsDir}`);
      developmentPath = join(extensionsDir, installed);
    }
    if (web) {
      // The workbench runs a test module in the host of the extension whose folder holds it.
      tests = join(developmentPath, WEB_TESTS);
      mkdirSync(join(tests, '..'), { recursive: true });
      cpSync(testsPath, tests);
    }
    server = startServer(vscodeDir, { serverDataDir, extensionsDir, env: grep ? { MOCHA_GREP: grep } : {} });
    const { port } = await server.ready;

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    // The workbench calls these (when present) with every console.* of the extension host and
    // with the test run's result: 0 when run() resolved, 1 when it rejected or did not load.
    await page.exposeFunction('codeAutomationLog', (_level, args) => hostMessage(format(...(Array.isArray(args) ? args : [args]))));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    ui.attach(page);
    const payload = [
      ['extensionDevelopmentPath', remoteUri({ port, path: developmentPath })],
      ['extensionTestsPath', remoteUri({ port, path: tests })],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const timedOut = new Promise((resolveTimeout) => { timer = setTimeout(() => resolveTimeout('timeout'), timeoutMs); });
    await page.goto(workbenchUrl({ port, folder: workspace, payload }));
    const outcome = await Promise.race([exited, timedOut]);
    if (outcome === 'timeout') {
      await page.screenshot({ path: join(resultsDir, 'timeout.png') }).catch(() => {});
      print(`The VS Code test run did not finish within ${timeoutMs} ms (screenshot: ${join(resultsDir, 'timeout.png')}).`);
      exitCode = EXIT.timeout;
    } else {
      exitCode = outcome === 0 ? EXIT.passed : EXIT.failed;
    }
  } catch (error) {
    print(`The VS Code test harness failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    exitCode = EXIT.harness;
  } finally {
    clearTimeout(timer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
    writeFileSync(join(resultsDir, 'extension-host.log'), `${hostLog.join('\n')}\n`);
  }
  const counts = mochaCounts(lines);
  if (exitCode === EXIT.passed && (!counts.reported || counts.failed > 0)) {
    print(counts.reported ? 'mocha reported failures but the run succeeded' : 'mocha reported no results');
    exitCode = EXIT.failed;
  }
  // A run that failed without mocha reporting a failure (module did not load, harness error,
  // timeout) still counts as one failure.
  return { exitCode, passed: counts.passed, failed: exitCode === EXIT.passed ? 0 : Math.max(counts.failed, 1), skipped: counts.skipped };
}

/** What the second pass of the default run checks on the installed .vsix. */
const PACKAGED_GREP = 'The integration-yaml language|The TextMate grammar|Language features|Code actions|Estate';

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const defaultRun = options.testsPath === undefined && options.vsix === undefined && !options.web;
  let vscodeDir;
  try {
    if (options.testsPath === undefined) ensureBuilt();
    assertChromium();
    vscodeDir = ensureVSCode();
  } catch (error) {
    console.log(`The VS Code test harness could not start: ${error.message}`);
    console.log('0 passed, 1 failed');
    process.exit(EXIT.harness);
  }
  const common = {
    vscodeDir,
    testsPath: options.testsPath ?? join(root, options.web ? WEB_TESTS : 'dist/test/vscode/index.js'),
    fixtures: options.workspace ?? join(root, 'test/vscode/fixtures'),
    timeoutMs: options.timeoutMs,
    log: (line) => process.stdout.write(`${line}\n`),
  };
  const runs = [];
  /** The packaged .vsix (built here unless --vsix names one), or undefined when packaging failed. */
  const packaged = (name) => {
    if (options.vsix) return options.vsix;
    const vsix = join(root, '.cache', 'vscode-test', name);
    try {
      packageExtension({ out: vsix, quiet: true });
      return vsix;
    } catch (error) {
      common.log(`Packaging failed: ${error.message}`);
      runs.push({ exitCode: EXIT.failed, passed: 0, failed: 1, skipped: 0 });
      return undefined;
    }
  };
  if (options.web) {
    // The installed .vsix in the web worker extension host.
    const vsix = packaged('extension-web.vsix');
    if (vsix) runs.push(await runOnce({ ...common, extension: { vsix }, web: true, grep: options.grep, resultsDir: options.resultsDir ?? join(root, 'test-results', 'vscode-web'), screenshotDir: join(root, 'test-results', 'ui-web') }));
  } else {
    const screenshotDir = join(root, 'test-results', 'ui');
    if (options.vsix === undefined) {
      runs.push(await runOnce({ ...common, extension: { developmentPath: options.developmentPath ?? root }, grep: options.grep, resultsDir: options.resultsDir ?? join(root, 'test-results', 'vscode'), screenshotDir }));
    }
    if (defaultRun || options.vsix !== undefined) {
      // What ships: the packaged .vsix, installed into VS Code's server like a user would.
      if (!options.vsix) common.log('\n=== the same tests on the installed .vsix (what ships) ===');
      const vsix = packaged('extension.vsix');
      if (vsix) runs.push(await runOnce({ ...common, extension: { vsix }, grep: options.grep ?? PACKAGED_GREP, resultsDir: options.resultsDir ?? join(root, 'test-results', 'vscode-vsix'), screenshotDir }));
    }
  }
  const passed = runs.reduce((sum, r) => sum + r.passed, 0);
  const failed = runs.reduce((sum, r) => sum + r.failed, 0);
  const skipped = runs.reduce((sum, r) => sum + r.skipped, 0);
  const exitCode = runs.find((r) => r.exitCode !== EXIT.passed)?.exitCode ?? EXIT.passed;
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(exitCode);
}

await main();
