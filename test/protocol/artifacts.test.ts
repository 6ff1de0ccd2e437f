// integrationDesigner/artifacts/generate over stdio: the same Markdown the CLI writes (the
// golden files), and what writing it would replace in the folder the client names.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { ArtifactsGenerateResult } from '../../server/src/lsp/protocol';
import { type LspDriver, startServer } from '../helpers/lspDriver';

const ROOT = join(__dirname, '../..');
const DESIGN_NAME = 'orders-production.integration.yaml';
const DESIGN = readFileSync(join(ROOT, 'examples', DESIGN_NAME), 'utf8');
/** The example's committed artifact of `kind` (test/unit/artifacts/golden.test.ts keeps it current). */
const golden = (kind: string) => readFileSync(join(ROOT, 'examples', DESIGN_NAME.replace(/\.yaml$/, `.${kind}.md`)), 'utf8');

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

  it('generates the golden files of an example from its synced copy', async () => {
    // The design's file name, as the artifacts' header and links name it, comes from the URI.
    const uri = pathToFileURL(join(temp, 'synced', DESIGN_NAME)).href;
    client.open(uri, DESIGN);
    await client.waitForDiagnostics(uri, 1);
    const result = await generate({ uri, version: 1, kinds: ['recommendation', 'runbook', 'risks'] });
    assert.deepEqual(result.artifacts.map((a) => [a.kind, a.title, a.fileName]), [
      ['recommendation', 'Decision recommendation', 'orders-production.integration.recommendation.md'],
      ['runbook', 'Connection runbook', 'orders-production.integration.runbook.md'],
      ['risks', 'Risk register', 'orders-production.integration.risks.md'],
    ]);
    for (const artifact of result.artifacts) assert.equal(artifact.content, golden(artifact.kind), `${artifact.fileName} matches examples/`);
    assert.equal(result.errorCount, 0);
    assert.equal(result.artifacts[0].plan, undefined, 'without a folder the server looks at no files');
  });

  it('generates from the text sent for a design the server does not have, and counts its errors', async () => {
    const uri = pathToFileURL(join(temp, 'unsynced', DESIGN_NAME)).href;
    const runbook = await generate({ uri, text: DESIGN, kinds: ['runbook'] });
    assert.deepEqual(runbook.artifacts.map((a) => a.content), [golden('runbook')]);
    const broken = await generate({ uri: pathToFileURL(join(temp, 'broken.integration.yaml')).href, text: 'version: 1\nname: [broken\n', kinds: ['risks'] });
    assert.ok(broken.errorCount > 0);
    assert.match(broken.artifacts[0].content, /This design has \d+ errors?/);
  });

  it('says what writing would replace: nothing, the same content, an unedited file, hand edits, a foreign file', async () => {
    const folder = mkdtempSync(join(temp, 'folder-'));
    const uri = pathToFileURL(join(folder, DESIGN_NAME)).href;
    const kinds = ['recommendation', 'runbook', 'risks'] as const;
    const first = await generate({ uri, text: DESIGN, kinds: [...kinds], folder });
    assert.deepEqual(first.artifacts.map((a) => a.plan), ['create', 'create', 'create']);
    assert.deepEqual(first.artifacts.map((a) => a.keepBothName), [
      'orders-production.integration.recommendation (1).md', 'orders-production.integration.runbook (1).md', 'orders-production.integration.risks (1).md',
    ]);

    const [recommendation, runbook, risks] = first.artifacts;
    writeFileSync(join(folder, recommendation.fileName), recommendation.content);
    // A generated runbook from an older design: safe to replace.
    const older = await generate({ uri, text: DESIGN.replace(/^name: .*$/m, 'name: Older'), kinds: ['runbook'] });
    writeFileSync(join(folder, runbook.fileName), older.artifacts[0].content);
    writeFileSync(join(folder, risks.fileName), '# Our own risk register\n');
    writeFileSync(join(folder, 'orders-production.integration.risks (1).md'), 'taken\n');

    const second = await generate({ uri, text: DESIGN, kinds: [...kinds], folder });
    assert.deepEqual(second.artifacts.map((a) => [a.plan, a.existing]), [['unchanged', undefined], ['replace', undefined], ['ask', 'foreign']]);
    assert.equal(second.artifacts[2].keepBothName, 'orders-production.integration.risks (2).md', 'the first free name');

    writeFileSync(join(folder, runbook.fileName), older.artifacts[0].content.replace('## Open decisions', '## Open decisions (agreed on Monday)'));
    const third = await generate({ uri, text: DESIGN, kinds: ['runbook'], folder });
    assert.deepEqual(third.artifacts.map((a) => [a.plan, a.existing]), [['ask', 'edited']]);
  });

  it('refuses unknown kinds and relative folders with an answer, not a crash', async () => {
    const uri = pathToFileURL(join(temp, DESIGN_NAME)).href;
    assert.equal(await client.generateArtifacts({ uri, text: DESIGN, kinds: ['poem' as 'risks'] }), null);
    assert.equal(await client.generateArtifacts({ uri, text: DESIGN, kinds: ['risks'], folder: 'relative/path' }), null);
    await client.waitForLog((l) => /artifacts\/generate failed: .*folder must be an absolute path/.test(l.message));
    assert.ok(await client.generateArtifacts({ uri, text: DESIGN, kinds: ['risks'] }));
  });
});
