// The rules that compare documents, table by table: several designs and org files checked together.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseUri, estateFindings, estateRuleCases } from '../../helpers/estateRuleCases';
import { stripMarkers } from '../../helpers/ruleCases';
import type { ContributionExtractor } from '../../../server/src/core/estate';
import { analyze } from '../../../server/src/core/analysis';
import { analyzeEstates, EstateWorkspace, summarize } from '../../../server/src/core/estate';

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
      'a.integration.yaml': [/^Together the designs of org 'acme-prod' use 55% of its API requests per 24 hours \(550,000 of 1,000,000 requests\)\. This design adds 300,000 \(test requests per day\); the others: b\.integration\.yaml 250,000\..*\(Rule of thumb/],
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
    name: 'no allocation stated: nothing to measure against',
    docs: { 'a.integration.yaml': withVolume('acme-prod', 'a@acme.com', '900_000'), 'acme.salesforce-org.yaml': orgFile('acme-prod') },
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
      'a.integration.yaml': [/use 110% of its API requests per 24 hours \(1,100,000 of 1,000,000 requests\)/],
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
