import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analysis';
import { RULES_BY_ID } from '../../server/src/core/rules/registry';
import type { Finding } from '../../server/src/core/findings';
import type { Rule } from '../../server/src/core/rule';
import { applyEdits } from './text';
import { unconfirmedFigureProblems } from './unconfirmedFigures';

/**
 * Table-driven rule tests. A case's document marks each expected finding's range with
 * ⟦ and ⟧ (the markers are removed before linting); `messages` are matched in order.
 */
export interface RuleCase {
  readonly name: string;
  readonly doc: string;
  /** One pattern per expected finding, in document order. Omit or [] for "must not trigger". */
  readonly messages?: readonly (RegExp | string)[];
  /** Text of the document after applying the first finding's fix. */
  readonly fixed?: string;
  /** Expected related-location count on the first finding. */
  readonly related?: number;
}

export function stripMarkers(marked: string): { text: string; ranges: { start: number; end: number }[] } {
  const ranges: { start: number; end: number }[] = [];
  let text = '';
  const open: number[] = [];
  for (const ch of marked) {
    if (ch === '⟦') open.push(text.length);
    else if (ch === '⟧') ranges.push({ start: open.pop()!, end: text.length });
    else text += ch;
  }
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text, ranges };
}

export interface RuleCaseOptions {
  /** The rules to run instead of the registry's (for engine behaviour such as internal-error). */
  readonly rules?: readonly Rule[];
}

export function ruleCases(ruleId: string, cases: readonly RuleCase[], options: RuleCaseOptions = {}): void {
  describe(`rule ${ruleId}`, () => {
    const rule = RULES_BY_ID.get(ruleId);
    it('is registered', () => assert.ok(rule, `rule ${ruleId} is not in the registry`));
    assert.ok(cases.some((c) => (c.messages ?? []).length > 0), `${ruleId}: needs a case that triggers it`);
    assert.ok(cases.some((c) => (c.messages ?? []).length === 0), `${ruleId}: needs a case that must not trigger it`);
    for (const c of cases) {
      it(c.name, () => {
        const { text, ranges } = stripMarkers(c.doc);
        const findings = findingsOf(ruleId, text, options);
        const expected = c.messages ?? [];
        const where = (f: Finding) => `${JSON.stringify(text.slice(f.range.start, f.range.end))}@${f.range.start}: ${f.message}`;
        assert.equal(findings.length, expected.length, `expected ${expected.length} finding(s), got:\n${findings.map(where).join('\n')}`);
        assert.equal(ranges.length, expected.length, 'the case marks one ⟦range⟧ per expected finding');
        // A figure no official source confirms is never stated as fact (test/unit/unconfirmedFigures.test.ts).
        for (const f of findings) assert.deepEqual(unconfirmedFigureProblems(f.message), [], `an unconfirmed figure without rule-of-thumb wording: ${f.message}`);
        findings.forEach((f, i) => {
          assert.deepEqual({ start: f.range.start, end: f.range.end }, ranges[i], `range of finding ${i}: ${where(f)} (expected ${JSON.stringify(text.slice(ranges[i].start, ranges[i].end))})`);
          const pattern = expected[i];
          if (typeof pattern === 'string') assert.ok(f.message.includes(pattern), `message of finding ${i}: ${f.message}`);
          else assert.match(f.message, pattern);
        });
        if (c.related !== undefined) assert.equal(findings[0]?.related?.length ?? 0, c.related, 'related locations');
        if (c.fixed !== undefined) {
          const fix = findings[0]?.fix;
          assert.ok(fix, 'the finding offers a fix');
          const after = applyEdits(text, fix.edits);
          assert.equal(after, c.fixed);
          assert.equal(findingsOf(ruleId, after, options).filter((f) => f.range.start === findings[0].range.start).length, 0, 'the fix removes the finding');
        }
      });
    }
  });
}

export function findingsOf(ruleId: string, text: string, options: RuleCaseOptions = {}): Finding[] {
  return analyze(text, { rules: options.rules }).findings.filter((f) => f.ruleId === ruleId);
}
