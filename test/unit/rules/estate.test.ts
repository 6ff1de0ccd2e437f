// The rules that compare documents, table by table: several designs and org files checked together.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseUri, estateFindings, estateRuleCases } from '../../helpers/estateRuleCases';
import { stripMarkers } from '../../helpers/ruleCases';
import type { ContributionExtractor } from '../../../server/src/core/estate';
import { analyze } from '../../../server/src/core/analysis';
import { analyzeEstates, EstateWorkspace, summarize } from '../../../server/src/core/estate';
import { NAMED_DOCUMENTS } from '../../../server/src/core/rules/estate';

/** A small valid design of org `org` whose one user logs in with `username` for `path`. */
function design(org: string | undefined, username: string, path: 'heroku_connect' | 'rest_api' | 'platform_events' = 'rest_api', extra = ''): string {
  const pathSection = { heroku_connect: 'heroku_connect: { plan: enterprise }', rest_api: 'rest_api: { auth_flow: jwt-bearer }', platform_events: 'platform_events: { api: pub-sub }' }[path];
  return `version: 1\nname: ${path} design\n${org === undefined ? '' : `salesforce:\n  org: ${org}\n${extra}`}integration_users:\n  sync:\n    username: ${username}\n    kind: integration\n    permissions: [api-enabled]\n    used_by: [${path}]\npaths:\n  ${pathSection}\n`;
}

function orgFile(org: string, extra = ''): string {
  return `version: 1\norg: ${org}\n${extra}`;
}

estateRuleCases('estate-integration-user-shared', [
  {
    name: 'two designs of one org log in as the same user',
    docs: {
      'orders.integration.yaml': design('acme-prod', '⟦sf-connect@acme.com⟧', 'heroku_connect'),
      'events.integration.yaml': design('acme-prod', '⟦sf-connect@acme.com⟧', 'platform_events'),
      'acme.salesforce-org.yaml': orgFile('acme-prod'),
    },
    messages: {
      'orders.integration.yaml': [/^Integration user 'sf-connect@acme\.com' \(used here by Heroku Connect\) is also used by another design of org 'acme-prod': events\.integration\.yaml \(Platform Events \/ Pub\/Sub, line 7\)\. Salesforce recommends one user per integration, and the skill document one integration user per add-on \(a rule of thumb.*at most 5 approvals \(refresh tokens\) per user, revoking the oldest.*Give each design its own integration user\.$/],
      'events.integration.yaml': [/used here by Platform Events \/ Pub\/Sub\) is also used by another design of org 'acme-prod': orders\.integration\.yaml \(Heroku Connect, line 7\)/],
    },
    related: { 'orders.integration.yaml': ['events.integration.yaml:sf-connect@acme.com'], 'events.integration.yaml': ['orders.integration.yaml:sf-connect@acme.com'] },
  },
  {
    name: 'three designs; usernames compared without case; the message counts the others',
    docs: {
      'a.integration.yaml': design('acme-prod', '⟦SF-Connect@Acme.com⟧'),
      'b.integration.yaml': design('acme-prod', '⟦sf-connect@acme.com⟧'),
      'c.integration.yaml': design('acme-prod', '⟦sf-connect@acme.com⟧', 'platform_events'),
    },
    messages: {
      'a.integration.yaml': [/is also used by 2 other designs of org 'acme-prod': b\.integration\.yaml \(Heroku → Salesforce REST API, line 7\) and c\.integration\.yaml \(Platform Events \/ Pub\/Sub, line 7\)/],
      'b.integration.yaml': ['2 other designs'],
      'c.integration.yaml': ['2 other designs'],
    },
    related: { 'a.integration.yaml': ['b.integration.yaml:sf-connect@acme.com', 'c.integration.yaml:sf-connect@acme.com'] },
  },
  {
    name: 'the same username in designs of different orgs',
    docs: {
      'a.integration.yaml': design('acme-prod', 'sf-connect@acme.com'),
      'b.integration.yaml': design('acme-uat', 'sf-connect@acme.com'),
    },
  },
  {
    name: 'designs that name no org are checked alone',
    docs: {
      'a.integration.yaml': design(undefined, 'sf-connect@acme.com'),
      'b.integration.yaml': design(undefined, 'sf-connect@acme.com'),
    },
  },
  {
    name: 'one user per design',
    docs: {
      'a.integration.yaml': design('acme-prod', 'sf-orders@acme.com'),
      'b.integration.yaml': design('acme-prod', 'sf-events@acme.com'),
      'acme.salesforce-org.yaml': orgFile('acme-prod'),
    },
  },
  {
    name: 'the same Connect add-on (app and addon) described in two designs is one consumer',
    docs: {
      'orders.integration.yaml': design('acme-prod', 'sf-connect@acme.com', 'heroku_connect').replace('heroku_connect: { plan: enterprise }', 'heroku_connect: { app: acme-orders, addon: orders-connect, plan: enterprise }'),
      'accounts.integration.yaml': design('acme-prod', 'sf-connect@acme.com', 'heroku_connect').replace('heroku_connect: { plan: enterprise }', 'heroku_connect: { app: acme-orders, addon: orders-connect, plan: enterprise }'),
    },
  },
  {
    name: 'two Connect add-ons log in as one user',
    docs: {
      'orders.integration.yaml': design('acme-prod', '⟦sf-connect@acme.com⟧', 'heroku_connect').replace('heroku_connect: { plan: enterprise }', 'heroku_connect: { app: acme-orders, addon: orders-connect, plan: enterprise }'),
      'billing.integration.yaml': design('acme-prod', '⟦sf-connect@acme.com⟧', 'heroku_connect').replace('heroku_connect: { plan: enterprise }', 'heroku_connect: { app: acme-billing, addon: billing-connect, plan: enterprise }'),
    },
    messages: {
      'orders.integration.yaml': [/Give each design its own integration user \(or, if the designs describe the same add-on, name it in each with the same app and addon: one add-on is one consumer\)\.$/],
      'billing.integration.yaml': ['is also used by another design'],
    },
  },
  {
    name: 'a suppression comment in one design silences it there only',
    docs: {
      'a.integration.yaml': design('acme-prod', 'sf-connect@acme.com # integration-lint-disable-line').replace('    username:', '    # integration-lint-disable-next-line estate-integration-user-shared -- the same add-on, described twice\n    username:'),
      'b.integration.yaml': design('acme-prod', '⟦sf-connect@acme.com⟧'),
    },
    messages: { 'b.integration.yaml': ['is also used by another design'] },
  },
]);

