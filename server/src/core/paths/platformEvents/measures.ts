import { fact, factValue, formatFactValue } from '../../knowledge/facts';
import type { Design, Field, PlatformEventsPath } from '../../model/design';
import type { ModelNode } from '../../model/node';
import { inFactUnit, ratioOf, type Measurement } from '../../measurement';

/*
 * The numbers behind this path's rules, computed once here so a rule (value over the limit)
 * and the risk register (value near the limit) never disagree.
 */

export interface EventDeliveries {
  /** events_per_day of the path, or of requirements.volume when the path does not state it. */
  readonly perDay: Field<number>;
  readonly perDayFrom: 'path' | 'requirements';
  readonly subscribers: number;
  readonly subscribersNode?: ModelNode;
  readonly total: number;
  readonly allocation: number;
  /** Set when the design states its own allocation (a contract or add-on). */
  readonly allocationNode?: ModelNode;
}

/** Deliveries per 24 hours: every event goes to every external subscriber. */
export function eventDeliveries(design: Design): EventDeliveries | undefined {
  const events = design.paths?.platform_events;
  if (!events) return undefined;
  const fromPath = events.events_per_day;
  const perDay = fromPath ?? design.requirements?.volume?.events_per_day;
  if (!perDay) return undefined;
  const subscribers = events.subscribers?.value ?? 1;
  const stated = events.delivery_allocation;
  return {
    perDay, perDayFrom: fromPath ? 'path' : 'requirements',
    subscribers, subscribersNode: events.subscribers?.node,
    total: perDay.value * subscribers,
    allocation: stated?.value ?? factValue('event-delivery-allocation'),
    allocationNode: stated?.node,
  };
}

export type RetentionFact = 'event-retention' | 'pushtopic-retention';

/** The fact saying how long the design's events are kept for replay (PushTopics less than platform events and CDC). */
export function eventRetentionFact(events: PlatformEventsPath): RetentionFact {
  return events.event_type?.value === 'push-topic' ? 'pushtopic-retention' : 'event-retention';
}

export const EVENT_TYPE_NAMES: Record<NonNullable<PlatformEventsPath['event_type']>['value'], string> = {
  'platform-event': 'Platform events',
  'change-data-capture': 'Change Data Capture events',
  'push-topic': 'PushTopic events',
};

export function eventTypeName(events: PlatformEventsPath): string {
  return EVENT_TYPE_NAMES[events.event_type?.value ?? 'platform-event'];
}

/** Event limits: deliveries per 24 hours against the allocation, subscriber downtime against retention. */
export function measureEvents(design: Design): Measurement[] {
  const events = design.paths?.platform_events;
  if (!events) return [];
  const out: Measurement[] = [];
  const deliveries = eventDeliveries(design);
  if (deliveries) {
    const stated = deliveries.allocationNode !== undefined;
    out.push({
      id: 'events-deliveries',
      label: `Event deliveries per 24 hours (events per day × external subscribers) vs the ${stated ? 'stated delivery_allocation' : 'default allocation (Unlimited Edition)'}`,
      value: deliveries.total, limit: deliveries.allocation, unit: 'events per 24 hours', ratio: ratioOf(deliveries.total, deliveries.allocation),
      fact: 'event-delivery-allocation', limitFromDesign: stated || undefined, node: deliveries.perDay.node,
      impact: 'Each event counts once per external subscriber (Pub/Sub API, CometD, empApi, event relays); past the allocation, subscribers stop getting events.',
      mitigation: 'Raise the allocation (contract or add-on) and state it in delivery_allocation, or subscribe once on Heroku and fan out there.',
      exceededRule: 'events-delivery-allocation',
    });
  }
  const downtime = events.max_subscriber_downtime;
  if (downtime) {
    const id = eventRetentionFact(events);
    const limit = factValue(id);
    const value = inFactUnit(downtime.value, id);
    out.push({
      id: 'events-subscriber-downtime', label: `Longest subscriber downtime vs ${eventTypeName(events)} retention`,
      value, limit, unit: fact(id).unit ?? 'hours', ratio: ratioOf(value, limit), fact: id, node: downtime.node,
      impact: `${eventTypeName(events)} are kept for ${formatFactValue(fact(id))}; a subscriber down longer cannot replay what it missed.`,
      mitigation: 'Alert on subscriber lag well before retention runs out, and keep a resync from Salesforce (query changed records) for longer outages.',
      exceededRule: 'events-retention',
    });
  }
  return out;
}
