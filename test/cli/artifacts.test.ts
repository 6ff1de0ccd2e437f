import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generateArtifact } from '../../server/src/core/artifacts/generate';
import { smallDisk } from '../helpers/fullDisk';
import { makeFolderReadOnly } from '../helpers/readOnlyFolder';
import { ROOT, runCli } from './helpers';

const ORDERS = 'examples/orders-production.integration.yaml';
const temp = mkdtempSync(join(tmpdir(), 'cli-artifacts-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** A fresh folder with a copy of the orders example, named design.integration.yaml. */
function workspace(name: string): { dir: string; design: string } {
  const dir = join(temp, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const design = join(dir, 'design.integration.yaml');
  copyFileSync(join(ROOT, ORDERS), design);
  return { dir, design };
}

const NAMES = ['design.integration.recommendation.md', 'design.integration.runbook.md', 'design.integration.risks.md'];

describe('integration-lint recommendation | runbook | risks', () => {
  for (const kind of ['recommendation', 'runbook', 'risks'] as const) {
    it(`${kind} prints the generated Markdown on stdout`, async () => {
      const r = await runCli([kind, ORDERS]);
      assert.equal(r.code, 0, r.stderr);
      const expected = generateArtifact(kind, readFileSync(join(ROOT, ORDERS), 'utf8'), 'orders-production.integration.yaml').content;
      assert.equal(r.stdout, expected);
      assert.equal(r.stderr, '');
    });
  }

  it('-o writes the file; an unedited file is replaced, an edited one only with --force', async () => {
    const { dir, design } = workspace('single');
    const out = join(dir, 'docs', 'runbook.md');
    let r = await runCli(['runbook', design, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^wrote .*runbook\.md$/m);
    assert.equal(readFileSync(out, 'utf8'), generateArtifact('runbook', readFileSync(design, 'utf8'), 'design.integration.yaml').content);

    r = await runCli(['runbook', design, '-o', out]);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^unchanged /m);

    const edited = readFileSync(out, 'utf8').replace('## Open decisions', '## Open decisions (agreed with ops)');
    writeFileSync(out, edited);
    r = await runCli(['runbook', design, '-o', out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not overwriting '.*runbook\.md': it was edited by hand .*--force/);
    assert.equal(readFileSync(out, 'utf8'), edited, 'the edited file is untouched');

    r = await runCli(['runbook', design, '-o', out, '--force']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^updated /m);
    assert.ok(!readFileSync(out, 'utf8').includes('agreed with ops'));
  });

  it('usage errors exit 2', async () => {
    assert.equal((await runCli(['runbook'])).code, 2);
    const two = await runCli(['runbook', ORDERS, ORDERS]);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /takes one design file/);
    const missing = await runCli(['risks', 'no-such.integration.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read 'no-such\.integration\.yaml': no such file/);
  });
});

describe('integration-lint artifacts', () => {
  it('writes all three beside the design, then --check passes', async () => {
    const { dir, design } = workspace('all');
    let r = await runCli(['artifacts', design]);
    assert.equal(r.code, 0, r.stderr);
    for (const name of NAMES) assert.ok(existsSync(join(dir, name)), name);
    r = await runCli(['artifacts', '--check', design]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /3 artifacts up to date/);
  });

  it('--check fails, listing each artifact that is missing, edited or out of date with its design', async () => {
    const { dir, design } = workspace('check');
    await runCli(['artifacts', design]);
    writeFileSync(design, readFileSync(design, 'utf8').replace('contracted_rows: 3_000_000', 'contracted_rows: 2_000_000'));
    rmSync(join(dir, NAMES[0]));
    const risks = join(dir, NAMES[2]);
    writeFileSync(risks, `${readFileSync(risks, 'utf8')}\nReviewed.\n`);
    const r = await runCli(['artifacts', '--check', design]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /design\.integration\.recommendation\.md: missing/);
    assert.match(r.stdout, /design\.integration\.runbook\.md: out of date: the design changed since it was generated/);
    assert.match(r.stdout, /design\.integration\.risks\.md: edited by hand/);
    assert.match(r.stdout, /3 of 3 artifacts need updating\. Regenerate them with 'integration-lint artifacts .*design\.integration\.yaml'/);
  });

  it('refuses to overwrite an edited artifact (exit 1) but writes the others; --force overwrites', async () => {
    const { dir, design } = workspace('refuse');
    await runCli(['artifacts', design]);
    const runbook = join(dir, NAMES[1]);
    const edited = readFileSync(runbook, 'utf8').replace('### 1.1 ', '### 1.1 (done) ');
    writeFileSync(runbook, edited);
    writeFileSync(design, readFileSync(design, 'utf8').replace('name: Orders platform', 'name: Orders platform v2'));
    let r = await runCli(['artifacts', design]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /not overwriting '.*design\.integration\.runbook\.md': it was edited by hand/);
    assert.equal(readFileSync(runbook, 'utf8'), edited);
    assert.match(readFileSync(join(dir, NAMES[0]), 'utf8'), /# Decision recommendation: Orders platform v2/, 'the unedited artifacts are updated');
    r = await runCli(['artifacts', '--force', design]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(runbook, 'utf8'), /# Connection runbook: Orders platform v2/);
  });

  it('--out-dir writes (and checks) in another folder, creating it', async () => {
    const { dir, design } = workspace('outdir');
    const out = join(dir, 'generated', 'docs');
    let r = await runCli(['artifacts', design, '--out-dir', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(out).sort(), [...NAMES].sort());
    r = await runCli(['artifacts', '--check', design, '--out-dir', out]);
    assert.equal(r.code, 0, r.stdout);
    r = await runCli(['artifacts', '--check', design]);
    assert.equal(r.code, 1, 'nothing beside the design');
  });

  it('a read-only folder: a clear error (exit 2), existing files unchanged', async (t) => {
    const { dir, design } = workspace('readonly');
    await runCli(['artifacts', design]);
    writeFileSync(design, readFileSync(design, 'utf8').replace('name: Orders platform', 'name: Renamed'));
    const before = NAMES.map((n) => readFileSync(join(dir, n), 'utf8'));
    const undo = makeFolderReadOnly(dir);
    if (!undo) {
      t.skip('cannot make a folder read-only for this user here');
      return;
    }
    let r;
    try {
      r = await runCli(['artifacts', design]);
    } finally {
      undo();
    }
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot write '.*design\.integration\.recommendation\.md': permission denied.*Nothing was changed/);
    assert.deepEqual(NAMES.map((n) => readFileSync(join(dir, n), 'utf8')), before);
    assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });

  it('a full disk: a clear error (exit 2), existing files unchanged, no temporary file left', async (t) => {
    const dir = join(temp, 'full');
    rmSync(dir, { recursive: true, force: true });
    const disk = smallDisk(dir);
    t.diagnostic(`full disk: ${disk.how}`);
    try {
      const design = join(dir, 'design.integration.yaml');
      copyFileSync(join(ROOT, ORDERS), design);
      let r = await runCli(['artifacts', design]);
      assert.equal(r.code, 0, r.stderr);
      writeFileSync(design, readFileSync(design, 'utf8').replace('name: Orders platform', 'name: Renamed'));
      const before = NAMES.map((n) => readFileSync(join(dir, n), 'utf8'));
      disk.fill();
      r = await runCli(['artifacts', design], { env: disk.childEnv(ROOT) });
      assert.equal(r.code, 2, `${r.stdout}${r.stderr}`);
      // The first failure stops the design's run: nothing more is written into a full disk.
      assert.match(r.stderr, new RegExp(`cannot write '.*${NAMES[0].replace(/\./g, '\\.')}': the disk is full\\. Nothing was changed`));
      assert.equal(r.stderr.match(/cannot write/g)?.length, 1, r.stderr);
      assert.deepEqual(NAMES.map((n) => readFileSync(join(dir, n), 'utf8')), before);
      assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);

      r = await runCli(['runbook', design, '-o', join(dir, NAMES[1]), '--force'], { env: disk.childEnv(ROOT) });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cannot write '.*design\.integration\.runbook\.md': the disk is full/);
      assert.equal(readFileSync(join(dir, NAMES[1]), 'utf8'), before[1]);
    } finally {
      disk.restore();
    }
  });

  it('a design with errors still generates, with a warning on stderr', async () => {
    const { dir, design } = workspace('errors');
    writeFileSync(design, readFileSync(design, 'utf8').replace('environment: production', 'environment: prod'));
    const r = await runCli(['artifacts', design]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /warning: '.*design\.integration\.yaml' has 1 error; the artifacts list it at the top/);
    assert.match(readFileSync(join(dir, NAMES[1]), 'utf8'), /> \*\*⚠ This design has 1 error\.\*\*/);
  });

  it('the committed artifacts of the examples are up to date (the CI check)', async () => {
    const designs = readdirSync(join(ROOT, 'examples')).filter((n) => n.endsWith('.integration.yaml')).map((n) => `examples/${n}`);
    const r = await runCli(['artifacts', '--check', ...designs]);
    assert.equal(r.code, 0, `${r.stdout}${r.stderr}\nRegenerate with: node dist/cli/main.js artifacts ${designs.join(' ')}`);
    assert.match(r.stdout, new RegExp(`^${designs.length * 3} artifacts up to date`, 'm'));
  });
});
