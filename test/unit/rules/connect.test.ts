import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, ruleCases } from '../../helpers/ruleCases';

// Plans, rows and polling. Other Connect rules: connect-setup.test.ts, connect-users.test.ts, connect-mappings.test.ts.
const header = 'version: 1\nname: Orders\nenvironment: proof-of-concept\n';
const production = 'version: 1\nname: Orders\nenvironment: production\n';

ruleCases('connect-demo-row-limit', [
  {
    name: 'demo plan with mappings summing over the cap',
    doc: `${header}paths:\n  heroku_connect:\n    plan: ⟦demo⟧ # free\n    mappings:\n      - object: Account\n        rows: 6_000\n      - object: Contact\n        rows: 5_000\n`,
    messages: [/at most 10,000 rows across all mappings; this design maps 11,000 rows\. .*TOO_MANY_ROWS.*Use the enterprise plan/],
    related: 2,
    fixed: `${header}paths:\n  heroku_connect:\n    plan: enterprise # free\n    mappings:\n      - object: Account\n        rows: 6_000\n      - object: Contact\n        rows: 5_000\n`,
  },
  {
    name: 'a mapping without rows makes the total a lower bound',
    doc: `${header}paths:\n  heroku_connect:\n    plan: ⟦demo⟧\n    mappings:\n      - object: Account\n        rows: 12_000\n      - object: Contact\n`,
    messages: ['maps at least 12,000 rows (1 mapping states no rows)'],
    related: 1,
  },
  {
    name: 'demo plan with stated volume over the cap and no mapping rows',
    doc: `${header}requirements:\n  volume:\n    rows: 1_200_000\npaths:\n  heroku_connect: { plan: ⟦demo⟧ }\n`,
    messages: ['states 1,200,000 rows in requirements.volume.rows'],
    related: 1,
  },
  {
    name: 'regulated data: the fix moves to shield',
    doc: `${header}requirements:\n  regulated_data: true\n  volume: { rows: 20_000 }\npaths:\n  heroku_connect:\n    plan: ⟦demo⟧\n`,
    messages: [/Use the shield plan/],
    fixed: `${header}requirements:\n  regulated_data: true\n  volume: { rows: 20_000 }\npaths:\n  heroku_connect:\n    plan: shield\n`,
  },
  { name: 'demo plan exactly at the cap', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    mappings:\n      - object: Account\n        rows: 10_000\n` },
  { name: 'enterprise plan over the demo cap', doc: `${header}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 2_000_000\n    mappings:\n      - object: Account\n        rows: 1_000_000\n` },
  { name: 'demo plan with no volume stated', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n` },
  { name: 'mapping rows take precedence over a larger stated volume', doc: `${header}requirements:\n  volume:\n    rows: 50_000\npaths:\n  heroku_connect:\n    plan: demo\n    mappings:\n      - object: Account\n        rows: 900\n` },
]);

ruleCases('connect-demo-polling-interval', [
  {
    name: 'connection-level interval below the minimum',
    doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    polling_interval: ⟦2m⟧ # fast\n`,
    messages: [/no more often than every 10 minutes; the connection asks for 2 minutes\..*Set 10m/],
    fixed: `${header}paths:\n  heroku_connect:\n    plan: demo\n    polling_interval: 10m # fast\n`,
  },
  {
    name: 'each mapping interval below the minimum is reported where it is written',
    doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    polling_interval: 15m\n    mappings:\n      - object: Account\n        polling_interval: ⟦30s⟧\n      - object: Contact\n        polling_interval: 10m\n      - object: Case\n        polling_interval: ⟦9m59s⟧\n`,
    messages: ['the Account mapping asks for 30 seconds', 'the Case mapping asks for 599 seconds'],
    fixed: `${header}paths:\n  heroku_connect:\n    plan: demo\n    polling_interval: 15m\n    mappings:\n      - object: Account\n        polling_interval: 10m\n      - object: Contact\n        polling_interval: 10m\n      - object: Case\n        polling_interval: 9m59s\n`,
  },
  { name: 'exactly the minimum', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    polling_interval: 10m\n` },
  { name: 'a paid plan may poll faster', doc: `${header}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 100_000\n    polling_interval: 5m\n` },
  { name: 'no plan stated (connect-plan-unstated covers it)', doc: `${header}paths:\n  heroku_connect:\n    polling_interval: 5m\n` },
]);

