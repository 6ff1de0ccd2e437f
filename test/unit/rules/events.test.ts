import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, ruleCases } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Order events\nenvironment: production\n';

ruleCases('events-retention', [
  {
    name: 'platform events (default type) with downtime over 72 hours',
    doc: `${header}paths:\n  platform_events:\n    max_subscriber_downtime: ⟦4d⟧\n`,
    messages: [/Platform events are retained for 72 hours, but a subscriber may be down for 4 days: after that it cannot replay what it missed\. .*resync/],
  },
  {
    name: 'change data capture over 72 hours, related to the stated event type',
    doc: `${header}paths:\n  platform_events:\n    event_type: change-data-capture\n    max_subscriber_downtime: ⟦80h⟧\n`,
    messages: [/Change Data Capture events are retained for 72 hours, but a subscriber may be down for 80 hours/],
    related: 1,
  },
  {
    name: 'PushTopic events over 24 hours: switching to CDC fits',
    doc: `${header}paths:\n  platform_events:\n    event_type: push-topic # legacy\n    max_subscriber_downtime: ⟦48h⟧\n`,
    messages: [/PushTopic events are retained for 24 hours, but a subscriber may be down for 2 days.*Change Data Capture events are kept for 72 hours/],
    related: 1,
    fixed: `${header}paths:\n  platform_events:\n    event_type: change-data-capture # legacy\n    max_subscriber_downtime: 48h\n`,
  },
  {
    name: 'PushTopic events over 72 hours: no fix, CDC would not fit either',
    doc: `${header}paths:\n  platform_events: { event_type: push-topic, max_subscriber_downtime: ⟦1w⟧ }\n`,
    messages: [/retained for 24 hours, but a subscriber may be down for 1 week.*resync/],
  },
  { name: 'platform events exactly at retention', doc: `${header}paths:\n  platform_events:\n    max_subscriber_downtime: 72h\n` },
  { name: 'PushTopic within 24 hours', doc: `${header}paths:\n  platform_events:\n    event_type: push-topic\n    max_subscriber_downtime: 12h\n` },
  { name: 'downtime not stated', doc: `${header}paths:\n  platform_events:\n    event_type: push-topic\n` },
]);

const edition = (e: string) => `${header}salesforce:\n  edition: ${e}\n`;

