import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analysis';
import { analyzeEstates, type ContributionExtractor } from '../../server/src/core/estate';
import type { Finding } from '../../server/src/core/findings';
import { RULES_BY_ID } from '../../server/src/core/rules/registry';
import { documentKindOf } from '../../server/src/core/vocabulary';
import { stripMarkers } from './ruleCases';
import { unconfirmedFigureProblems } from './unconfirmedFigures';

/**
 * Table-driven tests of the rules that compare documents: each case is a set of documents (designs
 * and org files, named by file name), checked together as the estate checks them. As in ruleCases,
 * ⟦ and ⟧ mark each expected finding's range in its document.
 */
export interface EstateRuleCase {
  readonly name: string;
  /** File name → text. The name decides the kind: `*.integration.yaml` a design, `*.salesforce-org.yaml` an org file. */
  readonly docs: Readonly<Record<string, string>>;
  /** File name → one pattern per expected finding in that document, in document order. Omit for "must not trigger". */
  readonly messages?: Readonly<Record<string, readonly (RegExp | string)[]>>;
  /**
   * File name → where the first finding's related locations point, in order: `<file>:<text>`, the
   * text being what the related range covers in that file.
   */
  readonly related?: Readonly<Record<string, readonly string[]>>;
}

export interface EstateRuleCaseOptions {
  /** Contribution extractors to apply instead of the product's (the allocation rules' cases). */
  readonly extractors?: readonly ContributionExtractor[];
}

/** A file name as a URI, in one folder (so messages name the other files by their names). */
export function caseUri(fileName: string): string {
  return `file:///estate/${fileName}`;
}

export function estateFindings(docs: Readonly<Record<string, string>>, options: EstateRuleCaseOptions = {}): { texts: Map<string, string>; findings: Map<string, Finding[]> } {
  const texts = new Map<string, string>();
  const sources = Object.entries(docs).map(([name, doc]) => {
    const { text } = stripMarkers(doc);
    texts.set(name, text);
    const uri = caseUri(name);
    return { uri, analysis: analyze(text, { kind: documentKindOf(uri) }) };
  });
  const workspace = analyzeEstates(sources, { extractors: options.extractors });
  const findings = new Map<string, Finding[]>();
  for (const name of Object.keys(docs)) findings.set(name, [...workspace.findingsOf(caseUri(name))]);
  return { texts, findings };
}

export function estateRuleCases(ruleId: string, cases: readonly EstateRuleCase[], options: EstateRuleCaseOptions = {}): void {
  describe(`rule ${ruleId}`, () => {
    const rule = RULES_BY_ID.get(ruleId);
    it('is registered, and compares documents', () => {
      assert.ok(rule, `rule ${ruleId} is not in the registry`);
      assert.ok(rule.checkEstate || rule.checkOrgFiles, `${ruleId} is run by the estate`);
    });
    const triggers = (c: EstateRuleCase) => Object.values(c.messages ?? {}).some((m) => m.length > 0);
    assert.ok(cases.some(triggers), `${ruleId}: needs a case that triggers it`);
    assert.ok(cases.some((c) => !triggers(c)), `${ruleId}: needs a case that must not trigger it`);
    for (const c of cases) {
      it(c.name, () => {
        const { texts, findings } = estateFindings(c.docs, options);
        for (const [name, doc] of Object.entries(c.docs)) {
          const { ranges } = stripMarkers(doc);
          const text = texts.get(name)!;
          const found = (findings.get(name) ?? []).filter((f) => f.ruleId === ruleId);
          const expected = c.messages?.[name] ?? [];
          const where = (f: Finding) => `${JSON.stringify(text.slice(f.range.start, f.range.end))}@${f.range.start}: ${f.message}`;
          assert.equal(found.length, expected.length, `${name}: expected ${expected.length} finding(s), got:\n${found.map(where).join('\n')}`);
          assert.equal(ranges.length, expected.length, `${name}: the case marks one ⟦range⟧ per expected finding`);
          for (const f of found) {
            for (const unit of [f.message, ...(f.related ?? []).map((r) => r.message)]) assert.deepEqual(unconfirmedFigureProblems(unit), [], `an unconfirmed figure without rule-of-thumb wording: ${unit}`);
          }
          found.forEach((f, i) => {
            assert.deepEqual({ start: f.range.start, end: f.range.end }, ranges[i], `${name}, range of finding ${i}: ${where(f)}`);
            const pattern = expected[i];
            if (typeof pattern === 'string') assert.ok(f.message.includes(pattern), `${name}, message of finding ${i}: ${f.message}`);
            else assert.match(f.message, pattern);
          });
          const related = c.related?.[name];
          if (related) {
            const actual = (found[0]?.related ?? []).map((r) => {
              const file = Object.keys(c.docs).find((n) => caseUri(n) === (r.uri ?? caseUri(name)))!;
              const otherText = texts.get(file)!;
              return `${file}:${otherText.slice(r.range.start, r.range.end)}`;
            });
            assert.deepEqual(actual, related, `${name}: related locations of the first finding`);
          }
        }
      });
    }
  });
}
