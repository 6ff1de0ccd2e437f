// The decision walkthrough's view types are the core's own (types only: nothing of the core
// reaches a client bundle through this file).
export type {
  AnswerDisplay, AnswerValue, ApplyView, DescribedItem, DiagramView, FactView, FindingView, GaugeLevel, GaugeView, SvgElement, NoticeView, PathOfferView, QuestionGroupView, QuestionKind,
  QuestionView, RawAnswer, RecommendationView, RowOutcomeKind, StepView, TableRowView, TableView, WalkthroughAnswers, WalkthroughState,
} from '../core/walkthrough/views';
export type { AnswerKey, ArtifactKind, PathKey, Recommendation } from '../core/vocabulary';
export type { EstateView, EstateAllocationView, EstateFindingView, EstateMemberView, EstateShareView } from '../core/estate/view';
