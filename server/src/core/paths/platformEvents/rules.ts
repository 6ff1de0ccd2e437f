import { fact, factMilliseconds, formatFactValue, ruleOfThumbNote } from '../../knowledge/facts';
import { assumedEditionNote } from '../../knowledge/editions';
import type { Design } from '../../model/design';
import { removeKey } from '../../yamlEdit/keys';
import { entriesFromPaths, scalar, writeEntries } from '../../yamlEdit/entries';
import { describeDuration, formatCount } from '../../format/quantities';
import { fix, type RelatedLocation } from '../../findings';
import { deliveryKind, eventDeliveries, eventRetentionFact, eventTypeName, type DeliveryAllocation } from './measures';
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
    rationale: 'Deliveries are allocated per rolling 24 hours and counted once per external subscriber (Pub/Sub API, CometD, empApi, event relays; not Apex triggers or flows). High-volume platform events and Change Data Capture share one org-wide allocation; PushTopic and generic streaming have their own. Each depends on the edition, and only some editions\' figures are confirmed: the design can state the org\'s real allocation.',
    facts: ['event-delivery-shared', 'event-delivery-allocation', 'pushtopic-deliveries-performance-unlimited', 'pushtopic-deliveries-enterprise', 'pushtopic-deliveries-other', 'pushtopic-deliveries-free', 'generic-streaming-deliveries-performance-unlimited', 'generic-streaming-deliveries-enterprise', 'generic-streaming-deliveries-professional', 'generic-streaming-deliveries-free'],
    mentions: ['event-delivery-allocation-performance', 'event-delivery-allocation-enterprise', 'event-delivery-allocation-professional', 'event-delivery-allocation-developer', 'event-delivery-monitoring', 'connect-accelerated-counts-pushtopic-allocations'],
    check({ design, report }) {
      const d = eventDeliveries(design);
      if (!d) return;
      const a = d.allocation;
      const deliveries = `${formatCount(d.perDay.value)} events a day × ${formatCount(d.subscribers)} external subscriber${d.subscribers === 1 ? '' : 's'} = ${formatCount(d.total)} deliveries per 24 hours`;
      const related: RelatedLocation[] = [];
      if (d.subscribersNode) related.push({ range: d.subscribersNode.range, message: `${formatCount(d.subscribers)} external subscribers` });
      if (a.stated) related.push({ ...a.stated.location, message: 'The org\'s stated allocation' });
      else if (a.org.node) related.push({ range: a.org.node.range, message: `The org is ${a.org.name}` });
      else if (a.org.elsewhere) related.push({ uri: a.org.elsewhere.uri, range: a.org.elsewhere.range, message: `The org is ${a.org.name}` });
      if (a.limit === undefined) {
        // No figure for this edition (Developer Edition, high volume): ask for the org's own.
        report({
          range: d.perDay.node.range,
          severity: 'info',
          message: `No source gives ${a.org.name}'s delivery allocation for high-volume platform events and Change Data Capture: state the org's allocation in salesforce.event_deliveries_per_day (the REST API limits resource reports it as DailyDeliveredPlatformEvents) so the ${formatCount(d.total)} deliveries per 24 hours can be checked (${formatCount(d.perDay.value)} events a day × ${formatCount(d.subscribers)} external subscriber${d.subscribers === 1 ? '' : 's'}).`,
          related: related.length ? related : undefined,
        });
        return;
      }
      if (d.total <= a.limit) return;
      report({
        range: d.perDay.node.range,
        message: `${deliveries}, over ${allocationPhrase(a, design)} ${afterAllocation(a)}`,
        related: related.length ? related : undefined,
        // An edition default is a figure the org may differ from; the design's own figure is certain.
        severity: a.stated ? 'error' : undefined,
      });
    },
  },
  {
    id: 'events-delivery-allocation-deprecated',
    title: 'delivery_allocation under the path is deprecated',
    category: 'events',
    defaultSeverity: 'info',
    rationale: 'The high-volume delivery allocation belongs to the org, shared by every high-volume platform event and Change Data Capture subscriber, so the design states it once under salesforce; PushTopic and generic streaming allocations come from the edition. The old key still counts until it is moved.',
    facts: ['event-delivery-shared'],
    fix: 'Move the figure to salesforce.event_deliveries_per_day (for PushTopic or generic streaming events, remove it).',
    check({ design, model, report }) {
      const events = design.paths?.platform_events;
      const old = events?.delivery_allocation;
      const keyRange = old?.node.keyRange;
      if (!events || !old || !keyRange) return;
      const removal = removeKey(model, events.$node, 'delivery_allocation');
      if (deliveryKind(events) !== 'high-volume') {
        report({
          range: keyRange,
          message: `paths.platform_events.delivery_allocation is deprecated. ${deliveryKind(events) === 'push-topic' ? 'PushTopic' : 'Generic streaming'} allocations come from the org's edition (salesforce.edition); remove it.`,
          fix: removal ? fix('Remove delivery_allocation', removal) : undefined,
        });
        return;
      }
      const stated = design.salesforce?.event_deliveries_per_day;
      const move = stated ? undefined : writeEntries(model, entriesFromPaths([{ path: ['salesforce', 'event_deliveries_per_day'], value: scalar(old.node.kind === 'scalar' ? old.node.source : String(old.value)) }]));
      const edits = removal && (stated || (move && move.skipped.length === 0)) ? [...(move?.edits ?? []), removal] : undefined;
      report({
        range: keyRange,
        message: `paths.platform_events.delivery_allocation is deprecated: the delivery allocation is the org's, shared by high-volume platform events and Change Data Capture. State it as salesforce.event_deliveries_per_day.${stated ? ' The design already does, and that figure wins: remove this one.' : ''}`,
        fix: edits ? fix(stated ? 'Remove delivery_allocation' : 'Move delivery_allocation to salesforce.event_deliveries_per_day', ...edits) : undefined,
      });
    },
  },
];

