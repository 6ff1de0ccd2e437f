import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze, INTERNAL_ERROR_RULE_ID } from '../../server/src/core/analysis';
import type { Rule } from '../../server/src/core/rule';

/**
 * The engine survives its own rules: an exception inside one rule becomes one
 * `internal-error` finding, and every other rule still reports.
 */

const DESIGN = readFileSync(join(__dirname, 'fixtures/fuzz-seed.integration.yaml'), 'utf8');

function rule(id: string, check: Rule['check']): Rule {
  return { id, title: id, category: 'engine', defaultSeverity: 'warning', rationale: 'test rule', facts: [], check };
}

/** Reports one finding on the design's name. */
const normal = rule('test-normal', (ctx) => ctx.report({ range: ctx.design.name!.node.range, message: 'normal rule reported' }));
const throwing = rule('test-throwing', () => {
  throw new TypeError("Cannot read properties of undefined (reading 'plan')");
});
/** Reports, then throws: its half-done findings must not leak out next to the internal error. */
const reportsThenThrows = rule('test-reports-then-throws', (ctx) => {
  ctx.report({ range: { start: 0, end: 1 }, message: 'half-done finding' });
  throw new RangeError('Maximum call stack size exceeded');
});
/** Throws something that is not an Error. */
const throwsString = rule('test-throws-string', () => {
  throw 'plain string';
});

function byRule(ruleId: string, findings: readonly { ruleId: string }[]): number {
  return findings.filter((f) => f.ruleId === ruleId).length;
}

test('a rule that throws becomes one internal-error finding; the other rule still reports', () => {
  for (const rules of [[throwing, normal], [normal, throwing]]) {
    const { findings } = analyze(DESIGN, { rules });
    const internal = findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID);
    assert.equal(internal.length, 1, `one internal-error with rules ${rules.map((r) => r.id).join(', ')}`);
    assert.equal(internal[0].severity, 'error');
    assert.match(internal[0].message, /test-throwing/, 'names the rule that failed');
    assert.match(internal[0].message, /Cannot read properties of undefined/, 'says what went wrong');
    assert.ok(internal[0].range.start >= 0 && internal[0].range.end <= DESIGN.length, 'a range inside the document');
    assert.equal(byRule('test-normal', findings), 1, 'the normal rule still reported');
  }
});

test("a rule's findings from before its exception are dropped, not half-reported", () => {
  const { findings } = analyze(DESIGN, { rules: [reportsThenThrows, normal] });
  assert.equal(byRule('test-reports-then-throws', findings), 0);
  assert.equal(byRule(INTERNAL_ERROR_RULE_ID, findings), 1);
  assert.equal(byRule('test-normal', findings), 1);
});

test('each failing rule gets its own internal-error finding, whatever it throws', () => {
  const { findings } = analyze(DESIGN, { rules: [throwing, throwsString, reportsThenThrows, normal] });
  const internal = findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID);
  assert.equal(internal.length, 3);
  assert.ok(internal.some((f) => /test-throws-string.*plain string/.test(f.message)));
  assert.equal(byRule('test-normal', findings), 1);
});

test('parse and schema findings still come through when a rule throws', () => {
  const broken = `nme: typo\n${DESIGN}`;
  const { findings } = analyze(broken, { rules: [throwing] });
  assert.equal(byRule('unknown-key', findings), 1);
  assert.equal(byRule(INTERNAL_ERROR_RULE_ID, findings), 1);
});
