// The guard of the web bundles (scripts/lib/no-node-builtins.mjs, used by scripts/build.mjs):
// what esbuild alone (platform: 'browser') lets into a bundle, that the guard stops each of
// them, and that the extension's web bundles pass it while the stdio server would not.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { build } from 'esbuild';
import type { BuildEntry } from '../../scripts/build.mjs';
import { builtinName, nodeLeftoversIn, noNodeBuiltins, unguardedNodeGlobals } from '../../scripts/lib/no-node-builtins.mjs';

const ROOT = join(__dirname, '../..');
const fixtures = mkdtempSync(join(tmpdir(), 'build-guard-'));
after(() => rmSync(fixtures, { recursive: true, force: true }));

/** Small modules, each bringing Node into a web bundle in its own way. */
const FIXTURES: Record<string, string> = {
  'clean.ts': "import { TextDocument } from 'vscode-languageserver-textdocument';\nexport const doc = TextDocument.create('file:///a', 'yaml', 1, 'a: 1');\n",
  'node-fs.ts': "import { readFileSync } from 'node:fs';\nexport const read = (p: string) => readFileSync(p, 'utf8');\n",
  'bare-path.ts': "import { join } from 'path';\nexport const where = join('a', 'b');\n",
  // The npm look-alike "buffer" is installed (a transitive dependency): esbuild alone takes it.
  'buffer-look-alike.ts': "import { Buffer } from 'buffer';\nexport const bytes = Buffer.from('hi');\n",
  // A dependency whose package.json says "browser": { "fs": false }: esbuild alone empties fs.
  'browser-disabled.ts': "import { readConfig } from 'fake-lib';\nexport const config = readConfig;\n",
  'node_modules/fake-lib/package.json': '{ "name": "fake-lib", "version": "1.0.0", "main": "index.js", "browser": { "fs": false } }\n',
  'node_modules/fake-lib/index.js': "const fs = require('fs');\nexports.readConfig = (p) => JSON.parse(fs.readFileSync(p, 'utf8'));\n",
  // Node through a dependency of a dependency: the Node entry of the LSP library.
  'deep-dependency.ts': "import { createConnection } from 'vscode-languageserver/node';\nexport const start = createConnection;\n",
  'node-globals.ts': 'export const home = process.env.HOME ?? __dirname;\n',
  'guarded-global.ts': "export const hasProcess = typeof process !== 'undefined' && process.env !== undefined;\n",
  // The extension's server script with one Node import more, as a change to the LSP layer could add.
  'server-with-node.ts': `import '${join(ROOT, 'server/src/browser/serverMain')}';\nimport { cpus } from 'node:os';\nexport const cores = cpus().length;\n`,
};
for (const [name, text] of Object.entries(FIXTURES)) {
  mkdirSync(join(fixtures, name, '..'), { recursive: true });
  writeFileSync(join(fixtures, name), text);
}

interface Outcome { readonly ok: boolean; readonly errors: string[]; readonly leftovers: string[] }

/** A browser build of one entry (in memory), with or without the guard. */
async function webBuild(entry: string, { guard = true, external = [] as string[] } = {}): Promise<Outcome> {
  try {
    const result = await build({
      entryPoints: [entry.startsWith('/') ? entry : join(fixtures, entry)], bundle: true, platform: 'browser', format: 'iife', write: false,
      metafile: true, logLevel: 'silent', external, nodePaths: [join(ROOT, 'node_modules')], plugins: guard ? [noNodeBuiltins()] : [],
    });
    return { ok: true, errors: [], leftovers: nodeLeftoversIn(result.metafile) };
  } catch (error) {
    return { ok: false, errors: (error as { errors: { text: string }[] }).errors.map((e) => e.text), leftovers: [] };
  }
}

describe('esbuild alone, for the browser', () => {
  it('already fails on node:fs and on a bare built-in name (no npm package of that name)', async () => {
    assert.equal((await webBuild('node-fs.ts', { guard: false })).ok, false);
    assert.equal((await webBuild('bare-path.ts', { guard: false })).ok, false);
  });

  it('quietly bundles the npm look-alike for `import { Buffer } from "buffer"`', async () => {
    assert.deepEqual(await webBuild('buffer-look-alike.ts', { guard: false }), { ok: true, errors: [], leftovers: [] });
  });

  it('quietly empties a module a dependency\'s "browser" field disables (only the metafile shows it)', async () => {
    const r = await webBuild('browser-disabled.ts', { guard: false });
    assert.equal(r.ok, true);
    assert.match(r.leftovers.join('\n'), /\(disabled\):fs/);
  });

  it('quietly keeps a built-in marked external (a require() that fails at run time)', async () => {
    const r = await webBuild('node-fs.ts', { guard: false, external: ['node:fs'] });
    assert.equal(r.ok, true);
    assert.match(r.leftovers.join('\n'), /imports external built-in "node:fs"/);
  });

  it('does not notice Node globals', async () => {
    assert.equal((await webBuild('node-globals.ts', { guard: false })).ok, true);
  });
});