/** "the Unlimited Edition default of 50,000 events per 24 hours that …", "the org's stated allocation of …". */
function allocationPhrase(a: DeliveryAllocation, design: Design): string {
  if (a.stated) return `the org's stated allocation of ${formatCount(a.limit ?? 0)} (${a.stated.key}).`;
  const figure = formatFactValue(fact(a.fact));
  const assumed = assumedEditionNote(a.org);
  if (a.kind === 'push-topic') {
    const accelerated = design.paths?.heroku_connect ? acceleratedCount(design) : 0;
    const connect = accelerated > 0
      ? ` Heroku Connect's ${accelerated} accelerated mapping${accelerated === 1 ? '' : 's'} also consume${accelerated === 1 ? 's' : ''} PushTopic notifications, so ${accelerated === 1 ? 'it most likely shares' : 'they most likely share'} this allocation (an inference: no official page says so).`
      : '';
    return `the ${figure} ${a.org.name} orgs get for PushTopic notifications, shared by all CometD clients${assumed}.${connect}`;
  }
  if (a.kind === 'generic-streaming') return `the ${figure} ${a.org.name} orgs get for durable generic streaming${assumed}.`;
  return `the ${a.org.name} default of ${figure} that high-volume platform events and Change Data Capture share${assumed}.`;
}

/** What happens past the allocation and what to do, per kind; the rule-of-thumb note for an unconfirmed default. */
function afterAllocation(a: DeliveryAllocation): string {
  const note = a.stated ? '' : ruleOfThumbNote(a.fact);
  if (a.kind === 'push-topic') return `Past it the org gets "Organization total events daily limit exceeded" errors. Subscribe once on Heroku and fan out there, or move to platform events or Change Data Capture.${note}`;
  if (a.kind === 'generic-streaming') return `Past it, clients stop getting events. Subscribe once on Heroku and fan out there, or move to platform events or Change Data Capture.${note}`;
  const whatToDo = a.stated
    ? 'Raise the allocation (add-on licenses)'
    : 'Check the org\'s real allocation (the REST API limits resource reports it; add-on licenses raise it) and state salesforce.event_deliveries_per_day';
  return `Only external subscribers count (Pub/Sub API, CometD, empApi, event relays), not Apex triggers or flows; past the allocation, subscribers stop getting events. ${whatToDo}, or subscribe once on Heroku and fan out there.${note}`;
}

function acceleratedCount(design: Design): number {
  return (design.paths?.heroku_connect?.mappings?.items ?? []).filter((m) => m.accelerated_polling?.value === true).length;
}
