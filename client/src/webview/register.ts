// STUB created by the client helper so the client bundles before the webview exists.
// The webview helper replaces this file with the real decision walkthrough.
import type * as vscode from 'vscode';

export function registerDecisionWalkthrough(_context: vscode.ExtensionContext): void {
  // no-op until the decision walkthrough lands
}
