import type { GaugeLevel } from '../artifacts/gauges';
import type { DescribedItem } from '../diagram/describe';
import type { SvgElement } from '../diagram/svg';
import type { AnswerKey, PathKey, Recommendation } from '../vocabulary';
import type { EstateView } from '../estate/view';

/**
 * The decision walkthrough as plain data: what the panel shows and what it sends back. The
 * server builds these (viewModel.ts, steps.ts); the LSP protocol exports these very types to
 * the VS Code client and its webview, so the two sides cannot drift apart. Types only.
 */

/** An answer as the panel sends it: text for durations and counts, booleans, lists of callers. */
export type RawAnswer = string | boolean | readonly string[];

/** An answer's value in the panel: what an input shows or a control selects. */
export type AnswerDisplay = string | boolean | readonly string[] | null;

/** A checked answer: durations in milliseconds, counts as numbers. */
export type AnswerValue = string | number | boolean | readonly string[];

/**
 * A panel's answers as plain data (JSON): the client keeps what the server returned and sends
 * it back with the next request, so the server keeps no panel state.
 */
export interface WalkthroughAnswers {
  /** Answers given in the panel that the file does not state yet. */
  readonly pending: Readonly<Partial<Record<AnswerKey, AnswerValue>>>;
  /** Text typed in the panel that is not a valid answer, with the reason. */
  readonly drafts: Readonly<Partial<Record<AnswerKey, { readonly text: string; readonly reason: string }>>>;
}

export type QuestionKind = 'choice' | 'yes-no' | 'duration' | 'count' | 'callers';
export type QuestionGroupId = 'environment' | 'data' | 'freshness' | 'calls' | 'reactions' | 'boundaries';
export type StepId = 'plan' | 'users' | 'regions';
export type RowOutcomeKind = 'decides' | 'also-matches' | 'superseded' | 'no-match';

export interface FactView {
  readonly id: string;
  readonly title: string;
  /** "10,000 rows"; empty for qualitative facts. */
  readonly value: string;
  readonly statement: string;
  readonly sourceTitle: string;
  /** The source's address; absent for a document readers cannot open (cited by its title). */
  readonly sourceUrl?: string;
  readonly confirmed: boolean;
  /** When the fact was last checked against its source (YYYY-MM-DD). */
  readonly checked: string;
  /** The rule-of-thumb note for unconfirmed facts, and the fact's caveat. */
  readonly note?: string;
}

export interface FindingView {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  /** 1-based line, for "line 12". */
  readonly line: number;
}

export interface StepView {
  readonly id: StepId;
  readonly title: string;
  /** Sentences about this design. */
  readonly lines: readonly string[];
  readonly facts: readonly FactView[];
  readonly findings: readonly FindingView[];
}

export interface QuestionView {
  readonly key: AnswerKey;
  readonly label: string;
  /** The schema's description of the key. */
  readonly hint: string;
  readonly kind: QuestionKind;
  readonly yamlPath: string;
  readonly example?: string;
  readonly options: readonly { readonly value: string; readonly description?: string }[];
  /** The answer in effect: the panel's if given, else the file's. */
  readonly value: AnswerDisplay;
  /** What the file states. */
  readonly fileValue: AnswerDisplay;
  /** The panel's answer differs from the file and is not applied yet. */
  readonly pending: boolean;
  /** Text the user typed that is not a valid answer, with the reason. */
  readonly draft?: string;
  readonly error?: string;
}

export interface QuestionGroupView {
  readonly id: QuestionGroupId;
  readonly legend: string;
  readonly questions: readonly QuestionView[];
}

export interface RecommendationView {
  readonly rowId: string;
  readonly path: Recommendation;
  readonly pathName: string;
  readonly approach: string;
  readonly situation: string;
  readonly reason: string;
  readonly whyNot: string;
  readonly planTier?: string;
  readonly planReason?: string;
}

export interface TableRowView {
  readonly id: string;
  readonly number: number;
  readonly situation: string;
  readonly approach: string;
  readonly reason: string;
  readonly outcome: RowOutcomeKind;
  /** Why the row matched, lost, or did not match. */
  readonly verdict: string;
}

export interface TableView {
  readonly caption: string;
  readonly rows: readonly TableRowView[];
}

export interface PathOfferView {
  readonly path: PathKey;
  readonly pathName: string;
  /** "plan: enterprise" */
  readonly settings: string;
  readonly recommended: boolean;
}

export interface ApplyView {
  /** "requirements.acceptable_lag: 10m → 30s" */
  readonly changes: readonly string[];
  /** Paths Apply can add (the recommended one checked by default). */
  readonly offers: readonly PathOfferView[];
  readonly canApply: boolean;
  readonly blockedReason?: string;
}

export interface NoticeView {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

/** The design drawn: an SVG element tree (plain data the webview builds with DOM calls) and the same in words. */
export interface DiagramView {
  /** What is drawn, in one sentence (the picture's accessible name). */
  readonly summary: string;
  readonly svg: SvgElement;
  /** The text alternative: each region group, part and link, with the findings drawn on it. */
  readonly items: readonly DescribedItem[];
  /** Findings on no drawn part (requirements, the design as a whole). */
  readonly unattached: number;
}

/** How full one limit is. */
export interface GaugeView {
  readonly id: string;
  readonly label: string;
  /** "60%", rounded down. */
  readonly percent: string;
  readonly level: GaugeLevel;
  /** "1,200,000 rows". */
  readonly value: string;
  /** "3,000,000 rows (stated in the design)", "2 minutes, a historical figure (rule of thumb)". */
  readonly limit: string;
  /** Where the design states the value (1-based). */
  readonly line: number;
  /** The bar with its 50% and 100% marks. */
  readonly bar: SvgElement;
}

export type { DescribedItem, GaugeLevel, SvgElement };

/** Everything the walkthrough panel shows: the webview only renders it. */
export interface WalkthroughState {
  readonly documentUri: string;
  /** The file name, e.g. `integration.yaml`. */
  readonly documentLabel: string;
  /** The design's `name`, else the file name. */
  readonly name: string;
  /** The integration in one sentence, from the answers. */
  readonly statement: string;
  /** Why the document cannot be written to right now (e.g. YAML syntax errors). */
  readonly problems: readonly string[];
  readonly groups: readonly QuestionGroupView[];
  readonly recommendation?: RecommendationView;
  /** Why nothing is recommended yet. */
  readonly noMatch?: string;
  /** Other matching rows that call for another path too (e.g. Canvas for the UI). */
  readonly additional: readonly RecommendationView[];
  /** The design chooses another path than the recommended one. */
  readonly conflict?: { readonly message: string; readonly chosen: readonly PathKey[] };
  readonly table: TableView;
  readonly apply: ApplyView;
  readonly steps: readonly StepView[];
  /** The org's estate the design takes part in (its other designs, the findings that compare them), when it names an org. */
  readonly estate?: EstateView;
  /** The design as the file states it, drawn (the panel's answers are not in it until applied). */
  readonly diagram: DiagramView;
  /** Each limit the design reaches. */
  readonly gauges: readonly GaugeView[];
  /** Set by the client (the outcome of the last Apply); the server never sends one. */
  readonly notice?: NoticeView;
}
