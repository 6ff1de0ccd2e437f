import { ErrorCodes, ResponseError } from './lspLibrary';
import { pathRange, WalkthroughSession } from '../core/walkthrough/session';
import { applyView, applyWalkthrough } from '../core/walkthrough/viewModel';
import { isAnswerKey, isPathKey } from '../core/vocabulary';
import { toRange, toTextEdit } from './convert';
import type { DesignTexts } from './designDocument';
import type { EstateIndex } from './estateIndex';
import type {
  LspRange, WalkthroughApplyEditsParams, WalkthroughApplyEditsResult, WalkthroughPathRangeParams, WalkthroughStateParams, WalkthroughStateResult,
} from '../protocol';

/**
 * The decision walkthrough's requests. The server keeps no panel state: each request brings
 * the panel's answers (as the previous response returned them) and gets them back updated.
 */
export function walkthroughState(designs: DesignTexts, params: WalkthroughStateParams, estate?: EstateIndex): WalkthroughStateResult {
  const design = designs.get(params);
  const session = WalkthroughSession.fromSnapshot(params.answers);
  if (params.restore !== undefined) session.restore(params.restore);
  for (const change of Array.isArray(params.changes) ? params.changes : []) {
    if (isAnswerKey(change?.key)) session.answer(change.key, change.value);
  }
  const view = session.view(design.analysis, { uri: params.uri, label: labelOf(params) });
  // What the design takes part in: its org's other designs and the findings that compare them.
  const across = estate?.viewOf(params.uri);
  const state = across ? { ...view, estate: across } : view;
  return { state, answers: session.snapshot(), persisted: session.persisted() };
}

/** The edits Apply makes on exactly this text: every answer in effect, and the offered paths asked for. */
export function walkthroughApplyEdits(designs: DesignTexts, params: WalkthroughApplyEditsParams): WalkthroughApplyEditsResult {
  if (!Number.isSafeInteger(params.version)) throw new ResponseError(ErrorCodes.InvalidParams, 'applyEdits needs the version the edits are for.');
  const design = designs.get(params);
  // One evaluation serves both the check and the edits: the decision is made once.
  const evaluation = WalkthroughSession.fromSnapshot(params.answers).evaluate(design.analysis);
  const status = applyView(evaluation);
  if (!status.canApply) return { status: 'blocked', reason: status.blockedReason };
  // Only paths the walkthrough offers: a request cannot make Apply add anything else.
  const plan = applyWalkthrough(evaluation, Array.isArray(params.paths) ? params.paths.filter(isPathKey) : []);
  if (plan.edits.length === 0) return { status: 'unchanged' };
  const lines = design.analysis.model.lines;
  return {
    status: 'edits',
    version: params.version,
    edits: plan.edits.map((e) => toTextEdit(lines, e)),
    answerChanges: plan.answerChanges.length,
    addedPaths: plan.addedPaths.map((p) => p.path),
    skipped: plan.skipped,
  };
}

/** Where `paths.<path>` is written, to show it in the editor. */
export function walkthroughPathRange(designs: DesignTexts, params: WalkthroughPathRangeParams): LspRange | null {
  if (!isPathKey(params.path)) return null;
  const design = designs.get(params);
  const range = pathRange(design.analysis.model, params.path);
  return range ? toRange(design.analysis.model.lines, range) : null;
}

function labelOf(params: { uri: string; label?: unknown }): string {
  return typeof params.label === 'string' && params.label !== '' ? params.label : params.uri;
}