describe('with the guard', () => {
  it('builds a module without Node, and one that tests for a Node global before using it', async () => {
    assert.deepEqual(await webBuild('clean.ts'), { ok: true, errors: [], leftovers: [] });
    assert.equal((await webBuild('guarded-global.ts')).ok, true);
  });

  for (const [fixture, expected] of [
    ['node-fs.ts', /Node built-in "node:fs" imported by a web bundle/],
    ['bare-path.ts', /Node built-in "path"/],
    ['buffer-look-alike.ts', /Node built-in "buffer"/],
    ['browser-disabled.ts', /Node built-in "fs"/],
    ['deep-dependency.ts', /Could not resolve "vscode-languageserver\/node"|Node built-in/],
    ['node-globals.ts', /Node global "(process|__dirname)" used in a web bundle/],
  ] as const) {
    it(`fails on ${fixture}`, async () => {
      const r = await webBuild(fixture);
      assert.equal(r.ok, false);
      assert.match(r.errors.join('\n'), expected);
    });
  }

  it('fails on a built-in even when it is marked external', async () => {
    const r = await webBuild('node-fs.ts', { external: ['node:fs'] });
    assert.equal(r.ok, false);
    assert.match(r.errors.join('\n'), /Node built-in "node:fs"/);
  });

  it('names built-ins however they are written, and finds globals by line', () => {
    assert.deepEqual(['node:fs/promises', 'fs/promises', 'child_process', 'yaml', 'vscode-languageserver/node'].map(builtinName), ['fs', 'fs', 'child_process', undefined, undefined]);
    assert.deepEqual(unguardedNodeGlobals('const a = 1;\n// process.env in a comment\nconst b = Buffer.from("x");\n').map((g) => [g.global, g.line]), [['Buffer', 3]]);
  });
});

describe('the extension\'s web bundles', () => {
  it('pass the guard: the client, the server script and the walkthrough page', async () => {
    for (const entry of ['client/src/browser/extension.ts', 'server/src/browser/serverMain.ts', 'client/src/webview/main.ts']) {
      const r = await webBuild(join(ROOT, entry), { external: ['vscode'] });
      assert.deepEqual(r, { ok: true, errors: [], leftovers: [] }, entry);
    }
  });

  it('would not take the Node-only code: the stdio server and the desktop client entry fail', async () => {
    const stdio = await webBuild(join(ROOT, 'server/src/node/serverMain.ts'));
    assert.equal(stdio.ok, false);
    assert.match(stdio.errors.join('\n'), /vscode-languageserver\/node|Node built-in|Node global/);
    const desktop = await webBuild(join(ROOT, 'client/src/extension.ts'), { external: ['vscode'] });
    assert.match(desktop.errors.join('\n'), /Node built-in "node:child_process"/);
  });
});

describe('scripts/build.mjs', async () => {
  // Imported at run time: the build script is an ES module with top-level await.
  const { bundle, ENTRIES } = await import('../../scripts/build.mjs');
  const web: BuildEntry[] = ENTRIES.filter((e) => e.platform === 'browser');

  it('builds every browser entry as a web bundle, through the guard', () => {
    assert.deepEqual(web.map((e) => e.out).sort(), ['dist/client/web.js', 'dist/server/web.js', 'dist/test/vscode-web/index.js', 'dist/webview/main.js']);
    for (const e of web) assert.equal(e.web, true, e.out);
  });

  it('fails when the server script takes in a Node built-in', async () => {
    const server = web.find((e) => e.out === 'dist/server/web.js')!;
    const outfile = join(fixtures, 'out', 'web.js');
    await bundle(server, { outfile, logLevel: 'silent' });
    await assert.rejects(bundle({ ...server, in: join(fixtures, 'server-with-node.ts') }, { outfile, logLevel: 'silent' }),
      (error: { errors?: { text: string }[] }) => /Node built-in "node:os" imported by a web bundle/.test((error.errors ?? []).map((e) => e.text).join('\n')));
  });
});
