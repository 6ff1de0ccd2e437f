import type { Design, PathKey } from '../model/design';
import { parseModel, type ModelDocument } from '../model/parse';
import type { TextEdit } from '../model/text';
import { validateAgainstSchema } from '../schema/validate';
import { displayAnswer, sameAnswer, yamlScalar } from '../walkthrough/answers';
import { describeSkeleton, connectPlanFor, pathSkeleton } from '../walkthrough/pathSkeletons';
import { QUESTIONS, type AnswerKey } from '../walkthrough/questions';
import { entriesFromPaths, list, map, scalar, writeEntries, type DesiredValue } from '../yamlEdit/entries';
import { decide, decisionInputFromDesign } from './engine';
import { PATH_NAMES } from '../paths';
import type { DecisionInput, DecisionResult, Recommendation } from './types';

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

export interface DecisionApplyOptions {
  /** Paths to add when the design lacks them; by default the recommended path. */
  readonly addPaths?: readonly PathKey[];
  /** The text already parsed and validated (an analysis of it), so it is not parsed again. */
  readonly parsed?: { readonly model: ModelDocument; readonly design: Design | undefined };
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

export function applyDecision(text: string, answers: DecisionInput, options: DecisionApplyOptions = {}): DecisionApplyResult {
  const parsed = options.parsed?.model.text === text ? options.parsed : undefined;
  const model = parsed?.model ?? parseModel(text);
  const design = parsed ? parsed.design : validateAgainstSchema(model.root).design;
  const current = decisionInputFromDesign(design);
  const decision = decide(answers);

  const values: { path: readonly string[]; value: DesiredValue }[] = [];
  const answerChanges: AnswerChange[] = [];
  for (const question of QUESTIONS) {
    const want = answers[question.key];
    if (want === undefined || sameAnswer(want, current[question.key])) continue;
    const value = question.kind === 'callers' ? list(want as readonly string[]) : scalar(yamlScalar(question, want));
    values.push({ path: question.yamlPath, value });
    const had = displayAnswer(question, current[question.key]);
    answerChanges.push({
      key: question.key,
      yamlPath: question.yamlPath.join('.'),
      from: had === null ? undefined : display(had),
      to: display(displayAnswer(question, want)!),
    });
  }

  const chosen = chosenPaths(design);
  const recommended = decision.winner?.row.recommends;
  const wanted = options.addPaths ?? (recommended && recommended !== 'none' ? [recommended] : []);
  const addedPaths: AddedPath[] = [];
  for (const path of wanted) {
    if (chosen.includes(path) || addedPaths.some((a) => a.path === path)) continue;
    const skeleton = pathSkeleton(path, answers);
    values.push({ path: ['paths', path], value: map(skeleton) });
    addedPaths.push({ path, settings: describeSkeleton(skeleton) });
  }

  const written = values.length ? writeEntries(model, entriesFromPaths(values)) : { edits: [], skipped: [] };
  return {
    decision,
    edits: written.edits,
    answerChanges,
    addedPaths,
    skipped: written.skipped,
    conflict: pathConflict(design, decision),
  };
}

/** The paths a design states, in document order. */
export function chosenPaths(design: Design | undefined): PathKey[] {
  const node = design?.paths?.$node;
  if (!node) return [];
  return [...node.entries.keys()].filter((key): key is PathKey => key in PATH_NAMES && key !== 'none');
}

export function pathConflict(design: Design | undefined, decision: DecisionResult): PathConflict | undefined {
  const recommended = decision.winner?.row.recommends;
  const chosen = chosenPaths(design);
  if (!recommended || chosen.length === 0 || (recommended !== 'none' && chosen.includes(recommended))) return undefined;
  const names = chosen.map((p) => `${PATH_NAMES[p]} (paths.${p})`);
  const listText = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
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
