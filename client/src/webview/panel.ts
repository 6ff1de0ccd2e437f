// One decision walkthrough panel for one document: keeps the panel and the document in step
// (edits in either place update the other), and applies the outcome as one WorkspaceEdit.
// The language server computes the walkthrough; the panel keeps its answers and sends them along.
import * as vscode from 'vscode';
import type { LspRange, NoticeView, WalkthroughAnswers } from '../../../server/src/protocol';
import type { DesignServer } from '../designServer';
import { WalkthroughApplyEditsRequest, WalkthroughPathRangeRequest, WalkthroughStateRequest } from '../protocol';
import { createNonce, walkthroughHtml } from './html';
import { parseWebviewMessage } from './messages';
import type { AnswerDisplay, AnswerKey, HostMessage, PathKey, PersistedState, RawAnswer, WalkthroughState, WebviewMessage } from './protocol';
import { fileNameOf } from '../fileName';

/** What the webview reported after its last render. */
export interface RenderedInfo {
  readonly version: number;
  /** The page's heading as shown. */
  readonly title: string;
  readonly recommendation: string;
  /** The stylesheet loaded and applies (it is blocked if the CSP or resource roots are wrong). */
  readonly styled: boolean;
  /** The architecture diagram's accessible name, as drawn ('' when none is). */
  readonly diagram: string;
  /** How many limit gauges the page shows. */
  readonly gauges: number;
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
/** How often Apply works the edits out again when the document changes meanwhile. */
const APPLY_ATTEMPTS = 3;

const NO_ANSWERS: WalkthroughAnswers = { pending: {}, drafts: {} };

const toRange = (r: LspRange): vscode.Range => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export class WalkthroughPanel implements vscode.Disposable {
  /** The panel's answers as the server last returned them. */
  private answers: WalkthroughAnswers = NO_ANSWERS;
  /** Answers given since, not yet taken into account by the server. */
  private unsent: { key: AnswerKey; value: RawAnswer }[] = [];
  /** Answers a reloaded panel saved, until the server has taken them. */
  private restore: Readonly<Record<string, AnswerDisplay>> | undefined;
  /** The pending answers in display form, for the webview to persist. */
  private persistedAnswers: Readonly<Record<string, AnswerDisplay>> = {};
  private notice: NoticeView | undefined;
  /** One request at a time, so each one starts from the answers the previous one returned. */
  private queue: Promise<unknown> = Promise.resolve();
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
    extensionUri: vscode.Uri,
    private readonly server: DesignServer,
    private readonly onDidDispose: (panel: WalkthroughPanel) => void,
    restored?: PersistedState,
  ) {
    if (restored) {
      this.restore = restored.answers;
      this.persistedAnswers = restored.answers;
    }
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
      this.record(message.key, message.value);
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
        this.record(message.key, message.value);
        await this.refresh();
        return;
      case 'discard':
        await this.enqueue(() => {
          this.answers = NO_ANSWERS;
          this.unsent = [];
          this.restore = undefined;
          this.notice = undefined;
          return this.refreshNow();
        });
        return;
      case 'apply':
        await this.apply(message.addPaths);
        return;
      case 'openSource': {
        // Only a source the panel shows: the URL comes from the state, never from the message.
        const shown = this.state?.steps.flatMap((s) => s.facts).find((f) => f.id === message.factId);
        const url = shown?.sourceUrl ? vscode.Uri.parse(shown.sourceUrl) : undefined;
        if (url?.scheme === 'https') await vscode.env.openExternal(url);
        return;
      }
      case 'revealLine':
        await this.revealInEditor((doc) => {
          const line = Math.min(message.line - 1, doc.lineCount - 1);
          return doc.lineAt(line).range;
        });
        return;
      case 'revealPath':
        await this.revealInEditor(async (doc) => {
          try {
            const params = { uri: doc.uri.toString(), version: doc.version, text: doc.getText(), path: message.path };
            const range = await this.server.requestOrNull(WalkthroughPathRangeRequest, params, `find paths.${message.path} in the design`);
            return range ? toRange(range) : undefined;
          } catch (error) {
            void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
            return undefined;
          }
        });
        return;
      case 'rendered':
        this.lastRendered = { version: message.version, title: message.title, recommendation: message.recommendation, styled: message.styled, diagram: message.diagram, gauges: message.gauges };
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
    return fileNameOf(this.documentUri) || this.documentUri.toString();
  }

  private persisted(): PersistedState {
    return { documentUri: this.documentUri.toString(), answers: this.persistedAnswers };
  }

  /** An answer from the panel: sent with the next request (the server checks it). */
  private record(key: AnswerKey, value: RawAnswer): void {
    this.notice = undefined;
    this.unsent.push({ key, value });
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Re-reads the document (open or on disk) and sends the panel its new state. */
  refresh(): Promise<WalkthroughState | undefined> {
    return this.enqueue(() => this.refreshNow());
  }

