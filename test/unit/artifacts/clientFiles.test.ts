// The VS Code client writes artifacts with its own copy of the CLI's atomic writer (so that it
// bundles no server code). Both must behave the same: the same cases run against both.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import * as clientFiles from '../../../client/src/artifacts/files';
import * as coreFiles from '../../../server/src/core/artifacts/files';
import { makeFolderReadOnly } from '../../helpers/readOnlyFolder';

const temp = mkdtempSync(join(tmpdir(), 'artifact-writers-'));
after(() => rmSync(temp, { recursive: true, force: true }));

for (const [name, files] of [['client', clientFiles], ['CLI (core)', coreFiles]] as const) {
  describe(`the ${name} artifact writer`, () => {
    const dir = mkdtempSync(join(temp, 'w-'));

    it('creates a missing folder, replaces an existing file in one rename, leaves no temporary file', () => {
      const path = join(dir, 'new', 'a.runbook.md');
      files.writeArtifactFile(path, 'old\n');
      files.writeArtifactFile(path, 'new\n');
      assert.equal(readFileSync(path, 'utf8'), 'new\n');
      assert.deepEqual(readdirSync(join(dir, 'new')), ['a.runbook.md']);
    });

    it('in a read-only folder: the same clear error, the existing file unchanged, no temporary file', (t) => {
      const folder = join(dir, 'readonly');
      const path = join(folder, 'c.risks.md');
      files.writeArtifactFile(path, 'original\n');
      const undo = makeFolderReadOnly(folder);
      if (!undo) {
        t.skip('cannot make a folder read-only for this user here');
        return;
      }
      try {
        assert.throws(() => files.writeArtifactFile(path, 'replacement\n'), (error: unknown) => {
          assert.ok(error instanceof files.ArtifactWriteError);
          assert.match(error.reason, /permission denied|read-only/);
          return true;
        });
      } finally {
        undo();
      }
      assert.equal(readFileSync(path, 'utf8'), 'original\n');
      assert.deepEqual(readdirSync(folder), ['c.risks.md']);
    });

    it('a path through a file is a clear error', () => {
      const file = join(dir, 'plain');
      writeFileSync(file, '');
      assert.throws(() => files.writeArtifactFile(join(file, 'x.md'), 'x'), (error: unknown) => error instanceof files.ArtifactWriteError && /a part of the path/.test(error.reason));
    });

    it('names the usual failures in the same words', () => {
      for (const code of ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']) {
        assert.equal(files.describeWriteProblem(code), coreFiles.describeWriteProblem(code), code);
      }
    });
  });
}