estateRuleCases('estate-org-not-described', [
  {
    name: 'two designs name an org no file describes',
    docs: {
      'a.integration.yaml': design('⟦acme-prod⟧', 'a@acme.com'),
      'b.integration.yaml': design('⟦acme-prod⟧', 'b@acme.com'),
      'other.salesforce-org.yaml': orgFile('acme-uat'),
    },
    messages: {
      'a.integration.yaml': [/^Org 'acme-prod' is named here and by 1 other design, but no org file says 'org: acme-prod'\. .*acme-prod\.salesforce-org\.yaml with 'version: 1' and 'org: acme-prod'.*or correct the id if it is misspelt\.$/],
      'b.integration.yaml': ['no org file says'],
    },
    related: { 'a.integration.yaml': ['b.integration.yaml:acme-prod'] },
  },
  {
    name: 'its org file cannot be read',
    docs: {
      'a.integration.yaml': design('⟦acme-prod⟧', 'a@acme.com'),
      'acme.salesforce-org.yaml': 'version: 1\norg: acme-prod\nedition: "unlimited\n',
    },
    messages: { 'a.integration.yaml': [/its org file acme\.salesforce-org\.yaml cannot be read \(its YAML has a syntax error/] },
    related: { 'a.integration.yaml': ['acme.salesforce-org.yaml:acme-prod'] },
  },
  { name: 'described', docs: { 'a.integration.yaml': design('acme-prod', 'a@acme.com'), 'acme.salesforce-org.yaml': orgFile('acme-prod') } },
  { name: 'no org named', docs: { 'a.integration.yaml': design(undefined, 'a@acme.com') } },
]);

estateRuleCases('estate-org-figure-mismatch', [
  {
    name: 'a design states another edition than the org file',
    docs: {
      'a.integration.yaml': design('acme-prod', 'a@acme.com', 'rest_api', '  edition: ⟦enterprise⟧\n  org_type: production\n'),
      'acme.salesforce-org.yaml': orgFile('acme-prod', 'edition: unlimited\norg_type: production\n'),
    },
    messages: { 'a.integration.yaml': [/^salesforce\.edition is 'enterprise' here, but the org file acme\.salesforce-org\.yaml says 'unlimited' \(line 3\); the org file wins\./] },
    related: { 'a.integration.yaml': ['acme.salesforce-org.yaml:unlimited'] },
  },
  {
    name: 'a sandbox inherits its production org\'s edition',
    docs: {
      'uat.integration.yaml': design('acme-uat', 'a@acme.com.uat', 'rest_api', '  edition: ⟦enterprise⟧\n'),
      'uat.salesforce-org.yaml': orgFile('acme-uat', 'org_type: sandbox\nallocations_from: acme-prod\n'),
      'prod.salesforce-org.yaml': orgFile('acme-prod', 'edition: unlimited\n'),
    },
    messages: { 'uat.integration.yaml': [/but the org file prod\.salesforce-org\.yaml says 'unlimited' \(line 3\), read from production org 'acme-prod'/] },
  },
  {
    name: 'two designs disagree and there is no org file',
    docs: {
      'a.integration.yaml': design('acme-prod', 'a@acme.com', 'rest_api', '  edition: unlimited\n'),
      'b.integration.yaml': design('acme-prod', 'b@acme.com', 'rest_api', '  edition: ⟦enterprise⟧\n'),
    },
    messages: { 'b.integration.yaml': [/^salesforce\.edition is 'enterprise' here, but a\.integration\.yaml says 'unlimited' \(line 5\) for the same org 'acme-prod'\. One org has one edition: make the designs agree/] },
  },
  {
    name: 'designs and the org file agree (case aside)',
    docs: {
      'a.integration.yaml': design('acme-prod', 'a@acme.com', 'rest_api', '  edition: unlimited\n  instance: usa596s\n'),
      'acme.salesforce-org.yaml': orgFile('acme-prod', 'edition: unlimited\ninstance: USA596S\n'),
    },
  },
]);

estateRuleCases('estate-design-left-out', [
  {
    name: 'a design with broken YAML is left out, and never hides the others\' findings',
    docs: {
      'broken.integration.yaml': 'version: 1\nname: Broken\nsalesforce:\n  org: ⟦acme-prod⟧\nsummary: "never closed\npaths: {}\n',
      'a.integration.yaml': design('acme-prod', 'sf@acme.com'),
      'acme.salesforce-org.yaml': orgFile('acme-prod'),
    },
    messages: { 'broken.integration.yaml': [/^This design is left out of the estate of org 'acme-prod' because its YAML has a syntax error \(on line 5\): the other design is checked without it/] },
    related: { 'broken.integration.yaml': ['a.integration.yaml:acme-prod'] },
  },
  { name: 'readable designs', docs: { 'a.integration.yaml': design('acme-prod', 'sf@acme.com'), 'acme.salesforce-org.yaml': orgFile('acme-prod') } },
]);

/** A test extractor: `requirements.volume.events_per_day` counts as that many API requests per day. */
const eventsAsRequests: ContributionExtractor = (d) => {
  const field = d.requirements?.volume?.events_per_day;
  return field ? [{ allocation: 'daily-api-requests', amount: field.value, range: field.node.range, label: 'test requests per day' }] : [];
};
const withVolume = (org: string, user: string, perDay: string) => design(org, user).replace('paths:', `requirements:\n  volume:\n    events_per_day: ${perDay}\npaths:`);

estateRuleCases('estate-allocation-approaching', [
  {
    name: 'each design under half, together over half: reported in both',
    docs: {
      'a.integration.yaml': withVolume('acme-prod', 'a@acme.com', '⟦300_000⟧'),
      'b.integration.yaml': withVolume('acme-prod', 'b@acme.com', '⟦250_000⟧'),
      'acme.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 1_000_000\n'),
    },
    messages: {
      'a.integration.yaml': [/^Together the designs of org 'acme-prod' use 55% of its API requests per 24 hours \(550,000 of 1,000,000 requests per 24 hours, stated in acme\.salesforce-org\.yaml, line 3\)\. This design adds 300,000 \(test requests per day\); the others: b\.integration\.yaml 250,000\. The allocation counts every REST, SOAP, Bulk and Connect REST API call .* Buy more API requests/],
      'b.integration.yaml': ['use 55% of its API requests'],
    },
    related: { 'a.integration.yaml': ['b.integration.yaml:250_000', 'acme.salesforce-org.yaml:1_000_000'] },
  },
  {
    name: 'under half together',
    docs: {
      'a.integration.yaml': withVolume('acme-prod', 'a@acme.com', '100_000'),
      'b.integration.yaml': withVolume('acme-prod', 'b@acme.com', '100_000'),
      'acme.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 1_000_000\n'),
    },
  },
  {
    name: 'one design alone: its own rules report it, against the same figure',
    docs: { 'a.integration.yaml': withVolume('acme-prod', 'a@acme.com', '900_000'), 'acme.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 1_000_000\n') },
  },
], { extractors: [eventsAsRequests] });

