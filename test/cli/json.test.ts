import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingLines, runCli } from './helpers';

interface JsonPosition { line: number; character: number }
interface JsonLocation { range: { start: JsonPosition; end: JsonPosition }; line: number; column: number; endLine: number; endColumn: number }
interface JsonFinding extends JsonLocation { ruleId: string; severity: string; message: string; related: (JsonLocation & { message: string })[] }
interface JsonFile { file: string; findings: JsonFinding[] }

const DUPLICATE = 'test/cli/fixtures/duplicate-key.integration.yaml';
const GOTCHAS = 'examples/gotchas.integration.yaml';

describe('json output', () => {
  it('is an array of {file, findings} with 0-based LSP ranges and 1-based line/column', async () => {
    const r = await runCli(['--format', 'json', DUPLICATE]);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as JsonFile[];
    assert.equal(report.length, 1);
    assert.equal(report[0].file, DUPLICATE);
    const duplicate = report[0].findings.find((f) => f.ruleId === 'duplicate-key');
    assert.deepEqual(duplicate, {
      ruleId: 'duplicate-key',
      severity: 'error',
      message: "Duplicate key 'name': only the first one is read.",
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } },
      line: 4, column: 1, endLine: 4, endColumn: 5,
      related: duplicate?.related,
    });
    for (const f of report[0].findings) {
      assert.deepEqual(Object.keys(f), ['ruleId', 'severity', 'message', 'range', 'line', 'column', 'endLine', 'endColumn', 'related']);
      assert.equal(f.line, f.range.start.line + 1);
      assert.equal(f.column, f.range.start.character + 1);
    }
  });

  it('carries related locations and agrees with the text output', async () => {
    const [json, text] = await Promise.all([runCli(['--format', 'json', GOTCHAS]), runCli([GOTCHAS])]);
    const report = JSON.parse(json.stdout) as JsonFile[];
    const rowLimit = report[0].findings.find((f) => f.ruleId === 'connect-demo-row-limit');
    assert.ok(rowLimit && rowLimit.related.length >= 2, 'the row-limit finding points at the mappings it counts');
    for (const r of rowLimit.related) assert.ok(r.message.length > 0 && r.line >= 1 && r.column >= 1);
    const fromJson = report[0].findings.map((f) => `${report[0].file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}`);
    assert.deepEqual(fromJson, findingLines(text.stdout));
  });

  it('--quiet keeps errors only', async () => {
    const report = JSON.parse((await runCli(['--format', 'json', '--quiet', GOTCHAS])).stdout) as JsonFile[];
    assert.ok(report[0].findings.length > 0);
    assert.ok(report[0].findings.every((f) => f.severity === 'error'));
  });

  it('lists a clean file with no findings', async () => {
    const report = JSON.parse((await runCli(['--format', 'json', 'examples/paths/canvas.integration.yaml'])).stdout) as (JsonFile & { decision: { recommendedPath: string } })[];
    assert.deepEqual(report.map(({ file, findings }) => ({ file, findings })), [{ file: 'examples/paths/canvas.integration.yaml', findings: [] }]);
    assert.deepEqual(Object.keys(report[0]), ['file', 'findings', 'decision'], 'each file also carries its decision (decision-json.test.ts)');
    assert.equal(report[0].decision.recommendedPath, 'canvas');
  });
});
