import { listWords } from '../format/suggest';
import { decide, decisionInputFromDesign } from '../decision/engine';
import { PATH_NAMES } from '../vocabulary';
import type { DecisionInput, DecisionResult, Recommendation } from '../decision/types';
import { chosenPaths, type Design, type PathKey } from '../model/design';
import type { ModelDocument } from '../model/parse';
import type { TextEdit } from '../text';
import { displayAnswer, sameAnswer, yamlScalar } from './answers';
import { describeSkeleton, connectPlanFor, pathSkeleton } from './pathSkeletons';
import { QUESTIONS, type AnswerKey } from './questions';
import { entriesFromPaths, list, map, scalar, writeEntries, type DesiredValue } from '../yamlEdit/entries';

/**
 * Writes a walkthrough's outcome back into integration.yaml: the answers into
 * `requirements` (and `environment`), and the recommended path under `paths`. Only keys
 * whose value changes are touched, comments and formatting stay, and the edits form one
 * WorkspaceEdit (one undo step). A path the user already has is never rewritten or removed.
 */
export interface AnswerChange {
  readonly key: AnswerKey;
  /** `requirements.acceptable_lag` */
  readonly yamlPath: string;
  /** The value as the file states it now, if it does. */
  readonly from?: string;
  readonly to: string;
}

export interface AddedPath {
  readonly path: PathKey;
  /** "plan: enterprise" */
  readonly settings: string;
}

/** The design chooses paths and none of them is the recommended one. */
export interface PathConflict {
  readonly chosen: readonly PathKey[];
  readonly recommended: Recommendation;
  readonly message: string;
}

/** A document already parsed and validated (an analysis of it): Apply never parses again. */
export interface ParsedDesign {
  readonly model: ModelDocument;
  readonly design: Design | undefined;
}

export interface DecisionApplyOptions {
  /** Paths to add when the design lacks them; by default the recommended path. */
  readonly addPaths?: readonly PathKey[];
}

export interface DecisionApplyResult {
  /** The decision the answers lead to. */
  readonly decision: DecisionResult;
  readonly edits: readonly TextEdit[];
  readonly answerChanges: readonly AnswerChange[];
  readonly addedPaths: readonly AddedPath[];
  /** What could not be written, and why. */
  readonly skipped: readonly string[];
  readonly conflict?: PathConflict;
}

/** The answers that differ from what the design states: what Apply would write, before any edit is made. */
export interface AnswerPlan {
  readonly changes: readonly AnswerChange[];
  readonly values: readonly { readonly path: readonly string[]; readonly value: DesiredValue }[];
}

export function planAnswers(design: Design | undefined, answers: DecisionInput, current: DecisionInput = decisionInputFromDesign(design)): AnswerPlan {
  const values: { path: readonly string[]; value: DesiredValue }[] = [];
  const changes: AnswerChange[] = [];
  for (const question of QUESTIONS) {
    const want = answers[question.key];
    if (want === undefined || sameAnswer(want, current[question.key])) continue;
    const value = question.kind === 'callers' ? list(want as readonly string[]) : scalar(yamlScalar(question, want));
    values.push({ path: question.yamlPath, value });
    const had = displayAnswer(question, current[question.key]);
    changes.push({
      key: question.key,
      yamlPath: question.yamlPath.join('.'),
      from: had === null ? undefined : display(had),
      to: display(displayAnswer(question, want)!),
    });
  }
  return { changes, values };
}

/**
 * The edits Apply makes: the planned answers, and a skeleton for each path to add that the
 * design lacks. `decision` is the one the answers lead to (the caller has it already).
 */
export function writeApply(parsed: ParsedDesign, answers: DecisionInput, plan: AnswerPlan, decision: DecisionResult, addPaths: readonly PathKey[]): DecisionApplyResult {
  const chosen = chosenPaths(parsed.design);
  const values = [...plan.values];
  const addedPaths: AddedPath[] = [];
  for (const path of addPaths) {
    if (chosen.includes(path) || addedPaths.some((a) => a.path === path)) continue;
    const skeleton = pathSkeleton(path, answers);
    values.push({ path: ['paths', path], value: map(skeleton) });
    addedPaths.push({ path, settings: describeSkeleton(skeleton) });
  }
  const written = values.length ? writeEntries(parsed.model, entriesFromPaths(values)) : { edits: [], skipped: [] };
  return {
    decision,
    edits: written.edits,
    answerChanges: plan.changes,
    addedPaths,
    skipped: written.skipped,
    conflict: pathConflict(parsed.design, decision),
  };
}

/** Answers and paths written into a parsed design in one go (by default the recommended path is added). */
export function applyDecision(parsed: ParsedDesign, answers: DecisionInput, options: DecisionApplyOptions = {}): DecisionApplyResult {
  const decision = decide(answers);
  const recommended = decision.winner?.row.recommends;
  const addPaths = options.addPaths ?? (recommended && recommended !== 'none' ? [recommended] : []);
  return writeApply(parsed, answers, planAnswers(parsed.design, answers), decision, addPaths);
}

export function pathConflict(design: Design | undefined, decision: DecisionResult): PathConflict | undefined {
  const recommended = decision.winner?.row.recommends;
  const chosen = chosenPaths(design);
  if (!recommended || chosen.length === 0 || (recommended !== 'none' && chosen.includes(recommended))) return undefined;
  const names = chosen.map((p) => `${PATH_NAMES[p]} (paths.${p})`);
  const listText = listWords(names, 'and');
  const message = recommended === 'none'
    ? `The design chooses ${listText}, but the decision table recommends none of the Heroku paths: ${decision.winner!.row.reason} Nothing is removed for you: delete the path yourself if you agree.`
    : `The design chooses ${listText}, but the decision table recommends ${PATH_NAMES[recommended]}. Apply can add paths.${recommended} next to it; nothing is removed for you: delete the other path yourself if you no longer need it.`;
  return { chosen, recommended, message };
}

/** The plan tier the design states for Connect, when it differs from the decision's. */
export function planMismatch(design: Design | undefined, decision: DecisionResult): { stated: string; recommended: string } | undefined {
  const stated = design?.paths?.heroku_connect?.plan?.value;
  if (!stated || decision.winner?.row.recommends !== 'heroku_connect') return undefined;
  const recommended = decision.planTier ?? connectPlanFor(decision.input);
  return stated === recommended ? undefined : { stated, recommended };
}

function display(value: string | boolean | readonly string[]): string {
  if (Array.isArray(value)) return `[${value.join(', ')}]`;
  return String(value);
}
