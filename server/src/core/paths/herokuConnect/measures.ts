import { fact, factMilliseconds, factValue, formatFactValue, type FactId } from '../../knowledge/facts';
import type { ConnectPath, Design } from '../../model/design';
import { orgEdition, pushTopicsPerOrgFact } from '../../knowledge/editions';
import type { ModelNode } from '../../model/node';
import type { EstateFigure } from '../../model/orgFigures';
import { connectRowTotal, mappingLabel } from './rows';
import { inFactUnit, ratioOf, type Measurement } from '../../measurement';

export type ConnectPlan = 'demo' | 'enterprise' | 'shield';

/** A polling interval the design states, at the connection or on one mapping. */
export interface StatedInterval {
  /** Milliseconds. */
  readonly ms: number;
  readonly node: ModelNode;
  /** "the connection", "the Account mapping". */
  readonly label: string;
}

/** Every polling interval the design states, connection first, then mappings in order. */
export function connectPollingIntervals(connect: ConnectPath): StatedInterval[] {
  const out: StatedInterval[] = [];
  if (connect.polling_interval) out.push({ ms: connect.polling_interval.value, node: connect.polling_interval.node, label: 'the connection' });
  (connect.mappings?.items ?? []).forEach((m, i) => {
    if (m.polling_interval) out.push({ ms: m.polling_interval.value, node: m.polling_interval.node, label: mappingLabel(m, i) });
  });
  return out;
}

/** The fact giving a plan's shortest polling interval (the paid figure is from Heroku's launch post). */
export function minimumPollingFact(plan: ConnectPlan): FactId {
  return plan === 'demo' ? 'connect-demo-min-polling' : 'connect-paid-min-polling';
}

/** The `accelerated_polling: true` values of the mappings, in order. */
export function acceleratedMappings(connect: ConnectPath): { node: ModelNode; label: string }[] {
  return (connect.mappings?.items ?? []).flatMap((m, i) => (m.accelerated_polling?.value ? [{ node: m.accelerated_polling.node, label: mappingLabel(m, i) }] : []));
}

export interface PushTopicAllocation {
  readonly fact: FactId;
  readonly limit: number;
  /** "Enterprise Edition". */
  readonly editionName: string;
  /** True when salesforce.edition is not stated and Enterprise is assumed. */
  readonly assumed: boolean;
  readonly editionNode?: ModelNode;
  /** The edition as the design's estate states it (its org file). */
  readonly editionElsewhere?: EstateFigure;
}

/** PushTopics per org for the design's Salesforce edition (Enterprise when unstated). */
export function pushTopicAllocation(design: Design): PushTopicAllocation {
  const org = orgEdition(design);
  const id = pushTopicsPerOrgFact(org.edition);
  return { fact: id, limit: factValue(id), editionName: org.name, assumed: org.assumed, editionNode: org.node, editionElsewhere: org.elsewhere };
}

/** Heroku Connect limits: rows against the demo cap or the contract, polling against the plan's minimum, PushTopics. */
export function measureConnect(design: Design): Measurement[] {
  const connect = design.paths?.heroku_connect;
  if (!connect) return [];
  return [...measureRows(design, connect), ...measurePolling(connect), ...measurePushTopics(design, connect), ...measureRetention(connect)];
}

/**
 * Rows against the demo cap (demo) or the contracted rows (paid). The node is where the
 * exceeded rule reports: the plan for the demo cap, contracted_rows for a contract.
 */
function measureRows(design: Design, connect: ConnectPath): Measurement[] {
  const plan = connect.plan;
  const rows = connectRowTotal(design, connect);
  if (!plan || !rows) return [];
  const counted = rows.from === 'mappings' ? 'Rows synced across all mappings' : 'Rows stated in requirements.volume.rows';
  const tooManyRows = 'Over the limit the connection goes to TOO_MANY_ROWS ("Overlimit" in the dashboard) until the license is larger.';
  if (plan.value === 'demo') {
    const limit = factValue('connect-demo-max-rows');
    return [{
      id: 'connect-rows-demo-cap', label: `${counted} vs the demo plan cap`,
      value: rows.total, limit, unit: 'rows', ratio: rows.total / limit, fact: 'connect-demo-max-rows', node: plan.node,
      impact: tooManyRows,
      mitigation: 'Move to the enterprise plan (rows per contract), or map fewer objects: a mapping always syncs its whole object.',
      exceededRule: 'connect-demo-row-limit',
    }];
  }
  const contracted = connect.contracted_rows;
  if (!contracted || contracted.value <= 0) return [];
  return [{
    id: 'connect-rows-contract', label: `${counted} vs contracted_rows`,
    value: rows.total, limit: contracted.value, unit: 'rows', ratio: rows.total / contracted.value,
    fact: 'connect-paid-rows-per-contract', limitFromDesign: true, node: contracted.node,
    impact: tooManyRows,
    mitigation: 'Agree a larger row allocation with Salesforce before go-live, or map fewer objects: a mapping always syncs its whole object.',
    exceededRule: 'connect-contracted-rows-exceeded',
  }];
}

