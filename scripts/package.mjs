#!/usr/bin/env node
// Builds the extension's .vsix, offline:
//   node scripts/package.mjs [--out <file.vsix>]      (default: <name>-<version>.vsix in the repo)
// Works on a copy of the repository (.cache/package-*/) so the production build does not replace
// the development bundles in dist/: the copy gets `node scripts/build.mjs --production`, then
// `vsce package --no-dependencies` (everything is bundled; .vscodeignore lists what ships).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Never copied into the packaging folder: installs, caches, outputs. */
const SKIPPED = new Set(['node_modules', '.git', 'dist', '.vscode-test', 'test-results', '.cache', 'out']);

export function packageExtension({ out, quiet = false } = {}) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = resolve(out ?? join(root, `${pkg.name}-${pkg.version}.vsix`));
  mkdirSync(join(root, '.cache'), { recursive: true });
  const stage = mkdtempSync(join(root, '.cache', 'package-'));
  const stdio = ['ignore', quiet ? 'ignore' : 'inherit', 'inherit'];
  try {
    for (const name of readdirSync(root)) {
      if (SKIPPED.has(name) || name.endsWith('.vsix')) continue;
      cpSync(join(root, name), join(stage, name), { recursive: true });
    }
    // The bundler resolves dependencies from the repository's install.
    symlinkSync(join(root, 'node_modules'), join(stage, 'node_modules'), 'dir');
    execFileSync(process.execPath, [join(stage, 'scripts', 'build.mjs'), '--production'], { cwd: stage, stdio });
    mkdirSync(dirname(vsix), { recursive: true });
    rmSync(vsix, { force: true });
    execFileSync(process.execPath, [join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], { cwd: stage, stdio });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return vsix;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const index = process.argv.indexOf('--out');
  try {
    const vsix = packageExtension({ out: index > 0 ? process.argv[index + 1] : undefined });
    console.log(`${basename(vsix)}: ${(statSync(vsix).size / 1024).toFixed(0)} KiB at ${vsix}`);
  } catch (error) {
    console.error(`Packaging failed: ${error.message}`);
    process.exit(1);
  }
}
