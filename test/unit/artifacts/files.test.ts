import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ArtifactWriteError, describeWriteProblem, readIfExists, writeArtifactFile } from '../../../server/src/node/files';
import { FILLER, smallDisk } from '../../helpers/fullDisk';
import { makeFolderReadOnly } from '../../helpers/readOnlyFolder';

const temp = mkdtempSync(join(tmpdir(), 'artifact-files-'));
after(() => rmSync(temp, { recursive: true, force: true }));

describe('writing artifact files', () => {
  it('creates a missing folder and writes the file, leaving no temporary file', () => {
    const path = join(temp, 'new', 'deeper', 'a.runbook.md');
    writeArtifactFile(path, 'hello\n');
    assert.equal(readFileSync(path, 'utf8'), 'hello\n');
    assert.deepEqual(readdirSync(join(temp, 'new', 'deeper')), ['a.runbook.md']);
  });

  it('replaces an existing file in one rename', () => {
    const path = join(temp, 'b.md');
    writeFileSync(path, 'old\n');
    writeArtifactFile(path, 'new\n');
    assert.equal(readFileSync(path, 'utf8'), 'new\n');
    assert.deepEqual(readdirSync(temp).filter((n) => n.includes('b.md')), ['b.md']);
  });

  it('in a read-only folder: a clear error, the existing file unchanged, no temporary file left', (t) => {
    const dir = join(temp, 'readonly');
    const path = join(dir, 'c.risks.md');
    writeArtifactFile(path, 'original\n');
    const undo = makeFolderReadOnly(dir);
    if (!undo) {
      t.skip('cannot make a folder read-only for this user here (neither chmod nor chattr works)');
      return;
    }
    try {
      assert.throws(() => writeArtifactFile(path, 'replacement\n'), (error: unknown) => {
        assert.ok(error instanceof ArtifactWriteError);
        assert.match(error.reason, /permission denied|read-only/);
        assert.match(error.message, /c\.risks\.md/);
        return true;
      });
    } finally {
      undo();
    }
    assert.equal(readFileSync(path, 'utf8'), 'original\n');
    assert.deepEqual(readdirSync(dir), ['c.risks.md']);
  });

  it('on a full disk: a clear error, the existing file unchanged, no temporary file left', (t) => {
    const dir = join(temp, 'full');
    const path = join(dir, 'd.runbook.md');
    const disk = smallDisk(dir);
    t.diagnostic(`full disk: ${disk.how}`);
    try {
      writeArtifactFile(path, 'original\n');
      disk.fill();
      assert.throws(() => writeArtifactFile(path, 'a replacement that no longer fits\n'.repeat(200)), (error: unknown) => {
        assert.ok(error instanceof ArtifactWriteError);
        assert.equal(error.code, 'ENOSPC');
        assert.equal(error.reason, 'the disk is full');
        assert.match(error.message, /d\.runbook\.md/);
        return true;
      });
      assert.equal(readFileSync(path, 'utf8'), 'original\n');
      assert.deepEqual(readdirSync(dir).filter((n) => n !== FILLER), ['d.runbook.md']);
    } finally {
      disk.restore();
    }
  });

  it('a path through a file (not a folder) is a clear error', () => {
    const file = join(temp, 'plain');
    writeFileSync(file, '');
    assert.throws(() => writeArtifactFile(join(file, 'x.md'), 'x'), (error: unknown) => error instanceof ArtifactWriteError && /not a folder|a part of the path/.test(error.reason));
  });

  it('names the usual failures in words', () => {
    assert.equal(describeWriteProblem('ENOSPC'), 'the disk is full');
    assert.match(describeWriteProblem('EROFS'), /read-only/);
    assert.match(describeWriteProblem('EACCES'), /permission denied/);
  });

  it('reads a missing file as undefined', () => {
    assert.equal(readIfExists(join(temp, 'nope.md')), undefined);
  });
});
