import { fact, factMilliseconds, factValue, formatFactValue, type FactId } from '../knowledge/facts';
import { describeDuration, formatCount } from '../format/quantities';
import { listWords } from '../format/suggest';
import type { Design, Requirements } from '../model/design';
import { PATH_NAMES } from '../vocabulary';
import { DECISION_TABLE } from './table';
import { describeIntegration } from './statement';
import type { Condition, ConditionOutcome, DecisionInput, DecisionResult, DecisionRow, FlagInput, PlanTier, RowOutcome } from './types';

/** The YAML key under `requirements` that states each flag the table reads. */
export const FLAG_KEYS: Readonly<Record<FlagInput, keyof Requirements>> = {
  herokuNeedsLocalCopy: 'heroku_needs_local_copy',
  salesforceUsersViewHerokuData: 'salesforce_users_view_heroku_data',
  herokuReactsToSalesforceChanges: 'heroku_reacts_to_salesforce_changes',
  herokuNeedsOccasionalSalesforceData: 'heroku_needs_occasional_salesforce_data',
  uiEmbeddedInSalesforce: 'ui_embedded_in_salesforce',
  crossOrgPassthrough: 'cross_org_passthrough',
};

/** The decision input a design states. */
export function decisionInputFromDesign(design: Design | undefined): DecisionInput {
  const r = design?.requirements;
  return {
    environment: design?.environment?.value,
    direction: r?.direction?.value,
    sourceOfTruth: r?.source_of_truth?.value,
    herokuNeedsLocalCopy: r?.heroku_needs_local_copy?.value,
    acceptableLag: r?.acceptable_lag?.value,
    rows: r?.volume?.rows?.value,
    eventsPerDay: r?.volume?.events_per_day?.value,
    salesforceUsersViewHerokuData: r?.salesforce_users_view_heroku_data?.value,
    callers: r?.salesforce_calls_heroku?.from?.value,
    synchronousCalls: r?.salesforce_calls_heroku?.synchronous?.value,
    herokuReactsToSalesforceChanges: r?.heroku_reacts_to_salesforce_changes?.value,
    herokuNeedsOccasionalSalesforceData: r?.heroku_needs_occasional_salesforce_data?.value,
    uiEmbeddedInSalesforce: r?.ui_embedded_in_salesforce?.value,
    crossOrgPassthrough: r?.cross_org_passthrough?.value,
    regulatedData: r?.regulated_data?.value,
  };
}

/**
 * Walks the decision table: every row is evaluated; the first match wins unless a later
 * match is more specific (volume or latency) or decisive (cross-org passthrough).
 */
export function decide(input: DecisionInput, table: readonly DecisionRow[] = DECISION_TABLE): DecisionResult {
  const evaluated = table.map((row) => {
    const conditions = row.conditions.map((c) => evaluate(c, input));
    return { row, conditions, matched: conditions.every((c) => c.state === 'met') };
  });
  const matches = evaluated.filter((e) => e.matched);
  let winner = matches[0];
  for (const m of matches) {
    if (!winner) break;
    if (m.row.decisive && !winner.row.decisive) winner = m;
    // "More specific" refines the same path (e.g. a plan tier); it never swaps one need for another.
    else if (!winner.row.decisive && m.row.specificity > winner.row.specificity && m.row.recommends === winner.row.recommends) winner = m;
  }
  const rows: RowOutcome[] = evaluated.map((e) => ({ ...e, verdict: verdictFor(e, winner) }));
  const winnerOutcome = rows.find((r) => r.row === winner?.row);
  const additional = winner?.row.decisive
    ? []
    : rows.filter((r) => r.matched && r !== winnerOutcome && r.row.recommends !== winner?.row.recommends);
  const plan = winner?.row.recommends === 'heroku_connect' ? choosePlan(input, winner.row.plan) : undefined;
  return {
    input,
    statement: describeIntegration(input),
    rows,
    winner: winnerOutcome,
    additional,
    planTier: plan?.tier,
    planReason: plan?.reason,
  };
}

function verdictFor(e: { row: DecisionRow; matched: boolean; conditions: ConditionOutcome[] }, winner: { row: DecisionRow } | undefined): string {
  if (e.matched) {
    if (winner?.row === e.row) return 'Matches: this row decides.';
    if (winner?.row.decisive) return `Matches, but '${winner.row.situation}' overrides every other row.`;
    if (winner && winner.row.recommends === e.row.recommends) return `Matches, but the more specific row '${winner.row.situation}' takes precedence.`;
    return `Matches too: ${PATH_NAMES[e.row.recommends]} covers this additional need.`;
  }
  const failed = e.conditions.filter((c) => c.state !== 'met').map((c) => c.explanation);
  return `No match: ${listWords(failed, 'and')}.`;
}