  private async refreshNow(): Promise<WalkthroughState | undefined> {
    if (this.disposed) return undefined;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.documentUri);
    } catch (error) {
      return this.unavailable(`${this.label()} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (this.disposed) return undefined;
    const changes = this.unsent.slice();
    const restore = this.restore;
    let result;
    try {
      result = await this.server.request(WalkthroughStateRequest, {
        uri: this.documentUri.toString(), version: document.version, text: document.getText(), label: this.label(),
        answers: this.answers, restore, changes,
      }, 'work out the decision walkthrough');
    } catch (error) {
      // The answers stay here: the next refresh (an edit, an answer, the server running again) sends them.
      return this.unavailable(error instanceof Error ? error.message : String(error));
    }
    if (this.disposed) return undefined;
    this.unsent.splice(0, changes.length);
    if (this.restore === restore) this.restore = undefined;
    this.answers = result.answers;
    this.persistedAnswers = result.persisted;
    this.state = { ...result.state, notice: this.notice };
    this.panel.title = `Decision: ${this.state.name}`;
    await this.post({ type: 'state', state: this.state, persist: this.persisted(), version: ++this.version });
    return this.state;
  }

  private async unavailable(message: string): Promise<undefined> {
    if (this.disposed) return undefined;
    this.state = undefined;
    this.panel.title = `Decision: ${this.label()}`;
    await this.post({ type: 'unavailable', message, persist: this.persisted() });
    return undefined;
  }

  /** Writes the answers and the chosen paths as one WorkspaceEdit: one undo step in the editor. */
  apply(addPaths: readonly PathKey[]): Promise<boolean> {
    return this.enqueue(() => this.applyNow(addPaths));
  }

  private async applyNow(addPaths: readonly PathKey[]): Promise<boolean> {
    // Answers not yet seen by the server go first, so Apply writes what the panel shows.
    if (this.unsent.length > 0 || this.restore !== undefined) await this.refreshNow();
    const document = await vscode.workspace.openTextDocument(this.documentUri);
    for (let attempt = 0; attempt < APPLY_ATTEMPTS; attempt++) {
      const version = document.version;
      let result;
      try {
        // The server only adds paths the walkthrough offers: a message cannot make Apply add anything else.
        result = await this.server.request(WalkthroughApplyEditsRequest, {
          uri: this.documentUri.toString(), version, text: document.getText(), label: this.label(), answers: this.answers, paths: addPaths,
        }, 'work out the edits for Apply');
      } catch (error) {
        return this.noticeThenRefresh({ kind: 'error', text: `Nothing was written: ${error instanceof Error ? error.message : String(error)}` });
      }
      if (result.status === 'blocked') return this.noticeThenRefresh({ kind: 'error', text: result.reason ?? 'Nothing to apply.' });
      if (result.status === 'unchanged') return this.noticeThenRefresh({ kind: 'info', text: `${this.label()} already states these answers.` });
      // Typed into meanwhile: the edits are for an older text, so work them out again.
      if (document.version !== result.version) continue;
      // No await between checking the version and building the edit: the ranges match this version.
      const edit = new vscode.WorkspaceEdit();
      edit.set(document.uri, result.edits.map((e) => vscode.TextEdit.replace(toRange(e.range), e.newText)));
      const applied = await vscode.workspace.applyEdit(edit);
      if (!applied) break;
      const parts = [
        result.answerChanges ? `${result.answerChanges} answer${result.answerChanges === 1 ? '' : 's'}` : '',
        ...result.addedPaths.map((p) => `paths.${p}`),
      ].filter(Boolean);
      const skipped = result.skipped.length ? ` Not written: ${result.skipped.join('; ')}.` : '';
      // The file now states every answer: nothing is pending.
      this.answers = NO_ANSWERS;
      this.unsent = [];
      this.notice = { kind: 'info', text: `Wrote ${parts.join(' and ')} into ${this.label()} (not saved yet; undo it in the editor).${skipped}` };
      if (!vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === this.documentUri.toString())) {
        await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preserveFocus: true, preview: false });
      }
      await this.refreshNow();
      return true;
    }
    return this.noticeThenRefresh({ kind: 'error', text: `${this.label()} changed while applying; nothing was written. Try Apply again.` });
  }

  private async noticeThenRefresh(notice: NoticeView): Promise<false> {
    this.notice = notice;
    await this.refreshNow();
    return false;
  }

  private async revealInEditor(rangeOf: (doc: vscode.TextDocument) => Promise<vscode.Range | undefined> | vscode.Range | undefined): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.documentUri);
    const range = await rangeOf(document);
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
