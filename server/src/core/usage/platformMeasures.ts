import { fact, factMilliseconds, factValue, formatFactValue, type FactId } from '../knowledge/facts';
import type { AppLinkPath, ApexCalloutPath, Design, Field, PlatformEventsPath, RestApiPath } from '../model/design';
import type { ModelNode } from '../model/node';
import type { Measurement } from './measurement';

/*
 * The numbers behind the non-Connect rules, computed once here so a rule (value over the
 * limit) and the risk register (value near the limit) never disagree. Durations are
 * measured in the unit of their fact (hours for retention, seconds for timeouts).
 */

/** A duration in milliseconds, expressed in the unit its fact is stated in. */
export function inFactUnit(ms: number, id: FactId): number {
  return (ms / factMilliseconds(id)) * factValue(id);
}

// ---- Platform events ------------------------------------------------------------------

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

// ---- Apex callouts ----------------------------------------------------------------------

export interface CalloutTimeout {
  readonly ms: number;
  /** Absent when the design does not state a timeout and Apex's default applies. */
  readonly node?: ModelNode;
}

export function calloutTimeout(apex: ApexCalloutPath): CalloutTimeout {
  return apex.timeout ? { ms: apex.timeout.value, node: apex.timeout.node } : { ms: factMilliseconds('apex-callout-default-timeout') };
}

export interface CalloutTotal {
  readonly callouts: Field<number>;
  readonly timeout: CalloutTimeout;
  /** Worst case: every callout waits its full timeout. */
  readonly totalMs: number;
}

/** The longest a transaction's callouts can take together; undefined when the timeout alone is invalid. */
export function calloutTotal(apex: ApexCalloutPath): CalloutTotal | undefined {
  const callouts = apex.callouts_per_transaction;
  if (!callouts) return undefined;
  const timeout = calloutTimeout(apex);
  if (timeout.ms > factMilliseconds('apex-callout-max-timeout')) return undefined;
  return { callouts, timeout, totalMs: callouts.value * timeout.ms };
}

// ---- AppLink -----------------------------------------------------------------------------

/**
 * Whether AppLink callers wait for the answer: the path's `synchronous`, else the
 * requirement's (`requirements.salesforce_calls_heroku.synchronous`).
 */
export function appLinkSynchronous(design: Design, appLink: AppLinkPath): Field<boolean> | undefined {
  return appLink.synchronous ?? design.requirements?.salesforce_calls_heroku?.synchronous;
}

// ---- REST ---------------------------------------------------------------------------------

/** Flows that leave a refresh token per holder, each one an approval of the connected app. */
export function flowIssuesApprovals(rest: RestApiPath): boolean {
  const flow = rest.auth_flow?.value;
  return flow === 'refresh-token' || flow === 'web-server';
}

export interface LongRunningLimit {
  readonly fact: 'long-running-requests-production' | 'long-running-requests-developer';
  /** "production or sandbox", "Developer Edition": the kind of org the limit is for. */
  readonly orgKind: string;
  /** The edition or org_type that makes it a Developer Edition org. */
  readonly node?: ModelNode;
}

/** The per-org concurrent long-running request limit: Developer Edition or production/sandbox. */
export function longRunningLimit(design: Design): LongRunningLimit {
  const edition = design.salesforce?.edition;
  const orgType = design.salesforce?.org_type;
  if (edition?.value === 'developer') return { fact: 'long-running-requests-developer', orgKind: 'Developer Edition', node: edition.node };
  if (orgType?.value === 'developer') return { fact: 'long-running-requests-developer', orgKind: 'Developer Edition', node: orgType.node };
  return { fact: 'long-running-requests-production', orgKind: 'production or sandbox' };
}

// ---- Measurements --------------------------------------------------------------------------

/** Limits of the other paths: event deliveries and retention, callouts, request rates, tokens. */
export function measurePlatform(design: Design): Measurement[] {
  return [
    ...measureAppLink(design),
    ...measureExternalObjects(design),
    ...measureEvents(design),
    ...measureRest(design),
    ...measureApex(design),
  ];
}

function ratioOf(value: number, limit: number): number {
  return limit > 0 ? value / limit : value > 0 ? Infinity : 0;
}

function measureAppLink(design: Design): Measurement[] {
  const appLink = design.paths?.heroku_applink;
  if (!appLink) return [];
  const out: Measurement[] = [];
  const requests = appLink.platform_api_requests_per_hour;
  if (requests) {
    const limit = factValue('applink-platform-api-rate');
    out.push({
      id: 'applink-platform-api-rate', label: 'AppLink Heroku Platform API requests per hour vs the per-add-on rate',
      value: requests.value, limit, unit: 'requests per hour', ratio: ratioOf(requests.value, limit),
      fact: 'applink-platform-api-rate', node: requests.node,
      impact: `The Heroku Platform API allows ${formatFactValue(fact('applink-platform-api-rate'))} per AppLink add-on; calls over it are throttled.`,
      mitigation: 'Cache and batch Platform API calls, or give each app its own AppLink add-on.',
      exceededRule: 'applink-platform-api-rate',
    });
  }
  const response = appLink.response_time;
  if (response && appLinkSynchronous(design, appLink)?.value === true) {
    const id: FactId = 'heroku-router-timeout';
    const limit = factValue(id);
    const value = inFactUnit(response.value, id);
    out.push({
      id: 'applink-response-time', label: 'Slowest synchronous AppLink response vs the Heroku router timeout',
      value, limit, unit: fact(id).unit ?? 'seconds', ratio: ratioOf(value, limit), fact: id, node: response.node,
      impact: `The Heroku router ends a request after ${formatFactValue(fact(id))}; the caller gets an error, not the result.`,
      mitigation: 'Make the endpoint answer well inside the router timeout, or accept the request at once and finish it in a worker (asynchronous call).',
      exceededRule: 'applink-router-timeout',
    });
  }
  return out;
}