estateRuleCases('estate-allocation-exceeded', [
  {
    name: 'together over the allocation a sandbox gets from its production org',
    docs: {
      'a.integration.yaml': withVolume('acme-uat', 'a@acme.com.uat', '⟦600_000⟧'),
      'b.integration.yaml': withVolume('acme-uat', 'b@acme.com.uat', '⟦500_000⟧'),
      'uat.salesforce-org.yaml': orgFile('acme-uat', 'org_type: sandbox\nallocations_from: acme-prod\n'),
      'prod.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 1_000_000\n'),
    },
    messages: {
      'a.integration.yaml': [/use 110% of its API requests per 24 hours \(1,100,000 of 1,000,000 requests per 24 hours, stated in prod\.salesforce-org\.yaml, line 3, production org 'acme-prod'\)/],
      'b.integration.yaml': ['use 110%'],
    },
    related: { 'b.integration.yaml': ['a.integration.yaml:600_000', 'prod.salesforce-org.yaml:1_000_000'] },
  },
  {
    name: 'the designs of each org stay under their own allocation',
    docs: {
      'a.integration.yaml': withVolume('acme-prod', 'a@acme.com', '600_000'),
      'b.integration.yaml': withVolume('acme-uat', 'b@acme.com', '600_000'),
      'prod.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 1_000_000\n'),
      'uat.salesforce-org.yaml': orgFile('acme-uat', 'org_type: sandbox\nallocations_from: acme-prod\n'),
    },
  },
], { extractors: [eventsAsRequests] });

