// What ships: the packaged extension's client bundle carries none of the core (the language
// server has it), and the .vsix stays small. Checked on the real .vsix that `npm run package` builds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
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

/** Strings only the core brings along: the yaml library's parser, the rules, the knowledge base, the generators. */
const CORE_MARKERS = [
  'Implicit keys need to be on a single line', // yaml's parser
  'YAMLParseError', // yaml's error class
  'local-postgres-copy', // a row of the decision table
  'connect-demo-max-rows', // a fact of the knowledge base
  '<!-- integration-lint artifact=', // the artifacts' header
];

describe('the packaged client bundle', () => {
  let client: string;
  let server: string;
  before(() => {
    const result = spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', vsix], { cwd: root, encoding: 'utf8' });
    assert.equal(result.status, 0, `packaging failed:\n${result.stdout}\n${result.stderr}`);
    client = zipEntry(vsix, 'extension/dist/client/extension.js').toString('utf8');
    server = zipEntry(vsix, 'extension/dist/server/main.js').toString('utf8');
  }, { timeout: 180_000 });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('carries none of the core; the server bundle has it', () => {
    for (const marker of CORE_MARKERS) {
      assert.ok(server.includes(marker), `the server bundle contains "${marker}" (so the check can see it)`);
      assert.ok(!client.includes(marker), `the client bundle contains "${marker}": it imports the core instead of asking the server`);
    }
    assert.ok(client.includes('integrationDesigner/walkthrough/state'), 'the client sends the walkthrough request');
  });

  it(`is under ${MAX_CLIENT_BYTES / 1024} KiB, and the .vsix under ${MAX_VSIX_BYTES / 1024} KiB`, () => {
    assert.ok(Buffer.byteLength(client) < MAX_CLIENT_BYTES, `dist/client/extension.js is ${Buffer.byteLength(client)} bytes`);
    assert.ok(statSync(vsix).size < MAX_VSIX_BYTES, `the .vsix is ${statSync(vsix).size} bytes`);
  });
});
