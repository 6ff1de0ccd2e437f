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

ruleCases('events-delivery-allocation', [
  {
    name: 'deliveries over the default allocation',
    doc: `${header}paths:\n  platform_events:\n    events_per_day: ⟦30_000⟧\n    subscribers: 2\n`,
    messages: [/30,000 events a day × 2 external subscribers = 60,000 deliveries per 24 hours, over the default allocation of 50,000 events per 24 hours \(the Unlimited Edition default.*Only external subscribers count/],
    related: 1,
  },
  {
    name: 'deliveries over a stated allocation',
    doc: `${header}paths:\n  platform_events:\n    events_per_day: ⟦150_000⟧\n    delivery_allocation: 100_000\n`,
    messages: [/150,000 events a day × 1 external subscriber = 150,000 deliveries per 24 hours, over the stated delivery allocation of 100,000/],
    related: 1,
  },
  {
    name: 'events per day from the requirements when the path does not state them',
    doc: `${header}requirements:\n  volume:\n    events_per_day: ⟦60_000⟧\npaths:\n  platform_events:\n    api: pub-sub\n`,
    messages: ['= 60,000 deliveries'],
  },
  { name: 'one subscriber under the default allocation', doc: `${header}paths:\n  platform_events:\n    events_per_day: 50_000\n` },
  { name: 'over the default but within a stated allocation', doc: `${header}paths:\n  platform_events:\n    events_per_day: 40_000\n    subscribers: 3\n    delivery_allocation: 150_000\n` },
  { name: 'requirements volume without a platform events path', doc: `${header}requirements:\n  volume:\n    events_per_day: 1_000_000\n` },
  { name: 'no volume stated', doc: `${header}paths:\n  platform_events:\n    subscribers: 4\n` },
]);

it('events-delivery-allocation is a warning against the edition default and an error against a stated allocation', () => {
  const [assumed] = findingsOf('events-delivery-allocation', `${header}paths:\n  platform_events:\n    events_per_day: 60_000\n`);
  assert.equal(assumed?.severity, 'warning');
  const [stated] = findingsOf('events-delivery-allocation', `${header}paths:\n  platform_events:\n    events_per_day: 60_000\n    delivery_allocation: 55_000\n`);
  assert.equal(stated?.severity, 'error');
});
