#!/usr/bin/env node
// `npm run demo`: the extension as a user gets it, in VS Code in your browser, offline.
// Packages the .vsix, installs it into VS Code's server (its own extensions folder under
// .cache/demo/), serves VS Code on 127.0.0.1 with examples/ open, prints the URL and keeps
// running until Ctrl-C.
//   node scripts/demo.mjs [--port <n>] [--folder <path>] [--web]
//   --web   runs the extension as a web extension (VS Code's web worker extension host, the
//           language server in a Web Worker), as vscode.dev and github.dev do
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageExtension } from './package.mjs';
import { ensureVSCode } from './setup-vscode.mjs';
import { installExtension, QUIET_SETTINGS, seedUserSettings, startServer, webExtensionKind, workbenchUrl } from './lib/vscode-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const port = Number(option('port', process.env.PORT ?? '0'));
const folder = resolve(option('folder', join(root, 'examples')));
if (!existsSync(folder)) {
  console.error(`No folder to open at ${folder}.`);
  process.exit(1);
}

const demoDir = join(root, '.cache', 'demo');
rmSync(demoDir, { recursive: true, force: true });
const extensionsDir = join(demoDir, 'extensions');
const serverDataDir = join(demoDir, 'server-data');
mkdirSync(extensionsDir, { recursive: true });
// A fresh profile each run: quiet (no welcome page, no trust prompt, no update checks).
const web = process.argv.includes('--web');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
seedUserSettings(serverDataDir, { ...QUIET_SETTINGS, ...(web ? webExtensionKind(manifest) : {}) });

console.log('Packaging the extension …');
const vsix = packageExtension({ out: join(demoDir, 'integration-designer.vsix'), quiet: true });
console.log('Preparing VS Code …');
const vscodeDir = ensureVSCode();
installExtension(vscodeDir, { vsix, extensionsDir, serverDataDir });

const server = startServer(vscodeDir, { serverDataDir, extensionsDir, port });
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.child.on('exit', (code) => {
  console.error(`VS Code's server stopped (exit code ${code}).`);
  process.exit(code ?? 1);
});

try {
  const { port: actualPort } = await server.ready;
  console.log(`\nVS Code with the Integration Designer extension (installed from ${relative(root, vsix)}${web ? ', running as a web extension' : ''}):\n`);
  console.log(`  ${workbenchUrl({ port: actualPort, folder })}\n`);
  console.log('Open one of the designs in examples/. Press Ctrl-C to stop.');
} catch (error) {
  console.error(error.message);
  server.stop();
  process.exit(1);
}
