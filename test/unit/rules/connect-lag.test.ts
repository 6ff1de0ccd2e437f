// connect-lag-vs-polling: acceptable_lag against what Heroku Connect's polling can deliver.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, ruleCases } from '../../helpers/ruleCases';
import { analyze } from '../../../server/src/core/analysis';
import { decide, decisionInputFromDesign } from '../../../server/src/core/decision/engine';

const design = (lag: string, plan: string, rest = '') =>
  `version: 1\nname: Orders\nenvironment: production\nrequirements:\n  heroku_needs_local_copy: true\n  acceptable_lag: ${lag}\npaths:\n  heroku_connect:\n    plan: ${plan}\n${rest}`;

ruleCases('connect-lag-vs-polling', [
  {
    name: 'a connection interval longer than the acceptable lag',
    doc: design('5m', 'enterprise', '    polling_interval: ⟦10m⟧\n'),
    messages: [/^The connection polls Salesforce every 10 minutes, but acceptable_lag is 5 minutes: a Salesforce change can wait up to the interval before Connect reads it\. Set the interval to 5 minutes or less, or accept a longer lag\.$/],
    related: 1,
    fixed: design('5m', 'enterprise', '    polling_interval: 5m\n'),
  },
  {
    name: 'a mapping\'s own interval; accelerated polling is best effort and the interval is what counts',
    doc: design('5m', 'enterprise', '    mappings:\n      - object: Account\n        accelerated_polling: true\n        polling_interval: ⟦15m⟧\n'),
    messages: [/^The Account mapping polls Salesforce every 15 minutes, but acceptable_lag is 5 minutes.*accelerated polling triggers a poll when Salesforce signals a change, but best effort: Connect keeps polling at the interval, so the interval is what the lag can count on\. \(Rule of thumb: no official Heroku or Salesforce source confirms this\.\)/],
  },
  {
    name: 'the demo plan cannot poll more often than every 10 minutes (confirmed)',
    doc: design('⟦2m⟧', 'demo'),
    messages: [/^acceptable_lag is 2 minutes, but the demo plan polls Salesforce no more often than every 10 minutes: Salesforce changes can take that long to reach Postgres\. Use a paid plan, or accept a lag of 10 minutes\.$/],
    related: 1,
  },
  {
    name: 'under the historical paid floor, without accelerated polling: a rule of thumb, with the alternatives',
    doc: design('⟦30s⟧', 'enterprise', '    mappings:\n      - object: Account\n'),
    messages: [/^acceptable_lag is 30 seconds, shorter than any documented Heroku Connect polling interval: the shortest is 2 minutes, from Heroku's 2014 launch post\. Accelerated polling \(PushTopic notifications trigger a poll\) can come closer but is best effort\. For changes that must arrive within seconds, subscribe to Platform Events or Change Data Capture\. \(Rule of thumb: only Heroku Connect launch post \(30 Jul 2014\) gives this figure; no current official Heroku or Salesforce source confirms it\.\)$/],
  },
  {
    name: 'under the paid floor with accelerated mappings: PushTopic allocations, an inference said to be one',
    doc: design('⟦1m⟧', 'shield', '    mappings:\n      - object: Account\n        accelerated_polling: true\n'),
    messages: [/shortest is 2 minutes, from Heroku's 2014 launch post\. 1 mapping uses accelerated polling, which can come closer but is best effort; each accelerated mapping uses a PushTopic, so it counts against the org's PushTopic allocations \(an inference: no official page says so\)\./],
  },
  { name: 'intervals within the lag', doc: design('10m', 'enterprise', '    polling_interval: 5m\n    mappings:\n      - object: Account\n        polling_interval: 10m\n') },
  { name: 'the demo plan with a lag of a day', doc: design('1d', 'demo', '    polling_interval: 10m\n') },
  { name: 'a connection interval every mapping overrides', doc: design('5m', 'enterprise', '    polling_interval: 30m\n    mappings:\n      - object: Account\n        polling_interval: 5m\n') },
  { name: 'no lag stated', doc: 'version: 1\nname: Orders\npaths:\n  heroku_connect:\n    plan: enterprise\n    polling_interval: 1h\n' },
  { name: 'no Connect path', doc: 'version: 1\nname: Orders\nrequirements:\n  acceptable_lag: 10s\npaths:\n  rest_api: {}\n' },
]);

test('connect-lag-vs-polling: a warning, whether the figure is confirmed or a rule of thumb', () => {
  assert.deepEqual(findingsOf('connect-lag-vs-polling', design('2m', 'demo')).map((f) => f.severity), ['warning']);
  assert.deepEqual(findingsOf('connect-lag-vs-polling', design('30s', 'enterprise')).map((f) => f.severity), ['warning']);
});

test('the decision table\'s "lag under 1 minute" row says Connect\'s polling cannot promise it', () => {
  const text = 'version: 1\nname: Orders\nenvironment: production\nrequirements:\n  heroku_needs_local_copy: true\n  acceptable_lag: 30s\n  volume: { rows: 50_000 }\npaths: {}\n';
  const decision = decide(decisionInputFromDesign(analyze(text).design));
  assert.equal(decision.winner?.row.id, 'production-scale-connect');
  assert.equal(decision.planTier, 'enterprise');
  assert.match(decision.planReason ?? '', /A lag of 30 seconds is shorter than any documented Heroku Connect polling interval \(2 minutes, from Heroku's 2014 launch post: a rule of thumb\)/);
  assert.match(decision.planReason ?? '', /accelerated polling .* best effort/);
  assert.match(decision.planReason ?? '', /Platform Events or Change Data Capture/);
  // A lag Connect's documented intervals can meet needs no caveat.
  const relaxed = decide(decisionInputFromDesign(analyze(text.replace('30s', '5m').replace('50_000', '1_500_000')).design));
  assert.doesNotMatch(relaxed.planReason ?? '', /documented Heroku Connect polling interval/);
});
