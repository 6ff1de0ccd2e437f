import type { FactId } from '../knowledge/facts';
import type { Caller, Environment, PathKey } from '../model/design';

/** The answers the decision table reads; built from a design or from the walkthrough. */
export interface DecisionInput {
  readonly environment?: Environment;
  readonly direction?: 'salesforce-to-heroku' | 'heroku-to-salesforce' | 'bidirectional';
  readonly sourceOfTruth?: 'salesforce' | 'heroku' | 'shared';
  readonly herokuNeedsLocalCopy?: boolean;
  /** Milliseconds. */
  readonly acceptableLag?: number;
  readonly rows?: number;
  readonly eventsPerDay?: number;
  readonly salesforceUsersViewHerokuData?: boolean;
  readonly callers?: readonly Caller[];
  readonly synchronousCalls?: boolean;
  readonly herokuReactsToSalesforceChanges?: boolean;
  readonly herokuNeedsOccasionalSalesforceData?: boolean;
  readonly uiEmbeddedInSalesforce?: boolean;
  readonly crossOrgPassthrough?: boolean;
  readonly regulatedData?: boolean;
}

export type Recommendation = PathKey | 'none';
export type PlanTier = 'demo' | 'enterprise' | 'shield';

/** One test a row makes on the input. */
export type Condition =
  | { readonly kind: 'flag'; readonly input: FlagInput; readonly equals: boolean }
  | { readonly kind: 'environment'; readonly oneOf: readonly Environment[] }
  | { readonly kind: 'callers'; readonly includesAny: readonly Caller[]; readonly synchronous?: boolean }
  | { readonly kind: 'rows-at-most' | 'rows-at-least'; readonly fact: FactId }
  | { readonly kind: 'lag-at-least' | 'lag-below'; readonly fact: FactId }
  | { readonly kind: 'any'; readonly of: readonly Condition[] };

export type FlagInput =
  | 'herokuNeedsLocalCopy' | 'salesforceUsersViewHerokuData' | 'herokuReactsToSalesforceChanges'
  | 'herokuNeedsOccasionalSalesforceData' | 'uiEmbeddedInSalesforce' | 'crossOrgPassthrough';

/** A row of the skill document's decision table, as data. */
export interface DecisionRow {
  readonly id: string;
  /** The "Situation" column. */
  readonly situation: string;
  /** The "Recommended Approach" column. */
  readonly approach: string;
  readonly recommends: Recommendation;
  readonly plan?: PlanTier;
  /** The "Reason" column. */
  readonly reason: string;
  /** Why not the obvious alternative (from the skill's patterns). */
  readonly whyNotAlternative: string;
  readonly conditions: readonly Condition[];
  /** How many of its conditions are on volume or latency: more specific rows win ties. */
  readonly specificity: number;
  /** A row that, when it matches, makes every other match moot. */
  readonly decisive?: boolean;
}

export type ConditionState = 'met' | 'not-met' | 'unknown';

export interface ConditionOutcome {
  readonly state: ConditionState;
  /** "heroku_needs_local_copy is true", "rows (1,200,000) are over 10,000". */
  readonly explanation: string;
}

export interface RowOutcome {
  readonly row: DecisionRow;
  readonly matched: boolean;
  readonly conditions: readonly ConditionOutcome[];
  /** Why the row did not match, or why it lost to another match. */
  readonly verdict: string;
}

export interface DecisionResult {
  readonly input: DecisionInput;
  /** The integration in one sentence. */
  readonly statement: string;
  /** Every row, in table order, with its outcome. */
  readonly rows: readonly RowOutcome[];
  /** The winning row, if any matched. */
  readonly winner?: RowOutcome;
  /** Other matched rows that call for a different path (e.g. Canvas for UI). */
  readonly additional: readonly RowOutcome[];
  /** The plan tier when the recommendation is Heroku Connect. */
  readonly planTier?: PlanTier;
  readonly planReason?: string;
}