ruleCases('connect-demo-in-production', [
  {
    name: 'demo plan in a production design',
    doc: `${production}paths:\n  heroku_connect:\n    plan: ⟦demo⟧\n`,
    messages: [/proofs of concept: it syncs at most 10,000 rows, polls no more often than every 10 minutes, keeps the trigger-log archive for 7 days and pauses after 31 days.*Use the enterprise plan in production/],
    related: 1,
    fixed: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n`,
  },
  {
    name: 'regulated production data moves to shield',
    doc: `${production}requirements: { regulated_data: true }\npaths:\n  heroku_connect: { plan: ⟦demo⟧ }\n`,
    messages: ['Use the shield plan in production'],
    fixed: `${production}requirements: { regulated_data: true }\npaths:\n  heroku_connect: { plan: shield }\n`,
  },
  { name: 'demo plan in a proof of concept', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n` },
  { name: 'demo plan with no environment stated', doc: 'version: 1\nname: Orders\npaths:\n  heroku_connect:\n    plan: demo\n' },
  { name: 'enterprise plan in production', doc: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 100_000\n` },
]);

ruleCases('connect-plan-unstated', [
  {
    name: 'production design without a plan gets the decision table\'s tier',
    doc: `${production}requirements:\n  heroku_needs_local_copy: true\npaths:\n  ⟦heroku_connect⟧:\n    mappings:\n      - object: Account\n`,
    messages: [/demo is the default when the add-on is provisioned: at most 10,000 rows and polling no more often than every 10 minutes\. State the plan\. The decision table recommends enterprise/],
    fixed: `${production}requirements:\n  heroku_needs_local_copy: true\npaths:\n  heroku_connect:\n    mappings:\n      - object: Account\n    plan: enterprise\n`,
  },
  {
    name: 'regulated data: the decision table recommends shield',
    doc: `${production}requirements:\n  heroku_needs_local_copy: true\n  regulated_data: true\npaths:\n  ⟦heroku_connect⟧: {}\n`,
    messages: ['recommends shield'],
    fixed: `${production}requirements:\n  heroku_needs_local_copy: true\n  regulated_data: true\npaths:\n  heroku_connect: { plan: shield }\n`,
  },
  {
    name: 'no recommendation: enterprise, without a reason',
    doc: `${header}paths:\n  ⟦heroku_connect⟧:\n    api_version: 62.0\n`,
    messages: [/State the plan\.$/],
    fixed: `${header}paths:\n  heroku_connect:\n    api_version: 62.0\n    plan: enterprise\n`,
  },
  { name: 'plan stated', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n` },
  { name: 'plan written but invalid (schema reports it)', doc: `${header}paths:\n  heroku_connect:\n    plan: premium\n` },
  { name: 'no Heroku Connect path', doc: `${header}paths:\n  rest_api:\n    auth_flow: jwt-bearer\n` },
]);

ruleCases('connect-contracted-rows-exceeded', [
  {
    name: 'mapped rows over the contract',
    doc: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: ⟦500_000⟧\n    mappings:\n      - object: Account\n        rows: 400_000\n      - object: Contact\n        rows: 200_000\n`,
    messages: [/contract allows 500,000 rows, counted across all mappings; this design maps 600,000 rows\..*TOO_MANY_ROWS \("Overlimit" in the dashboard\).*larger license/],
    related: 2,
  },
  {
    name: 'shield plan with the stated volume over the contract',
    doc: `${production}requirements:\n  volume: { rows: 2_000_000 }\npaths:\n  heroku_connect:\n    plan: shield\n    contracted_rows: ⟦1_000_000⟧\n`,
    messages: ['states 2,000,000 rows in requirements.volume.rows'],
    related: 1,
  },
  { name: 'exactly the contract', doc: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 600_000\n    mappings:\n      - object: Account\n        rows: 600_000\n` },
  { name: 'demo plan (connect-demo-row-limit covers it)', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    contracted_rows: 5_000\n    mappings:\n      - object: Account\n        rows: 6_000\n` },
  { name: 'no rows stated', doc: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 5_000\n` },
]);

