// A golden file: compared byte for byte, or rewritten with UPDATE_GOLDEN=1 (then read the diff as a
// user would before committing it).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const UPDATE_GOLDEN = process.env.UPDATE_GOLDEN === '1';
const ROOT = join(__dirname, '../..');

/** Asserts that `actual` is the golden file at `path` (absolute); `testFile` is what regenerates it. */
export function checkGolden(path: string, actual: string, testFile: string): void {
  const shown = relative(ROOT, path);
  const regenerate = `UPDATE_GOLDEN=1 node --import tsx --test ${testFile}`;
  if (UPDATE_GOLDEN) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, 'utf8');
  } catch {
    assert.fail(`${shown} is missing: run ${regenerate} and read the result`);
  }
  assert.equal(actual, expected, `${shown} is out of date: run ${regenerate} and read the diff`);
}
