import { fact, factValue, formatFactValue, type FactId } from '../../knowledge/facts';
import { genericStreamingDeliveriesFact, highVolumeDeliveriesFact, orgEdition, pushTopicDeliveriesFact, type OrgEdition } from '../../knowledge/editions';
import type { Design, Field, PlatformEventsPath } from '../../model/design';
import type { ModelNode } from '../../model/node';
import { figureLocation, isNumber, orgFigure } from '../../model/orgFigures';
import type { TextRange } from '../../text';
import { inFactUnit, ratioOf, type Measurement } from '../../measurement';

/** A fact's number, or undefined for a fact that gives none. */
function factNumber(id: FactId): number | undefined {
  return fact(id).value;
}

/*
 * The numbers behind this path's rules, computed once here so a rule (value over the limit)
 * and the risk register (value near the limit) never disagree.
 */

/** Which allocation the design's deliveries count against. */
export type DeliveryKind = 'high-volume' | 'push-topic' | 'generic-streaming';

/** Where the org's own allocation is stated. */
export interface StatedAllocation {
  /** "salesforce.event_deliveries_per_day", "paths.platform_events.delivery_allocation", "event_deliveries_per_day in acme-prod.salesforce-org.yaml, line 15". */
  readonly key: string;
  /** The design's own node, when the design states it. */
  readonly node?: ModelNode;
  /** Where it is (another document's range for a figure of the design's estate). */
  readonly location: { readonly uri?: string; readonly range: TextRange };
}

export interface DeliveryAllocation {
  readonly kind: DeliveryKind;
  readonly org: OrgEdition;
  /** The edition's figure (its fact), or the fact saying there is none (Developer Edition, high volume). */
  readonly fact: FactId;
  /** The limit: the stated allocation, else the edition's figure; undefined when neither exists. */
  readonly limit?: number;
  readonly stated?: StatedAllocation;
}

export interface EventDeliveries {
  /** events_per_day of the path, or of requirements.volume when the path does not state them. */
  readonly perDay: Field<number>;
  readonly perDayFrom: 'path' | 'requirements';
  readonly subscribers: number;
  readonly subscribersNode?: ModelNode;
  readonly total: number;
  readonly allocation: DeliveryAllocation;
}

export function deliveryKind(events: PlatformEventsPath): DeliveryKind {
  const type = events.event_type?.value;
  return type === 'push-topic' ? 'push-topic' : type === 'generic-streaming' ? 'generic-streaming' : 'high-volume';
}

/**
 * The allocation the path's deliveries count against: high-volume platform events and CDC
 * share the org's delivery allocation (stated in salesforce.event_deliveries_per_day or, for a
 * design of an estate, in its org file; else the edition's default); PushTopic and generic
 * streaming have their own, by edition. The deprecated paths.platform_events.delivery_allocation
 * still counts as a stated allocation.
 */
export function deliveryAllocation(design: Design, events: PlatformEventsPath): DeliveryAllocation {
  const kind = deliveryKind(events);
  const org = orgEdition(design);
  const fact = kind === 'push-topic' ? pushTopicDeliveriesFact(org.edition)
    : kind === 'generic-streaming' ? genericStreamingDeliveriesFact(org.edition)
      : highVolumeDeliveriesFact(org.edition);
  const orgStated = kind === 'high-volume' ? orgFigure(design, 'event_deliveries_per_day', isNumber) : undefined;
  const pathStated = events.delivery_allocation;
  const stated: (StatedAllocation & { value: number }) | undefined = orgStated
    ? { value: orgStated.value, key: orgStated.where, node: orgStated.node, location: figureLocation(orgStated)! }
    : pathStated ? { value: pathStated.value, key: 'paths.platform_events.delivery_allocation', node: pathStated.node, location: { range: pathStated.node.range } } : undefined;
  return {
    kind, org, fact,
    limit: stated?.value ?? factNumber(fact),
    stated: stated && { key: stated.key, node: stated.node, location: stated.location },
  };
}

/** Deliveries per 24 hours: every event goes to every external subscriber. */
export function eventDeliveries(design: Design): EventDeliveries | undefined {
  const events = design.paths?.platform_events;
  if (!events) return undefined;
  const fromPath = events.events_per_day;
  const perDay = fromPath ?? design.requirements?.volume?.events_per_day;
  if (!perDay) return undefined;
  const subscribers = events.subscribers?.value ?? 1;
  return {
    perDay, perDayFrom: fromPath ? 'path' : 'requirements',
    subscribers, subscribersNode: events.subscribers?.node,
    total: perDay.value * subscribers,
    allocation: deliveryAllocation(design, events),
  };
}

/** What the allocation is, for labels: "the Enterprise Edition PushTopic allocation". */
export function describeAllocation(a: DeliveryAllocation): string {
  if (a.stated) return `the org's stated allocation (${a.stated.key})`;
  const edition = `${a.org.name}${a.org.assumed ? ', assumed' : ''}`;
  if (a.kind === 'push-topic') return `the PushTopic allocation (${edition})`;
  if (a.kind === 'generic-streaming') return `the durable generic streaming allocation (${edition})`;
  return `the default allocation high-volume platform events and CDC share (${edition})`;
}

export type RetentionFact = 'event-retention' | 'pushtopic-retention';

/** The fact saying how long the design's events are kept for replay (PushTopic and generic streaming less than platform events and CDC). */
export function eventRetentionFact(events: PlatformEventsPath): RetentionFact {
  return deliveryKind(events) === 'high-volume' ? 'event-retention' : 'pushtopic-retention';
}

export const EVENT_TYPE_NAMES: Record<NonNullable<PlatformEventsPath['event_type']>['value'], string> = {
  'platform-event': 'Platform events',
  'change-data-capture': 'Change Data Capture events',
  'push-topic': 'PushTopic events',
  'generic-streaming': 'Generic streaming events',
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
  const allocation = deliveries?.allocation;
  if (deliveries && allocation?.limit !== undefined) {
    const stated = allocation.stated !== undefined;
    const pushTopic = allocation.kind === 'push-topic';
    out.push({
      id: 'events-deliveries',
      label: `Event deliveries per 24 hours (events per day × external subscribers) vs ${describeAllocation(allocation)}`,
      value: deliveries.total, limit: allocation.limit, unit: 'events per 24 hours', ratio: ratioOf(deliveries.total, allocation.limit),
      fact: stated ? 'event-delivery-shared' : allocation.fact, limitFromDesign: stated || undefined, limitFromOrg: (stated && !allocation.stated?.node) || undefined, node: deliveries.perDay.node,
      impact: pushTopic
        ? 'Each notification counts once per CometD client; past the allocation the org gets "Organization total events daily limit exceeded" errors.'
        : 'Each event counts once per external subscriber (Pub/Sub API, CometD, empApi, event relays); past the allocation, subscribers stop getting events.',
      mitigation: stated
        ? 'Raise the allocation (add-on licenses) and update the stated figure, or subscribe once on Heroku and fan out there.'
        : allocation.kind === 'high-volume'
          ? 'Read the org\'s real allocation (the REST API limits resource) and state it in salesforce.event_deliveries_per_day; raise it with add-on licenses, or subscribe once on Heroku and fan out there.'
          : 'Subscribe once on Heroku and fan out there, or move to platform events or Change Data Capture.',
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
