import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/analysis';
import { RULES_BY_ID } from '../../../server/src/core/rules/registry';
import { measure as measureAll } from '../../../server/src/core/paths/measure';
import { FACTS } from '../../../server/src/core/knowledge/facts';
import type { Design } from '../../../server/src/core/model/design';
import type { Measurement } from '../../../server/src/core/measurement';

/** The measurements of every path but Heroku Connect (connectMeasures.test.ts has those). */
function measurePlatform(design: Design): Measurement[] {
  return measureAll(design).filter((m) => !m.id.startsWith('connect-'));
}

const header = 'version: 1\nname: Platform limits\nenvironment: production\n';

function measure(doc: string): { text: string; measurements: Measurement[] } {
  const text = `${header}${doc}`;
  const { design } = analyze(text);
  assert.ok(design, 'the document validates into a design');
  return { text, measurements: measurePlatform(design) };
}

function only(doc: string, id: string): { m: Measurement; text: string } {
  const { text, measurements } = measure(doc);
  const found = measurements.filter((m) => m.id === id);
  assert.equal(found.length, 1, `one ${id} measurement, got ${measurements.map((m) => m.id).join(', ') || 'none'}`);
  return { m: found[0], text };
}

function at(text: string, m: Measurement): string {
  return text.slice(m.node.range.start, m.node.range.end);
}

