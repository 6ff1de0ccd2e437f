#!/usr/bin/env node
// Bundles every entry point with esbuild. `--production` minifies (for packaging);
// otherwise bundles carry source maps. A missing entry point fails the build.
import { build, transform } from 'esbuild';
import { chmodSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isAbsolute, join } from 'node:path';
import { nodeLeftoversIn, noNodeBuiltins } from './lib/no-node-builtins.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const production = process.argv.includes('--production');
// --outdir <dir> builds elsewhere than dist/ (the benchmark measures production bundles
// without touching the dist/ that tests are running from).
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist';

const node = { platform: 'node', format: 'cjs', target: 'node20' };
/**
 * The web extension's bundles run in VS Code's web worker extension host and in a Web Worker:
 * no Node. The guard fails the build on any Node built-in or unguarded Node global in them.
 */
const web = { platform: 'browser', target: 'es2022', web: true };

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

export const ENTRIES = [
  { in: 'server/src/node/serverMain.ts', out: 'dist/server/main.js', ...node, shebang: await serverShebang() },
  { in: 'server/src/cli/main.ts', out: 'dist/cli/main.js', ...node, shebang: '#!/usr/bin/env node' },
  { in: 'client/src/webview/main.ts', out: 'dist/webview/main.js', ...web, format: 'iife' },
  // The extension ships one client and one server script, both web bundles (package.json
  // "browser"; in a Web Worker on the web): CommonJS is what the web worker extension host loads
  // (with only `vscode` to require), the server is one self-contained script for a Worker.
  { in: 'client/src/browser/extension.ts', out: 'dist/client/web.js', ...web, format: 'cjs', external: ['vscode'] },
  { in: 'server/src/browser/serverMain.ts', out: 'dist/server/web.js', ...web, format: 'iife' },
  // Desktop VS Code ("main") loads the same two at run time (`shared`: never bundled twice) and adds
  // what only Node has: starting the server as a process, and the server's disk.
  { in: 'client/src/extension.ts', out: 'dist/client/extension.js', ...node, external: ['vscode'], shared: { source: 'client/src/browser/extension', bundle: './web.js' } },
  { in: 'server/src/node/desktopMain.ts', out: 'dist/server/desktop.js', ...node, shared: { source: 'server/src/browser/serverMain', bundle: './web.js' } },
  { in: 'test/vscode/suite/index.ts', out: 'dist/test/vscode/index.js', ...node, external: ['vscode', 'mocha'], testOnly: true },
  // The web host suite is loaded from inside the installed extension (scripts/vscode-test.mjs --web).
  { in: 'test/vscode/web/index.ts', out: 'dist/test/vscode-web/index.js', ...web, format: 'cjs', external: ['vscode'], testOnly: true },
];

/**
 * Imports of the module `source` (a path from the repository root, without extension) are not
 * bundled but loaded at run time from `bundle`, a sibling output: the desktop entries reuse the
 * web bundles instead of carrying a second copy (a smaller .vsix).
 */
function sharedBundle({ source, bundle }) {
  const target = join(root, source);
  return {
    name: 'shared-bundle',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => (join(args.resolveDir, args.path).replace(/\.ts$/, '') === target ? { path: bundle, external: true } : undefined));
    },
  };
}

/**
 * Bundles one entry (`e.in`, a path from the repository root, or absolute) into `outfile`; web
 * entries go through the guard and the metafile check. Throws with esbuild's errors.
 */
export async function bundle(e, { outfile, production = false, logLevel = 'warning' }) {
  const result = await build({
    entryPoints: [isAbsolute(e.in) ? e.in : join(root, e.in)],
    outfile,
    bundle: true,
    platform: e.platform,
    format: e.format,
    target: e.target,
    external: e.external ?? [],
    minify: production,
    sourcemap: production ? false : 'linked',
    banner: e.shebang ? { js: e.shebang } : undefined,
    legalComments: 'none',
    logLevel,
    plugins: [...(e.web ? [noNodeBuiltins()] : []), ...(e.shared ? [sharedBundle(e.shared)] : [])],
    metafile: e.web === true,
  });
  // The second check on what was bundled: no module a "browser" field emptied, no external built-in.
  const leftovers = e.web ? nodeLeftoversIn(result.metafile) : [];
  if (leftovers.length > 0) throw Object.assign(new Error(`Node in a web bundle:\n  ${leftovers.join('\n  ')}`), { errors: leftovers.map((text) => ({ text })) });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

async function main() {
  // A production build starts clean (it is what gets packaged); a development build only
  // overwrites its outputs, so a build never pulls files from under a running test.
  if (production) rmSync(join(root, outdir), { recursive: true, force: true });
  const missing = ENTRIES.filter((e) => !existsSync(join(root, e.in)));
  if (missing.length > 0) {
    console.error(`Entry points missing: ${missing.map((e) => e.in).join(', ')}`);
    process.exit(1);
  }
  const started = Date.now();
  let failed = false;
  await Promise.all(ENTRIES.filter((e) => !(production && e.testOnly)).map(async (e) => {
    try {
      await bundle(e, { outfile: join(root, e.out.replace(/^dist\//, `${outdir}/`)), production });
    } catch (error) {
      // esbuild has printed its errors (the guard's name the file and the built-in or global).
      console.error(`${e.out}: ${error.errors ? `${error.errors.length} error(s)${error.message.startsWith('Node in') ? `: ${error.message}` : ', listed above'}` : error.message}`);
      failed = true;
    }
  }));
  if (failed) process.exit(1);
  // The bins (package.json "bin") must be executable for npx and npm's links.
  for (const e of ENTRIES.filter((e) => e.shebang)) {
    const out = join(root, e.out.replace(/^dist\//, `${outdir}/`));
    if (existsSync(out)) chmodSync(out, 0o755);
  }
  // One character outside ASCII anywhere in a bundle (esbuild escapes strings, not regular
  // expressions) makes V8 hold the whole source as UTF-16: twice the memory, 0.6 MB more
  // for the language server. Write such characters as \u escapes. (Development bundles keep
  // comments, which may say "→".) Every shipped bundle: desktop VS Code runs the web ones in Node too.
  for (const e of ENTRIES.filter((e) => production && !e.testOnly)) {
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
}
