/**
 * Names and shapes the language server shares with its clients (the VS Code extension,
 * other editors, the protocol tests). Plain data only: clients can import this file
 * without pulling in the server.
 */

/** `source` of every diagnostic this server publishes. */
export const DIAGNOSTIC_SOURCE = 'integration-lint';

/** The settings section (`integrationDesigner.rules`, `integrationDesigner.validate`). */
export const SETTINGS_SECTION = 'integrationDesigner';

/** Server-implemented command (workspace/executeCommand): opens a rule's documentation. Argument: the rule id. */
export const SHOW_RULE_DOCUMENTATION_COMMAND = 'integrationDesigner.showRuleDocumentation';

/** Source action applying every fix that does not overlap another. */
export const FIX_ALL_KIND = 'source.fixAll.integrationDesigner';

/** Notification sent after each publish of diagnostics, for a language status item. */
export const STATUS_NOTIFICATION = 'integrationDesigner/status';

export interface StatusParams {
  readonly uri: string;
  readonly version: number;
  readonly counts: { readonly error: number; readonly warning: number; readonly info: number; readonly hint: number };
  /** How long analysing this version took (parse, schema, rules), in milliseconds. */
  readonly validationMs: number;
}

export type RuleSeveritySetting = 'off' | 'error' | 'warning' | 'info' | 'hint' | 'default';
export type ValidateSetting = 'onType' | 'onSave';

/** The `integrationDesigner` settings section as the server reads it. */
export interface IntegrationDesignerSettings {
  /** Per-rule severity: `{ "<rule-id>": "off" | "error" | "warning" | "info" | "hint" | "default" }`. */
  readonly rules?: Readonly<Record<string, RuleSeveritySetting>>;
  /** Validate as you type (default) or only when the file is opened or saved. */
  readonly validate?: ValidateSetting;
}

/** `Diagnostic.data`: what code actions need, so they never read messages. */
export interface DiagnosticData {
  readonly ruleId: string;
  /** The document version the diagnostic (and its fix edits) was computed for. */
  readonly version: number;
  readonly fix?: {
    readonly title: string;
    /** LSP text edits on that version. */
    readonly edits: readonly { readonly range: { start: { line: number; character: number }; end: { line: number; character: number } }; readonly newText: string }[];
  };
}

// ─── Custom requests ────────────────────────────────────────────────────────────────────
// The VS Code client computes nothing about a design itself: the decision walkthrough and the
// Generate commands ask the server with these requests. Each names a design document; the
// server uses its synced copy (and cached analysis) when it has exactly that text, else the
// text sent with the request. Analyses for these requests use the default severities (never
// an editor's settings), as the CLI does, so a rule turned off cannot hide a syntax error from
// Apply and the artifacts are the same everywhere.

/** An LSP position/range/edit (UTF-16 code units), declared here so clients need no LSP types. */
export interface LspPosition { readonly line: number; readonly character: number }
export interface LspRange { readonly start: LspPosition; readonly end: LspPosition }
export interface LspTextEdit { readonly range: LspRange; readonly newText: string }

/** The design document a request is about. */
export interface DesignDocumentParams {
  readonly uri: string;
  /** The editor's version of `text`. */
  readonly version?: number;
  /** The document's text, for when the server has no synced copy of it (closed, unsaved elsewhere, another scheme). */
  readonly text?: string;
}

/**
 * The walkthrough's questions by key (the decision table's inputs), and the integration paths.
 * The core defines them (walkthrough/questions.ts, decision/table.ts); these copies let the
 * client check webview messages without the core, and a unit test keeps them identical.
 */
export const ANSWER_KEYS = [
  'environment', 'direction', 'sourceOfTruth', 'herokuNeedsLocalCopy', 'acceptableLag', 'rows', 'eventsPerDay',
  'salesforceUsersViewHerokuData', 'callers', 'synchronousCalls', 'herokuReactsToSalesforceChanges',
  'herokuNeedsOccasionalSalesforceData', 'uiEmbeddedInSalesforce', 'crossOrgPassthrough', 'regulatedData',
] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];

export const PATH_KEYS = ['heroku_connect', 'heroku_applink', 'external_objects', 'platform_events', 'rest_api', 'apex_callout', 'canvas'] as const;
export type PathKey = (typeof PATH_KEYS)[number];
/** A decision table row's path; 'none' when no Heroku path fits. */
export type Recommendation = PathKey | 'none';