describe('measurePlatform', () => {
  it('measures nothing for a design without the other paths', () => {
    assert.deepEqual(measure('paths:\n  heroku_connect:\n    plan: demo\n').measurements, []);
  });

  it('event deliveries: events per day × subscribers against the edition\'s default allocation', () => {
    const { m, text } = only('salesforce:\n  edition: unlimited\npaths:\n  platform_events:\n    events_per_day: 20_000\n    subscribers: 2\n', 'events-deliveries');
    assert.deepEqual([m.value, m.limit, m.unit, m.ratio, m.fact, m.limitFromDesign, m.exceededRule],
      [40_000, 50_000, 'events per 24 hours', 0.8, 'event-delivery-allocation', undefined, 'events-delivery-allocation']);
    assert.equal(at(text, m), '20_000');
    assert.match(m.label, /default allocation high-volume platform events and CDC share \(Unlimited Edition\)/);
    assert.match(m.impact, /external subscriber/);
    const assumed = only('paths:\n  platform_events:\n    events_per_day: 20_000\n', 'events-deliveries').m;
    assert.deepEqual([assumed.limit, assumed.fact], [25_000, 'event-delivery-allocation-enterprise']);
    assert.match(assumed.label, /\(Enterprise Edition, assumed\)/);
  });

  it('event deliveries: PushTopic and generic streaming against their own allocations, by edition', () => {
    const pushTopic = only('salesforce:\n  edition: enterprise\npaths:\n  platform_events:\n    event_type: push-topic\n    events_per_day: 20_000\n', 'events-deliveries').m;
    assert.deepEqual([pushTopic.limit, pushTopic.fact], [200_000, 'pushtopic-deliveries-enterprise']);
    assert.match(pushTopic.label, /PushTopic allocation \(Enterprise Edition\)/);
    const generic = only('salesforce:\n  edition: developer\npaths:\n  platform_events:\n    event_type: generic-streaming\n    events_per_day: 2_000\n', 'events-deliveries').m;
    assert.deepEqual([generic.limit, generic.fact], [10_000, 'generic-streaming-deliveries-free']);
  });

  it('event deliveries: none measured when the edition has no figure and the design states none', () => {
    assert.deepEqual(measure('salesforce:\n  edition: developer\npaths:\n  platform_events:\n    events_per_day: 2_000\n').measurements, []);
  });

  it('event deliveries: the org\'s stated allocation is the limit, and comes from the design (the deprecated key too)', () => {
    const { m } = only('salesforce:\n  event_deliveries_per_day: 200_000\npaths:\n  platform_events:\n    events_per_day: 60_000\n', 'events-deliveries');
    assert.deepEqual([m.value, m.limit, m.ratio, m.limitFromDesign], [60_000, 200_000, 0.3, true]);
    assert.match(m.label, /the org's stated allocation \(salesforce\.event_deliveries_per_day\)/);
    const old = only('paths:\n  platform_events:\n    events_per_day: 60_000\n    delivery_allocation: 200_000\n', 'events-deliveries').m;
    assert.deepEqual([old.limit, old.limitFromDesign], [200_000, true]);
    assert.match(old.label, /stated allocation \(paths\.platform_events\.delivery_allocation\)/);
  });

  it('event deliveries: events per day from the requirements when the path does not state them', () => {
    const { m, text } = only('requirements:\n  volume:\n    events_per_day: 25_000\npaths:\n  platform_events: {}\n', 'events-deliveries');
    assert.equal(m.value, 25_000);
    assert.equal(at(text, m), '25_000');
  });

  it('subscriber downtime against retention, in hours, by event type', () => {
    const pe = only('paths:\n  platform_events:\n    max_subscriber_downtime: 36h\n', 'events-subscriber-downtime').m;
    assert.deepEqual([pe.value, pe.limit, pe.unit, pe.ratio, pe.fact, pe.exceededRule], [36, 72, 'hours', 0.5, 'event-retention', 'events-retention']);
    const pt = only('paths:\n  platform_events:\n    event_type: push-topic\n    max_subscriber_downtime: 90m\n', 'events-subscriber-downtime').m;
    assert.deepEqual([pt.value, pt.limit, pt.fact], [1.5, 24, 'pushtopic-retention']);
    assert.match(pt.label, /PushTopic events retention/);
  });

  it('Apex: callouts per transaction, timeout vs router, worst-case total time', () => {
    const { measurements, text } = measure('paths:\n  apex_callout:\n    timeout: 20s\n    callouts_per_transaction: 5\n    named_credential: Heroku\n');
    const byId = new Map(measurements.map((m) => [m.id, m]));
    const callouts = byId.get('apex-callouts-per-transaction')!;
    assert.deepEqual([callouts.value, callouts.limit, callouts.unit, callouts.ratio, callouts.exceededRule], [5, 100, 'callouts', 0.05, 'apex-callout-limit']);
    const timeout = byId.get('apex-callout-timeout')!;
    assert.deepEqual([timeout.value, timeout.limit, timeout.unit, timeout.fact, timeout.exceededRule], [20, 30, 'seconds', 'heroku-router-timeout', 'apex-callout-router-timeout']);
    assert.equal(at(text, timeout), '20s');
    const total = byId.get('apex-callout-total-time')!;
    assert.deepEqual([total.value, total.limit, total.ratio, total.exceededRule], [100, 120, 100 / 120, 'apex-callout-total-time']);
    assert.equal(at(text, total), '5');
  });

  it('Apex: total time uses the default timeout when none is stated, and is skipped for an invalid timeout', () => {
    const { m } = only('paths:\n  apex_callout:\n    callouts_per_transaction: 6\n', 'apex-callout-total-time');
    assert.deepEqual([m.value, m.limit, m.ratio], [60, 120, 0.5]);
    assert.match(m.label, /default timeout/);
    const { measurements } = measure('paths:\n  apex_callout:\n    timeout: 5m\n    callouts_per_transaction: 1\n');
    assert.equal(measurements.some((x) => x.id === 'apex-callout-total-time'), false);
  });

  it('External Objects requests per hour against the paid-plan rate', () => {
    const { m } = only('paths:\n  external_objects:\n    requests_per_hour: 12_000\n', 'external-objects-requests');
    assert.deepEqual([m.value, m.limit, m.unit, m.ratio, m.exceededRule], [12_000, 20_000, 'requests per hour', 0.6, 'external-objects-rate-limit']);
  });

  it('AppLink Platform API requests, and response time only for synchronous calls', () => {
    const { m } = only('paths:\n  heroku_applink:\n    platform_api_requests_per_hour: 3_000\n', 'applink-platform-api-rate');
    assert.deepEqual([m.value, m.limit, m.unit, m.exceededRule], [3_000, 4_500, 'requests per hour', 'applink-platform-api-rate']);
    const sync = only('paths:\n  heroku_applink:\n    synchronous: true\n    response_time: 15s\n', 'applink-response-time').m;
    assert.deepEqual([sync.value, sync.limit, sync.ratio, sync.exceededRule], [15, 30, 0.5, 'applink-router-timeout']);
    const asyncCall = measure('paths:\n  heroku_applink:\n    synchronous: false\n    response_time: 15s\n').measurements;
    assert.equal(asyncCall.some((x) => x.id === 'applink-response-time'), false);
  });

  it('REST token holders only for flows that issue refresh tokens', () => {
    const { m } = only('paths:\n  rest_api:\n    auth_flow: refresh-token\n    token_holders: 3\n', 'rest-token-approvals');
    assert.deepEqual([m.value, m.limit, m.unit, m.ratio, m.exceededRule], [3, 5, 'approvals', 0.6, 'rest-token-approvals']);
    assert.match(m.label, /per user per connected app/);
    assert.equal(measure('paths:\n  rest_api:\n    auth_flow: jwt-bearer\n    token_holders: 3\n').measurements.length, 0);
  });

  it('REST long-running requests against the per-org limit of the org kind', () => {
    const prod = only('paths:\n  rest_api:\n    long_running_requests: 20\n', 'rest-long-running-requests').m;
    assert.deepEqual([prod.value, prod.limit, prod.ratio, prod.fact], [20, 25, 0.8, 'long-running-requests-production']);
    assert.match(prod.label, /per-org limit \(production or sandbox org\)/);
    const dev = only('salesforce:\n  edition: developer\npaths:\n  rest_api:\n    long_running_requests: 4\n', 'rest-long-running-requests').m;
    assert.deepEqual([dev.limit, dev.fact], [5, 'long-running-requests-developer']);
  });

  it('every measurement is table-ready and points at a registered rule and a known fact', () => {
    const { measurements } = measure([
      'requirements:\n  salesforce_calls_heroku: { synchronous: true }',
      'paths:',
      '  heroku_applink: { response_time: 10s, platform_api_requests_per_hour: 10 }',
      '  external_objects: { requests_per_hour: 10 }',
      '  platform_events: { events_per_day: 10, max_subscriber_downtime: 1h }',
      '  rest_api: { auth_flow: web-server, token_holders: 1, long_running_requests: 1 }',
      '  apex_callout: { timeout: 10s, callouts_per_transaction: 1, named_credential: H }',
      '',
    ].join('\n'));
    assert.equal(measurements.length, 10);
    assert.equal(new Set(measurements.map((m) => m.id)).size, 10, 'ids are unique');
    for (const m of measurements) {
      assert.ok(RULES_BY_ID.has(m.exceededRule), `${m.id}: rule ${m.exceededRule} is registered`);
      assert.ok(FACTS.has(m.fact), `${m.id}: fact ${m.fact} exists`);
      for (const text of [m.label, m.impact, m.mitigation]) {
        assert.ok(text.length > 0 && !/[|\n]/.test(text), `${m.id}: "${text}" fits a Markdown table cell`);
      }
      assert.equal(m.ratio, m.value / m.limit);
    }
  });
});

/** A measurement over its limit is exactly when its rule reports, at the same place. */
describe('measurements agree with the rules that report them', () => {
  const docs = [
    'paths:\n  heroku_applink:\n    synchronous: true\n    response_time: 31s\n    platform_api_requests_per_hour: 4_501\n',
    'paths:\n  heroku_applink:\n    synchronous: true\n    response_time: 30s\n    platform_api_requests_per_hour: 4_500\n',
    'paths:\n  external_objects:\n    requests_per_hour: 20_001\n',
    'paths:\n  external_objects:\n    requests_per_hour: 20_000\n',
    'salesforce:\n  edition: unlimited\npaths:\n  platform_events:\n    events_per_day: 25_001\n    subscribers: 2\n    max_subscriber_downtime: 73h\n',
    'salesforce:\n  edition: unlimited\npaths:\n  platform_events:\n    events_per_day: 25_000\n    subscribers: 2\n    max_subscriber_downtime: 72h\n',
    'paths:\n  platform_events:\n    event_type: push-topic\n    events_per_day: 100_001\n    subscribers: 2\n',
    'salesforce:\n  event_deliveries_per_day: 1_000\npaths:\n  platform_events:\n    events_per_day: 1_000\n',
    'paths:\n  platform_events:\n    event_type: push-topic\n    max_subscriber_downtime: 25h\n',
    'paths:\n  rest_api:\n    auth_flow: web-server\n    token_holders: 6\n    long_running_requests: 26\n',
    'salesforce:\n  org_type: developer\npaths:\n  rest_api:\n    auth_flow: refresh-token\n    token_holders: 5\n    long_running_requests: 6\n',
    'paths:\n  apex_callout:\n    named_credential: H\n    timeout: 31s\n    callouts_per_transaction: 101\n',
    'paths:\n  apex_callout:\n    named_credential: H\n    timeout: 30s\n    callouts_per_transaction: 4\n',
    'paths:\n  apex_callout:\n    named_credential: H\n    callouts_per_transaction: 13\n',
  ];
  docs.forEach((doc, i) => {
    it(`document ${i + 1}`, () => {
      const text = `${header}${doc}`;
      const analysis = analyze(text);
      const platform = measurePlatform(analysis.design!);
      assert.ok(platform.length > 0);
      for (const m of platform) {
        const reported = analysis.findings.some((f) => f.ruleId === m.exceededRule && f.range.start === m.node.range.start);
        assert.equal(reported, m.ratio > 1, `${m.id}: ratio ${m.ratio}, ${m.exceededRule} ${reported ? 'reported' : 'silent'}`);
      }
    });
  });
});
