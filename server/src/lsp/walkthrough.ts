import { ErrorCodes, ResponseError } from './lspLibrary';
import { pathRange, WalkthroughSession } from '../core/walkthrough/session';
import { isAnswerKey } from '../core/walkthrough/questions';
import { toRange, toTextEdit } from './convert';
import type { DesignTexts } from './designDocument';
import {
  PATH_KEYS,
  type LspRange, type PathKey, type WalkthroughApplyEditsParams, type WalkthroughApplyEditsResult,
  type WalkthroughPathRangeParams, type WalkthroughState, type WalkthroughStateParams, type WalkthroughStateResult,
} from './protocol';

/**
 * The decision walkthrough's requests. The server keeps no panel state: each request brings
 * the panel's answers (as the previous response returned them) and gets them back updated.
 */
export async function walkthroughState(designs: DesignTexts, params: WalkthroughStateParams): Promise<WalkthroughStateResult> {
  const design = await designs.get(params);
  const session = WalkthroughSession.fromSnapshot(params.answers);
  if (params.restore !== undefined) session.restore(params.restore);
  for (const change of Array.isArray(params.changes) ? params.changes : []) {
    if (isAnswerKey(change?.key)) session.answer(change.key, change.value);
  }
  // The core's view types are the protocol's: a drift between them fails to compile here.
  const state: WalkthroughState = session.view(design.text, { uri: params.uri, label: labelOf(params) }, design.analysis);
  return { state, answers: session.snapshot(), persisted: session.persisted() };
}

/** The edits Apply makes on exactly this text: every answer in effect, and the offered paths asked for. */
export async function walkthroughApplyEdits(designs: DesignTexts, params: WalkthroughApplyEditsParams): Promise<WalkthroughApplyEditsResult> {
  if (!Number.isSafeInteger(params.version)) throw new ResponseError(ErrorCodes.InvalidParams, 'applyEdits needs the version the edits are for.');
  const design = await designs.get(params);
  const session = WalkthroughSession.fromSnapshot(params.answers);
  const state = session.view(design.text, { uri: params.uri, label: labelOf(params) }, design.analysis);
  if (!state.apply.canApply) return { status: 'blocked', reason: state.apply.blockedReason };
  // Only paths the walkthrough offers: a request cannot make Apply add anything else.
  const offered = new Set(state.apply.offers.map((o) => o.path));
  const paths = Array.isArray(params.paths) ? params.paths.filter((p) => offered.has(p)) : [];
  const plan = session.plan(design.text, paths, design.analysis);
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
export async function walkthroughPathRange(designs: DesignTexts, params: WalkthroughPathRangeParams): Promise<LspRange | null> {
  if (!(PATH_KEYS as readonly unknown[]).includes(params.path)) return null;
  const design = await designs.get(params);
  const range = pathRange(design.text, params.path as PathKey, design.analysis.model);
  return range ? toRange(design.analysis.model.lines, range) : null;
}

function labelOf(params: { uri: string; label?: unknown }): string {
  return typeof params.label === 'string' && params.label !== '' ? params.label : params.uri;
}
