import { formatCount } from '../../format/quantities';
import { describeSpan } from '../labels';
import type { PlatformEventsPath } from '../../model/design';
import { deliveryAllocation, eventRetentionFact, eventTypeName } from '../../paths/platformEvents/measures';
import { fact, factMilliseconds } from '../../knowledge/facts';
import type { ArtifactContext } from '../context';
import { addAppCredentials, externalClientAppStep, keyAndCertificateStep, rotateKeyPair } from './clientApp';
import { known, StepWriter, type Fill } from './commands';
import { apiEnabledNeed, genericSandboxStep, integrationUserStep, rotationStep } from './common';
import { deploy, metadataPath, METADATA_NAMESPACE, useProject, XML_HEADER } from './metadata';
import { orgAlias, pathApp } from './resources';
import { code } from '../markdown';
import { listWords } from '../../format/suggest';
import { measurementLines, usageNote } from './measures';
import type { Step, StepBody } from './step';

export function eventsSteps(ctx: ArtifactContext, events: PlatformEventsPath): Step[] {
  const steps: Step[] = [
    integrationUserStep(ctx, 'platform_events', [apiEnabledNeed(ctx)], 'The events or objects the subscriber needs access to: the design does not list them. Grant access to exactly those.'),
    ...loginSteps(ctx, events),
    publishStep(ctx, events),
    subscribeStep(ctx, events),
    allocationStep(ctx, events),
    eventsRotation(ctx, events),
  ];
  const sandbox = genericSandboxStep(ctx, 'platform_events', 'check that the subscriber authenticates against the refreshed org and resubscribe', (w) => {
    if (events.event_type?.value === 'change-data-capture') w.check('the Change Data Capture selection is in the refreshed org', [['sf-query-channel-members', { alias: orgAlias(ctx) }]]);
  });
  if (sandbox) steps.push(sandbox);
  return steps;
}

/** How the subscriber logs in: the key pair or the External Client App, and the credentials given to the app. */
function loginSteps(ctx: ArtifactContext, events: PlatformEventsPath): Step[] {
  const flow = events.auth_flow?.value;
  if (!flow) return [];
  const steps = flow === 'jwt-bearer' ? [keyAndCertificateStep(ctx)] : [];
  steps.push(externalClientAppStep(ctx, 'platform_events', flow));
  const w = new StepWriter(ctx, 'Give the subscriber its credentials');
  w.say(`The subscriber logs in as its integration user with ${flow === 'jwt-bearer' ? 'the OAuth 2.0 JWT bearer flow' : 'the OAuth 2.0 client credentials flow'} (\`auth_flow\`, ${ctx.at(events.auth_flow!.node)}).`);
  addAppCredentials(ctx, w, 'platform_events', flow);
  steps.push(w.step());
  return steps;
}

function eventsRotation(ctx: ArtifactContext, events: PlatformEventsPath): Step {
  const flow = events.auth_flow?.value;
  const rotated = flow === 'jwt-bearer' ? 'the private key and the certificate the subscriber\'s JWT bearer flow signs with'
    : flow === 'client-credentials' ? 'the consumer secret of the subscriber\'s client credentials flow' : 'the credentials the subscriber logs in to the org with';
  return rotationStep(ctx, 'platform_events', rotated, (w) => {
    if (flow === 'jwt-bearer') rotateKeyPair(ctx, w, 'platform_events');
    if (!flow) w.ask('How the subscriber logs in to the org: the design states no `paths.platform_events.auth_flow`.');
  });
}

/** The change event of an object: `OrderChangeEvent`, or `Invoice__ChangeEvent` for `Invoice__c`. */
function changeEventName(object: string): string {
  return object.endsWith('__c') ? `${object.slice(0, -3)}__ChangeEvent` : `${object}ChangeEvent`;
}

/** The channel the subscriber subscribes to, from what the design selects. */
function topicOf(events: PlatformEventsPath): string | undefined {
  const type = events.event_type?.value ?? 'platform-event';
  if (type === 'change-data-capture') {
    const entities = events.entities?.value ?? [];
    if (entities.length === 1) return `/data/${changeEventName(entities[0])}`;
    return entities.length ? '/data/ChangeEvents' : undefined;
  }
  if (type === 'platform-event') return events.event ? `/event/${events.event.value}` : undefined;
  return undefined;
}