function measureExternalObjects(design: Design): Measurement[] {
  const requests = design.paths?.external_objects?.requests_per_hour;
  if (!requests) return [];
  const id: FactId = 'external-objects-rate-limit';
  const limit = factValue(id);
  return [{
    id: 'external-objects-requests', label: 'External Objects OData requests per hour at peak vs the paid-plan rate limit',
    value: requests.value, limit, unit: 'requests per hour', ratio: ratioOf(requests.value, limit), fact: id, node: requests.node,
    impact: 'Every list view, detail page, search and report run is a callout; over the limit, pages showing external objects fail to load.',
    mitigation: 'Ask Heroku to raise the limit before go-live, or cut callouts (fewer list views and related lists, cache in Apex).',
    exceededRule: 'external-objects-rate-limit',
  }];
}

function measureEvents(design: Design): Measurement[] {
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

function measureRest(design: Design): Measurement[] {
  const rest = design.paths?.rest_api;
  if (!rest) return [];
  const out: Measurement[] = [];
  const holders = rest.token_holders;
  if (holders && flowIssuesApprovals(rest)) {
    const id: FactId = 'connected-app-approvals-per-user';
    const limit = factValue(id);
    out.push({
      id: 'rest-token-approvals', label: 'Refresh-token holders for one user vs approvals per user per connected app',
      value: holders.value, limit, unit: 'approvals', ratio: ratioOf(holders.value, limit), fact: id, node: holders.node,
      impact: `Each refresh token is an approval; past ${formatFactValue(fact(id))} per user per app, a new one revokes the oldest and that holder's calls fail.`,
      mitigation: 'Share one refresh token through a token service, or use the JWT bearer or client credentials flow (no refresh tokens).',
      exceededRule: 'rest-token-approvals',
    });
  }
  const longRunning = rest.long_running_requests;
  if (longRunning) {
    const org = longRunningLimit(design);
    const limit = factValue(org.fact);
    out.push({
      id: 'rest-long-running-requests', label: `Concurrent long-running API requests vs the per-org limit (${org.orgKind} org)`,
      value: longRunning.value, limit, unit: 'requests', ratio: ratioOf(longRunning.value, limit), fact: org.fact, node: longRunning.node,
      impact: `Requests lasting ${formatFactValue(fact('long-running-request-threshold'))} or more share one per-org limit with every integration and user; more fail with REQUEST_LIMIT_EXCEEDED.`,
      mitigation: 'Keep requests short (selective queries, Bulk API for large jobs), or queue them so fewer run at once.',
      exceededRule: 'rest-long-running-requests',
    });
  }
  return out;
}

function measureApex(design: Design): Measurement[] {
  const apex = design.paths?.apex_callout;
  if (!apex) return [];
  const out: Measurement[] = [];
  const callouts = apex.callouts_per_transaction;
  if (callouts) {
    const id: FactId = 'apex-callouts-per-transaction';
    const limit = factValue(id);
    out.push({
      id: 'apex-callouts-per-transaction', label: 'Apex callouts per transaction vs the governor limit',
      value: callouts.value, limit, unit: 'callouts', ratio: ratioOf(callouts.value, limit), fact: id, node: callouts.node,
      impact: `A transaction can make at most ${formatFactValue(fact(id))}; the next one throws a limit exception that cannot be caught.`,
      mitigation: 'Bulkify: send many records per callout, or split the work across Queueable jobs.',
      exceededRule: 'apex-callout-limit',
    });
  }
  if (apex.timeout) {
    const id: FactId = 'heroku-router-timeout';
    const limit = factValue(id);
    const value = inFactUnit(apex.timeout.value, id);
    out.push({
      id: 'apex-callout-timeout', label: 'Apex callout timeout vs the Heroku router timeout',
      value, limit, unit: fact(id).unit ?? 'seconds', ratio: ratioOf(value, limit), fact: id, node: apex.timeout.node,
      impact: `The Heroku router ends a request after ${formatFactValue(fact(id))}, so a longer Apex timeout only waits for a failure.`,
      mitigation: 'Set the timeout to the router timeout or less, and make the Heroku endpoint answer within it.',
      exceededRule: 'apex-callout-router-timeout',
    });
  }
  const total = calloutTotal(apex);
  if (total) {
    const id: FactId = 'apex-callout-total-time';
    const limit = factValue(id);
    const value = inFactUnit(total.totalMs, id);
    out.push({
      id: 'apex-callout-total-time',
      label: `Worst-case callout time per transaction (callouts × ${total.timeout.node ? 'timeout' : 'default timeout'}) vs the per-transaction total`,
      value, limit, unit: fact(id).unit ?? 'seconds', ratio: ratioOf(value, limit), fact: id, node: total.callouts.node,
      impact: `All callouts of one transaction may take ${formatFactValue(fact(id))} together; if slow responses add up past it, the transaction fails.`,
      mitigation: 'Make fewer callouts per transaction, lower the timeout, or move the callouts to Queueable jobs.',
      exceededRule: 'apex-callout-total-time',
    });
  }
  return out;
}
