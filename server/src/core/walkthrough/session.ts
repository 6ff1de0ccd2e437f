import { decisionInputFromDesign } from '../decision/engine';
import type { DecisionInput } from '../decision/types';
import type { ModelDocument } from '../model/parse';
import type { TextRange } from '../text';
import type { Analysis } from '../analysis';
import type { PathKey } from '../vocabulary';
import { checkedAnswerValue, displayAnswer, parseAnswer, sameAnswer, type AnswerDisplay } from './answers';
import { isAnswerKey, QUESTIONS_BY_KEY, type AnswerKey } from './questions';
import { evaluateWalkthrough, renderWalkthroughState, type DocumentInfo, type WalkthroughEvaluation } from './viewModel';
import type { NoticeView, WalkthroughAnswers, WalkthroughState } from './views';

type AnswerValue = NonNullable<DecisionInput[AnswerKey]>;

/** A session's answers as plain data (JSON), e.g. to hand it to another process and back. */
export type SessionSnapshot = WalkthroughAnswers;

/** Longest draft text or reason a snapshot may carry (the panel's inputs are short). */
const MAX_SNAPSHOT_TEXT = 4000;

/**
 * One panel's answers for one document. Answers given in the panel stay pending until they
 * are applied or the file comes to state the same value; the file's own answers are re-read
 * on every change, so editing the YAML and answering in the panel both stay live.
 */
export class WalkthroughSession {
  private readonly pending = new Map<AnswerKey, AnswerValue>();
  private readonly drafts = new Map<AnswerKey, { text: string; reason: string }>();
  private notice: NoticeView | undefined;

  /** A session holding a snapshot's answers; entries that are not valid answers are dropped. */
  static fromSnapshot(snapshot: unknown): WalkthroughSession {
    const session = new WalkthroughSession();
    if (typeof snapshot !== 'object' || snapshot === null) return session;
    const { pending, drafts } = snapshot as Record<string, unknown>;
    for (const [key, value] of entriesOf(pending)) {
      const checked = isAnswerKey(key) ? checkedAnswerValue(key, value) : undefined;
      if (checked !== undefined) session.pending.set(key as AnswerKey, checked);
    }
    for (const [key, draft] of entriesOf(drafts)) {
      if (!isAnswerKey(key) || typeof draft !== 'object' || draft === null) continue;
      const { text, reason } = draft as Record<string, unknown>;
      if (typeof text === 'string' && typeof reason === 'string' && text.length <= MAX_SNAPSHOT_TEXT && reason.length <= MAX_SNAPSHOT_TEXT) {
        session.drafts.set(key, { text, reason });
      }
    }
    return session;
  }

  /** The answers as plain data; `fromSnapshot` gives a session with the same answers. */
  snapshot(): SessionSnapshot {
    return { pending: Object.fromEntries(this.pending), drafts: Object.fromEntries(this.drafts) };
  }

  /** Records an answer from the panel; invalid text is kept as a draft with the reason. */
  answer(key: AnswerKey, raw: unknown): void {
    this.notice = undefined;
    if (typeof raw === 'string' && raw.trim() === '') {
      // An emptied field takes back the panel's answer; it never deletes the file's.
      this.pending.delete(key);
      this.drafts.delete(key);
      return;
    }
    const parsed = parseAnswer(key, raw);
    if (parsed.ok) {
      this.pending.set(key, parsed.value);
      this.drafts.delete(key);
    } else {
      this.drafts.set(key, { text: typeof raw === 'string' ? raw : String(raw), reason: parsed.reason });
    }
  }

  discard(): void {
    this.pending.clear();
    this.drafts.clear();
    this.notice = undefined;
  }

  setNotice(notice: NoticeView | undefined): void {
    this.notice = notice;
  }

  /** Pending answers in their display form, for the webview to persist across reloads. */
  persisted(): Record<string, AnswerDisplay> {
    const out: Record<string, AnswerDisplay> = {};
    for (const [key, value] of this.pending) out[key] = displayAnswer(QUESTIONS_BY_KEY.get(key)!, value);
    return out;
  }

  /** Restores persisted answers; anything that does not parse is dropped. */
  restore(saved: unknown): void {
    if (typeof saved !== 'object' || saved === null) return;
    for (const [key, raw] of Object.entries(saved)) {
      if (!isAnswerKey(key)) continue;
      const parsed = parseAnswer(key, raw);
      if (parsed.ok) this.pending.set(key, parsed.value);
    }
  }

  hasPending(): boolean {
    return this.pending.size > 0;
  }

  /**
   * The walkthrough for this analysis of the document with the panel's answers; pending
   * answers the file now states are dropped first. The panel's view and Apply both read it.
   */
  evaluate(analysis: Analysis): WalkthroughEvaluation {
    const fileInput = decisionInputFromDesign(analysis.design);
    for (const [key, value] of this.pending) if (sameAnswer(value, fileInput[key])) this.pending.delete(key);
    return evaluateWalkthrough(analysis, { pending: this.pending, drafts: this.drafts }, fileInput);
  }

  /** The state for the panel. */
  view(analysis: Analysis, doc: DocumentInfo): WalkthroughState {
    return renderWalkthroughState(this.evaluate(analysis), doc, this.notice);
  }

  /** After a successful apply the file states every answer: nothing is pending. */
  applied(notice: NoticeView): void {
    this.pending.clear();
    this.drafts.clear();
    this.notice = notice;
  }
}

/** Where `paths.<path>` is written (key and value), to show it in the editor. */
export function pathRange(model: ModelDocument, path: PathKey): TextRange | undefined {
  const { root, text } = model;
  const paths = root?.kind === 'map' ? root.entries.get('paths') : undefined;
  const node = paths?.kind === 'map' ? paths.entries.get(path) : undefined;
  const range = node ? node.pairRange ?? node.range : undefined;
  if (!range) return undefined;
  // A block mapping's range runs on to the next line: select only up to its last character.
  let end = range.end;
  while (end > range.start && /\s/.test(text[end - 1])) end--;
  return { start: range.start, end };
}

function entriesOf(value: unknown): [string, unknown][] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.entries(value) : [];
}
