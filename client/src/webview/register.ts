// The decision walkthrough: the command that opens it beside the editor (one panel per
// document), the serializer that brings panels back after a window reload, and a small API
// for the extension's integration tests.
import * as vscode from 'vscode';
import type { DesignServer } from '../designServer';
import { LANGUAGE_ID } from '../ids';
import { parsePersistedState } from './messages';
import { WalkthroughPanel, webviewOptions, type RenderedInfo } from './panel';
import { OPEN_WALKTHROUGH_COMMAND, WALKTHROUGH_VIEW_TYPE, type AnswerKey, type PathKey, type PersistedState, type RawAnswer, type WalkthroughState } from './protocol';
import { fileNameOf } from '../fileName';

/** One open walkthrough, as the integration tests drive it. */
export interface WalkthroughHandle {
  readonly panel: vscode.WebviewPanel;
  /** The state last sent to the webview. */
  state(): WalkthroughState | undefined;
  /** Answers as the panel would send them (validated the same way); resolves with the new state. */
  answer(changes: Partial<Record<AnswerKey, RawAnswer>>): Promise<WalkthroughState | undefined>;
  /** Presses Apply; by default adds the paths the panel offers checked (the recommended one). */
  apply(addPaths?: readonly PathKey[]): Promise<boolean>;
  /** Handles a message as if the webview sent it; false when validation dropped it. */
  receive(message: unknown): Promise<boolean>;
  /** Resolves once the webview has rendered a state matching the predicate. */
  whenRendered(predicate: (rendered: RenderedInfo) => boolean): Promise<RenderedInfo>;
}

export interface DecisionWalkthroughApi {
  /** Opens (or reveals) the walkthrough for a document. */
  open(uri: vscode.Uri): Promise<WalkthroughHandle>;
  panelFor(uri: vscode.Uri): WalkthroughHandle | undefined;
  /** What the serializer does after a window reload, for a panel and the state the webview saved. */
  restore(panel: vscode.WebviewPanel, saved: unknown): Promise<void>;
}

export function registerDecisionWalkthrough(context: vscode.ExtensionContext, server: DesignServer): DecisionWalkthroughApi {
  const panels = new Map<string, WalkthroughPanel>();

  const track = (panel: vscode.WebviewPanel, uri: vscode.Uri, restored?: PersistedState): WalkthroughPanel => {
    const walkthrough = new WalkthroughPanel(panel, uri, context.extensionUri, server, (p) => {
      if (panels.get(p.uri.toString()) === p) panels.delete(p.uri.toString());
    }, restored);
    walkthrough.onMoved = (p, oldUri) => {
      if (panels.get(oldUri.toString()) === p) panels.delete(oldUri.toString());
      panels.set(p.uri.toString(), p);
    };
    panels.set(uri.toString(), walkthrough);
    return walkthrough;
  };

  /** A panel VS Code brings back after a reload, with the state its webview saved (setState). */
  const restore = async (panel: vscode.WebviewPanel, saved: unknown): Promise<void> => {
    const state = parsePersistedState(saved);
    let uri: vscode.Uri | undefined;
    try {
      uri = state ? vscode.Uri.parse(state.documentUri, true) : undefined;
    } catch {
      uri = undefined;
    }
    if (!uri || panels.has(uri.toString())) {
      // Nothing to restore it for (or a duplicate): do not leave an empty panel behind.
      panel.dispose();
      return;
    }
    const walkthrough = track(panel, uri, state);
    await walkthrough.refresh();
  };

  const open = (uri: vscode.Uri): WalkthroughPanel => {
    const existing = panels.get(uri.toString());
    if (existing) {
      existing.reveal();
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(
      WALKTHROUGH_VIEW_TYPE,
      `Decision: ${fileNameOf(uri)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(context.extensionUri),
    );
    return track(panel, uri);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_WALKTHROUGH_COMMAND, (arg?: unknown) => {
      const uri = targetDocument(arg);
      if (!uri) {
        void vscode.window.showInformationMessage('Open an integration.yaml design to walk its decision table.');
        return;
      }
      open(uri);
    }),
    vscode.window.registerWebviewPanelSerializer(WALKTHROUGH_VIEW_TYPE, { deserializeWebviewPanel: restore }),
    // A panel that could not reach the server (it was restarting) catches up when it runs again.
    server.onDidStart(() => [...panels.values()].forEach((p) => void p.refresh())),
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
  );

  const handle = (p: WalkthroughPanel): WalkthroughHandle => ({
    panel: p.panel,
    state: () => p.currentState(),
    answer: (changes) => p.answer(changes),
    receive: (message) => p.receive(message),
    apply: (addPaths) => p.apply(addPaths ?? (p.currentState()?.apply.offers.filter((o) => o.recommended).map((o) => o.path) ?? [])),
    whenRendered: (predicate) => new Promise<RenderedInfo>((resolve) => {
      const now = p.rendered();
      if (now && predicate(now)) return resolve(now);
      const listener = p.onDidRender((r) => {
        if (!predicate(r)) return;
        listener.dispose();
        resolve(r);
      });
    }),
  });

  return {
    async open(uri) {
      const p = open(uri);
      if (!p.currentState()) await p.refresh();
      return handle(p);
    },
    panelFor(uri) {
      const p = panels.get(uri.toString());
      return p ? handle(p) : undefined;
    },
    restore,
  };
}

/** The document the command is for: the editor/title argument, else the active design. */
function targetDocument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE_ID) return active.uri;
  const visible = vscode.window.visibleTextEditors.filter((e) => e.document.languageId === LANGUAGE_ID);
  return visible.length === 1 ? visible[0].document.uri : undefined;
}
