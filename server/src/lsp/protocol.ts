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
