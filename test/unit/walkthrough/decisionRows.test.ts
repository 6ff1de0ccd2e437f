import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, decisionInputFromDesign } from '../../../server/src/core/decision/engine';
import { DECISION_TABLE } from '../../../server/src/core/decision/table';
import { parseModel } from '../../../server/src/core/model/parse';
import { validateAgainstSchema } from '../../../server/src/core/schema/validate';
import { ROW_DESIGNS, rowCaseDesign as design } from '../../helpers/decisionRowDesigns';

/** A design's decision, through the same path the walkthrough and the rules use. */
function decisionFor(yaml: string) {
  const model = parseModel(yaml);
  const { design, findings } = validateAgainstSchema(model.root);
  assert.deepEqual([...model.findings, ...findings].map((f) => f.message), [], 'the design is valid');
  return decide(decisionInputFromDesign(design));
}

describe('every row of the decision table, stated by a design, is the recommendation', () => {
  it('covers every row of the table', () => {
    assert.deepEqual(Object.keys(ROW_DESIGNS).sort(), DECISION_TABLE.map((r) => r.id).sort());
  });
  for (const row of DECISION_TABLE) {
    it(`${row.id}: ${row.situation}`, () => {
      const c = ROW_DESIGNS[row.id];
      const decision = decisionFor(c.yaml);
      assert.equal(decision.winner?.row.id, row.id, decision.rows.map((r) => `${r.row.id}: ${r.verdict}`).join('\n'));
      assert.equal(decision.winner?.row.recommends, c.path);
      assert.equal(decision.winner?.verdict, 'Matches: this row decides.');
      // Rows above the winner say why they did not match.
      for (const above of decision.rows.slice(0, decision.rows.indexOf(decision.winner!))) {
        assert.ok(above.matched ? /takes precedence|overrides/.test(above.verdict) : above.verdict.startsWith('No match: '), `${above.row.id}: ${above.verdict}`);
      }
    });
  }
  it('plan tiers follow the row: demo for the proof of concept, enterprise for production scale', () => {
    assert.equal(decisionFor(ROW_DESIGNS['proof-of-concept-demo-plan'].yaml).planTier, 'demo');
    assert.equal(decisionFor(ROW_DESIGNS['production-scale-connect'].yaml).planTier, 'enterprise');
  });
});

describe('precedence between matching rows', () => {
  it('the more specific row (volume, latency) wins over the first match for the same path', () => {
    const decision = decisionFor(ROW_DESIGNS['production-scale-connect'].yaml);
    const first = decision.rows.find((r) => r.row.id === 'local-postgres-copy')!;
    assert.equal(first.matched, true);
    assert.match(first.verdict, /more specific row 'Production: .*' takes precedence/);
  });
  it('cross-org passthrough overrides every other match', () => {
    const decision = decisionFor(design('production', 'heroku_needs_local_copy: true\nui_embedded_in_salesforce: true\ncross_org_passthrough: true'));
    assert.equal(decision.winner?.row.id, 'cross-org-passthrough');
    assert.deepEqual(decision.additional, []);
    assert.match(decision.rows.find((r) => r.row.id === 'embed-heroku-ui')!.verdict, /overrides every other row/);
  });
  it('first match wins between different needs; the other need is reported as additional', () => {
    const decision = decisionFor(design('sandbox', 'heroku_needs_local_copy: true\nui_embedded_in_salesforce: true\nsalesforce_calls_heroku:\n  from: [flow]'));
    assert.equal(decision.winner?.row.id, 'local-postgres-copy');
    assert.deepEqual(decision.additional.map((r) => r.row.id), ['salesforce-calls-heroku-logic', 'embed-heroku-ui']);
  });
  it('a proof of concept over the demo cap falls back to the general Connect row with a paid plan', () => {
    const decision = decisionFor(design('proof-of-concept', 'heroku_needs_local_copy: true\nacceptable_lag: 1d\nvolume:\n  rows: 50_000'));
    assert.equal(decision.winner?.row.id, 'local-postgres-copy');
    assert.equal(decision.planTier, 'enterprise');
    assert.match(decision.rows.find((r) => r.row.id === 'proof-of-concept-demo-plan')!.verdict, /^No match: 50,000 rows is over 10,000 rows/);
  });
});
