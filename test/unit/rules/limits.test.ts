import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ruleCases } from '../../helpers/ruleCases';
import { analyze } from '../../../server/src/core/analysis';
import { LIMITS_RULES } from '../../../server/src/core/rules/limits';
import type { Report, RuleContext } from '../../../server/src/core/rule';
import type { Measurement } from '../../../server/src/core/measurement';
import type { ModelNode } from '../../../server/src/core/model/node';

const demo = (rows: string, marked = false): string =>
  `version: 1\nname: Orders\nenvironment: proof-of-concept\npaths:\n  heroku_connect:\n    plan: ${marked ? '⟦demo⟧' : 'demo'}\n    mappings:\n      - object: Account\n        rows: ${rows}\n`;

// Through the real engine and the real Connect measurements (paths/herokuConnect/measures.ts).
ruleCases('limit-approaching', [
  {
    name: 'demo plan at 60% of its row cap',
    doc: demo('6_000', true),
    messages: [/^At 60% of rows synced across all mappings vs the demo plan cap \(6,000 of 10,000 rows\)\. .*TOO_MANY_ROWS.*enterprise plan/],
  },
  { name: 'exactly at the risk threshold', doc: demo('5_000', true), messages: [/^At 50% of .*\(5,000 of 10,000 rows\)/] },
  { name: 'under the risk threshold', doc: demo('4_999') },
  { name: 'exactly at the cap is not "approaching"', doc: demo('10_000') },
  { name: 'over the cap is the exceeded rule\'s finding, not this one', doc: demo('12_000') },
]);

const apex = (lines: string) => `version: 1\nname: Orders\npaths:\n  apex_callout:\n    named_credential: Orders\n${lines}`;

// Apex callouts go to a Heroku endpoint: the router ends each request at 30 seconds, whatever the Apex timeout.
ruleCases('limit-approaching', [
  {
    name: 'callouts in a synchronous context: moving them to Queueable jobs is offered',
    doc: apex('    timeout: 10s\n    callouts_per_transaction: ⟦9⟧\n'),
    messages: [/^At 75% of worst-case callout time per transaction .*\(90 of 120 seconds\).*or move the callouts to Queueable jobs\.$/],
  },
  {
    name: 'callouts already in a Queueable job: split across more of them instead',
    doc: apex('    context: queueable\n    synchronous: false\n    timeout: 10s\n    callouts_per_transaction: ⟦9⟧\n'),
    messages: [/^(?!.*move the callouts to Queueable)At 75% .*split the callouts across more Queueable jobs/],
  },
  {
    name: 'three 60-second callouts wait at most 90 seconds: each is cut at 30 by the router',
    doc: apex('    context: queueable\n    synchronous: false\n    timeout: 60s\n    callouts_per_transaction: ⟦3⟧\n'),
    messages: [/^At 75% of worst-case callout time per transaction \(callouts × the timeout, capped by the Heroku router\) .*\(90 of 120 seconds\)/],
  },
  // One 60 s callout waits at most 30 s (the router's cut): 25% of the 120 s budget, not 50%.
  { name: 'one 60-second callout is not half the per-transaction total', doc: apex('    context: queueable\n    synchronous: false\n    timeout: 60s\n    callouts_per_transaction: 1\n') },
]);

const rule = LIMITS_RULES.find((r) => r.id === 'limit-approaching')!;

/** Runs the rule on a hand-made context whose measurements point at nodes of a real document. */
function check(measurementsFor: (node: ModelNode) => Measurement[]): Report[] {
  const analysis = analyze('version: 1\nname: Orders\npaths:\n  rest_api:\n    token_holders: 4\n');
  const node = analysis.design!.paths!.rest_api!.token_holders!.node;
  const reports: Report[] = [];
  const context: RuleContext = {
    design: analysis.design!, model: analysis.model, decision: analysis.decision,
    measurements: measurementsFor(node), report: (r) => reports.push(r),
  };
  rule.check!(context);
  return reports;
}

function measurement(node: ModelNode, over: Partial<Measurement>): Measurement {
  return {
    id: 'test', label: 'Refresh tokens held vs approvals per user per connected app', value: 4, limit: 5, unit: 'approvals', ratio: 0.8,
    fact: 'connected-app-approvals-per-user', node, impact: 'A sixth approval revokes the oldest.', mitigation: 'Share one token.',
    exceededRule: 'rest-token-holders', ...over,
  };
}

describe('limit-approaching on hand-made measurements', () => {
  test('reports on the measurement\'s node with value, limit, impact and mitigation', () => {
    const reports = check((node) => [measurement(node, {})]);
    assert.equal(reports.length, 1);
    assert.equal(reports[0].message, 'At 80% of refresh tokens held vs approvals per user per connected app (4 of 5 approvals). A sixth approval revokes the oldest. Share one token.');
    assert.equal(reports[0].severity, undefined);
  });

  test('only from the risk threshold up to, not including, the limit', () => {
    const ratios = [0.49, 0.5, 0.999, 1, 1.5, Number.NaN, Number.POSITIVE_INFINITY];
    const reports = check((node) => ratios.map((ratio) => measurement(node, { ratio, label: `Ratio ${ratio}` })));
    assert.deepEqual(reports.map((r) => /^At (\d+)%/.exec(r.message)?.[1]), ['50', '99']);
  });

  test('unconfirmed limits say they are a rule of thumb', () => {
    const [report] = check((node) => [measurement(node, { fact: 'operation-too-large', unit: 'records', value: 62_000, limit: 100_000, ratio: 0.62, label: 'Distinct records queried' })]);
    assert.match(report.message, /^At 62% of distinct records queried \(62,000 of 100,000 records\)\..*\(Rule of thumb: no official Heroku or Salesforce source confirms this\.\)$/);
  });

  test('a floor reads as a minimum, a design-stated limit says so, fractions are kept, acronyms keep their case', () => {
    const reports = check((node) => [
      measurement(node, { label: 'Polling interval vs the demo minimum', unit: 'minutes', value: 20, limit: 10, ratio: 0.5 }),
      measurement(node, { label: 'Rows vs contracted_rows', unit: 'rows', value: 700_000, limit: 1_000_000, ratio: 0.7, limitFromDesign: true }),
      measurement(node, { label: 'API requests per hour', unit: 'requests per hour', value: 2.5, limit: 4, ratio: 0.625 }),
    ]);
    assert.deepEqual(reports.map((r) => /^At \d+% of (.*?)\. /.exec(r.message)?.[1]), [
      'polling interval vs the demo minimum (20 minutes against a minimum of 10 minutes)',
      'rows vs contracted_rows (700,000 of 1,000,000 rows stated in the design)',
      'API requests per hour (2.5 of 4 requests per hour)',
    ]);
  });
});
