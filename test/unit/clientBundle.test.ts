// What ships: the packaged extension's client carries none of the core (the language server has
// it); desktop VS Code and the web share one client and one server script, so the desktop's own
// entry points are small launchers; and the .vsix stays small. Checked on the real .vsix that
// `npm run package` builds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { zipEntry } from '../helpers/zip';

const root = join(__dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'integration-designer-bundle-'));
const vsix = join(temp, 'extension.vsix');

/** The limit the extension must stay under (a Marketplace-friendly download). */
const MAX_VSIX_BYTES = 500 * 1024;
/**
 * The client bundle is vscode-languageclient plus the extension's own thin code. Bundling the
 * core again (parser, rules, knowledge, generators) would add hundreds of kilobytes.
 */
const MAX_CLIENT_BYTES = 600 * 1024;
/** The desktop launchers add only what Node has; a second copy of a library or the core would be far bigger. */
const MAX_LAUNCHER_BYTES = 16 * 1024;

/** Strings only the core brings along: the yaml library's parser, the rules, the knowledge base, the generators. */
const CORE_MARKERS = [
  'Implicit keys need to be on a single line', // yaml's parser
  'YAMLParseError', // yaml's error class
  'local-postgres-copy', // a row of the decision table
  'connect-demo-max-rows', // a fact of the knowledge base
  '<!-- integration-lint artifact=', // the artifacts' header
];
/** Strings of the LSP libraries (vscode-jsonrpc's message reader): a launcher must load them from the shared script. */
const LIBRARY_MARKERS = ['Header must provide a Content-Length property', 'Unknown message type'];

describe('the packaged extension\'s bundles', () => {
  const entry = (path: string) => zipEntry(vsix, `extension/${path}`).toString('utf8');
  let client: string;
  let server: string;
  before(() => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', vsix], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, `packaging failed:\n${result.stdout}\n${result.stderr}`);
    client = entry('dist/client/web.js');
    server = entry('dist/server/web.js');
  }, { timeout: 180_000 });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('the client carries none of the core; the server script has it', () => {
    for (const marker of CORE_MARKERS) {
      assert.ok(server.includes(marker), `the server script contains "${marker}" (so the check can see it)`);
      assert.ok(!client.includes(marker), `the client contains "${marker}": it imports the core instead of asking the server`);
    }
    assert.ok(client.includes('integrationDesigner/walkthrough/state'), 'the client sends the walkthrough request');
  });

  it('desktop VS Code\'s entry points load the shared client and server script instead of carrying them', () => {
    const manifest = JSON.parse(entry('package.json')) as { main: string; browser: string };
    const launchers = { [manifest.main.replace(/^\.\//, '')]: './web.js', 'dist/server/desktop.js': './web.js' };
    for (const [launcher, shared] of Object.entries(launchers)) {
      const code = entry(launcher);
      assert.ok(Buffer.byteLength(code) < MAX_LAUNCHER_BYTES, `${launcher} is ${Buffer.byteLength(code)} bytes`);
      assert.ok(code.includes(`"${shared}"`), `${launcher} loads ${shared}`);
      for (const marker of [...LIBRARY_MARKERS, ...CORE_MARKERS]) assert.ok(!code.includes(marker), `${launcher} carries "${marker}"`);
    }
    for (const marker of LIBRARY_MARKERS) assert.ok(client.includes(marker) && server.includes(marker), `the shared scripts have "${marker}" (so the check can see it)`);
    assert.equal(manifest.browser, './dist/client/web.js');
  });

  it(`is under ${MAX_CLIENT_BYTES / 1024} KiB, and the .vsix under ${MAX_VSIX_BYTES / 1024} KiB`, () => {
    assert.ok(Buffer.byteLength(client) < MAX_CLIENT_BYTES, `dist/client/web.js is ${Buffer.byteLength(client)} bytes`);
    assert.ok(statSync(vsix).size < MAX_VSIX_BYTES, `the .vsix is ${statSync(vsix).size} bytes`);
  });
});
