import type * as vscode from 'vscode';
import type { ArtifactGenerator } from './artifacts/register';
import type { WorkspaceTrust } from './trust';
import type { DecisionWalkthroughApi } from './webview/register';

export type ServerState = 'starting' | 'running' | 'stopped';

/**
 * What activate() returns (`vscode.extensions.getExtension(id).exports`). It exists for the
 * extension's own integration tests, which need state VS Code's API does not expose.
 */
export interface IntegrationDesignerApi {
  /** Which build runs: 'node' (desktop VS Code, package.json "main") or 'web' ("browser": the web worker extension host). */
  readonly platform: 'node' | 'web';
  /** The process id of the running language server, if it is running as a process (not on the web). */
  serverProcessId(): number | undefined;
  /** Fires when the language server starts, is running, or stops. */
  readonly onDidChangeServerState: vscode.Event<ServerState>;
  /** What the language status item shows now. */
  languageStatus(): { readonly text: string; readonly detail: string | undefined; readonly busy: boolean };
  /** Fires after the language status item changed. */
  readonly onDidChangeLanguageStatus: vscode.Event<void>;
  /** The Generate commands; tests set `artifacts.prompt` to answer the overwrite question. */
  readonly artifacts: ArtifactGenerator;
  /** The decision walkthrough panels, for tests to drive. */
  readonly walkthrough: DecisionWalkthroughApi;
  /** Workspace trust as the extension sees it; tests call `trust.simulate(false)` for Restricted Mode. */
  readonly trust: WorkspaceTrust;
}
