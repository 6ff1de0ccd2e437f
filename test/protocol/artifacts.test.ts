// The artifact requests over stdio: integrationDesigner/artifacts/generate gives the same
// Markdown the CLI writes (the examples' committed artifacts); integrationDesigner/artifacts/write
// writes it beside the design through the core's writer, asking the client before it replaces
// hand edits (its own dialog when offered, else window/showMessageRequest).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ShowMessageRequestParams } from 'vscode-languageserver-protocol';
import {
  ARTIFACTS_CONFIRM_OVERWRITE_REQUEST, ARTIFACTS_WRITE_REQUEST,
  type ArtifactsGenerateResult, type ArtifactsWriteParams, type ArtifactsWriteResult, type ConfirmOverwriteParams, type ConfirmOverwriteResult,
} from '../../server/src/protocol';
import { makeFolderReadOnly } from '../helpers/readOnlyFolder';
import { type LspDriver, startServer } from '../helpers/lspDriver';

const ROOT = join(__dirname, '../..');
const DESIGN_NAME = 'orders-production.integration.yaml';
const DESIGN = readFileSync(join(ROOT, 'examples', DESIGN_NAME), 'utf8');
const committed = (kind: string) => readFileSync(join(ROOT, 'examples', DESIGN_NAME.replace(/\.yaml$/, `.${kind}.md`)), 'utf8');
const KINDS = ['recommendation', 'runbook', 'risks'] as const;
const names = (uris: readonly string[]) => uris.map((u) => fileURLToPath(u).slice(fileURLToPath(u).lastIndexOf('/') + 1));

