import { chosenPathsInOrder, type Design } from '../model/design';
import type { PathKey } from '../vocabulary';
import type { ConditionState, DecisionResult, PlanTier, Recommendation, RowOutcome } from './types';

/**
 * The decision as data for machines: `integration-lint recommendation --format json`, the
 * `decision` of each file in `--format json`, and the review's before/after. Built here so
 * every front serialises the same object. The shape is documented in docs/decision-json.md
 * and docs/schemas/decision.schema.json; a change that breaks readers raises the version.
 */
export const DECISION_REPORT_VERSION = 1;

export interface DecisionReport {
  readonly schemaVersion: typeof DECISION_REPORT_VERSION;
  /** The integration in one sentence. */
  readonly statement: string;
  /** The path the deciding row recommends ('none': no Heroku path fits); null when no row matches. */
  readonly recommendedPath: Recommendation | null;
  /** Every path the table calls for: the deciding row's, then those of additional needs (table order, no 'none'). */
  readonly recommendedPaths: readonly PathKey[];
  /** The Heroku Connect plan tier, when the recommendation is Heroku Connect. */
  readonly planTier: PlanTier | null;
  readonly planReason: string | null;
  readonly decidingRow: DecisionRowReport | null;
  /** The other rows that match, with why they do not decide. */
  readonly alsoMatched: readonly MatchedRowReport[];
  /** Inputs the table needed and the design does not state ("heroku_needs_local_copy is not stated"). */
  readonly unstated: readonly string[];
  readonly design: DesignChoiceReport;
}

export interface DecisionRowReport {
  /** 1-based position in the decision table. */
  readonly number: number;
  readonly id: string;
  readonly situation: string;
  readonly approach: string;
  readonly recommends: Recommendation;
  readonly plan: PlanTier | null;
  readonly reason: string;
  readonly whyNotAlternative: string;
  readonly conditions: readonly { readonly state: ConditionState; readonly explanation: string }[];
  readonly verdict: string;
}

export interface MatchedRowReport extends DecisionRowReport {
  /**
   * - 'additional-need': it calls for another path, recommended as well (e.g. Canvas for UI);
   * - 'less-specific': the deciding row recommends the same path, more specifically (volume, latency);
   * - 'overridden': the deciding row is decisive and makes every other match moot.
   */
  readonly role: 'additional-need' | 'less-specific' | 'overridden';
}

/** The design's own choice against the table's. */
export interface DesignChoiceReport {
  /** The paths the design states, in the format's order. */
  readonly chosenPaths: readonly PathKey[];
  /** `paths.heroku_connect.plan`, when stated. */
  readonly connectPlan: string | null;
  /** True when any of the three lists below is non-empty or the plan differs. */
  readonly differs: boolean;
  /** Chosen paths the table does not recommend (all chosen paths when it recommends none; empty when no row matches). */
  readonly notRecommended: readonly PathKey[];
  /** Paths the table recommends and the design does not choose. */
  readonly recommendedNotChosen: readonly PathKey[];
  /** The design's Connect plan is not the recommended tier. */
  readonly planDiffers: boolean;
}

/** The paths a design states under `paths`, in the format's order. */
/** How the design's choice departs from the table's recommendation (the recommendation artifact words the same facts). */
export function compareChoice(decision: DecisionResult, design: Design | undefined): DesignChoiceReport {
  const chosenPaths = chosenPathsInOrder(design);
  const connectPlan = design?.paths?.heroku_connect?.plan?.value ?? null;
  const winner = decision.winner;
  let notRecommended: PathKey[] = [];
  let recommendedNotChosen: PathKey[] = [];
  if (winner?.row.recommends === 'none') {
    notRecommended = chosenPaths;
  } else if (winner) {
    const recommended = recommendedPathsOf(decision);
    notRecommended = chosenPaths.filter((p) => !recommended.includes(p));
    recommendedNotChosen = recommended.filter((p) => !chosenPaths.includes(p));
  }
  const planDiffers = winner?.row.recommends !== 'none' && connectPlan !== null && decision.planTier !== undefined && connectPlan !== decision.planTier;
  return {
    chosenPaths, connectPlan, notRecommended, recommendedNotChosen, planDiffers,
    differs: notRecommended.length > 0 || recommendedNotChosen.length > 0 || planDiffers,
  };
}

/** The deciding row's path and those of the additional needs, without repeats or 'none'. */
function recommendedPathsOf(decision: DecisionResult): PathKey[] {
  const rows = decision.winner ? [decision.winner, ...decision.additional] : [];
  const out: PathKey[] = [];
  for (const r of rows) if (r.row.recommends !== 'none' && !out.includes(r.row.recommends)) out.push(r.row.recommends);
  return out;
}

export function decisionReport(decision: DecisionResult, design: Design | undefined): DecisionReport {
  const winner = decision.winner;
  const number = (r: RowOutcome) => decision.rows.indexOf(r) + 1;
  const alsoMatched = decision.rows
    .filter((r) => r.matched && r !== winner)
    .map((r): MatchedRowReport => ({
      ...rowReport(r, number(r)),
      role: decision.additional.includes(r) ? 'additional-need' : winner?.row.decisive ? 'overridden' : 'less-specific',
    }));
  const unstated = [...new Set(decision.rows.flatMap((r) => r.conditions.filter((c) => c.state === 'unknown').map((c) => c.explanation)))];
  return {
    schemaVersion: DECISION_REPORT_VERSION,
    statement: decision.statement,
    recommendedPath: winner?.row.recommends ?? null,
    recommendedPaths: recommendedPathsOf(decision),
    planTier: decision.planTier ?? null,
    planReason: decision.planReason ?? null,
    decidingRow: winner ? rowReport(winner, number(winner)) : null,
    alsoMatched,
    unstated,
    design: compareChoice(decision, design),
  };
}

function rowReport(r: RowOutcome, number: number): DecisionRowReport {
  return {
    number,
    id: r.row.id,
    situation: r.row.situation,
    approach: r.row.approach,
    recommends: r.row.recommends,
    plan: r.row.plan ?? null,
    reason: r.row.reason,
    whyNotAlternative: r.row.whyNotAlternative,
    conditions: r.conditions.map((c) => ({ state: c.state, explanation: c.explanation })),
    verdict: r.verdict,
  };
}