/** An answer as the panel sends it: text for durations and counts, booleans, lists of callers. */
export type RawAnswer = string | boolean | readonly string[];
/** An answer as the panel shows it. */
export type AnswerDisplay = string | boolean | readonly string[] | null;
/** A checked answer: durations in milliseconds, counts as numbers. */
export type AnswerValue = string | number | boolean | readonly string[];

/**
 * The answers a walkthrough panel holds, as plain data: the client keeps what the server
 * returned and sends it back with the next request, so the server keeps no panel state
 * (a restarted server loses nothing).
 */
export interface WalkthroughAnswers {
  /** Answers given in the panel that the file does not state yet. */
  readonly pending: Readonly<Partial<Record<AnswerKey, AnswerValue>>>;
  /** Text typed in the panel that is not a valid answer, with the reason. */
  readonly drafts: Readonly<Partial<Record<AnswerKey, { readonly text: string; readonly reason: string }>>>;
}

export interface FactView {
  readonly id: string;
  readonly title: string;
  /** "10,000 rows"; empty for qualitative facts. */
  readonly value: string;
  readonly statement: string;
  readonly sourceTitle: string;
  readonly sourceUrl: string;
  readonly confirmed: boolean;
  /** The rule-of-thumb note for unconfirmed facts, and the fact's caveat. */
  readonly note?: string;
}

export interface FindingView {
  readonly ruleId: string;
  readonly severity: string;
  readonly message: string;
  /** 1-based line, for "line 12". */
  readonly line: number;
}

export interface StepView {
  readonly id: 'plan' | 'users' | 'regions';
  readonly title: string;
  /** Sentences about this design. */
  readonly lines: readonly string[];
  readonly facts: readonly FactView[];
  readonly findings: readonly FindingView[];
}