describe('artifacts/generate over stdio', () => {
  let client: LspDriver;
  const temp = mkdtempSync(join(tmpdir(), 'protocol-artifacts-'));
  before(async () => { client = await startServer(); });
  after(async () => {
    await client.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  async function generate(params: Parameters<LspDriver['generateArtifacts']>[0]): Promise<ArtifactsGenerateResult> {
    const result = await client.generateArtifacts(params);
    assert.ok(result, 'the server answered');
    return result;
  }

  it('generates the examples\' committed artifacts from the synced copy of the design', async () => {
    // The design's file name, as the artifacts' header and links name it, comes from the URI.
    const uri = pathToFileURL(join(temp, 'synced', DESIGN_NAME)).href;
    client.open(uri, DESIGN);
    await client.waitForDiagnostics(uri, 1);
    const result = await generate({ uri, version: 1, kinds: [...KINDS] });
    assert.deepEqual(result.artifacts.map((a) => [a.kind, a.title, a.fileName]), [
      ['recommendation', 'Decision recommendation', 'orders-production.integration.recommendation.md'],
      ['runbook', 'Connection runbook', 'orders-production.integration.runbook.md'],
      ['risks', 'Risk register', 'orders-production.integration.risks.md'],
    ]);
    for (const artifact of result.artifacts) assert.equal(artifact.content, committed(artifact.kind), `${artifact.fileName} matches examples/`);
    assert.equal(result.errorCount, 0);
  });

  it('generates from the text sent for a design the server does not have, and counts its errors', async () => {
    const uri = pathToFileURL(join(temp, 'unsynced', DESIGN_NAME)).href;
    const runbook = await generate({ uri, text: DESIGN, kinds: ['runbook'] });
    assert.deepEqual(runbook.artifacts.map((a) => a.content), [committed('runbook')]);
    const broken = await generate({ uri: pathToFileURL(join(temp, 'broken.integration.yaml')).href, text: 'version: 1\nname: [broken\n', kinds: ['risks'] });
    assert.ok(broken.errorCount > 0);
    assert.match(broken.artifacts[0].content, /This design has \d+ errors?/);
  });

  it('refuses unknown kinds with an answer, not a crash', async () => {
    const uri = pathToFileURL(join(temp, DESIGN_NAME)).href;
    assert.equal(await client.generateArtifacts({ uri, text: DESIGN, kinds: ['poem' as 'risks'] }), null);
    await client.waitForLog((l) => /artifacts\/generate failed: .*Expected kinds/.test(l.message));
    assert.ok(await client.generateArtifacts({ uri, text: DESIGN, kinds: ['risks'] }));
  });
});

describe('artifacts/write over stdio, with the client\'s own overwrite dialog', () => {
  let client: LspDriver;
  const temp = mkdtempSync(join(tmpdir(), 'protocol-artifacts-write-'));
  const asked: ConfirmOverwriteParams[] = [];
  let answer: ConfirmOverwriteResult = 'cancel';
  before(async () => {
    client = await startServer({ initializationOptions: { confirmOverwriteRequest: true } });
    client.connection.onRequest(ARTIFACTS_CONFIRM_OVERWRITE_REQUEST, (params: ConfirmOverwriteParams) => {
      asked.push(params);
      return answer;
    });
  });
  after(async () => {
    await client.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  const write = (params: ArtifactsWriteParams) => client.connection.sendRequest(ARTIFACTS_WRITE_REQUEST, params) as Promise<ArtifactsWriteResult | null>;

  it('writes beside the design, leaves identical files alone and replaces unedited generated ones', async () => {
    const folder = mkdtempSync(join(temp, 'beside-'));
    const uri = pathToFileURL(join(folder, DESIGN_NAME)).href;
    const first = await write({ uri, text: DESIGN, kinds: [...KINDS] });
    assert.deepEqual(names(first!.written), KINDS.map((k) => `orders-production.integration.${k}.md`));
    for (const kind of KINDS) assert.equal(readFileSync(join(folder, `orders-production.integration.${kind}.md`), 'utf8'), committed(kind));
    assert.equal(first!.errorCount, 0);

    const again = await write({ uri, text: DESIGN, kinds: [...KINDS] });
    assert.deepEqual([again!.written, names(again!.unchanged)], [[], KINDS.map((k) => `orders-production.integration.${k}.md`)]);

    // A generated runbook from another version of the design: replaced without asking.
    const older = DESIGN.replace(/^name: .*$/m, 'name: Older');
    await write({ uri, text: older, kinds: ['runbook'] });
    const replaced = await write({ uri, text: DESIGN, kinds: ['runbook'] });
    assert.deepEqual(names(replaced!.written), ['orders-production.integration.runbook.md']);
    assert.equal(asked.length, 0, 'nothing with hand edits, so nothing asked');
  });

  it('asks before replacing hand edits or a foreign file, and does what the user chose', async () => {
    const folder = mkdtempSync(join(temp, 'edits-'));
    const uri = pathToFileURL(join(folder, DESIGN_NAME)).href;
    const runbook = join(folder, 'orders-production.integration.runbook.md');
    await write({ uri, text: DESIGN, kinds: ['runbook'] });
    writeFileSync(runbook, readFileSync(runbook, 'utf8').replace('## Open decisions', '## Open decisions (agreed on Monday)'));
    const edited = readFileSync(runbook, 'utf8');
    writeFileSync(join(folder, 'orders-production.integration.runbook (1).md'), 'taken\n');

    asked.length = 0;
    answer = 'cancel';
    const cancelled = await write({ uri, text: DESIGN, kinds: ['runbook', 'risks'] });
    assert.deepEqual(asked.map((a) => [a.reason, names([a.uri])[0], names([a.keepBothUri])[0]]), [['edited', 'orders-production.integration.runbook.md', 'orders-production.integration.runbook (2).md']]);
    assert.equal(cancelled!.cancelled, true);
    assert.deepEqual([cancelled!.written, names(cancelled!.kept)], [[], ['orders-production.integration.runbook.md']]);
    assert.equal(readFileSync(runbook, 'utf8'), edited, 'cancel leaves the edits');
    assert.equal(existsSync(join(folder, 'orders-production.integration.risks.md')), false, 'cancel stops the run');

    answer = 'keep-both';
    const both = await write({ uri, text: DESIGN, kinds: ['runbook'] });
    assert.deepEqual(names(both!.written), ['orders-production.integration.runbook (2).md']);
    assert.equal(readFileSync(runbook, 'utf8'), edited, 'keep both leaves the edits');
    assert.equal(readFileSync(join(folder, 'orders-production.integration.runbook (2).md'), 'utf8'), committed('runbook'));

    writeFileSync(join(folder, 'orders-production.integration.risks.md'), '# Our own risk register\n');
    asked.length = 0;
    answer = 'overwrite';
    const overwritten = await write({ uri, text: DESIGN, kinds: ['risks'] });
    assert.deepEqual(asked.map((a) => a.reason), ['foreign']);
    assert.deepEqual(names(overwritten!.written), ['orders-production.integration.risks.md']);
    assert.equal(readFileSync(join(folder, 'orders-production.integration.risks.md'), 'utf8'), committed('risks'));
  });

  it('asks before writing over a file the editor holds unsaved changes to', async () => {
    const folder = mkdtempSync(join(temp, 'unsaved-'));
    const uri = pathToFileURL(join(folder, DESIGN_NAME)).href;
    await write({ uri, text: DESIGN, kinds: ['risks'] });
    const risks = pathToFileURL(join(folder, 'orders-production.integration.risks.md')).href;
    asked.length = 0;
    answer = 'cancel';
    const result = await write({ uri, text: DESIGN.replace(/^name: .*$/m, 'name: Renamed'), kinds: ['risks'], unsavedDocuments: [risks] });
    assert.deepEqual(asked.map((a) => a.reason), ['unsaved']);
    assert.equal(result!.cancelled, true);
  });

  it('writes into the folder the integrationDesigner.artifacts.folder setting names, relative to the design', async () => {
    const folder = mkdtempSync(join(temp, 'setting-'));
    const uri = pathToFileURL(join(folder, DESIGN_NAME)).href;
    client.changeSettings({ artifacts: { folder: 'docs/integration' } });
    try {
      const result = await write({ uri, text: DESIGN, kinds: ['recommendation'] });
      assert.deepEqual(result!.written.map((u) => fileURLToPath(u)), [join(folder, 'docs/integration/orders-production.integration.recommendation.md')]);
    } finally {
      client.changeSettings({});
    }
  });

  it('stops at a folder it cannot write to, says why, and leaves what is there', async (t) => {
    const folder = mkdtempSync(join(temp, 'read-only-'));
    const uri = pathToFileURL(join(folder, DESIGN_NAME)).href;
    const restore = makeFolderReadOnly(folder);
    if (!restore) return t.skip('this machine cannot make a folder read-only');
    try {
      const result = await write({ uri, text: DESIGN, kinds: [...KINDS] });
      assert.deepEqual(result!.written, []);
      assert.match(result!.error ?? '', /^Could not write 'orders-production\.integration\.recommendation\.md' in \/.*: (permission denied|the file system is read-only).*Existing files were left as they were\.$/);
    } finally {
      restore();
    }
  });
});

describe('artifacts/write over stdio, asking with window/showMessageRequest', () => {
  let client: LspDriver;
  const temp = mkdtempSync(join(tmpdir(), 'protocol-artifacts-ask-'));
  const questions: ShowMessageRequestParams[] = [];
  before(async () => {
    client = await startServer();
    client.connection.onRequest('window/showMessageRequest', (params: ShowMessageRequestParams) => {
      questions.push(params);
      return params.actions?.find((a) => a.title.startsWith('Keep both')) ?? null;
    });
  });
  after(async () => {
    await client.stop();
    rmSync(temp, { recursive: true, force: true });
  });

  it('offers Overwrite, Keep both and Cancel in a standard message request, for editors without a dialog of their own', async () => {
    const folder = join(temp, 'designs');
    mkdirSync(folder);
    writeFileSync(join(folder, 'orders-production.integration.risks.md'), '# Our own risk register\n');
    const uri = pathToFileURL(join(folder, DESIGN_NAME)).href;
    const result = await client.connection.sendRequest(ARTIFACTS_WRITE_REQUEST, { uri, text: DESIGN, kinds: ['risks'] } satisfies ArtifactsWriteParams) as ArtifactsWriteResult;
    assert.equal(questions.length, 1);
    assert.match(questions[0].message, /'orders-production\.integration\.risks\.md' was not generated by Integration Designer/);
    assert.deepEqual(questions[0].actions?.map((a) => a.title), ['Overwrite', 'Keep both (write orders-production.integration.risks (1).md)', 'Cancel']);
    assert.deepEqual(names(result.written), ['orders-production.integration.risks (1).md']);
    assert.equal(readFileSync(join(folder, 'orders-production.integration.risks.md'), 'utf8'), '# Our own risk register\n');
  });
});
