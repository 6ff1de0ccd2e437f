import { formatCount } from '../../format/quantities';
import { describeSpan } from '../labels';
import type { PlatformEventsPath } from '../../model/design';
import { deliveryAllocation, eventRetentionFact, eventTypeName } from '../../paths/platformEvents/measures';
import { fact, factMilliseconds } from '../../knowledge/facts';
import type { ArtifactContext } from '../context';
import { apiEnabledNeed, genericSandboxStep, integrationUserStep, rotationStep } from './common';
import { measurementLines, usageNote } from './measures';
import type { Step, StepBody } from './step';

export function eventsSteps(ctx: ArtifactContext, events: PlatformEventsPath): Step[] {
  const steps: Step[] = [
    integrationUserStep(ctx, 'platform_events', [apiEnabledNeed(ctx)], 'The events or objects the subscriber needs access to: the design does not list them. Grant access to exactly those.'),
    subscribeStep(ctx, events),
    allocationStep(ctx, events),
    rotationStep(ctx, 'platform_events', ['the credentials']),
  ];
  const sandbox = genericSandboxStep(ctx, 'platform_events', 'check that the subscriber authenticates against the refreshed org and resubscribe');
  if (sandbox) steps.push(sandbox);
  return steps;
}

function subscribeStep(ctx: ArtifactContext, events: PlatformEventsPath): Step {
  const api = events.api;
  const type = events.event_type;
  const lines = [
    `- Subscribe to ${eventTypeName(events)}${type ? ` (\`event_type\`, ${ctx.at(type.node)})` : ' (the default event type)'} through ${api?.value === 'cometd' ? 'the CometD Streaming API' : 'the Pub/Sub API'}${api ? ` (\`api\`, ${ctx.at(api.node)})` : ' (the default)'}.`,
    `- Store the replay ID of the last event processed, to resume from it. Replay IDs are opaque and not contiguous, and can be reused during maintenance: deduplicate on \`EventUuid\` ${ctx.cite.ref('event-replay-ids')}.`,
    `- Each event is at most ${ctx.cite.value('pubsub-max-event-size')}.`,
  ];
  return { title: 'Subscribe the Heroku app', lines };
}

function allocationStep(ctx: ArtifactContext, events: PlatformEventsPath): Step {
  const lines: string[] = [];
  const open: string[] = [];
  const perDay = events.events_per_day ?? ctx.design?.requirements?.volume?.events_per_day;
  const subscribers = events.subscribers?.value ?? 1;
  const who = subscribers === 1 ? 'the design has one external subscriber' : `each event goes to each of the design's ${formatCount(subscribers)} external subscribers`;
  lines.push(`- Deliveries count per external subscriber: ${who}${events.subscribers ? ` (${ctx.at(events.subscribers.node)})` : ' (the default)'}. ${allocationSentence(ctx, events)}`);
  if (perDay) lines.push(`- The design expects ${formatCount(perDay.value)} events a day (${ctx.at(perDay.node)}), so ${formatCount(perDay.value * subscribers)} deliveries${usageNote(ctx, 'events-deliveries')}.`);
  else open.push('How many events a day: the design states no `events_per_day`, so the delivery allocation cannot be checked.');
  const retention = eventRetentionFact(events);
  const downtime = events.max_subscriber_downtime;
  if (downtime) {
    const keeps = factMilliseconds(retention);
    lines.push(downtime.value <= keeps
      ? `- A subscriber may be down up to ${describeSpan(downtime.value)} (${ctx.at(downtime.node)}), within the ${ctx.cite.value(retention)} events are kept for replay.`
      : `- **A subscriber may be down up to ${describeSpan(downtime.value)} (${ctx.at(downtime.node)}), longer than the ${ctx.cite.value(retention)} events are kept for replay.**`);
  } else {
    open.push(`How long a subscriber may be down and still catch up by replay: the design states no \`max_subscriber_downtime\`; events are kept ${ctx.cite.value(retention)}.`);
  }
  return { title: 'Check the delivery allocation and the replay window', lines, open };
}

/** Which allocation the deliveries count against, with its figure and source, or why there is none. */
function allocationSentence(ctx: ArtifactContext, events: PlatformEventsPath): string {
  const a = deliveryAllocation(ctx.design!, events);
  const edition = `${a.org.name}${a.org.assumed ? ' (assumed: the design states no `salesforce.edition`)' : ''}`;
  if (a.stated) return `The design states the org's allocation: ${formatCount(a.limit ?? 0)} (\`${a.stated.key}\`, ${ctx.at(a.stated.node)}).`;
  if (a.kind === 'push-topic') return `PushTopic notifications have their own allocation, shared by all CometD clients: ${ctx.cite.value(a.fact)} on ${edition}.`;
  if (a.kind === 'generic-streaming') return `Durable generic streaming has its own allocation: ${ctx.cite.value(a.fact)} on ${edition}.`;
  const shared = `High-volume platform events and Change Data Capture share one delivery allocation ${ctx.cite.ref('event-delivery-shared')}`;
  if (a.limit === undefined) return `${shared}; no source gives ${a.org.name}'s default ${ctx.cite.ref(a.fact)}: read it from the REST API limits resource ${ctx.cite.ref('event-delivery-monitoring')} and state it in \`salesforce.event_deliveries_per_day\`.`;
  const caution = fact(a.fact).confirmed ? '' : '; a rule of thumb, since the official table could not be read';
  return `${shared}: by default ${ctx.cite.value(a.fact)} on ${edition}${caution}. Read the org's real allocation from the REST API limits resource ${ctx.cite.ref('event-delivery-monitoring')} and state it in \`salesforce.event_deliveries_per_day\`.`;
}

export function eventsMonitoring(ctx: ArtifactContext, events: PlatformEventsPath): StepBody {
  return {
    lines: [
      `- Alert when the subscriber has been disconnected for a large part of the ${ctx.cite.value(eventRetentionFact(events))} replay window.`,
      ...measurementLines(ctx, 'events-'),
    ],
  };
}

export function eventsRecovery(ctx: ArtifactContext, events: PlatformEventsPath): StepBody {
  return {
    lines: [`1. Resubscribe from the last stored replay ID; events are kept ${ctx.cite.value(eventRetentionFact(events))} and may be delivered again, so deduplicate on \`EventUuid\` ${ctx.cite.ref('event-replay-ids')}.`],
    open: ['How to reconcile after an outage longer than the replay window: the design states no procedure.'],
  };
}
