// Helpers for the VS Code suites (test/vscode/suite/ in the Node extension host, test/vscode/web/
// in the web worker one: so nothing here needs Node). Everything waits on events with a timeout
// that fails the test; nothing sleeps.
import * as vscode from 'vscode';
import type { IntegrationDesignerApi } from '../../../client/src/api';
import manifest from '../../../package.json';

export const EXTENSION_ID = `${manifest.publisher}.${manifest.name}`;

/** node:assert's ok(), which the web worker extension host does not have. */
export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}
export const LANGUAGE_ID = 'integration-yaml';
const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Resolves with probe()'s first truthy result, checking now and whenever `event` fires;
 * rejects after timeoutMs with `what` in the message.
 */
export function waitFor<T>(what: string, probe: () => T | undefined | null | false, event: vscode.Event<unknown>, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let subscription: vscode.Disposable | undefined;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription?.dispose();
      settle();
    };
    const check = () => {
      try {
        const value = probe();
        if (value) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error));
      }
    };
    const timer = setTimeout(() => finish(() => reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
    subscription = event(check);
    check();
  });
}

/** Waits until the document's diagnostics satisfy `predicate`; returns them. */
export function waitForDiagnostics(uri: vscode.Uri, what: string, predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean, timeoutMs?: number): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    return predicate(diagnostics) ? diagnostics : undefined;
  }, vscode.languages.onDidChangeDiagnostics, timeoutMs);
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function withCode(diagnostics: readonly vscode.Diagnostic[], ruleId: string): vscode.Diagnostic[] {
  return diagnostics.filter((d) => codeOf(d) === ruleId);
}

/** Waits for a diagnostic with the rule id and returns it. */
export async function waitForFinding(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic> {
  const diagnostics = await waitForDiagnostics(uri, `a ${ruleId} diagnostic on ${uri.path}`, (ds) => withCode(ds, ruleId).length > 0);
  return withCode(diagnostics, ruleId)[0];
}

export function waitForNoFinding(uri: vscode.Uri, ruleId: string): Promise<readonly vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, `the ${ruleId} diagnostic on ${uri.path} to go away`, (ds) => withCode(ds, ruleId).length === 0);
}

export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'the fixture workspace is open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openFixture(relativePath: string, show = true): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  if (show) await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** The position of the `occurrence`-th match of `text` in the document (start, or end with atEnd). */
export function positionOf(document: vscode.TextDocument, text: string, { atEnd = false, occurrence = 1 } = {}): vscode.Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = document.getText().indexOf(text, index + 1);
    ok(index >= 0, `"${text}" occurs ${occurrence} time(s) in ${document.uri.path}`);
  }
  return document.positionAt(index + (atEnd ? text.length : 0));
}

/** The range of `text`; with `within`, the range of `text` inside the first occurrence of `within`. */
export function rangeOf(document: vscode.TextDocument, text: string, within?: string): vscode.Range {
  const outer = within === undefined ? positionOf(document, text) : positionOf(document, within);
  const offset = document.offsetAt(outer) + (within === undefined ? 0 : within.indexOf(text));
  ok(within === undefined || within.includes(text), `"${text}" is inside "${within}"`);
  return new vscode.Range(document.positionAt(offset), document.positionAt(offset + text.length));
}

export async function activeApi(): Promise<IntegrationDesignerApi> {
  const extension = vscode.extensions.getExtension<IntegrationDesignerApi>(EXTENSION_ID);
  ok(extension, `extension ${EXTENSION_ID} is installed`);
  return extension.isActive ? extension.exports : extension.activate();
}

/** Replaces `text` (first occurrence) with `replacement` and waits for the edit to apply. */
export async function replaceText(document: vscode.TextDocument, text: string, replacement: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(document, text), replacement);
  ok(await vscode.workspace.applyEdit(edit), `replacing "${text}" applied`);
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}
