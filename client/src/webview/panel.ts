// One decision walkthrough panel for one document: keeps the panel and the document in step
// (edits in either place update the other), and applies the outcome as one WorkspaceEdit.
import * as vscode from 'vscode';
import { fact, type FactId } from '../../../server/src/core/knowledge/facts';
import { pathRange, WalkthroughSession } from '../../../server/src/core/walkthrough/session';
import { createNonce, walkthroughHtml } from './html';
import { parseWebviewMessage } from './messages';
import type { AnswerKey, HostMessage, PathKey, PersistedState, RawAnswer, WalkthroughState, WebviewMessage } from './protocol';

/** What the webview reported after its last render. */
export interface RenderedInfo {
  readonly version: number;
  /** The page's heading as shown. */
  readonly title: string;
  readonly recommendation: string;
  /** The stylesheet loaded and applies (it is blocked if the CSP or resource roots are wrong). */
  readonly styled: boolean;
}

/** Scripts on; local resources only from the bundled webview script and its stylesheet. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'client', 'media')],
  };
}

/** Coalesces bursts of typing into one recomputation. */
const REFRESH_DELAY_MS = 60;

export class WalkthroughPanel implements vscode.Disposable {
  private readonly session = new WalkthroughSession();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedInfo>();
  private state: WalkthroughState | undefined;
  private version = 0;
  private lastRendered: RenderedInfo | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  /** Fires when the webview has rendered a state. */
  readonly onDidRender = this.renderedEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private documentUri: vscode.Uri,
    private readonly extensionUri: vscode.Uri,
    private readonly onDidDispose: (panel: WalkthroughPanel) => void,
    restored?: PersistedState,
  ) {
    if (restored) this.session.restore(restored.answers);
    const webview = panel.webview;
    webview.options = webviewOptions(extensionUri);
    webview.html = walkthroughHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'client', 'media', 'walkthrough.css')).toString(),
    });
    this.disposables.push(
      this.renderedEmitter,
      panel.onDidDispose(() => this.dispose()),
      webview.onDidReceiveMessage((raw) => {
        const message = parseWebviewMessage(raw);
        if (message) void this.handle(message);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === this.documentUri.toString() && e.contentChanges.length > 0) this.scheduleRefresh();
      }),
      vscode.workspace.onDidRenameFiles((e) => {
        const moved = e.files.find((f) => f.oldUri.toString() === this.documentUri.toString());
        if (moved) this.moveTo(moved.newUri);
      }),
    );
  }

  get uri(): vscode.Uri {
    return this.documentUri;
  }

  /** Called by the registry when the document was renamed. */
  onMoved: ((panel: WalkthroughPanel, oldUri: vscode.Uri) => void) | undefined;

  private moveTo(uri: vscode.Uri): void {
    const old = this.documentUri;
    this.documentUri = uri;
    this.onMoved?.(this, old);
    this.scheduleRefresh();
  }

  currentState(): WalkthroughState | undefined {
    return this.state;
  }

  rendered(): RenderedInfo | undefined {
    return this.lastRendered;
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Answers as the webview sends them, through the same validation. */
  async answer(changes: Partial<Record<AnswerKey, RawAnswer>>): Promise<WalkthroughState | undefined> {
    for (const [key, value] of Object.entries(changes)) {
      const message = parseWebviewMessage({ type: 'answer', key, value });
      if (!message || message.type !== 'answer') throw new Error(`Not a valid answer: ${key} = ${JSON.stringify(value)}`);
      this.session.answer(message.key, message.value);
    }
    return this.refresh();
  }

  /** A message as if the webview sent it: validated, then handled (for tests). */
  async receive(raw: unknown): Promise<boolean> {
    const message = parseWebviewMessage(raw);
    if (message) await this.handle(message);
    return message !== undefined;
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        await this.refresh();
        return;
      case 'answer':
        this.session.answer(message.key, message.value);
        await this.refresh();
        return;
      case 'discard':
        this.session.discard();
        await this.refresh();
        return;
      case 'apply':
        await this.apply(message.addPaths);
        return;
      case 'openSource':
        await vscode.env.openExternal(vscode.Uri.parse(fact(message.factId as FactId).sourceRef.url));
        return;
      case 'revealLine':
        await this.revealInEditor((doc) => {
          const line = Math.min(message.line - 1, doc.lineCount - 1);
          return doc.lineAt(line).range;
        });
        return;
      case 'revealPath':
        await this.revealInEditor((doc) => {
          const range = pathRange(doc.getText(), message.path);
          return range ? new vscode.Range(doc.positionAt(range.start), doc.positionAt(range.end)) : undefined;
        });
        return;
      case 'rendered':
        this.lastRendered = { version: message.version, title: message.title, recommendation: message.recommendation, styled: message.styled };
        this.renderedEmitter.fire(this.lastRendered);
        return;
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  private label(): string {
    const path = this.documentUri.path;
    return path.slice(path.lastIndexOf('/') + 1) || this.documentUri.toString();
  }

  private persisted(): PersistedState {
    return { documentUri: this.documentUri.toString(), answers: this.session.persisted() };
  }

  /** Re-reads the document (open or on disk) and sends the panel its new state. */
  async refresh(): Promise<WalkthroughState | undefined> {
    if (this.disposed) return undefined;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.documentUri);
    } catch (error) {
      this.state = undefined;
      this.panel.title = `Decision: ${this.label()}`;
      await this.post({ type: 'unavailable', message: `${this.label()} cannot be read: ${error instanceof Error ? error.message : String(error)}`, persist: this.persisted() });
      return undefined;
    }
    if (this.disposed) return undefined;
    this.state = this.session.view(document.getText(), { uri: this.documentUri.toString(), label: this.label() });
    this.panel.title = `Decision: ${this.state.name}`;
    await this.post({ type: 'state', state: this.state, persist: this.persisted(), version: ++this.version });
    return this.state;
  }

  /** Writes the answers and the chosen paths as one WorkspaceEdit: one undo step in the editor. */
  async apply(addPaths: readonly PathKey[]): Promise<boolean> {
    const document = await vscode.workspace.openTextDocument(this.documentUri);
    const text = document.getText();
    const state = this.session.view(text, { uri: this.documentUri.toString(), label: this.label() });
    if (!state.apply.canApply) {
      this.session.setNotice({ kind: 'error', text: state.apply.blockedReason ?? 'Nothing to apply.' });
      await this.refresh();
      return false;
    }
    // Only paths the panel offered: a message cannot make Apply add anything else.
    const offered = new Set(state.apply.offers.map((o) => o.path));
    const plan = this.session.plan(text, addPaths.filter((p) => offered.has(p)));
    if (plan.edits.length === 0) {
      this.session.setNotice({ kind: 'info', text: `${this.label()} already states these answers.` });
      await this.refresh();
      return false;
    }
    // No await between reading the text and building the edit: the offsets match this version.
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, plan.edits.map((e) => vscode.TextEdit.replace(new vscode.Range(document.positionAt(e.range.start), document.positionAt(e.range.end)), e.newText)));
    const applied = await vscode.workspace.applyEdit(edit);
    if (!applied) {
      this.session.setNotice({ kind: 'error', text: `${this.label()} changed while applying; nothing was written. Try Apply again.` });
      await this.refresh();
      return false;
    }
    const parts = [
      plan.answerChanges.length ? `${plan.answerChanges.length} answer${plan.answerChanges.length === 1 ? '' : 's'}` : '',
      ...plan.addedPaths.map((p) => `paths.${p.path}`),
    ].filter(Boolean);
    const skipped = plan.skipped.length ? ` Not written: ${plan.skipped.join('; ')}.` : '';
    this.session.applied({ kind: 'info', text: `Wrote ${parts.join(' and ')} into ${this.label()} (not saved yet; undo it in the editor).${skipped}` });
    if (!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === this.documentUri.toString())) {
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: true, preview: false });
    }
    await this.refresh();
    return true;
  }

  private async revealInEditor(rangeOf: (doc: vscode.TextDocument) => vscode.Range | undefined): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.documentUri);
    const range = rangeOf(document);
    if (!range) return;
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri.toString());
    const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One, preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async post(message: HostMessage): Promise<void> {
    if (this.disposed) return;
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.onDidDispose(this);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}