/** What Salesforce publishes: the objects selected for Change Data Capture, or the platform event. */
function publishStep(ctx: ArtifactContext, events: PlatformEventsPath): Step {
  const type = events.event_type?.value ?? 'platform-event';
  const alias = orgAlias(ctx);
  if (type === 'change-data-capture') {
    const w = new StepWriter(ctx, 'Select the objects for Change Data Capture');
    const entities = events.entities?.value ?? [];
    if (entities.length === 0) {
      w.ask('Which objects Change Data Capture publishes changes of: the design states no `paths.platform_events.entities`.');
      return w.step();
    }
    w.say(`Select ${listWords(entities.map(code), 'and')} (${ctx.at(events.entities!.node)}) on the standard \`ChangeEvents\` channel, as deployable metadata: one \`PlatformEventChannelMember\` per object, named after its change event ${ctx.cite.source('cdcEvents')}.`);
    useProject(ctx, w);
    for (const entity of entities) {
      const member = `ChangeEvents_${changeEventName(entity)}`;
      w.file(`Select ${code(entity)}`, metadataPath('platformEventChannelMembers', member, 'platformEventChannelMember'), [
        XML_HEADER,
        `<PlatformEventChannelMember xmlns="${METADATA_NAMESPACE}">`,
        '    <eventChannel>ChangeEvents</eventChannel>',
        `    <selectedEntity>${changeEventName(entity)}</selectedEntity>`,
        '</PlatformEventChannelMember>',
      ], 'metaPlatformEventChannelMember');
    }
    deploy(ctx, w, 'the selection');
    w.check(`the Tooling API query lists one row per selected object, with \`SelectedEntity\` ${listWords(entities.map((e) => code(changeEventName(e))), 'and')}`, [['sf-query-channel-members', { alias }]]);
    w.rollback('to stop publishing an object\'s changes, delete its channel member from the org', [['sf-delete-metadata', { metadata: known(`PlatformEventChannelMember:ChangeEvents_${changeEventName(entities[0])}`), alias }]]);
    return w.step();
  }
  if (type === 'platform-event') {
    const w = new StepWriter(ctx, 'Define the platform event');
    const event: Fill | undefined = events.event ? known(events.event.value) : undefined;
    if (!event) {
      w.ask('Which platform event the subscriber receives: the design states no `paths.platform_events.event`.');
      return w.step();
    }
    w.ui(`Define ${code(events.event!.value)} (${ctx.at(events.event!.node)}) with the fields its publisher and subscriber agree on (the design does not list them)`, 'platform-events-new');
    w.check(`\`sf sobject describe\` prints the event's fields`, [['sf-describe', { sobject: event, alias }]]);
    return w.step();
  }
  const w = new StepWriter(ctx, 'Name the PushTopic');
  w.ask('Which PushTopic the subscriber listens to: the design names none, so the channel `/topic/<name>` cannot be written out.');
  return w.step();
}

function subscribeStep(ctx: ArtifactContext, events: PlatformEventsPath): Step {
  const api = events.api;
  const type = events.event_type;
  const app = pathApp(ctx, 'platform_events');
  const topic = topicOf(events);
  const w = new StepWriter(ctx, 'Subscribe the Heroku app');
  w.say(
    `- Subscribe to ${eventTypeName(events)}${type ? ` (\`event_type\`, ${ctx.at(type.node)})` : ' (the default event type)'} through ${api?.value === 'cometd' ? 'the CometD Streaming API' : 'the Pub/Sub API'}${api ? ` (\`api\`, ${ctx.at(api.node)})` : ' (the default)'}${topic ? ` on the channel ${code(topic)} ${ctx.cite.source(topic.startsWith('/data/') ? 'cdcEvents' : 'pubSubSubscribe')}` : ''}.`,
    `- Store the replay ID of the last event processed, to resume from it. Replay IDs are opaque and not contiguous, and can be reused during maintenance: deduplicate on \`EventUuid\` ${ctx.cite.ref('event-replay-ids')}.`,
    `- Each event is at most ${ctx.cite.value('pubsub-max-event-size')}.`,
  );
  w.check('`heroku ps` shows the subscriber\'s dyno `up`, and its log shows it receiving events after a test change in the org', [['app-dynos', { app }], ['app-logs', { app }]]);
  return w.step();
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
  const w = new StepWriter(ctx, 'Check the delivery allocation and the replay window');
  w.say(...lines);
  for (const text of open) w.ask(text);
  w.check('`sf org list limits` lists the org\'s allocations with their maximum and what remains today; compare the event delivery lines with the numbers above', [['sf-limits', { alias: orgAlias(ctx) }]]);
  return w.step();
}

/** Which allocation the deliveries count against, with its figure and source, or why there is none. */
function allocationSentence(ctx: ArtifactContext, events: PlatformEventsPath): string {
  const a = deliveryAllocation(ctx.design!, events);
  const edition = `${a.org.name}${a.org.assumed ? ' (assumed: the design states no `salesforce.edition`)' : ''}`;
  if (a.stated?.node) return `The design states the org's allocation: ${formatCount(a.limit ?? 0)} (\`${a.stated.key}\`, ${ctx.at(a.stated.node)}).`;
  if (a.stated) return `The org's estate states its allocation: ${formatCount(a.limit ?? 0)} (${a.stated.key}).`;
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
