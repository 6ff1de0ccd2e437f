import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingHeads, findingLines, runCli } from './helpers';

const fixture = (name: string) => `test/cli/fixtures/${name}.integration.yaml`;

describe('text output', () => {
  it('reports a YAML syntax error at its 1-based line and column', async () => {
    const { stdout, code } = await runCli([fixture('syntax-error')]);
    assert.ok(findingHeads(stdout).includes(`${fixture('syntax-error')}:3:10 error yaml-syntax`), stdout);
    assert.match(stdout, /:3:10 error yaml-syntax YAML syntax error: Nested mappings are not allowed in compact mappings\n/);
    assert.equal(code, 1);
  });

  it('reports the second of two equal keys where it is written', async () => {
    const { stdout, code } = await runCli([fixture('duplicate-key')]);
    assert.ok(findingLines(stdout).includes(`${fixture('duplicate-key')}:4:1 error duplicate-key Duplicate key 'name': only the first one is read.`), stdout);
    assert.equal(code, 1);
  });

  it('counts columns in UTF-16 code units, like editors and SARIF', async () => {
    // Line 3 is `salesforce: { instance: "😀 ↔ é", instanse: CS42 }`: the emoji is two code units.
    const { stdout } = await runCli([fixture('utf16')]);
    assert.ok(findingHeads(stdout).includes(`${fixture('utf16')}:3:35 error unknown-key`), stdout);
  });

  it('sorts by file, then by position, and ends with a summary line', async () => {
    const { stdout } = await runCli([fixture('utf16'), fixture('duplicate-key'), fixture('syntax-error')]);
    const lines = findingLines(stdout);
    const keys = lines.map((line) => {
      const [, file, l, c] = /^(.*):(\d+):(\d+) /.exec(line)!;
      return { file, l: Number(l), c: Number(c) };
    });
    const sorted = [...keys].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.l - b.l || a.c - b.c));
    assert.deepEqual(keys, sorted);
    assert.deepEqual([...new Set(keys.map((k) => k.file))], [fixture('duplicate-key'), fixture('syntax-error'), fixture('utf16')]);
    const last = stdout.trimEnd().split('\n').pop()!;
    assert.match(last, /^3 files linted: \d+ errors?, \d+ warnings?, \d+ info, \d+ hints?$/);
    assert.equal(stdout.split('\n').filter(Boolean).length, lines.length + 1, 'one line per finding plus the summary');
  });

  it('uses no colour when stdout is not a terminal', async () => {
    const { stdout } = await runCli([fixture('duplicate-key')]);
    assert.doesNotMatch(stdout, /\x1b\[/);
  });

  it('--quiet prints errors only, but the summary still counts everything', async () => {
    const all = await runCli([fixture('syntax-error')]);
    const quiet = await runCli(['--quiet', fixture('syntax-error')]);
    assert.ok(findingLines(all.stdout).some((l) => / info /.test(l)), 'the fixture has info findings');
    assert.deepEqual(findingLines(quiet.stdout), findingLines(all.stdout).filter((l) => / error /.test(l)));
    assert.equal(quiet.stdout.trimEnd().split('\n').pop(), all.stdout.trimEnd().split('\n').pop());
  });
});
