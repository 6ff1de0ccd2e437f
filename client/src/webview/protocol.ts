// The messages between the extension host and the decision walkthrough webview, used by both
// sides. The state is the language server's (its protocol's plain data types): neither the
// extension host nor the webview bundle carries any core code.
import type { AnswerDisplay, AnswerKey, PathKey, RawAnswer, WalkthroughState } from '../../../server/src/protocol';

export type { AnswerDisplay, AnswerKey, PathKey, RawAnswer, WalkthroughState };
export type {
  DescribedItem, DiagramView, EstateAllocationView, EstateView, FactView, FindingView, GaugeView, SvgElement, PathOfferView, QuestionGroupView, QuestionView, RecommendationView, StepView, TableRowView,
} from '../../../server/src/protocol';

export { SVG_ATTRIBUTE, SVG_TAGS } from '../../../server/src/protocol';

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
  /**
   * Sent after each render: what the page shows (title, recommendation, whether the stylesheet
   * applied, the drawn diagram's accessible name, how many gauges), for tests.
   */
  | { readonly type: 'rendered'; readonly version: number; readonly title: string; readonly recommendation: string; readonly styled: boolean; readonly diagram: string; readonly gauges: number };
