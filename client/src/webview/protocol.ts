// The messages between the extension host and the decision walkthrough webview, used by both
// sides. Type-only imports of the core: the webview bundle carries no core code.
import type { PathKey } from '../../../server/src/core/model/design';
import type { AnswerDisplay, RawAnswer } from '../../../server/src/core/walkthrough/answers';
import type { AnswerKey } from '../../../server/src/core/walkthrough/questions';
import type { WalkthroughState } from '../../../server/src/core/walkthrough/viewModel';

export type { AnswerDisplay, AnswerKey, PathKey, RawAnswer, WalkthroughState };
export type { FactView, FindingView, StepView } from '../../../server/src/core/walkthrough/steps';
export type { PathOfferView, QuestionGroupView, QuestionView, RecommendationView, TableRowView } from '../../../server/src/core/walkthrough/viewModel';

export const WALKTHROUGH_VIEW_TYPE = 'integrationDesigner.decisionWalkthrough';
export const OPEN_WALKTHROUGH_COMMAND = 'integrationDesigner.openDecisionWalkthrough';

/** What the webview keeps with getState/setState, so the panel comes back after a reload. */
export interface PersistedState {
  readonly documentUri: string;
  /** Answers given in the panel and not applied yet. */
  readonly answers: Readonly<Record<string, AnswerDisplay>>;
}

/** Host → webview. */
export type HostMessage =
  | { readonly type: 'state'; readonly state: WalkthroughState; readonly persist: PersistedState; readonly version: number }
  | { readonly type: 'unavailable'; readonly message: string; readonly persist: PersistedState };

/** Webview → host. Every one is validated by the host (messages.ts) before use. */
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'answer'; readonly key: AnswerKey; readonly value: RawAnswer }
  | { readonly type: 'discard' }
  | { readonly type: 'apply'; readonly addPaths: readonly PathKey[] }
  | { readonly type: 'openSource'; readonly factId: string }
  | { readonly type: 'revealLine'; readonly line: number }
  | { readonly type: 'revealPath'; readonly path: PathKey }
  /** Sent after each render: what the page shows (title, recommendation, whether the stylesheet applied), for tests. */
  | { readonly type: 'rendered'; readonly version: number; readonly title: string; readonly recommendation: string; readonly styled: boolean };