ruleCases('events-delivery-allocation', [
  {
    name: 'high-volume deliveries over the Unlimited Edition default (confirmed)',
    doc: `${edition('unlimited')}paths:\n  platform_events:\n    events_per_day: ⟦30_000⟧\n    subscribers: 2\n`,
    messages: [/^30,000 events a day × 2 external subscribers = 60,000 deliveries per 24 hours, over the Unlimited Edition default of 50,000 events per 24 hours that high-volume platform events and Change Data Capture share\. Only external subscribers count.*state salesforce\.event_deliveries_per_day.*fan out there\.$/],
    related: 2,
  },
  {
    name: 'an Enterprise Edition default is a rule of thumb (no official figure was readable)',
    doc: `${edition('enterprise')}paths:\n  platform_events:\n    event_type: change-data-capture\n    events_per_day: ⟦30_000⟧\n`,
    messages: [/over the Enterprise Edition default of 25,000 events per 24 hours that high-volume platform events and Change Data Capture share\..*\(Rule of thumb: no official Heroku or Salesforce source confirms this\.\)$/],
  },
  {
    name: 'no edition stated: Enterprise Edition is assumed, and said',
    doc: `${header}paths:\n  platform_events:\n    events_per_day: ⟦30_000⟧\n`,
    messages: [/Enterprise Edition default of 25,000 .*\(salesforce\.edition is not stated, so Enterprise Edition is assumed\)/],
  },
  {
    name: 'the org\'s stated allocation (salesforce.event_deliveries_per_day) is the limit',
    doc: `${edition('enterprise')}  event_deliveries_per_day: 150_000\npaths:\n  platform_events:\n    events_per_day: ⟦160_000⟧\n`,
    messages: [/= 160,000 deliveries per 24 hours, over the org's stated allocation of 150,000 \(salesforce\.event_deliveries_per_day\)\. Only external subscribers count/],
    related: 1,
  },
  {
    name: 'the deprecated delivery_allocation still counts as the stated allocation',
    doc: `${header}paths:\n  platform_events:\n    events_per_day: ⟦150_000⟧\n    delivery_allocation: 100_000\n`,
    messages: [/150,000 events a day × 1 external subscriber = 150,000 deliveries per 24 hours, over the org's stated allocation of 100,000 \(paths\.platform_events\.delivery_allocation\)/],
    related: 1,
  },
  {
    name: 'PushTopic deliveries against the PushTopic allocation of the edition',
    doc: `${edition('unlimited')}paths:\n  platform_events:\n    api: cometd\n    event_type: push-topic\n    events_per_day: ⟦600_000⟧\n    subscribers: 2\n`,
    messages: [/^600,000 events a day × 2 external subscribers = 1,200,000 deliveries per 24 hours, over the 1,000,000 events per 24 hours Unlimited Edition orgs get for PushTopic notifications, shared by all CometD clients\. Past it the org gets "Organization total events daily limit exceeded" errors\./],
  },
  {
    name: 'PushTopic deliveries next to Connect\'s accelerated polling: sharing the allocation is an inference, and said to be',
    doc: `${edition('enterprise')}paths:\n  heroku_connect:\n    plan: enterprise\n    mappings:\n      - { object: Account, accelerated_polling: true }\n  platform_events:\n    event_type: push-topic\n    events_per_day: ⟦250_000⟧\n`,
    messages: [/200,000 events per 24 hours Enterprise Edition orgs get for PushTopic notifications, shared by all CometD clients\. Heroku Connect's 1 accelerated mapping also consumes PushTopic notifications, so it most likely shares this allocation \(an inference: no official page says so\)\./],
  },
  {
    name: 'PushTopic on a free (Developer Edition) org',
    doc: `${edition('developer')}paths:\n  platform_events:\n    event_type: push-topic\n    events_per_day: ⟦6_000⟧\n    subscribers: 2\n`,
    messages: [/over the 10,000 events per 24 hours Developer Edition orgs get for PushTopic notifications/],
  },
  {
    name: 'durable generic streaming on a Professional Edition org',
    doc: `${edition('professional')}paths:\n  platform_events:\n    event_type: generic-streaming\n    events_per_day: ⟦120_000⟧\n`,
    messages: [/over the 100,000 events per 24 hours Professional Edition orgs get for durable generic streaming/],
  },
  {
    name: 'Developer Edition has no published high-volume allocation: the design is asked to state it',
    doc: `${edition('developer')}paths:\n  platform_events:\n    events_per_day: ⟦5_000⟧\n`,
    messages: [/^No source gives Developer Edition's delivery allocation for high-volume platform events and Change Data Capture: state the org's allocation in salesforce\.event_deliveries_per_day/],
  },
  {
    name: 'events per day from the requirements when the path does not state them',
    doc: `${edition('unlimited')}requirements:\n  volume:\n    events_per_day: ⟦60_000⟧\npaths:\n  platform_events:\n    api: pub-sub\n`,
    messages: ['= 60,000 deliveries'],
  },
  // PushTopics have their own, larger allocation on Enterprise Edition: 120,000 deliveries fit in 200,000.
  { name: 'PushTopic deliveries are not held to the platform-event figure', doc: `${edition('enterprise')}paths:\n  platform_events:\n    event_type: push-topic\n    events_per_day: 60_000\n    subscribers: 2\n` },
  { name: 'one subscriber at the Unlimited Edition default', doc: `${edition('unlimited')}paths:\n  platform_events:\n    events_per_day: 50_000\n` },
  { name: 'over the default but within a stated allocation', doc: `${header}salesforce:\n  event_deliveries_per_day: 150_000\npaths:\n  platform_events:\n    events_per_day: 40_000\n    subscribers: 3\n` },
  { name: 'a Developer Edition org that states its allocation', doc: `${edition('developer')}  event_deliveries_per_day: 10_000\npaths:\n  platform_events:\n    events_per_day: 5_000\n` },
  { name: 'requirements volume without a platform events path', doc: `${header}requirements:\n  volume:\n    events_per_day: 1_000_000\n` },
  { name: 'no volume stated', doc: `${header}paths:\n  platform_events:\n    subscribers: 4\n` },
]);

it('events-delivery-allocation: a warning against an edition default, an error against a stated allocation, information when there is no figure', () => {
  const [assumed] = findingsOf('events-delivery-allocation', `${header}paths:\n  platform_events:\n    events_per_day: 60_000\n`);
  assert.equal(assumed?.severity, 'warning');
  const [stated] = findingsOf('events-delivery-allocation', `${header}salesforce:\n  event_deliveries_per_day: 55_000\npaths:\n  platform_events:\n    events_per_day: 60_000\n`);
  assert.equal(stated?.severity, 'error');
  const [none] = findingsOf('events-delivery-allocation', `${edition('developer')}paths:\n  platform_events:\n    events_per_day: 60_000\n`);
  assert.equal(none?.severity, 'info');
});

ruleCases('events-delivery-allocation-deprecated', [
  {
    name: 'moves a high-volume allocation to salesforce.event_deliveries_per_day',
    doc: `${edition('enterprise')}paths:\n  platform_events:\n    events_per_day: 10_000\n    ⟦delivery_allocation⟧: 150_000 # contract\n    subscribers: 1\n`,
    messages: [/^paths\.platform_events\.delivery_allocation is deprecated: the delivery allocation is the org's, shared by high-volume platform events and Change Data Capture\. State it as salesforce\.event_deliveries_per_day\./],
    fixed: `${edition('enterprise')}  event_deliveries_per_day: 150_000\npaths:\n  platform_events:\n    events_per_day: 10_000\n    subscribers: 1\n`,
  },
  {
    name: 'creates the salesforce section when there is none',
    doc: `${header}paths:\n  platform_events:\n    events_per_day: 10_000\n    ⟦delivery_allocation⟧: 150_000\n`,
    messages: [/deprecated/],
    fixed: `${header}salesforce:\n  event_deliveries_per_day: 150_000\npaths:\n  platform_events:\n    events_per_day: 10_000\n`,
  },
  {
    name: 'PushTopic allocations come from the edition: the key is removed',
    doc: `${header}paths:\n  platform_events:\n    event_type: push-topic\n    ⟦delivery_allocation⟧: 150_000\n    events_per_day: 10_000\n`,
    messages: [/^paths\.platform_events\.delivery_allocation is deprecated\. PushTopic allocations come from the org's edition \(salesforce\.edition\); remove it\./],
    fixed: `${header}paths:\n  platform_events:\n    event_type: push-topic\n    events_per_day: 10_000\n`,
  },
  { name: 'the org states its allocation', doc: `${header}salesforce:\n  event_deliveries_per_day: 150_000\npaths:\n  platform_events:\n    events_per_day: 10_000\n` },
]);