/** A design of org acme-prod with its own user, these paths (YAML under `paths:`) and, optionally, `heroku.apps`. */
function withPaths(user: string, paths: string, apps?: string): string {
  return `version: 1\nname: ${user}\nsalesforce:\n  org: acme-prod\n${apps ? `heroku:\n  apps: [${apps}]\n` : ''}integration_users:\n  sync:\n    username: ${user}@acme.com\n    kind: integration\n    permissions: [api-enabled]\n    used_by: [rest_api]\npaths:\n${paths}`;
}
/** `count` accelerated mappings, objects Obj<from>__c… */
function accelerated(count: number, from = 0): string {
  return Array.from({ length: count }, (_, i) => `      - { object: Obj${from + i}__c, accelerated_polling: true }\n`).join('');
}
const connect = (app: string, addon: string | undefined, mappings: string) => `  heroku_connect:\n    app: ${app}\n${addon ? `    addon: ${addon}\n` : ''}    plan: enterprise\n    mappings:\n${mappings}`;

describe('what each design adds to the allocations it shares (the product\'s extractors)', () => {
  estateRuleCases('estate-allocation-exceeded', [
    {
      name: 'REST and AppLink requests of one design are one share, reported once at its first line',
      docs: {
        'a.integration.yaml': withPaths('a', '  rest_api:\n    api_requests_per_day: ⟦300_000⟧\n  heroku_applink:\n    api_requests_per_day: 200_000\n'),
        'b.integration.yaml': withPaths('b', '  rest_api:\n    api_requests_per_day: ⟦300_000⟧\n'),
        'acme.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 700_000\n'),
      },
      messages: {
        'a.integration.yaml': [/use 114% of its API requests per 24 hours \(800,000 of 700,000 .*\)\. This design adds 500,000 \(Salesforce API requests a day through the REST API; Salesforce API requests a day through AppLink\); the others: b\.integration\.yaml 300,000\./],
        'b.integration.yaml': [/This design adds 300,000 \(Salesforce API requests a day through the REST API\); the others: a\.integration\.yaml 500,000\./],
      },
      related: { 'a.integration.yaml': ['a.integration.yaml:200_000', 'b.integration.yaml:300_000', 'acme.salesforce-org.yaml:700_000'] },
    },
    {
      name: 'event deliveries: events a day × subscribers, against the edition\'s confirmed default',
      docs: {
        'a.integration.yaml': withPaths('a', '  platform_events:\n    event_type: change-data-capture\n    events_per_day: ⟦10_000⟧\n    subscribers: 3\n'),
        'b.integration.yaml': withPaths('b', '  platform_events:\n    events_per_day: ⟦25_000⟧\n'),
        'acme.salesforce-org.yaml': orgFile('acme-prod', 'edition: unlimited\n'),
      },
      messages: {
        'a.integration.yaml': [/^Together the designs of org 'acme-prod' use 110% of its high-volume platform event and Change Data Capture deliveries per 24 hours \(55,000 of 50,000 events per 24 hours, Unlimited Edition's default\)\. This design adds 30,000 \(10,000 events a day × 3 external subscribers\).*Read the org's real allocation .* and state it in event_deliveries_per_day in the org file\./],
        'b.integration.yaml': [/This design adds 25,000 \(25,000 events a day × 1 external subscriber\)/],
      },
      related: { 'a.integration.yaml': ['b.integration.yaml:25_000', 'acme.salesforce-org.yaml:unlimited'] },
    },
    {
      name: 'an unconfirmed default (Enterprise Edition\'s) is a rule of thumb',
      docs: {
        'a.integration.yaml': withPaths('a', '  platform_events:\n    events_per_day: ⟦15_000⟧\n'),
        'b.integration.yaml': withPaths('b', '  platform_events:\n    events_per_day: ⟦12_000⟧\n'),
        'acme.salesforce-org.yaml': orgFile('acme-prod', 'edition: enterprise\n'),
      },
      messages: {
        'a.integration.yaml': [/\(27,000 of 25,000 events per 24 hours, Enterprise Edition's default\).*\(Rule of thumb: no official Heroku or Salesforce source confirms this\.\)$/],
        'b.integration.yaml': ['Enterprise Edition\'s default'],
      },
    },
    {
      name: 'PushTopics: accelerated mappings of two add-ons, one PushTopic each (an inference)',
      docs: {
        'a.integration.yaml': withPaths('a', connect('acme-orders', 'orders-connect', accelerated(25).replace(/(accelerated_polling: )true \}\n$/, '$1⟦true⟧ }\n'))),
        'b.integration.yaml': withPaths('b', connect('acme-billing', 'billing-connect', accelerated(26, 100).replace(/(accelerated_polling: )true \}\n$/, '$1⟦true⟧ }\n'))),
      },
      messages: {
        'a.integration.yaml': [/use 102% of its PushTopics \(51 of 50 PushTopics, Enterprise Edition's default, as no document of the estate states the org's edition\)\. This design adds 25 \(25 mappings with accelerated polling \(Obj0__c, Obj1__c, Obj2__c, Obj3__c and 21 more\), one PushTopic each by inference\).*\(Rule of thumb/],
        'b.integration.yaml': ['use 102% of its PushTopics'],
      },
    },
    {
      name: 'PushTopics: the same add-on described in two designs counts each object once',
      docs: {
        'a.integration.yaml': withPaths('a', connect('acme-orders', 'orders-connect', accelerated(30))),
        'b.integration.yaml': withPaths('b', connect('acme-orders', 'orders-connect', accelerated(30))),
      },
    },
    {
      name: 'External Objects: summed per service (the Connect add-on\'s app), not per org',
      docs: {
        'a.integration.yaml': withPaths('a', '  external_objects:\n    app: acme-orders\n    requests_per_hour: ⟦12_000⟧\n'),
        'b.integration.yaml': withPaths('b', '  external_objects:\n    requests_per_hour: ⟦10_000⟧\n', 'acme-orders'),
        'c.integration.yaml': withPaths('c', '  external_objects:\n    app: acme-other\n    requests_per_hour: 15_000\n'),
      },
      messages: {
        'a.integration.yaml': [/^Together the designs of org 'acme-prod' that use the External Objects service of app 'acme-orders' \(its Heroku Connect add-on\) use 110% of its External Objects requests per hour \(22,000 of 20,000 requests per hour, the External Objects service's rate on paid plans\)\. This design adds 12,000 .*; the others: b\.integration\.yaml 10,000\./],
        'b.integration.yaml': ['the others: a.integration.yaml 12,000.'],
      },
    },
    {
      name: 'AppLink Platform API: summed across designs sharing the same app and add-on',
      docs: {
        'a.integration.yaml': withPaths('a', '  heroku_applink:\n    app: acme-api\n    addon: acme-applink\n    platform_api_requests_per_hour: ⟦3_000⟧\n'),
        'b.integration.yaml': withPaths('b', '  heroku_applink:\n    app: acme-api\n    addon: acme-applink\n    platform_api_requests_per_hour: ⟦2_000⟧\n'),
      },
      messages: {
        'a.integration.yaml': [/that use AppLink add-on 'acme-applink' on app 'acme-api' use 111% of its Heroku Platform API requests per hour through one AppLink add-on \(5,000 of 4,500 requests per hour, the rate per AppLink add-on\)/],
        'b.integration.yaml': ['111%'],
      },
    },
    {
      name: 'AppLink add-ons of different apps each have their own rate',
      docs: {
        'a.integration.yaml': withPaths('a', '  heroku_applink:\n    app: acme-api\n    platform_api_requests_per_hour: 3_000\n'),
        'b.integration.yaml': withPaths('b', '  heroku_applink:\n    app: acme-other\n    platform_api_requests_per_hour: 3_000\n'),
      },
    },
    {
      name: 'Canvas calls against 5,000 per full license: one design alone is reported (no rule of its own)',
      docs: {
        'a.integration.yaml': withPaths('a', '  canvas:\n    calls_per_day: ⟦12_000⟧\n'),
        'acme.salesforce-org.yaml': orgFile('acme-prod', 'licenses:\n  salesforce: 2\n'),
      },
      messages: { 'a.integration.yaml': [/use 120% of its Canvas calls per 24 hours \(12,000 of 10,000 calls per day, 5,000 calls per day per full Salesforce license × 2 licenses\)\. This design adds 12,000 \(Canvas calls per day\); no other design adds to it\./] },
      related: { 'a.integration.yaml': ['acme.salesforce-org.yaml:2'] },
    },
    {
      name: 'one design over the org\'s figure alone: its own rule reports it',
      docs: {
        'a.integration.yaml': withPaths('a', '  rest_api:\n    api_requests_per_day: 800_000\n'),
        'b.integration.yaml': withPaths('b', '  rest_api:\n    auth_flow: jwt-bearer\n'),
        'acme.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 700_000\n'),
      },
    },
  ]);

  it('an exceeded figure is an error when certain, a warning against a default that is a starting point or an inference', () => {
    const severities = (docs: Record<string, string>) => [...estateFindings(docs).findings.values()].flat().filter((f) => f.ruleId === 'estate-allocation-exceeded').map((f) => f.severity);
    const rest = (n: string) => `  rest_api:\n    api_requests_per_day: ${n}\n`;
    assert.deepEqual(severities({ 'a.integration.yaml': withPaths('a', rest('60_000')), 'b.integration.yaml': withPaths('b', rest('60_000')) }), ['warning', 'warning'], 'the 100,000 paid editions start at');
    assert.deepEqual(severities({ 'a.integration.yaml': withPaths('a', rest('60_000')), 'b.integration.yaml': withPaths('b', rest('60_000')), 'o.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 30_000\n') }), ['error', 'error']);
    assert.deepEqual(severities({ 'a.integration.yaml': withPaths('a', rest('10_000')), 'b.integration.yaml': withPaths('b', rest('10_000')), 'o.salesforce-org.yaml': orgFile('acme-prod', 'edition: developer\n') }), ['error', 'error'], 'Developer Edition\'s 15,000 is exact');
  });

  it('Heroku Connect\'s SOAP calls are not counted; the estate register says why', () => {
    const { findings } = estateFindings({
      'a.integration.yaml': withPaths('a', `${connect('acme-orders', 'orders-connect', '      - { object: Order, rows: 9_000_000 }\n')}  rest_api:\n    api_requests_per_day: 400_000\n`),
      'b.integration.yaml': withPaths('b', '  rest_api:\n    api_requests_per_day: 200_000\n'),
      'acme.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 1_000_000\n'),
    });
    const approaching = findings.get('a.integration.yaml')!.filter((f) => f.ruleId === 'estate-allocation-approaching');
    assert.match(approaching[0].message, /use 60% of its API requests per 24 hours \(600,000 of 1,000,000/);
  });
});

estateRuleCases('estate-connect-database-shared', [
  {
    name: 'two add-ons on different apps connect the org to the same database',
    docs: {
      'a.integration.yaml': withPaths('a', `${connect('acme-orders', 'orders-connect', '      - { object: Order }\n')}    database:\n      name: ⟦acme-db⟧\n`),
      'b.integration.yaml': withPaths('b', `${connect('acme-billing', undefined, '      - { object: Invoice__c }\n')}    database:\n      name: ⟦acme-db⟧\n`),
      'acme.salesforce-org.yaml': orgFile('acme-prod'),
    },
    messages: {
      'a.integration.yaml': [/^Heroku Postgres database 'acme-db' is also behind the Heroku Connect add-on on app 'acme-billing' \(b\.integration\.yaml, line \d+\), for the same org 'acme-prod' as Heroku Connect add-on 'orders-connect' on app 'acme-orders' here\. Each Heroku Connect add-on connects one database to one org.*\(Rule of thumb/],
      'b.integration.yaml': [/is also behind Heroku Connect add-on 'orders-connect' on app 'acme-orders'/],
    },
    related: { 'a.integration.yaml': ['b.integration.yaml:acme-db'] },
  },
  {
    name: 'the same add-on described in two designs is one connection',
    docs: {
      'a.integration.yaml': withPaths('a', `${connect('acme-orders', 'orders-connect', '      - { object: Order }\n')}    database:\n      name: acme-db\n`),
      'b.integration.yaml': withPaths('b', `${connect('acme-orders', 'orders-connect', '      - { object: Account }\n')}    database:\n      name: acme-db\n`),
    },
  },
  {
    name: 'on one app, an add-on a design does not name may be the same one',
    docs: {
      'a.integration.yaml': withPaths('a', `${connect('acme-orders', 'orders-connect', '      - { object: Order }\n')}    database:\n      name: acme-db\n`),
      'b.integration.yaml': withPaths('b', `${connect('acme-orders', undefined, '      - { object: Account }\n')}    database:\n      name: acme-db\n`),
    },
  },
  {
    name: 'different databases',
    docs: {
      'a.integration.yaml': withPaths('a', `${connect('acme-orders', 'orders-connect', '      - { object: Order }\n')}    database:\n      name: orders-db\n`),
      'b.integration.yaml': withPaths('b', `${connect('acme-billing', 'billing-connect', '      - { object: Invoice__c }\n')}    database:\n      name: billing-db\n`),
    },
  },
]);

estateRuleCases('org-file-duplicate', [
  {
    name: 'two files for one org',
    docs: { 'a.salesforce-org.yaml': orgFile('⟦acme-prod⟧'), 'b.salesforce-org.yaml': orgFile('⟦acme-prod⟧', 'edition: enterprise\n') },
    messages: {
      'a.salesforce-org.yaml': [/^Org 'acme-prod' is also described by b\.salesforce-org\.yaml\. This one is read; the others are ignored\./],
      'b.salesforce-org.yaml': [/Only a\.salesforce-org\.yaml is read; this one is ignored/],
    },
    related: { 'a.salesforce-org.yaml': ['b.salesforce-org.yaml:acme-prod'] },
  },
  { name: 'one file per org', docs: { 'a.salesforce-org.yaml': orgFile('acme-prod'), 'b.salesforce-org.yaml': orgFile('acme-uat') } },
]);

estateRuleCases('org-allocations-cycle', [
  {
    name: 'two orgs name each other',
    docs: {
      'a.salesforce-org.yaml': orgFile('acme-a', 'org_type: sandbox\nallocations_from: ⟦acme-b⟧\n'),
      'b.salesforce-org.yaml': orgFile('acme-b', 'org_type: sandbox\nallocations_from: ⟦acme-a⟧\n'),
      'x.integration.yaml': design('acme-a', 'x@acme.com'),
    },
    messages: {
      'a.salesforce-org.yaml': [/^allocations_from goes round in a cycle: acme-a → acme-b → acme-a\./],
      'b.salesforce-org.yaml': ['acme-b → acme-a → acme-b'],
    },
    related: { 'a.salesforce-org.yaml': ['b.salesforce-org.yaml:acme-a'] },
  },
  {
    name: 'an org names itself',
    docs: { 'a.salesforce-org.yaml': orgFile('acme-a', 'org_type: sandbox\nallocations_from: ⟦acme-a⟧\n') },
    messages: { 'a.salesforce-org.yaml': ['acme-a → acme-a'] },
  },
  {
    name: 'a chain that ends at a production org',
    docs: {
      'a.salesforce-org.yaml': orgFile('acme-a', 'org_type: sandbox\nallocations_from: acme-prod\n'),
      'p.salesforce-org.yaml': orgFile('acme-prod'),
    },
  },
]);

estateRuleCases('org-allocations-unknown', [
  {
    name: 'the production org has no file',
    docs: { 'uat.salesforce-org.yaml': orgFile('acme-uat', 'org_type: sandbox\nallocations_from: ⟦acme-prod⟧\n') },
    messages: { 'uat.salesforce-org.yaml': [/^allocations_from names org 'acme-prod', but no org file says 'org: acme-prod'\./] },
  },
  {
    name: 'described',
    docs: { 'uat.salesforce-org.yaml': orgFile('acme-uat', 'org_type: sandbox\nallocations_from: acme-prod\n'), 'p.salesforce-org.yaml': orgFile('acme-prod') },
  },
]);

estateRuleCases('org-allocations-not-sandbox', [
  {
    name: 'a production org names another',
    docs: {
      'a.salesforce-org.yaml': orgFile('acme-a', 'org_type: production\nallocations_from: ⟦acme-prod⟧\n'),
      'p.salesforce-org.yaml': orgFile('acme-prod'),
    },
    messages: { 'a.salesforce-org.yaml': [/^allocations_from is for sandboxes, but this org's org_type is 'production'\. Sandboxes get the same allocations as their associated production orgs\./] },
    related: { 'a.salesforce-org.yaml': ['a.salesforce-org.yaml:production'] },
  },
  { name: 'a sandbox', docs: { 'a.salesforce-org.yaml': orgFile('acme-a', 'org_type: sandbox\nallocations_from: acme-prod\n'), 'p.salesforce-org.yaml': orgFile('acme-prod') } },
  { name: 'org type not stated', docs: { 'a.salesforce-org.yaml': orgFile('acme-a', 'allocations_from: acme-prod\n'), 'p.salesforce-org.yaml': orgFile('acme-prod') } },
]);

describe('an estate of many designs', () => {
  // 30 designs, each adding a different amount (design 29 the most) to an org's API requests, and all logging in as one user.
  const count = 30;
  const docs: Record<string, string> = { 'acme.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 30_000\n') };
  for (let i = 0; i < count; i++) docs[`d${i}.integration.yaml`] = withPaths('shared', `  rest_api:\n    api_requests_per_day: ${1000 + i}\n`).replace('name: shared', `name: d${i}`);
  const { findings } = estateFindings(docs);
  const first = findings.get('d0.integration.yaml')!;

  for (const rule of ['estate-allocation-exceeded', 'estate-integration-user-shared']) {
    it(`${rule}: names ${NAMED_DOCUMENTS} of the others, points at those and says where the rest are`, () => {
      const finding = first.find((f) => f.ruleId === rule)!;
      assert.ok(finding, `${rule} in d0`);
      assert.match(finding.message, new RegExp(`and ${count - 1 - NAMED_DOCUMENTS} more`));
      assert.match(finding.message, new RegExp(`Its related locations point at the ${NAMED_DOCUMENTS} named; the estate risk register lists all ${count - 1}\\.$`));
      const pointed = [...new Set(finding.related!.filter((r) => r.uri !== undefined && !r.uri.endsWith('.salesforce-org.yaml')).map((r) => r.uri!))];
      assert.equal(pointed.length, NAMED_DOCUMENTS);
      for (const uri of pointed) assert.ok(finding.message.includes(uri.slice(uri.lastIndexOf('/') + 1)), `${uri} is named in the message`);
      assert.ok(!pointed.includes(caseUri('d0.integration.yaml')), 'not itself');
    });
  }

  it('the org\'s sum names and points at the largest contributors first, and keeps the figure\'s location', () => {
    const finding = first.find((f) => f.ruleId === 'estate-allocation-exceeded')!;
    assert.match(finding.message, /the others: d29\.integration\.yaml 1,029, d28\.integration\.yaml 1,028, d27\.integration\.yaml 1,027, d26\.integration\.yaml 1,026 and 25 more\./);
    assert.deepEqual(finding.related!.map((r) => r.uri), [...[29, 28, 27, 26].map((i) => caseUri(`d${i}.integration.yaml`)), caseUri('acme.salesforce-org.yaml')]);
  });

  it('a figure of 0 is reported in words, never as "Infinity%"', () => {
    const zero = estateFindings({ ...Object.fromEntries(Object.entries(docs).slice(1, 3)), 'acme.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 0\n') });
    const finding = zero.findings.get('d0.integration.yaml')!.find((f) => f.ruleId === 'estate-allocation-exceeded')!;
    assert.match(finding.message, /use over 100% \(the figure is 0\) of its API requests per 24 hours \(2,001 of 0 /);
    assert.doesNotMatch(finding.message, /Infinity|NaN/);
  });

  it('five others are all named and pointed at, with no note', () => {
    const sixDesigns = { ...Object.fromEntries(Object.entries(docs).slice(1, 7)), 'acme.salesforce-org.yaml': orgFile('acme-prod', 'daily_api_requests: 5_000\n') };
    const six = estateFindings(sixDesigns).findings.get('d0.integration.yaml')!;
    assert.deepEqual(six.map((f) => f.ruleId).sort(), ['estate-allocation-exceeded', 'estate-integration-user-shared']);
    for (const finding of six) {
      assert.doesNotMatch(finding.message, /related locations point|and \d+ more/);
      assert.equal(new Set(finding.related!.filter((r) => r.uri?.includes('/d')).map((r) => r.uri)).size, 5);
    }
  });

});

describe('the estate workspace', () => {
  const docs = {
    'a.integration.yaml': design('acme-prod', 'sf@acme.com'),
    'b.integration.yaml': design('acme-prod', 'sf@acme.com', 'platform_events'),
    'c.integration.yaml': design('acme-uat', 'other@acme.com'),
    'prod.salesforce-org.yaml': orgFile('acme-prod'),
    'uat.salesforce-org.yaml': orgFile('acme-uat'),
  };
  const summaryOf = (name: string, text: string) => summarize(caseUri(name), analyze(text, { kind: name.endsWith('.salesforce-org.yaml') ? 'org' : 'design' }));

  it('recomputes only the estates whose documents changed, and says whose findings changed', () => {
    const workspace = new EstateWorkspace();
    for (const [name, text] of Object.entries(docs)) workspace.set(summaryOf(name, text));
    assert.deepEqual([...workspace.update()].sort(), [caseUri('a.integration.yaml'), caseUri('b.integration.yaml')]);
    // Typing on a's first line moves offsets but no line or column the findings show: nothing to republish.
    const typed = docs['a.integration.yaml'].replace('version: 1', 'version: 1 ');
    assert.equal(workspace.set(summaryOf('a.integration.yaml', typed)), true);
    assert.deepEqual([...workspace.update()], []);
    // ... but the findings kept are those of the new text (their offsets are into it).
    const at = workspace.findingsOf(caseUri('a.integration.yaml'))[0].range.start;
    assert.equal(typed.slice(at, at + 'sf@acme.com'.length), 'sf@acme.com');
    // The same text again: not even a recomputation.
    assert.equal(workspace.set(summaryOf('a.integration.yaml', typed)), false);
    assert.equal(workspace.dirty, false);
    // b gets its own user: both findings go.
    workspace.set(summaryOf('b.integration.yaml', docs['b.integration.yaml'].replace('sf@acme.com', 'events@acme.com')));
    assert.deepEqual([...workspace.update()].sort(), [caseUri('a.integration.yaml'), caseUri('b.integration.yaml')]);
    assert.deepEqual(workspace.findingsOf(caseUri('a.integration.yaml')), []);
  });

  it('a design that leaves its org, or is deleted, takes its findings with it', () => {
    const workspace = new EstateWorkspace();
    for (const [name, text] of Object.entries(docs)) workspace.set(summaryOf(name, text));
    workspace.update();
    workspace.set(summaryOf('b.integration.yaml', docs['b.integration.yaml'].replace('org: acme-prod', 'org: acme-uat')));
    assert.deepEqual([...workspace.update()].sort(), [caseUri('a.integration.yaml'), caseUri('b.integration.yaml')]);
    workspace.set(summaryOf('b.integration.yaml', docs['b.integration.yaml']));
    workspace.update();
    workspace.delete(caseUri('a.integration.yaml'));
    assert.deepEqual([...workspace.update()].sort(), [caseUri('a.integration.yaml'), caseUri('b.integration.yaml')]);
    assert.deepEqual(workspace.urisWithFindings(), []);
  });

  it('reports each org file problem once, however the files are ordered, and never loops on a cycle', () => {
    const cycle = {
      'a.salesforce-org.yaml': orgFile('acme-a', 'org_type: sandbox\nallocations_from: acme-b\ndaily_api_requests: 5\n'),
      'b.salesforce-org.yaml': orgFile('acme-b', 'org_type: sandbox\nallocations_from: acme-a\n'),
      'x.integration.yaml': design('acme-b', 'x@acme.com'),
    };
    const { findings } = estateFindings(cycle);
    assert.deepEqual(findings.get('x.integration.yaml'), []);
    assert.equal(findings.get('a.salesforce-org.yaml')?.filter((f) => f.ruleId === 'org-allocations-cycle').length, 1);
    const estate = analyzeEstates(Object.entries(cycle).map(([name, text]) => ({ uri: caseUri(name), analysis: analyze(stripMarkers(text).text, { kind: name.endsWith('.salesforce-org.yaml') ? 'org' : 'design' }) }))).allEstates().find((e) => e.org === 'acme-b');
    assert.equal(estate?.figures.get('daily_api_requests'), undefined, 'a cycle is not followed for figures');
  });
});

describe('suppressing a rule that compares documents', () => {
  it('is judged by the estate: a design analysed alone does not call the directive unused', () => {
    const text = design('acme-prod', 'sf@acme.com').replace('    username:', '    # integration-lint-disable-next-line estate-integration-user-shared, connect-demo-row-limit\n    username:');
    const unused = analyze(text).findings.filter((f) => f.ruleId === 'unused-suppression');
    assert.deepEqual(unused.map((f) => f.message), ["Unused suppression: 'connect-demo-row-limit' reports nothing on the line it covers."]);
  });
});