function choosePlan(input: DecisionInput, rowPlan: PlanTier | undefined): { tier: PlanTier; reason: string } {
  if (input.regulatedData) return { tier: 'shield', reason: `Regulated data needs Shield: ${fact('connect-shield-needs-shield-postgres').statement}${lagCaveat(input)}` };
  if (rowPlan === 'demo') return { tier: 'demo', reason: 'A proof of concept within the demo plan\'s row cap and polling interval.' };
  if (input.environment === 'proof-of-concept') {
    const fits = (input.rows ?? 0) <= factValue('connect-demo-max-rows') && (input.acceptableLag ?? Infinity) >= factMilliseconds('connect-demo-min-polling');
    if (fits) return { tier: 'demo', reason: 'A proof of concept within the demo plan\'s limits.' };
    return { tier: 'enterprise', reason: `Even as a proof of concept, the volume or lag is beyond the demo plan (${formatFactValue(fact('connect-demo-max-rows'))}, ${formatFactValue(fact('connect-demo-min-polling'))} polling).${lagCaveat(input)}` };
  }
  return { tier: 'enterprise', reason: `Demo is for proofs of concept only; production and sandbox designs need a paid plan with rows per contract.${lagCaveat(input)}` };
}

/**
 * A paid plan is the table's answer to a short lag, but no documented polling interval is
 * shorter than the 2014 launch post's minimum: say so rather than promise the lag.
 */
function lagCaveat(input: DecisionInput): string {
  const lag = input.acceptableLag;
  if (lag === undefined || lag >= factMilliseconds('connect-paid-min-polling')) return '';
  return ` A lag of ${describeDuration(lag)} is shorter than any documented Heroku Connect polling interval (${formatFactValue(fact('connect-paid-min-polling'))}, from Heroku's 2014 launch post: a rule of thumb); accelerated polling can come closer but is best effort, so changes that must arrive within seconds are better served by Platform Events or Change Data Capture.`;
}

/** A threshold no official source sets (the skill document's) says it is a rule of thumb. */
function thresholdNote(id: FactId): string {
  return fact(id).confirmed ? '' : ' (a rule of thumb)';
}

function evaluate(condition: Condition, input: DecisionInput): ConditionOutcome {
  switch (condition.kind) {
    case 'flag': {
      const value = input[condition.input];
      const key = FLAG_KEYS[condition.input];
      if (value === undefined) return { state: 'unknown', explanation: `${key} is not stated` };
      return value === condition.equals
        ? { state: 'met', explanation: `${key} is ${value}` }
        : { state: 'not-met', explanation: `${key} is ${value}` };
    }
    case 'environment': {
      if (!input.environment) return { state: 'unknown', explanation: 'environment is not stated' };
      const ok = condition.oneOf.includes(input.environment);
      return { state: ok ? 'met' : 'not-met', explanation: `environment is ${input.environment}` };
    }
    case 'callers': {
      const callers = input.callers ?? [];
      if (callers.length === 0) return { state: input.callers ? 'not-met' : 'unknown', explanation: 'nothing in Salesforce calls Heroku logic' };
      const hit = callers.filter((c) => condition.includesAny.includes(c));
      if (hit.length === 0) return { state: 'not-met', explanation: `the callers (${callers.join(', ')}) are not ${listWords([...condition.includesAny])}` };
      if (condition.synchronous !== undefined && input.synchronousCalls !== condition.synchronous) {
        return { state: input.synchronousCalls === undefined ? 'unknown' : 'not-met', explanation: `the calls are ${input.synchronousCalls === undefined ? 'not stated as synchronous or not' : input.synchronousCalls ? 'synchronous' : 'asynchronous'}` };
      }
      return { state: 'met', explanation: `${listWords(hit)} call${hit.length === 1 ? 's' : ''} Heroku${condition.synchronous ? ' synchronously' : ''}` };
    }
    case 'rows-at-most':
    case 'rows-at-least': {
      const limit = factValue(condition.fact);
      if (input.rows === undefined) return { state: 'unknown', explanation: 'the row volume is not stated' };
      const ok = condition.kind === 'rows-at-most' ? input.rows <= limit : input.rows >= limit;
      const relation = input.rows > limit ? 'over' : input.rows === limit ? 'exactly' : 'under';
      return { state: ok ? 'met' : 'not-met', explanation: `${formatCount(input.rows)} rows is ${relation} ${formatFactValue(fact(condition.fact))}${thresholdNote(condition.fact)}` };
    }
    case 'lag-at-least':
    case 'lag-below': {
      const limit = factMilliseconds(condition.fact);
      if (input.acceptableLag === undefined) return { state: 'unknown', explanation: 'the acceptable lag is not stated' };
      const ok = condition.kind === 'lag-at-least' ? input.acceptableLag >= limit : input.acceptableLag < limit;
      const relation = input.acceptableLag < limit ? 'under' : input.acceptableLag === limit ? 'exactly' : 'over';
      return { state: ok ? 'met' : 'not-met', explanation: `a lag of ${describeDuration(input.acceptableLag)} is ${relation} ${formatFactValue(fact(condition.fact))}${thresholdNote(condition.fact)}` };
    }
    case 'any': {
      const parts = condition.of.map((c) => evaluate(c, input));
      const met = parts.find((p) => p.state === 'met');
      if (met) return met;
      const unknown = parts.every((p) => p.state === 'unknown');
      return { state: unknown ? 'unknown' : 'not-met', explanation: listWords(parts.map((p) => p.explanation), 'and') };
    }
  }
}