export interface QuestionView {
  readonly key: AnswerKey;
  readonly label: string;
  /** The schema's description of the key. */
  readonly hint: string;
  readonly kind: 'choice' | 'yes-no' | 'duration' | 'count' | 'callers';
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

export interface QuestionGroupView {
  readonly id: 'environment' | 'data' | 'freshness' | 'calls' | 'reactions' | 'boundaries';
  readonly legend: string;
  readonly questions: readonly QuestionView[];
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

export interface TableRowView {
  readonly id: string;
  readonly number: number;
  readonly situation: string;
  readonly approach: string;
  readonly reason: string;
  readonly outcome: 'decides' | 'also-matches' | 'superseded' | 'no-match';
  /** Why the row matched, lost, or did not match. */
  readonly verdict: string;
}

export interface PathOfferView {
  readonly path: PathKey;
  readonly pathName: string;
  /** "plan: enterprise" */
  readonly settings: string;
  readonly recommended: boolean;
}

export interface NoticeView {
  readonly kind: 'info' | 'error';
  readonly text: string;
}

/** Everything the walkthrough panel shows, as plain data (the webview only renders it). */
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
  readonly table: { readonly caption: string; readonly rows: readonly TableRowView[] };
  readonly apply: {
    /** "requirements.acceptable_lag: 10m → 30s" */
    readonly changes: readonly string[];
    /** Paths Apply can add (the recommended one checked by default). */
    readonly offers: readonly PathOfferView[];
    readonly canApply: boolean;
    readonly blockedReason?: string;
  };
  readonly steps: readonly StepView[];
  /** Set by the client (the outcome of the last Apply); the server never sends one. */
  readonly notice?: NoticeView;
}

/** `integrationDesigner/walkthrough/state`: the panel's view of a design with its answers. */
export const WALKTHROUGH_STATE_REQUEST = 'integrationDesigner/walkthrough/state';

export interface WalkthroughStateParams extends DesignDocumentParams {
  /** The document's name as the panel shows it. */
  readonly label: string;
  /** The panel's answers from the previous response; none for a new panel. */
  readonly answers?: WalkthroughAnswers;
  /** Answers a panel saved before a window reload (their display form); invalid ones are dropped. */
  readonly restore?: Readonly<Record<string, AnswerDisplay>>;
  /** Answers given since, in order, as the panel sent them; an empty text takes an answer back. */
  readonly changes?: readonly { readonly key: AnswerKey; readonly value: RawAnswer }[];
}

export interface WalkthroughStateResult {
  readonly state: WalkthroughState;
  /** The answers after the changes, without those the file now states: send them next time. */
  readonly answers: WalkthroughAnswers;
  /** The pending answers in display form, for the webview to persist across reloads. */
  readonly persisted: Readonly<Record<string, AnswerDisplay>>;
}

/** `integrationDesigner/walkthrough/applyEdits`: the edits Apply makes, on exactly `version`. */
export const WALKTHROUGH_APPLY_EDITS_REQUEST = 'integrationDesigner/walkthrough/applyEdits';

export interface WalkthroughApplyEditsParams extends DesignDocumentParams {
  readonly version: number;
  readonly label: string;
  readonly answers: WalkthroughAnswers;
  /** Paths to add under `paths`; only those the walkthrough offers are added. */
  readonly paths: readonly PathKey[];
}

export type WalkthroughApplyEditsResult =
  /** Apply is not possible now (e.g. YAML syntax errors); `reason` says why, when there is one. */
  | { readonly status: 'blocked'; readonly reason?: string }
  /** The file already states every answer and has the paths. */
  | { readonly status: 'unchanged' }
  | {
    readonly status: 'edits';
    /** The version the edits apply to: apply them all as one edit (one undo step). */
    readonly version: number;
    readonly edits: readonly LspTextEdit[];
    /** How many answers the edits write. */
    readonly answerChanges: number;
    readonly addedPaths: readonly PathKey[];
    /** What could not be written, and why. */
    readonly skipped: readonly string[];
  };

/** `integrationDesigner/walkthrough/pathRange`: where `paths.<path>` is written (key and value), or null. */
export const WALKTHROUGH_PATH_RANGE_REQUEST = 'integrationDesigner/walkthrough/pathRange';

export interface WalkthroughPathRangeParams extends DesignDocumentParams {
  readonly path: PathKey;
}

/**
 * The generated documents. The core defines them (artifacts/kinds.ts); this copy names the
 * commands and messages on the client, and a unit test keeps it identical.
 */
export const ARTIFACT_KINDS = [
  { kind: 'recommendation', title: 'Decision recommendation' },
  { kind: 'runbook', title: 'Connection runbook' },
  { kind: 'risks', title: 'Risk register' },
] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number]['kind'];

/** `integrationDesigner/artifacts/generate`: the artifacts' Markdown, and what writing them would replace. */
export const ARTIFACTS_GENERATE_REQUEST = 'integrationDesigner/artifacts/generate';

export interface ArtifactsGenerateParams extends DesignDocumentParams {
  readonly kinds: readonly ArtifactKind[];
  /**
   * The absolute folder the client will write into. When given, the server looks at the files
   * already there (it never writes): each result says whether writing would replace hand edits.
   */
  readonly folder?: string;
}

/**
 * What writing an artifact would do:
 * - 'create': no file there yet;
 * - 'unchanged': the file already has exactly this content;
 * - 'replace': a generated file nobody edited: replace it without asking;
 * - 'ask': edited by hand, or not a generated file at all: never overwrite without asking.
 */
export type ArtifactWritePlan = 'create' | 'unchanged' | 'replace' | 'ask';

export interface GeneratedArtifactView {
  readonly kind: ArtifactKind;
  readonly title: string;
  /** `<design>.<kind>.md`. */
  readonly fileName: string;
  /** The whole file: header and body. */
  readonly content: string;
  /** Only with `folder`: */
  readonly plan?: ArtifactWritePlan;
  /** Why the plan is 'ask': its body no longer matches its header's hash ('edited'), or it has no generated header ('foreign'). */
  readonly existing?: 'edited' | 'foreign';
  /** The name "Keep both" would write (`<name> (1).md`, …), free in the folder now. */
  readonly keepBothName?: string;
  /** The existing file could not be read: nothing may be written over it. */
  readonly readError?: string;
}

export interface ArtifactsGenerateResult {
  readonly artifacts: readonly GeneratedArtifactView[];
  /** Error findings in the design (default severities): the documents list them at the top. */
  readonly errorCount: number;
}
