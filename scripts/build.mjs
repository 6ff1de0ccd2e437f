#!/usr/bin/env node
// Bundles every entry point with esbuild. `--production` minifies (for packaging);
// otherwise bundles carry source maps. A missing entry point fails the build.
import { build, transform } from 'esbuild';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const production = process.argv.includes('--production');
// --outdir <dir> builds elsewhere than dist/ (the benchmark measures production bundles
// without touching the dist/ that tests are running from).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist';

const node = { platform: 'node', format: 'cjs', target: 'node20' };

/**
 * The language server's bin starts Node with the launch profile VS Code uses
 * (server/src/protocol/launchProfile.ts), so `integration-lint-server --stdio` behaves the same
 * in any editor: `env -S` (and npm's Windows shims) read flags and variables from the line.
 */
async function serverShebang() {
  const { code } = await transform(readFileSync(join(root, 'server/src/protocol/launchProfile.ts'), 'utf8'), { loader: 'ts', format: 'esm' });
  const { SERVER_ENV, SERVER_NODE_FLAGS } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const variables = Object.entries(SERVER_ENV).map(([name, value]) => `${name}=${value}`);
  return `#!/usr/bin/env -S ${[...variables, 'node', ...SERVER_NODE_FLAGS].join(' ')}`;
}

const ENTRIES = [
  { in: 'server/src/node/serverMain.ts', out: 'dist/server/main.js', ...node, shebang: await serverShebang() },
  { in: 'server/src/cli/main.ts', out: 'dist/cli/main.js', ...node, shebang: '#!/usr/bin/env node' },
  { in: 'client/src/extension.ts', out: 'dist/client/extension.js', ...node, external: ['vscode'] },
  { in: 'client/src/webview/main.ts', out: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022' },
  { in: 'test/vscode/suite/index.ts', out: 'dist/test/vscode/index.js', ...node, external: ['vscode', 'mocha'], testOnly: true },
];

// A production build starts clean (it is what gets packaged); a development build only
// overwrites its outputs, so a build never pulls files from under a running test.
if (production) rmSync(join(root, outdir), { recursive: true, force: true });
const missing = ENTRIES.filter((e) => !existsSync(join(root, e.in)));
if (missing.length > 0) {
  console.error(`Entry points missing: ${missing.map((e) => e.in).join(', ')}`);
  process.exit(1);
}
const started = Date.now();
await Promise.all(ENTRIES.filter((e) => !(production && e.testOnly)).map((e) => build({
  entryPoints: [join(root, e.in)],
  outfile: join(root, e.out.replace(/^dist\//, `${outdir}/`)),
  bundle: true,
  platform: e.platform,
  format: e.format,
  target: e.target,
  external: e.external ?? [],
  minify: production,
  sourcemap: production ? false : 'linked',
  banner: e.shebang ? { js: e.shebang } : undefined,
  legalComments: 'none',
  logLevel: 'warning',
})));
// The bins (package.json "bin") must be executable for npx and npm's links.
for (const e of ENTRIES.filter((e) => e.shebang)) {
  const out = join(root, e.out.replace(/^dist\//, `${outdir}/`));
  if (existsSync(out)) chmodSync(out, 0o755);
}
// One character outside ASCII anywhere in a bundle (esbuild escapes strings, not regular
// expressions) makes V8 hold the whole source as UTF-16: twice the memory, 0.6 MB more
// for the language server. Write such characters as \u escapes. (Development bundles keep
// comments, which may say "→".)
for (const e of ENTRIES.filter((e) => production && e.platform === 'node')) {
  const out = join(root, e.out.replace(/^dist\//, `${outdir}/`));
  if (!existsSync(out)) continue;
  const text = readFileSync(out, 'utf8');
  const at = text.search(/[^\x00-\x7f]/);
  if (at >= 0) {
    console.error(`${e.out}: character U+${text.codePointAt(at).toString(16).toUpperCase().padStart(4, '0')} is not ASCII, near: ${text.slice(Math.max(0, at - 60), at + 20)}`);
    process.exit(1);
  }
}
console.log(`built ${production ? '(production) ' : ''}in ${Date.now() - started} ms`);
