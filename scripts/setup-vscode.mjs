#!/usr/bin/env node
// Installs VS Code's server and web workbench (from the npm package code-server, which carries
// the VS Code build in lib/vscode) into .vscode-test/, for the real-VS-Code tests and the demo.
// Only the npm registry is needed. Idempotent: a finished install is reused in milliseconds.
//   node scripts/setup-vscode.mjs        prints the install folder
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, '.vscode-test');
export const vscodeDir = join(cacheDir, `vscode-${CODE_SERVER_VERSION}`);
const marker = join(vscodeDir, '.installed');

function findOnPath(command) {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

function run(command, args, cwd) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Best effort (about 40 s, once): builds the two native modules VS Code uses for log files
 * (@vscode/spdlog) and its parent-process watchdog. Without them VS Code still runs, but writes
 * no log files (so no output-channel logs to read after a failed test run).
 */
function rebuildLoggingModules(target, log) {
  const nodeDir = dirname(dirname(process.execPath));
  if (!existsSync(join(nodeDir, 'include', 'node', 'node.h')) || !findOnPath('g++') || !findOnPath('make')) {
    log('Skipping the native log modules (needs node headers, g++ and make): VS Code will write no log files.');
    return;
  }
  try {
    log('Building VS Code\'s native log modules (once) …');
    execFileSync('npm', ['rebuild', '@vscode/spdlog', 'native-watchdog', '--loglevel=error'], {
      cwd: target, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, npm_config_nodedir: nodeDir },
    });
  } catch (error) {
    log(`Could not build the native log modules (VS Code will write no log files): ${String(error.stderr ?? error.message).slice(0, 500)}`);
  }
}

/** Returns the folder holding VS Code's out/server-main.js, installing it first if needed. */
export function ensureVSCode({ quiet = false } = {}) {
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === CODE_SERVER_VERSION) return vscodeDir;
  const rg = findOnPath('rg');
  if (!rg) throw new Error('ripgrep (rg) is not on PATH; install it first (Debian: apt-get install ripgrep).');
  const log = (message) => quiet || console.error(message);
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(cacheDir, 'staging-'));
  try {
    log(`Installing VS Code ${CODE_SERVER_VERSION} (from code-server on npm) into ${vscodeDir} …`);
    run('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--silent', '--pack-destination', staging], staging);
    const tarball = join(staging, `code-server-${CODE_SERVER_VERSION}.tgz`);
    const target = join(staging, 'vscode');
    mkdirSync(target);
    run('tar', ['xzf', tarball, '-C', target, '--strip-components=3', 'package/lib/vscode'], staging);
    rmSync(tarball);
    run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], target);
    // @vscode/ripgrep's postinstall downloads from GitHub; Debian's rg does the same job.
    const rgBin = join(target, 'node_modules', '@vscode', 'ripgrep', 'bin');
    mkdirSync(rgBin, { recursive: true });
    rmSync(join(rgBin, 'rg'), { force: true });
    symlinkSync(rg, join(rgBin, 'rg'));
    rebuildLoggingModules(target, log);
    writeFileSync(join(target, '.installed'), `${CODE_SERVER_VERSION}\n`);
    // Another run may have finished installing meanwhile: keep its copy (it may be running).
    if (existsSync(marker)) return vscodeDir;
    rmSync(vscodeDir, { recursive: true, force: true });
    renameSync(target, vscodeDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return vscodeDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  try {
    console.log(ensureVSCode());
    console.error(`VS Code ready in ${Date.now() - started} ms`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
