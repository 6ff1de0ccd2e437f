import type { ArtifactKind, PathKey } from '../core/vocabulary';
import type { AnswerDisplay, AnswerKey, RawAnswer, WalkthroughAnswers, WalkthroughState } from './views';

/**
 * The messages the language server and its clients (the VS Code extension, other editors, the
 * protocol tests) exchange: names and shapes, plain data only.
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
  /** Where generated artifacts go: a folder relative to the design (default: beside it). */
  readonly artifacts?: { readonly folder?: string };
}

/** `Diagnostic.data`: what code actions need, so they never read messages. */
export interface DiagnosticData {
  readonly ruleId: string;
  /** The document version the diagnostic (and its fix edits) was computed for; null for a closed file (read from disk). */
  readonly version: number | null;
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

/** `integrationDesigner/artifacts/generate`: the artifacts' Markdown, for a client that shows or saves them itself. */
export const ARTIFACTS_GENERATE_REQUEST = 'integrationDesigner/artifacts/generate';

export interface ArtifactsGenerateParams extends DesignDocumentParams {
  readonly kinds: readonly ArtifactKind[];
}

export interface GeneratedArtifactView {
  readonly kind: ArtifactKind;
  readonly title: string;
  /** `<design>.<kind>.md`. */
  readonly fileName: string;
  /** The whole file: header and body. */
  readonly content: string;
}

export interface ArtifactsGenerateResult {
  readonly artifacts: readonly GeneratedArtifactView[];
  /** Error findings in the design (default severities): the documents list them at the top. */
  readonly errorCount: number;
}

/**
 * `integrationDesigner/artifacts/write`: generates the artifacts of a design and writes them
 * beside it (or into the `integrationDesigner.artifacts.folder` setting's folder, relative to
 * the design). A file with hand edits is never overwritten without asking the user: the server
 * asks with `integrationDesigner/artifacts/confirmOverwrite` when the client offers it
 * (initializationOptions `confirmOverwriteRequest: true`), else with window/showMessageRequest.
 */
export const ARTIFACTS_WRITE_REQUEST = 'integrationDesigner/artifacts/write';

export interface ArtifactsWriteParams extends DesignDocumentParams {
  readonly kinds: readonly ArtifactKind[];
  /** Documents open in the editor with unsaved changes: writing over one of them asks first. */
  readonly unsavedDocuments?: readonly string[];
}

export interface ArtifactsWriteResult {
  /** Files created or replaced, including "Keep both" copies, in the order generated. */
  readonly written: readonly string[];
  /** Files that already had exactly the generated content. */
  readonly unchanged: readonly string[];
  /** Files with hand edits left as they were (the user chose Keep both or Cancel). */
  readonly kept: readonly string[];
  readonly cancelled: boolean;
  /** Why the run stopped, in words for the user: nothing more was written. */
  readonly error?: string;
  /** Error findings in the design (default severities): the documents list them at the top. */
  readonly errorCount: number;
}

/** Server → client: writing an artifact would replace hand edits (or unsaved changes). */
export const ARTIFACTS_CONFIRM_OVERWRITE_REQUEST = 'integrationDesigner/artifacts/confirmOverwrite';

export interface ConfirmOverwriteParams {
  /** The file that would be replaced. */
  readonly uri: string;
  /** 'edited': changed by hand since generated; 'foreign': not generated at all; 'unsaved': unsaved changes in an editor. */
  readonly reason: 'edited' | 'foreign' | 'unsaved';
  /** Where "Keep both" writes the new version instead. */
  readonly keepBothUri: string;
}

export type ConfirmOverwriteResult = 'overwrite' | 'keep-both' | 'cancel';

// ─── The editor's file system (server → client) ──────────────────────────────────────────
// A language server without a disk of its own (the web worker one) reads and writes the
// artifact files through the editor: the VS Code client answers these with `workspace.fs`.
// Locations are URI strings; a failure is an answer, not an error, so its reason reaches the user.

/** A file operation that failed; `reason` says why in words for the user. */
export interface FileFailure {
  readonly ok: false;
  readonly reason: string;
  /** The editor's error code (FileNotFound, NoPermissions, Unavailable…), when it gave one. */
  readonly code?: string;
}

/** `integrationDesigner/files/read`: the file's text (UTF-8), or `text` absent when there is no such file. */
export const FILES_READ_REQUEST = 'integrationDesigner/files/read';
export interface FileReadParams { readonly uri: string }
export type FileReadResult = { readonly ok: true; readonly text?: string } | FileFailure;

/** `integrationDesigner/files/exists`: whether a file or folder is there. */
export const FILES_EXISTS_REQUEST = 'integrationDesigner/files/exists';
export interface FileExistsParams { readonly uri: string }
export type FileExistsResult = { readonly ok: true; readonly exists: boolean } | FileFailure;

/**
 * `integrationDesigner/files/write`: replaces the file's content all at once, creating missing
 * folders; on failure the existing file is as it was.
 */
export const FILES_WRITE_REQUEST = 'integrationDesigner/files/write';
export interface FileWriteParams { readonly uri: string; readonly text: string }
export type FileWriteResult = { readonly ok: true } | FileFailure;

/**
 * `integrationDesigner/files/find`: the designs and org files under a workspace folder (the
 * patterns `DOCUMENT_FILE_PATTERNS` names, outside `SKIPPED_FOLDER_NAMES`), for the workspace
 * index of a server that cannot list folders itself.
 */
export const FILES_FIND_REQUEST = 'integrationDesigner/files/find';
export interface FileFindParams { readonly uri: string }
export type FileFindResult = { readonly ok: true; readonly uris: readonly string[] } | FileFailure;

/**
 * `integrationDesigner/knowledgeBase`: the knowledge base as Markdown (what docs/knowledge.md
 * holds), rendered by the running server, so the editor shows what this version's rules believe.
 * Rule pages are linked as `rules/<rule-id>.md`, relative to the document.
 */
export const KNOWLEDGE_BASE_REQUEST = 'integrationDesigner/knowledgeBase';
export interface KnowledgeBaseResult { readonly markdown: string }

/** What a client may put in initializationOptions, besides the settings section. */
export interface IntegrationDesignerInitializationOptions {
  readonly integrationDesigner?: IntegrationDesignerSettings;
  /** The client answers ARTIFACTS_CONFIRM_OVERWRITE_REQUEST (with a modal dialog, say). */
  readonly confirmOverwriteRequest?: boolean;
  /**
   * Where the rule pages (`<rule-id>.md`) are, as a URI of their folder, for a server that cannot
   * find its own package (the web worker one: the client passes its extension's `docs/rules`).
   */
  readonly ruleDocsBaseUri?: string;
}