ruleCases('connect-contracted-rows-missing', [
  {
    name: 'enterprise plan without contracted rows, with a known volume',
    doc: `${production}requirements:\n  volume: { rows: 1_200_000 }\npaths:\n  heroku_connect:\n    plan: ⟦enterprise⟧\n`,
    messages: [/On the enterprise plan rows are allocated by contract and counted across all mappings; they are not unlimited\. This design states 1,200,000 rows.*State contracted_rows.*TOO_MANY_ROWS/],
    related: 1,
  },
  {
    name: 'shield plan without contracted rows or volume',
    doc: `${production}paths:\n  heroku_connect:\n    plan: ⟦shield⟧\n`,
    messages: [/On the shield plan rows are allocated by contract.*not unlimited\. State contracted_rows/],
    related: 0,
  },
  { name: 'contracted rows stated', doc: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 1_000_000\n` },
  { name: 'contracted rows written but invalid', doc: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: lots\n` },
  { name: 'demo plan', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n` },
]);

ruleCases('connect-paid-polling-range', [
  {
    name: 'below the 2014 minimum',
    doc: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 100_000\n    polling_interval: ⟦1m⟧\n`,
    messages: [/The connection polls every 1 minute, below the 2 minutes to 60 minutes range\. That range is from the Heroku Connect launch post \(30 Jul 2014\); no current official minimum was found.*\(Rule of thumb: only Heroku Connect launch post \(30 Jul 2014\) gives this figure; no current official Heroku or Salesforce source confirms it\.\)$/],
    related: 1,
    fixed: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 100_000\n    polling_interval: 2m\n`,
  },
  {
    name: 'a mapping above the 2014 maximum',
    doc: `${production}paths:\n  heroku_connect:\n    plan: shield\n    contracted_rows: 100_000\n    mappings:\n      - object: Account\n        polling_interval: ⟦2h⟧\n`,
    messages: [/The Account mapping polls every 2 hours, above the 2 minutes to 60 minutes range\. .*launch post \(30 Jul 2014\); no current official maximum was found.*\(Rule of thumb: only/],
    fixed: `${production}paths:\n  heroku_connect:\n    plan: shield\n    contracted_rows: 100_000\n    mappings:\n      - object: Account\n        polling_interval: 1h\n`,
  },
  { name: 'at both ends of the range', doc: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 100_000\n    polling_interval: 2m\n    mappings:\n      - object: Account\n        polling_interval: 60m\n` },
  { name: 'demo plan (its own rule)', doc: `${header}paths:\n  heroku_connect:\n    plan: demo\n    polling_interval: 90m\n` },
]);

ruleCases('connect-demo-inactivity', [
  {
    name: 'demo plan',
    doc: `${header}paths:\n  heroku_connect:\n    plan: ⟦demo⟧\n`,
    messages: [/after 7 days without new data from Salesforce, mappings poll once an hour; after 14 days, once a day; after 31 days, the connection is paused/],
  },
  { name: 'enterprise plan', doc: `${production}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 100_000\n` },
  { name: 'no plan', doc: `${header}paths:\n  heroku_connect:\n    api_version: 62.0\n` },
]);

describe('connect-demo-row-limit related locations', () => {
  it('name each counted number and where it comes from', () => {
    const findings = findingsOf('connect-demo-row-limit', `${header}paths:\n  heroku_connect:\n    plan: demo\n    mappings:\n      - object: Account\n        rows: 6_000\n      - rows: 5_000\n        object: Contact\n`);
    assert.deepEqual(findings[0]?.related?.map((r) => r.message), ['6,000 rows counted here (the Account mapping)', '5,000 rows counted here (the Contact mapping)']);
  });
});
