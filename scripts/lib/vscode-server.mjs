// Starting VS Code's server (from scripts/setup-vscode.mjs's install) and the headless Chromium
// that renders its workbench. Shared by scripts/vscode-test.mjs and scripts/demo.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for headless Chromium on a closed network, as root, without a GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Settings that keep a fresh profile quiet: no trust prompt, no welcome page, no update checks. */
export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * The user setting that makes the workbench run an extension with both `main` and `browser` in
 * its web worker extension host, as vscode.dev and github.dev do (code-server has a Node one).
 */
export function webExtensionKind(manifest) {
  return { 'remote.extensionKind': { [`${manifest.publisher}.${manifest.name}`]: ['web'] } };
}

export function seedUserSettings(serverDataDir, settings) {
  const dir = join(serverDataDir, 'data', 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/** Installs a .vsix into extensionsDir with VS Code's own server CLI (offline). */
export function installExtension(vscodeDir, { vsix, extensionsDir, serverDataDir }) {
  execFileSync(process.execPath, [
    join(vscodeDir, 'out', 'server-main.js'),
    '--install-extension', vsix, '--force',
    '--extensions-dir', extensionsDir,
    '--server-data-dir', serverDataDir,
    '--accept-server-license-terms',
  ], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EXTENSIONS_GALLERY: '{}' } });
}

/**
 * Starts `server-main.js` in its own process group and resolves when it listens.
 * Returns { port, child, stop() }; stop() kills the whole group (extension host, language server).
 */
export function startServer(vscodeDir, { serverDataDir, logsPath, extensionsDir, host = '127.0.0.1', port = 0, env = {}, onOutput } = {}) {
  const args = [
    join(vscodeDir, 'out', 'server-main.js'),
    '--host', host,
    '--port', String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--disable-telemetry',
    '--disable-workspace-trust',
    '--server-data-dir', serverDataDir,
  ];
  if (logsPath) args.push('--logsPath', logsPath);
  if (extensionsDir) args.push('--extensions-dir', extensionsDir);
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // An empty gallery: otherwise the server tries to reach the marketplace at every start.
    env: { ...process.env, EXTENSIONS_GALLERY: '{}', ...env },
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  const ready = new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      onOutput?.(text);
      seen = (seen + text).slice(-4096);
      const match = /Extension host agent listening on (\d+)/.exec(seen);
      if (match) resolve({ port: Number(match[1]), child, stop });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('exit', (code, signal) => reject(new Error(`VS Code server exited before listening (code ${code}, signal ${signal}):\n${seen}`)));
  });
  return { child, stop, ready };
}

export function assertChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.`);
  }
}

/** The workbench URL that opens `folder` (and optionally runs extension tests). */
export function workbenchUrl({ host = '127.0.0.1', port, folder, payload }) {
  const url = new URL(`http://${host}:${port}/`);
  if (folder) url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A vscode-remote:// URI for a path on the server, as the workbench at host:port sees it. */
export function remoteUri({ host = '127.0.0.1', port, path }) {
  return `vscode-remote://${host}:${port}${path}`;
}
