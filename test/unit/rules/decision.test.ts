import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, ruleCases } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Orders\nsummary: Orders mirrored into Postgres.\nenvironment: production\n';
const localCopy = 'requirements:\n  heroku_needs_local_copy: true\n';

ruleCases('decision-path-mismatch', [
  {
    name: 'a local copy is needed but Connect is not chosen',
    doc: `${header}${localCopy}⟦paths⟧:\n  rest_api: { auth_flow: jwt-bearer }\n`,
    messages: [/^The decision table recommends Heroku Connect \(enterprise plan\) for this design: 'Heroku app needs a local Postgres copy of Account \/ Contact \/ custom objects'\. Managed bidirectional sync; eventual consistency\. But paths has no heroku_connect\./],
    related: 1,
    fixed: `${header}${localCopy}paths:\n  rest_api: { auth_flow: jwt-bearer }\n  heroku_connect:\n    plan: enterprise\n`,
  },
  {
    name: 'production scale: the row names its thresholds as rules of thumb',
    doc: `${header}requirements:\n  heroku_needs_local_copy: true\n  acceptable_lag: 30s\n  volume:\n    rows: 2_000_000\n⟦paths⟧:\n  platform_events: {}\n`,
    messages: [/recommends Heroku Connect Enterprise \/ Shield for this design: 'Production: 1,000,000 rows or more, or a lag under 1 minute \(the skill document's thresholds, rules of thumb\)'\. The demo plan cannot meet production SLAs\. \(Rule of thumb: no official Heroku or Salesforce source confirms this\.\) But paths has no heroku_connect/],
    // heroku_needs_local_copy, environment, and both alternatives of the volume-or-lag condition.
    related: 4,
  },
  {
    name: 'Flow calls Heroku logic, flow-style paths',
    doc: `${header}requirements:\n  salesforce_calls_heroku:\n    from: [flow]\n⟦paths⟧: { apex_callout: {} }\n`,
    messages: ['recommends Heroku AppLink for this design'],
    fixed: `${header}requirements:\n  salesforce_calls_heroku:\n    from: [flow]\npaths: { apex_callout: {}, heroku_applink: {} }\n`,
  },
  {
    name: 'cross-org passthrough with a Heroku path chosen',
    doc: `${header}requirements:\n  heroku_needs_local_copy: true\n  cross_org_passthrough: true\npaths:\n  ⟦heroku_connect⟧: { plan: enterprise }\n  rest_api: {}\n`,
    messages: [/^The decision table's row 'Cross-org integration where Heroku is just a passthrough' applies: Probably none of these: a direct Salesforce → Salesforce path or MuleSoft\. Heroku adds latency without buying you anything\. Yet the design chooses Heroku Connect and Heroku → Salesforce REST API\./],
    related: 1,
  },
  {
    name: 'an additional matched need is reported at a lower severity',
    doc: `${header}requirements:\n  heroku_needs_local_copy: true\n  ui_embedded_in_salesforce: true\n⟦paths⟧:\n  heroku_connect: { plan: enterprise }\n`,
    messages: [/^The decision table also matches 'Embed a Heroku UI inside Salesforce for end users', which calls for Canvas \(Signed Request\): Default auth; no consent prompt\. But paths has no canvas\./],
    fixed: `${header}requirements:\n  heroku_needs_local_copy: true\n  ui_embedded_in_salesforce: true\npaths:\n  heroku_connect: { plan: enterprise }\n  canvas: {}\n`,
  },
  { name: 'the recommended path is chosen', doc: `${header}${localCopy}paths:\n  heroku_connect: { plan: enterprise }\n` },
  { name: 'no row matches', doc: `${header}requirements:\n  direction: bidirectional\npaths:\n  rest_api: {}\n` },
  { name: 'no requirements', doc: `${header}paths:\n  rest_api: {}\n` },
  { name: 'cross-org passthrough with no Heroku path', doc: `${header}requirements:\n  cross_org_passthrough: true\npaths: {}\n` },
]);

test('decision-path-mismatch: the winning row is a warning, an additional row info', () => {
  const findings = findingsOf('decision-path-mismatch', `${header}requirements:\n  heroku_needs_local_copy: true\n  ui_embedded_in_salesforce: true\npaths:\n  rest_api: {}\n`);
  assert.deepEqual(findings.map((f) => f.severity), ['warning', 'info']);
  assert.match(findings[0].message, /recommends Heroku Connect/);
  assert.match(findings[1].message, /also matches 'Embed a Heroku UI/);
});

ruleCases('cross-org-passthrough', [
  {
    name: 'Heroku only relays between orgs',
    doc: `${header}requirements:\n  cross_org_passthrough: ⟦true⟧\npaths:\n  rest_api: {}\n`,
    messages: [/^Heroku only relays data between Salesforce orgs here, and it adds latency without buying you anything\..*Recommended: Probably none of these: a direct Salesforce → Salesforce path or MuleSoft\./],
  },
  { name: 'not a passthrough', doc: `${header}requirements:\n  cross_org_passthrough: false\npaths:\n  rest_api: {}\n` },
  { name: 'not stated', doc: `${header}${localCopy}paths:\n  heroku_connect: {}\n` },
]);

const noSummary = 'version: 1\nname: Orders # the orders sync\nenvironment: production\nrequirements:\n  direction: salesforce-to-heroku\n  source_of_truth: salesforce\n  heroku_needs_local_copy: true\n  acceptable_lag: 10m\n  volume:\n    rows: 50_000\npaths:\n  heroku_connect: { plan: enterprise }\n';
const statement = '"Salesforce → Heroku integration for a local Postgres copy of Salesforce data: 50,000 rows, at most 10 minutes of lag, with the source of truth in Salesforce, for production."';

ruleCases('summary-missing', [
  {
    name: 'no summary: one is written from the requirements, after the name',
    doc: noSummary.replace('name:', '⟦name⟧:'),
    messages: [`No summary: the checklist asks for the decision in one sentence (direction, latency, volume, where the source of truth lives). From the requirements: ${statement}`],
    fixed: noSummary.replace('# the orders sync\n', `# the orders sync\nsummary: ${statement}\n`),
  },
  {
    name: 'an empty summary is filled in place',
    doc: 'version: 1\nname: Orders\n⟦summary⟧: ""\npaths:\n  rest_api: {}\n',
    messages: ['No summary'],
    fixed: 'version: 1\nname: Orders\nsummary: "Integration (direction not stated): an unstated number of rows, no stated lag, with no stated source of truth."\npaths:\n  rest_api: {}\n',
  },
  {
    name: 'a summary key with no value',
    doc: 'version: 1\nname: Orders\n⟦summary⟧:\npaths:\n  rest_api: {}\n',
    messages: ['No summary'],
    fixed: 'version: 1\nname: Orders\nsummary: "Integration (direction not stated): an unstated number of rows, no stated lag, with no stated source of truth."\npaths:\n  rest_api: {}\n',
  },
  { name: 'a summary is stated', doc: `${header}paths:\n  rest_api: {}\n` },
  { name: 'a summary of the wrong type is the schema\'s business', doc: 'version: 1\nname: Orders\nsummary: [a, b]\npaths:\n  rest_api: {}\n' },
]);

ruleCases('requirements-missing', [
  {
    name: 'no requirements section',
    doc: `version: 1\n⟦name⟧: Orders\npaths:\n  rest_api: {}\n`,
    messages: [/^No requirements section: the decision table cannot be walked/],
  },
  { name: 'requirements stated', doc: `${header}${localCopy}paths:\n  heroku_connect: {}\n` },
  { name: 'an empty requirements section is stated, not missing', doc: `${header}requirements: {}\npaths:\n  rest_api: {}\n` },
]);

ruleCases('path-not-chosen', [
  {
    name: 'requirements that match no row, and no path',
    doc: `${header}requirements:\n  direction: bidirectional\n⟦paths⟧: {} # to be decided\n`,
    messages: [/^No integration path is chosen: the review checklist starts with the decision \(Heroku Connect, .* or Salesforce Canvas\), justified in one sentence in summary\. The requirements match no row of the decision table either: .*add the path you chose under paths\.$/],
  },
  {
    name: 'no requirements and no path',
    doc: `version: 1\nname: Orders\n⟦paths⟧: {}\n`,
    messages: ['There are no requirements to walk the decision table on'],
  },
  { name: 'a path is chosen', doc: `${header}requirements:\n  direction: bidirectional\npaths:\n  rest_api: { auth_flow: jwt-bearer }\n` },
  { name: 'the decision table recommends a path (decision-path-mismatch reports it)', doc: `${header}${localCopy}paths: {}\n` },
  { name: 'cross-org passthrough: choosing no Heroku path is the recommendation', doc: `${header}requirements:\n  cross_org_passthrough: true\npaths: {}\n` },
]);
