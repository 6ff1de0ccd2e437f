// A design of an estate reads its org's figures (the org file's edition and allocations), so its own
// measures and rules count against the same figure as its estate's sums: the two never disagree.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analysis';
import { analyzeTogether, estateViewOf } from '../../server/src/core/estate';
import { caseUri } from '../helpers/estateRuleCases';

const design = (paths: string, salesforce = '') => `version: 1\nname: Events\nsalesforce:\n  org: acme-prod\n${salesforce}paths:\n${paths}`;
const EVENTS = '  platform_events:\n    event_type: change-data-capture\n    events_per_day: 15_000\n    subscribers: 2\n';
const ORG = 'version: 1\norg: acme-prod\nedition: unlimited\nevent_deliveries_per_day: 40_000\n';

function together(docs: Record<string, string>) {
  const names = Object.keys(docs);
  const { analyses, estates } = analyzeTogether(names.map((name) => ({ uri: caseUri(name), text: docs[name], kind: name.endsWith('.salesforce-org.yaml') ? 'org' as const : 'design' as const })));
  return { byName: new Map(names.map((n, i) => [n, analyses[i]])), estates };
}

describe('a design of an estate is checked against its org\'s figures', () => {
  it('its event deliveries measure reads the org file\'s allocation, as the estate\'s sum does', () => {
    const alone = analyze(design(EVENTS)).measurements.find((m) => m.id === 'events-deliveries')!;
    assert.deepEqual([alone.limit, alone.limitFromDesign], [25_000, undefined], 'alone: Enterprise Edition\'s default');
    const { byName, estates } = together({ 'a.integration.yaml': design(EVENTS), 'acme.salesforce-org.yaml': ORG });
    const measured = byName.get('a.integration.yaml')!.measurements.find((m) => m.id === 'events-deliveries')!;
    assert.deepEqual([measured.value, measured.limit, measured.limitFromDesign, measured.limitFromOrg], [30_000, 40_000, true, true]);
    assert.match(measured.label, /vs the org's stated allocation \(event_deliveries_per_day in acme\.salesforce-org\.yaml, line 4\)/);
    const [estate] = estates.allEstates();
    const use = estate.allocations.find((a) => a.definition.id === 'event-deliveries')!;
    assert.deepEqual([use.total, use.limit?.value], [measured.value, measured.limit], 'the design and its estate agree');
  });

  it('the org file wins over the design\'s own figure, and the rule points at the org file', () => {
    const text = design(EVENTS.replace('15_000', '25_000'), '  event_deliveries_per_day: 100_000\n');
    assert.equal(analyze(text).findings.filter((f) => f.ruleId === 'events-delivery-allocation').length, 0, 'alone: under its own 100,000');
    const { byName } = together({ 'a.integration.yaml': text, 'acme.salesforce-org.yaml': ORG });
    const [finding] = byName.get('a.integration.yaml')!.findings.filter((f) => f.ruleId === 'events-delivery-allocation');
    assert.equal(finding.severity, 'error');
    assert.match(finding.message, /50,000 deliveries per 24 hours, over the org's stated allocation of 40,000 \(event_deliveries_per_day in acme\.salesforce-org\.yaml, line 4\)/);
    assert.deepEqual(finding.related?.map((r) => [r.uri, r.message]), [[undefined, '2 external subscribers'], [caseUri('acme.salesforce-org.yaml'), 'The org\'s stated allocation']]);
  });

  it('the org file\'s edition decides the per-edition allocations (PushTopics)', () => {
    const connect = '  heroku_connect:\n    plan: enterprise\n    mappings:\n' + Array.from({ length: 60 }, (_, i) => `      - { object: O${i}__c, accelerated_polling: true }\n`).join('');
    assert.equal(analyze(design(connect)).findings.filter((f) => f.ruleId === 'connect-pushtopic-limit').length, 1, 'alone: Enterprise Edition, 50 PushTopics');
    const { byName } = together({ 'a.integration.yaml': design(connect), 'acme.salesforce-org.yaml': ORG });
    assert.equal(byName.get('a.integration.yaml')!.findings.filter((f) => f.ruleId === 'connect-pushtopic-limit').length, 0, 'Unlimited Edition: 100');
  });

  it('a figure another design states (no org file) is the estate\'s, and the lowest one wins', () => {
    const rest = (n: string) => `  rest_api:\n    api_requests_per_day: ${n}\n`;
    const { byName, estates } = together({
      'a.integration.yaml': design(rest('300_000'), '  daily_api_requests: 500_000\n'),
      'b.integration.yaml': design(rest('200_000')),
      'c.integration.yaml': design(rest('1_000'), '  daily_api_requests: 400_000\n'),
    });
    const limitOf = (name: string) => byName.get(name)!.measurements.find((m) => m.id === 'api-daily-requests')!.limit;
    assert.deepEqual(['a', 'b', 'c'].map((n) => limitOf(`${n}.integration.yaml`)), [400_000, 400_000, 400_000]);
    assert.equal(estates.orgFiguresOf(caseUri('c.integration.yaml')), undefined, 'c states the figure the estate uses: its own');
  });

  it('a design that names no org, or whose estate states nothing, is analysed as alone', () => {
    const { byName, estates } = together({ 'a.integration.yaml': design(EVENTS), 'b.integration.yaml': 'version: 1\nname: B\npaths:\n' + EVENTS });
    assert.equal(estates.orgFiguresOf(caseUri('a.integration.yaml')), undefined);
    assert.equal(byName.get('b.integration.yaml')!.measurements.find((m) => m.id === 'events-deliveries')!.limit, 25_000);
  });
});

describe('the estate as a design sees it (walkthrough panel, risk register)', () => {
  it('lists each shared allocation with every design\'s share, its figure and where it comes from', () => {
    const rest = (n: string) => `  rest_api:\n    api_requests_per_day: ${n}\n`;
    const { estates } = together({
      'a.integration.yaml': design(rest('380_000')),
      'b.integration.yaml': design(rest('350_000')),
      'c.integration.yaml': design('  external_objects:\n    app: acme-orders\n    requests_per_hour: 5_000\n'),
      'acme.salesforce-org.yaml': 'version: 1\norg: acme-prod\nedition: enterprise\ndaily_api_requests: 700_000\n',
    });
    const view = estateViewOf(estates, caseUri('a.integration.yaml'))!;
    assert.deepEqual(view.allocations.map((a) => [a.label, a.total, a.limit, a.limitSource, a.used, a.atRisk, a.exceeded, a.shares.map((s) => [s.location, s.amount, s.percent, s.self, s.line])]), [
      ['API requests per 24 hours', '730,000', '700,000', 'acme.salesforce-org.yaml', '104%', true, true, [['a.integration.yaml', '380,000', '54%', true, 7], ['b.integration.yaml', '350,000', '50%', false, 7]]],
    ], 'c\'s External Objects service is not a\'s: per add-on, it is only c\'s business');
    const events = together({
      'a.integration.yaml': design('  platform_events:\n    events_per_day: 20_000\n'),
      'acme.salesforce-org.yaml': 'version: 1\norg: acme-prod\nedition: enterprise\n',
    });
    const [deliveries] = estateViewOf(events.estates, caseUri('a.integration.yaml'))!.allocations;
    assert.equal(deliveries.limitSource, 'Enterprise Edition\'s default (unconfirmed: a rule of thumb)');
  });
});
