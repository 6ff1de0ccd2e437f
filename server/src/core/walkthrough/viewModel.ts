import { applyDecision, chosenPaths, pathConflict, type DecisionApplyResult, type PathConflict } from '../decision/apply';
import { decide, decisionInputFromDesign } from '../decision/engine';
import { PATH_NAMES } from '../paths';
import type { DecisionInput, DecisionResult, Recommendation, RowOutcome } from '../decision/types';
import type { PathKey } from '../model/design';
import { SYNTAX_RULE_IDS } from '../model/parse';
import { analyze, type Analysis } from '../rules/engine';
import { displayAnswer, sameAnswer, type AnswerDisplay } from './answers';
import { describeSkeleton, pathSkeleton } from './pathSkeletons';
import { QUESTION_GROUPS, QUESTIONS, questionHint, questionOptions, type AnswerKey, type QuestionGroupId, type QuestionKind } from './questions';
import { buildSteps, type StepView } from './steps';

/**
 * Everything the walkthrough panel shows, as plain data. The extension host builds it from
 * the document text and the answers given in the panel; the webview only renders it.
 */
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
  readonly notice?: NoticeView;
}

export interface QuestionGroupView {
  readonly id: QuestionGroupId;
  readonly legend: string;
  readonly questions: readonly QuestionView[];
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

export type RowOutcomeKind = 'decides' | 'also-matches' | 'superseded' | 'no-match';

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

export interface PanelAnswers {
  /** Answers given in the panel and not yet in the file. */
  readonly pending: ReadonlyMap<AnswerKey, NonNullable<DecisionInput[AnswerKey]>>;
  /** Invalid text typed in the panel, with the reason. */
  readonly drafts: ReadonlyMap<AnswerKey, { readonly text: string; readonly reason: string }>;
}

export interface DocumentInfo {
  readonly uri: string;
  readonly label: string;
}

/** The panel's answers laid over the file's. */
export function effectiveAnswers(fileInput: DecisionInput, pending: PanelAnswers['pending']): DecisionInput {
  const merged: Record<string, unknown> = { ...fileInput };
  for (const [key, value] of pending) merged[key] = value;
  return merged as DecisionInput;
}

/** `analysis`: the text's analysis (default severities), when the caller already has one. */
export function buildWalkthroughState(text: string, doc: DocumentInfo, answers: PanelAnswers, notice?: NoticeView, analysis: Analysis = analyze(text)): WalkthroughState {
  const fileInput = decisionInputFromDesign(analysis.design);
  const input = effectiveAnswers(fileInput, answers.pending);
  const decision = decide(input);
  const problems = blockingProblems(analysis.findings.map((f) => f.ruleId));

  const groups: QuestionGroupView[] = QUESTION_GROUPS.map((group) => ({
    id: group.id,
    legend: group.legend,
    questions: QUESTIONS.filter((q) => q.group === group.id).map((q) => {
      const draft = answers.drafts.get(q.key);
      const pendingValue = answers.pending.get(q.key);
      return {
        key: q.key, label: q.label, hint: questionHint(q), kind: q.kind, example: q.example,
        yamlPath: q.yamlPath.join('.'),
        options: questionOptions(q),
        value: displayAnswer(q, input[q.key]),
        fileValue: displayAnswer(q, fileInput[q.key]),
        pending: pendingValue !== undefined && !sameAnswer(pendingValue, fileInput[q.key]),
        draft: draft?.text, error: draft?.reason,
      };
    }),
  }));

  const plan: DecisionApplyResult | undefined = problems.length ? undefined : applyDecision(text, input, { addPaths: [], parsed: analysis });
  const offers = pathOffers(decision, chosenPaths(analysis.design), input);
  const changes = (plan?.answerChanges ?? []).map((c) => `${c.yamlPath}: ${c.from === undefined ? '(not stated)' : c.from} → ${c.to}`);
  const canApply = problems.length === 0 && (changes.length > 0 || offers.length > 0);

  return {
    documentUri: doc.uri,
    documentLabel: doc.label,
    name: analysis.design?.name?.value || doc.label,
    statement: decision.statement,
    problems,
    groups,
    recommendation: decision.winner ? recommendationView(decision.winner, decision) : undefined,
    noMatch: decision.winner ? undefined : 'No row of the decision table matches these answers yet. Each row below says what it is missing.',
    additional: decision.additional.map((r) => recommendationView(r)),
    conflict: conflictView(pathConflict(analysis.design, decision)),
    table: {
      caption: 'The decision table, walked top to bottom: the first match wins, unless a more specific row (volume or latency) or a decisive one takes precedence.',
      rows: decision.rows.map((r, i) => rowView(r, i, decision)),
    },
    apply: {
      changes, offers, canApply,
      blockedReason: problems.length ? problems[0] : canApply ? undefined : 'The file already states these answers and has the recommended path.',
    },
    steps: buildSteps(analysis.design, decision, analysis.findings, analysis.model.lines),
    notice,
  };
}

/** Paths Apply can add: the recommended one, then other needs' paths, if the design lacks them. */
function pathOffers(decision: DecisionResult, chosen: readonly PathKey[], input: DecisionInput): PathOfferView[] {
  const offers: PathOfferView[] = [];
  const candidates = [decision.winner, ...decision.additional].filter((r): r is RowOutcome => r !== undefined);
  for (const outcome of candidates) {
    const path = outcome.row.recommends;
    if (path === 'none' || chosen.includes(path) || offers.some((o) => o.path === path)) continue;
    offers.push({ path, pathName: PATH_NAMES[path], settings: describeSkeleton(pathSkeleton(path, input)), recommended: outcome === decision.winner });
  }
  return offers;
}

function conflictView(conflict: PathConflict | undefined): WalkthroughState['conflict'] {
  return conflict ? { message: conflict.message, chosen: conflict.chosen } : undefined;
}

function recommendationView(outcome: RowOutcome, decision?: DecisionResult): RecommendationView {
  const row = outcome.row;
  return {
    rowId: row.id, path: row.recommends, pathName: PATH_NAMES[row.recommends], approach: row.approach,
    situation: row.situation, reason: row.reason, whyNot: row.whyNotAlternative,
    planTier: decision?.planTier, planReason: decision?.planReason,
  };
}

function rowView(outcome: RowOutcome, index: number, decision: DecisionResult): TableRowView {
  const winner = decision.winner;
  let kind: RowOutcomeKind = 'no-match';
  if (outcome === winner) kind = 'decides';
  else if (outcome.matched) kind = winner && (winner.row.decisive || winner.row.recommends === outcome.row.recommends) ? 'superseded' : 'also-matches';
  return {
    id: outcome.row.id, number: index + 1, situation: outcome.row.situation, approach: outcome.row.approach,
    reason: outcome.row.reason, outcome: kind, verdict: outcome.verdict,
  };
}

/** Reasons not to write into the document: edits placed on a broken parse could land anywhere. */
function blockingProblems(ruleIds: readonly string[]): string[] {
  const syntax = ruleIds.filter((id) => id === SYNTAX_RULE_IDS.syntax || id === SYNTAX_RULE_IDS.tooLarge || id === SYNTAX_RULE_IDS.multipleDocuments).length;
  if (syntax === 0) return [];
  return [`The file has ${syntax} YAML problem${syntax === 1 ? '' : 's'} (see the Problems panel). Fix ${syntax === 1 ? 'it' : 'them'} before applying: answers are read from what could be parsed.`];
}
