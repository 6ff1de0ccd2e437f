import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nonOverlappingFixEdits } from '../../../server/src/core/editing/fixAll';
import { disableForFileEdit, disableForLineEdit } from '../../../server/src/core/rules/suppressionEdits';
import { parseModel } from '../../../server/src/core/model/parse';
import { analyze } from '../../../server/src/core/analysis';
import { applyEdits } from '../../helpers/text';

const RULE = 'connect-demo-row-limit';
const BODY = `version: 1
name: Order sync
environment: proof-of-concept
paths:
  heroku_connect:
    plan: demo # trial
    mappings:
      - object: Account
        rows: 12_000
`;

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

function ruleFindings(text: string, ruleId = RULE) {
  return analyze(text).findings.filter((f) => f.ruleId === ruleId);
}

describe('suppression edits', () => {
  it('the fixture triggers the rule', () => assert.equal(ruleFindings(BODY).length, 1));

  it('disables a rule for a line with a directive above it, at its indentation', () => {
    const line = lineOf(BODY, 'plan: demo');
    const after = applyEdits(BODY, [disableForLineEdit(parseModel(BODY), RULE, line)]);
    assert.ok(after.includes(`  heroku_connect:\n    # integration-lint-disable-next-line ${RULE}\n    plan: demo # trial\n`), after);
    assert.equal(ruleFindings(after).length, 0);
    assert.equal(ruleFindings(after, 'unused-suppression').length, 0);
  });

  it('appends the rule to a directive already covering the line, keeping its reason', () => {
    const text = BODY.replace('    plan: demo', '    # integration-lint-disable-next-line connect-demo-inactivity -- trial only\n    plan: demo');
    const after = applyEdits(text, [disableForLineEdit(parseModel(text), RULE, lineOf(text, 'plan: demo'))]);
    assert.ok(after.includes(`# integration-lint-disable-next-line connect-demo-inactivity, ${RULE} -- trial only\n    plan: demo`), after);
    assert.equal(ruleFindings(after).length, 0);
  });

  it('disables a rule for the file after the leading comments and `---`', () => {
    const text = `# Order sync design\n# owner: data team\n---\n${BODY}`;
    const after = applyEdits(text, [disableForFileEdit(parseModel(text), RULE)]);
    assert.ok(after.startsWith(`# Order sync design\n# owner: data team\n---\n# integration-lint-disable ${RULE}\nversion: 1\n`), after);
    assert.equal(ruleFindings(after).length, 0);
    const bare = applyEdits(BODY, [disableForFileEdit(parseModel(BODY), RULE)]);
    assert.ok(bare.startsWith(`# integration-lint-disable ${RULE}\nversion: 1`), bare);
  });

  it('appends to an existing file directive and keeps CRLF line ends', () => {
    const text = `# integration-lint-disable summary-missing\r\n${BODY.replace(/\n/g, '\r\n')}`;
    const after = applyEdits(text, [disableForFileEdit(parseModel(text), RULE)]);
    assert.ok(after.startsWith(`# integration-lint-disable summary-missing, ${RULE}\r\nversion: 1\r\n`), JSON.stringify(after.slice(0, 80)));
    const crlf = BODY.replace(/\n/g, '\r\n');
    const line = applyEdits(crlf, [disableForLineEdit(parseModel(crlf), RULE, lineOf(crlf, 'plan: demo'))]);
    assert.ok(line.includes(`    # integration-lint-disable-next-line ${RULE}\r\n    plan: demo`));
  });
});

describe('fix all', () => {
  it('takes every fix that does not overlap an earlier one', () => {
    const range = (start: number, end: number) => ({ start, end });
    const finding = (ruleId: string, start: number, end: number, newText: string) => ({
      ruleId, severity: 'error' as const, message: ruleId, range: range(start, end), fix: { title: ruleId, edits: [{ range: range(start, end), newText }] },
    });
    const { edits, applied } = nonOverlappingFixEdits([
      finding('b', 10, 14, 'B'), finding('a', 0, 4, 'A'), finding('overlaps-b', 12, 16, 'X'), finding('c', 20, 20, 'C'), { ruleId: 'no-fix', severity: 'error', message: '', range: range(30, 31) },
    ]);
    assert.deepEqual(applied.map((f) => f.ruleId), ['a', 'b', 'c']);
    assert.deepEqual(edits.map((e) => e.newText), ['A', 'B', 'C']);
  });
});
