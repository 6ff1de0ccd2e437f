import { fact, factMilliseconds, formatFactValue } from '../../knowledge/facts';
import { describeDuration, formatCount } from '../../format/quantities';
import { fix, type RelatedLocation } from '../../findings';
import { eventDeliveries, eventRetentionFact, eventTypeName } from './measures';
import { replaceValue } from '../../yamlEdit/scalar';
import type { Rule } from '../../rule';

export const EVENTS_RULES: readonly Rule[] = [
  {
    id: 'events-retention',
    title: 'Subscriber downtime longer than event retention',
    category: 'events',
    defaultSeverity: 'error',
    rationale: 'Salesforce keeps events for replay only for a fixed time (longer for platform events and Change Data Capture than for PushTopics). A subscriber down for longer cannot catch up from the replay ID: the events it missed are gone.',
    facts: ['event-retention', 'pushtopic-retention'],
    fix: 'For PushTopics, switch to Change Data Capture (longer retention).',
    check({ design, model, report }) {
      const events = design.paths?.platform_events;
      const downtime = events?.max_subscriber_downtime;
      if (!events || !downtime) return;
      const retention = eventRetentionFact(events);
      if (downtime.value <= factMilliseconds(retention)) return;
      const type = events.event_type;
      const pushTopic = retention === 'pushtopic-retention';
      const cdcWouldFit = pushTopic && downtime.value <= factMilliseconds('event-retention');
      report({
        range: downtime.node.range,
        message: `${eventTypeName(events)} are retained for ${formatFactValue(fact(retention))}, but a subscriber may be down for ${describeDuration(downtime.value)}: after that it cannot replay what it missed. ${
          cdcWouldFit
            ? `Change Data Capture events are kept for ${formatFactValue(fact('event-retention'))}; switch to them, or keep outages shorter.`
            : 'Alert on subscriber lag well before retention runs out, and plan a resync from Salesforce (query the changed records) for longer outages.'
        }`,
        related: type ? [{ range: type.node.range, message: `${eventTypeName(events)} are retained for ${formatFactValue(fact(retention))}` }] : undefined,
        fix: cdcWouldFit && type ? fix('Use Change Data Capture events', replaceValue(model, type.node, 'change-data-capture')) : undefined,
      });
    },
  },
  {
    id: 'events-delivery-allocation',
    title: 'Event deliveries over the allocation',
    category: 'events',
    defaultSeverity: 'warning',
    rationale: 'High-volume event deliveries are allocated per 24 hours and counted per external subscriber (Pub/Sub API, CometD, empApi, event relays); Apex triggers and flows do not count. Every event delivered to two subscribers counts twice.',
    facts: ['event-delivery-allocation'],
    check({ design, report }) {
      const d = eventDeliveries(design);
      if (!d || d.total <= d.allocation) return;
      const stated = d.allocationNode !== undefined;
      const allocation = stated
        ? `the stated delivery allocation of ${formatCount(d.allocation)} events per 24 hours`
        : `the default allocation of ${formatFactValue(fact('event-delivery-allocation'))} (the Unlimited Edition default; other editions may have less)`;
      const related: RelatedLocation[] = [];
      if (d.subscribersNode) related.push({ range: d.subscribersNode.range, message: `${formatCount(d.subscribers)} external subscribers` });
      if (d.allocationNode) related.push({ range: d.allocationNode.range, message: 'The stated allocation' });
      report({
        range: d.perDay.node.range,
        message: `${formatCount(d.perDay.value)} events a day × ${formatCount(d.subscribers)} external subscriber${d.subscribers === 1 ? '' : 's'} = ${formatCount(d.total)} deliveries per 24 hours, over ${allocation}. Only external subscribers count (Pub/Sub API, CometD, empApi, event relays), not Apex triggers or flows; past the allocation, subscribers stop getting events. ${
          stated ? 'Raise the allocation' : 'Check your org\'s allocation and raise it if needed (state it in delivery_allocation)'
        }, or subscribe once on Heroku and fan out there.`,
        related: related.length ? related : undefined,
        // The default is an edition default the org may differ from; the design's own figure is certain.
        severity: stated ? 'error' : undefined,
      });
    },
  },
];
