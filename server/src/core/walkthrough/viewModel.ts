import { decide, decisionInputFromDesign } from '../decision/engine';
import { PATH_NAMES } from '../vocabulary';
import type { DecisionInput, DecisionResult, RowOutcome } from '../decision/types';
import { chosenPaths } from '../model/design';
import { SYNTAX_RULE_IDS } from '../model/parse';
import type { Analysis } from '../analysis';
import { pathConflict, planAnswers, writeApply, type AnswerPlan, type DecisionApplyResult, type PathConflict } from './apply';
import { displayAnswer, sameAnswer } from './answers';
import { describeSkeleton, pathSkeleton } from './pathSkeletons';
import { QUESTION_GROUPS, QUESTIONS, questionHint, questionOptions, type AnswerKey } from './questions';
import { diagramView, gaugeViews } from './pictures';
import { buildSteps } from './steps';
import type { PathKey } from '../vocabulary';
import type { ApplyView, NoticeView, PathOfferView, QuestionGroupView, RecommendationView, RowOutcomeKind, TableRowView, WalkthroughState } from './views';

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

/**
 * The walkthrough worked out once for a document's analysis and a panel's answers: the
 * decision, what Apply would write, the paths it can add. The panel's view and Apply's edits
 * are both read from it, so one request decides once and parses nothing.
 */
export interface WalkthroughEvaluation {
  readonly analysis: Analysis;
  readonly answers: PanelAnswers;
  /** What the file states. */
  readonly fileInput: DecisionInput;
  /** The file's answers with the panel's laid over them. */
  readonly input: DecisionInput;
  readonly decision: DecisionResult;
  /** Why Apply cannot write now (e.g. YAML syntax errors); empty when it can. */
  readonly problems: readonly string[];
  /** The answers Apply would write (none while there are problems). */
  readonly answerPlan: AnswerPlan;
  readonly offers: readonly PathOfferView[];
}

export function evaluateWalkthrough(analysis: Analysis, answers: PanelAnswers, fileInput: DecisionInput = decisionInputFromDesign(analysis.design)): WalkthroughEvaluation {
  const input = effectiveAnswers(fileInput, answers.pending);
  // Without pending answers the decision is the file's, which the analysis already made.
  const decision = answers.pending.size > 0 ? decide(input) : analysis.decision;
  const problems = blockingProblems(analysis.findings.map((f) => f.ruleId));
  const answerPlan = problems.length ? { changes: [], values: [] } : planAnswers(analysis.design, input, fileInput);
  const offers = pathOffers(decision, chosenPaths(analysis.design), input);
  return { analysis, answers, fileInput, input, decision, problems, answerPlan, offers };
}

/** The edits Apply makes: every answer in effect, and those of `paths` the walkthrough offers. */
export function applyWalkthrough(evaluation: WalkthroughEvaluation, paths: readonly PathKey[]): DecisionApplyResult {
  const offered = new Set(evaluation.offers.map((o) => o.path));
  return writeApply(evaluation.analysis, evaluation.input, evaluation.answerPlan, evaluation.decision, paths.filter((p) => offered.has(p)));
}

export function renderWalkthroughState(evaluation: WalkthroughEvaluation, doc: DocumentInfo, notice?: NoticeView): WalkthroughState {
  const { analysis, answers, fileInput, input, decision, problems } = evaluation;
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
    apply: applyView(evaluation),
    steps: buildSteps(analysis.design, decision, analysis.findings, analysis.model.lines),
    diagram: diagramView(analysis, doc.label),
    gauges: gaugeViews(analysis),
    notice,
  };
}

/** What Apply would write, and whether it can. */
export function applyView(evaluation: WalkthroughEvaluation): ApplyView {
  const { problems, offers } = evaluation;
  const changes = evaluation.answerPlan.changes.map((c) => `${c.yamlPath}: ${c.from === undefined ? '(not stated)' : c.from} → ${c.to}`);
  const canApply = problems.length === 0 && (changes.length > 0 || offers.length > 0);
  return {
    changes, offers, canApply,
    blockedReason: problems.length ? problems[0] : canApply ? undefined : 'The file already states these answers and has the recommended path.',
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
