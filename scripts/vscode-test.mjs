#!/usr/bin/env node
// Runs the extension's mocha suite inside real VS Code: VS Code's server (code-server's build,
// installed by scripts/setup-vscode.mjs) runs the extension and the tests in its Node extension
// host; headless Chromium (playwright-core + Debian's chromium) renders the workbench.
//
//   node scripts/vscode-test.mjs [--grep=<mocha grep>] [--timeout=<ms>]
//       builds if needed, runs dist/test/vscode/index.js on a copy of test/vscode/fixtures/
//   <this file> --extensionDevelopmentPath=<dir> --extensionTestsPath=<module> [<workspace>]
//       the calling convention of a VS Code executable, so @vscode/test-electron's
//       runTests({ vscodeExecutablePath: <this file> }) works (see scripts/run-test-electron.mjs)
//
// Prints mocha's output and ends with the line "N passed, N failed". Exit codes: 0 all passed,
// 1 a test failed (or the test module failed to load), 2 the harness could not start, 124 the
// run exceeded its overall timeout. During the run, tests may ask for UI checks (test/ui/).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import { ensureVSCode } from './setup-vscode.mjs';
import { assertChromium, CHROMIUM, CHROMIUM_ARGS, QUIET_SETTINGS, remoteUri, seedUserSettings, startServer, workbenchUrl } from './lib/vscode-server.mjs';
import { serveUiRequests } from '../test/ui/server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
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
];

function parseArgs(argv) {
  const options = { developmentPath: undefined, testsPath: undefined, workspace: undefined, grep: undefined, timeoutMs: 10 * 60 * 1000 };
  for (const arg of argv) {
    const [flag, value] = arg.startsWith('--') ? [arg.slice(2, arg.includes('=') ? arg.indexOf('=') : undefined), arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : ''] : [undefined, arg];
    if (flag === undefined) options.workspace ??= resolve(value);
    else if (flag === 'extensionDevelopmentPath') options.developmentPath = resolve(value);
    else if (flag === 'extensionTestsPath') options.testsPath = resolve(value);
    else if (flag === 'grep') options.grep = value;
    else if (flag === 'timeout') options.timeoutMs = Number(value);
    // Other VS Code flags (--no-sandbox, --disable-updates, --user-data-dir=…, …) do not apply:
    // every run gets a fresh profile and extensions folder of its own.
  }
  return options;
}

/** Builds the bundles when the default run finds them missing. */
function ensureBuilt() {
  if (existsSync(join(root, 'dist/client/extension.js')) && existsSync(join(root, 'dist/test/vscode/index.js'))) return;
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (built.status !== 0) throw new Error('build failed');
}

/** Counts from mocha's spec reporter ("  12 passing (3s)", "  1 failing"). */
function mochaCounts(lines) {
  const text = lines.join('\n');
  const last = (re) => [...text.matchAll(re)].pop()?.[1];
  return { passed: Number(last(/^\s*(\d+) passing/gm) ?? 0), failed: Number(last(/^\s*(\d+) failing/gm) ?? 0), reported: /^\s*\d+ passing/m.test(text) };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const defaultRun = options.testsPath === undefined;
  if (defaultRun) ensureBuilt();
  const developmentPath = options.developmentPath ?? root;
  const testsPath = options.testsPath ?? join(root, 'dist/test/vscode/index.js');
  const fixtures = options.workspace ?? join(root, 'test/vscode/fixtures');

  assertChromium();
  const vscodeDir = ensureVSCode();
  const resultsDir = join(root, 'test-results', 'vscode');
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  const temp = mkdtempSync(join(tmpdir(), 'integration-designer-vscode-'));
  const serverDataDir = join(temp, 'server-data');
  const uiRequests = join(temp, 'ui-requests');
  mkdirSync(uiRequests);
  seedUserSettings(serverDataDir, QUIET_SETTINGS);
  // Tests may fix and save files: they work on a copy, never on the repository.
  const workspace = join(temp, 'workspace');
  if (existsSync(fixtures) && statSync(fixtures).isDirectory()) cpSync(fixtures, workspace, { recursive: true });
  else mkdirSync(workspace);

  const lines = [];
  const hostLog = [];
  const log = (line) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  // Everything the extension host logs goes to test-results/vscode/extension-host.log; known
  // harmless noise of this VS Code build is kept out of the console.
  const hostMessage = (message) => {
    hostLog.push(message);
    if (!NOISE.some((pattern) => pattern.test(message))) log(message);
  };
  let browser;
  let server;
  let stopUi = () => {};
  const cleanup = async () => {
    stopUi();
    await browser?.close().catch(() => {});
    server?.stop();
    // Keep VS Code's logs (server, extension host, output channels) for diagnosis.
    const logs = join(serverDataDir, 'data', 'logs');
    if (existsSync(logs)) cpSync(logs, join(resultsDir, 'logs'), { recursive: true });
    rmSync(temp, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => { cleanup().finally(() => process.exit(130)); });
  }

  let exitCode;
  let timer;
  try {
    const started = startServer(vscodeDir, {
      serverDataDir,
      extensionsDir: join(temp, 'extensions'),
      env: {
        INTEGRATION_DESIGNER_UI_REQUESTS: uiRequests,
        ...(options.grep ? { MOCHA_GREP: options.grep } : {}),
      },
    });
    server = started;
    const { port } = await started.ready;

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit;
    const exited = new Promise((r) => { resolveExit = r; });
    // The workbench calls these (when present) with every console.* of the extension host and
    // with the test run's result: 0 when run() resolved, 1 when it rejected or did not load.
    await page.exposeFunction('codeAutomationLog', (_level, args) => hostMessage(format(...(Array.isArray(args) ? args : [args]))));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    stopUi = serveUiRequests({ page, directory: uiRequests, screenshotDir: join(root, 'test-results', 'ui'), log: (message) => process.stderr.write(`[ui] ${message}\n`) });
    const payload = [
      ['extensionDevelopmentPath', remoteUri({ port, path: developmentPath })],
      ['extensionTestsPath', remoteUri({ port, path: testsPath })],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    const timedOut = new Promise((resolveTimeout) => { timer = setTimeout(() => resolveTimeout('timeout'), options.timeoutMs); });
    await page.goto(workbenchUrl({ port, folder: workspace, payload }));
    const outcome = await Promise.race([exited, timedOut]);
    if (outcome === 'timeout') {
      await page.screenshot({ path: join(resultsDir, 'timeout.png') }).catch(() => {});
      log(`The VS Code test run did not finish within ${options.timeoutMs} ms (screenshot: test-results/vscode/timeout.png).`);
      exitCode = EXIT.timeout;
    } else {
      exitCode = outcome === 0 ? EXIT.passed : EXIT.failed;
    }
  } catch (error) {
    log(`The VS Code test harness failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    exitCode = EXIT.harness;
  } finally {
    clearTimeout(timer);
    await cleanup();
    writeFileSync(join(resultsDir, 'extension-host.log'), `${hostLog.join('\n')}\n`);
  }
  const counts = mochaCounts(lines);
  if (exitCode === EXIT.passed && (!counts.reported || counts.failed > 0)) {
    log(counts.reported ? 'mocha reported failures but the run succeeded' : 'mocha reported no results');
    exitCode = EXIT.failed;
  }
  // A run that failed without mocha reporting a failure (module did not load, harness error,
  // timeout) still counts as one failure.
  const failed = exitCode === EXIT.passed ? 0 : Math.max(counts.failed, 1);
  console.log(`${counts.passed} passed, ${failed} failed`);
  process.exit(exitCode);
}

await main();