/** The shortest stated interval against the plan's minimum; a floor, so ratio = minimum / interval. */
function measurePolling(connect: ConnectPath): Measurement[] {
  const plan = connect.plan?.value;
  if (!plan) return [];
  const shortest = connectPollingIntervals(connect).filter((i) => i.ms > 0).sort((a, b) => a.ms - b.ms)[0];
  if (!shortest) return [];
  const id = minimumPollingFact(plan);
  const f = fact(id);
  const limit = factValue(id);
  const value = shortest.ms / (factMilliseconds(id) / limit); // in the fact's unit
  const demo = plan === 'demo';
  return [{
    id: 'connect-polling-minimum',
    label: `Polling interval (${shortest.label}) vs the ${demo ? 'demo plan minimum' : `historical paid-plan minimum (launch post, ${f.sourceRef.version})`}`,
    value, limit, unit: f.unit ?? 'minutes', ratio: limit / value, floor: true, fact: id, node: shortest.node,
    impact: demo
      ? `Connect polls Salesforce no more often than every ${formatFactValue(f)} on the demo plan, so changes arrive later than a shorter interval suggests.`
      : `Heroku's launch post (${f.sourceRef.version}) gave ${formatFactValue(f)} as the shortest interval; no current official minimum was found, so a shorter interval may not be available.`,
    mitigation: demo
      ? 'Accept the demo interval, or move to a paid plan for shorter polling or accelerated polling.'
      : 'Check the shortest interval in the Connect dashboard; use accelerated polling for objects that need near-real-time reads.',
    exceededRule: demo ? 'connect-demo-polling-interval' : 'connect-paid-polling-range',
  }];
}

/** Accelerated mappings against the org's PushTopic allocation; the node is the last accelerated mapping. */
function measurePushTopics(design: Design, connect: ConnectPath): Measurement[] {
  const accelerated = acceleratedMappings(connect);
  if (accelerated.length === 0) return [];
  const allocation = pushTopicAllocation(design);
  return [{
    id: 'connect-pushtopics',
    label: `Mappings with accelerated polling vs PushTopics per org (${allocation.editionName}${allocation.assumed ? ', assumed' : ''})`,
    value: accelerated.length, limit: allocation.limit, unit: 'PushTopics', ratio: accelerated.length / allocation.limit,
    fact: allocation.fact, node: accelerated[accelerated.length - 1].node,
    impact: 'Accelerated polling reads through Streaming API PushTopics (one per accelerated object), allocated per org and shared with every other PushTopic user; past the allocation no more can be created. That accelerated mappings count against it is an inference, a rule of thumb.',
    mitigation: 'Use accelerated polling only for objects that need near-real-time reads; the others poll on their interval.',
    exceededRule: 'connect-pushtopic-limit',
  }];
}

/**
 * The recovery objective against the trigger-log archive: how far back processed Postgres →
 * Salesforce writes can be replayed. No plan stated is the demo plan (Connect's default), as
 * the connect-trigger-log-retention rule reads it; a plan written but invalid is not guessed at.
 */
function measureRetention(connect: ConnectPath): Measurement[] {
  const objective = connect.recovery_objective;
  if (!objective || objective.value <= 0 || (!connect.plan && connect.$node.entries.has('plan'))) return [];
  const plan = connect.plan?.value ?? 'demo';
  const id: FactId = plan === 'demo' ? 'connect-demo-trigger-log-retention' : 'connect-paid-trigger-log-retention';
  const limit = factValue(id);
  const value = inFactUnit(objective.value, id);
  return [{
    id: 'connect-trigger-log-retention',
    label: `Recovery objective vs the ${plan} plan's trigger-log archive${connect.plan ? '' : ' (no plan stated: demo, the default)'}`,
    value, limit, unit: fact(id).unit ?? 'days', ratio: ratioOf(value, limit), fact: id, node: objective.node,
    impact: `Processed Postgres → Salesforce writes stay in the trigger-log archive for ${formatFactValue(fact(id))}; older writes cannot be replayed from it.`,
    mitigation: plan === 'demo'
      ? 'Use a paid plan (a longer archive), keep your own copy of the changes, or shorten the recovery objective.'
      : 'Keep your own copy of the changes for anything older, or shorten the recovery objective.',
    exceededRule: 'connect-trigger-log-retention',
  }];
}
