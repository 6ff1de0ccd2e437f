import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities, CodeAction, CompletionItem, CompletionList, ConfigurationParams, Diagnostic, DocumentSymbol, FoldingRange,
  Hover, InitializeResult, LogMessageParams, Position, PublishDiagnosticsParams, Range, ShowDocumentParams, ShowMessageParams,
  SymbolInformation, TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit,
} from 'vscode-languageserver';
import {
  ARTIFACTS_GENERATE_REQUEST, WALKTHROUGH_APPLY_EDITS_REQUEST, WALKTHROUGH_PATH_RANGE_REQUEST, WALKTHROUGH_STATE_REQUEST,
  type ArtifactsGenerateParams, type ArtifactsGenerateResult, type LspRange, type StatusParams, type WalkthroughApplyEditsParams,
  type WalkthroughApplyEditsResult, type WalkthroughPathRangeParams, type WalkthroughStateParams, type WalkthroughStateResult,
} from '../../server/src/protocol';

/** The bundled server, started exactly as editors start it. */
export const SERVER_MAIN = join(__dirname, '../../dist/server/main.js');
/** How long a test waits for an expected message before failing with what it did receive. */
const WAIT_LIMIT_MS = 20_000;

export interface StartOptions {
  /** Advertise workspace/configuration (default true). */
  readonly configuration?: boolean;
  /** Advertise publishDiagnostics.relatedInformation (default true). */
  readonly relatedInformation?: boolean;
  /** Advertise window/showDocument (default true). */
  readonly showDocument?: boolean;
  /** The `integrationDesigner` section the client answers workspace/configuration with. */
  readonly settings?: Record<string, unknown>;
  readonly initializationOptions?: unknown;
}

interface Waiter<T> {
  readonly test: (value: T) => boolean;
  readonly resolve: (value: T) => void;
}

/** A minimal LSP client over the server's stdio, recording everything the server sends. */
export class TestClient {
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly registrations: unknown[] = [];
  initializeResult!: InitializeResult;
  settings: Record<string, unknown>;
  private publishWaiters: Waiter<PublishDiagnosticsParams>[] = [];
  private logWaiters: Waiter<LogMessageParams>[] = [];
  private statusWaiters: Waiter<StatusParams>[] = [];
  private readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess, readonly connection: MessageConnection, options: StartOptions) {
    this.settings = options.settings ?? {};
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.publishes.push(params);
      this.publishWaiters = this.publishWaiters.filter((w) => (w.test(params) ? (w.resolve(params), false) : true));
    });
    connection.onNotification('integrationDesigner/status', (params: StatusParams) => {
      this.statuses.push(params);
      this.statusWaiters = this.statusWaiters.filter((w) => (w.test(params) ? (w.resolve(params), false) : true));
    });
    connection.onNotification('window/logMessage', (params: LogMessageParams) => {
      this.logs.push(params);
      this.logWaiters = this.logWaiters.filter((w) => (w.test(params) ? (w.resolve(params), false) : true));
    });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => { this.messages.push(params); });
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.configurationRequests.push(params);
      return params.items.map((item) => (item.section === 'integrationDesigner' ? this.settings : null));
    });
    connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      this.shownDocuments.push(params);
      return { success: true };
    });
    connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      return null;
    });
    connection.listen();
  }

  /** The publish for `uri` at `version` (already received or the next one to arrive). */
  waitForDiagnostics(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.waitForPublish(uri, (p) => p.version === version, `version ${version}`);
  }

  waitForPublish(uri: string, test: (p: PublishDiagnosticsParams) => boolean, what = 'a matching publish'): Promise<PublishDiagnosticsParams> {
    const done = this.publishes.find((p) => p.uri === uri && test(p));
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No diagnostics for ${uri} (${what}). Received: ${JSON.stringify(this.publishes.map((p) => [p.uri, p.version]))}`)), WAIT_LIMIT_MS);
      this.publishWaiters.push({ test: (p) => p.uri === uri && test(p), resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** The status notification for `uri` at `version` (already received or the next). */
  waitForStatus(uri: string, version: number): Promise<StatusParams> {
    const test = (s: StatusParams) => s.uri === uri && s.version === version;
    const done = this.statuses.find(test);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No status for ${uri} version ${version}. Received: ${JSON.stringify(this.statuses)}`)), WAIT_LIMIT_MS);
      this.statusWaiters.push({ test, resolve: (s) => { clearTimeout(timer); resolve(s); } });
    });
  }

  /** The next window/logMessage matching `test` (or one already received). */
  waitForLog(test: (l: LogMessageParams) => boolean): Promise<LogMessageParams> {
    const done = this.logs.find(test);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No matching log. Logs: ${JSON.stringify(this.logs)}`)), WAIT_LIMIT_MS);
      this.logWaiters.push({ test, resolve: (l) => { clearTimeout(timer); resolve(l); } });
    });
  }

  open(uri: string, text: string, version = 1): void {
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  save(uri: string): void {
    void this.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Changes the settings the client serves and tells the server, as VS Code does. */
  changeSettings(settings: Record<string, unknown>, push = false): void {
    this.settings = settings;
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: push ? { integrationDesigner: settings } : null });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result: CompletionList | CompletionItem[] | null = await this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[] | null> {
    return this.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  /** The custom requests of the VS Code client (protocol.ts); null when the server failed to answer. */
  walkthroughState(params: WalkthroughStateParams): Promise<WalkthroughStateResult | null> {
    return this.connection.sendRequest(WALKTHROUGH_STATE_REQUEST, params);
  }

  walkthroughApplyEdits(params: WalkthroughApplyEditsParams): Promise<WalkthroughApplyEditsResult | null> {
    return this.connection.sendRequest(WALKTHROUGH_APPLY_EDITS_REQUEST, params);
  }

  walkthroughPathRange(params: WalkthroughPathRangeParams): Promise<LspRange | null> {
    return this.connection.sendRequest(WALKTHROUGH_PATH_RANGE_REQUEST, params);
  }

  generateArtifacts(params: ArtifactsGenerateParams): Promise<ArtifactsGenerateResult | null> {
    return this.connection.sendRequest(ARTIFACTS_GENERATE_REQUEST, params);
  }

  /** shutdown + exit; resolves with the process exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    await this.connection.sendRequest('shutdown');
    void this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** Ends the process without the protocol (after a failed test). */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
    this.connection.dispose();
  }

  get exit(): Promise<number | null> {
    return this.exited;
  }
}

export function capabilities(options: StartOptions): ClientCapabilities {
  return {
    workspace: {
      configuration: options.configuration ?? true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
    },
    window: { showDocument: { support: options.showDocument ?? true } },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: options.relatedInformation ?? true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertTextModeSupport: { valueSet: [1, 2] } } },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: { lineFoldingOnly: true },
    },
  };
}

/** Starts `node dist/server/main.js --stdio` and initializes it. */
export async function startServer(options: StartOptions = {}): Promise<TestClient> {
  const child = spawn(process.execPath, [SERVER_MAIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  child.stderr!.setEncoding('utf8');
  let stderr = '';
  child.stderr!.on('data', (chunk: string) => { stderr += chunk; });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const client = new TestClient(child, connection, options);
  try {
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: capabilities(options),
      initializationOptions: options.initializationOptions,
    });
  } catch (error) {
    client.kill();
    throw new Error(`initialize failed: ${String(error)}\n${stderr}`);
  }
  void connection.sendNotification('initialized', {});
  return client;
}

/** Position of the `occurrence`-th `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 1): Position {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) is not in the text`);
  }
  return positionAt(text, index + delta);
}

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

export function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

/** Applies LSP text edits to a text, as an editor does (all ranges refer to the original). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const edit of sorted) out = out.slice(0, offsetAt(out, edit.range.start)) + edit.newText + out.slice(offsetAt(out, edit.range.end));
  return out;
}

/** The edits a workspace edit makes to one document (documentChanges or changes). */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) return [];
  const out: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) out.push(...(change.edits as TextEdit[]));
  }
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}

/**
 * Sends a workspace edit to the server as the editor would after applying it: one
 * incremental change per edit, last edit first so earlier ranges stay valid.
 */
export function changesFor(text: string, edits: readonly TextEdit[]): TextDocumentContentChangeEvent[] {
  return [...edits]
    .sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start))
    .map((e) => ({ range: e.range, text: e.newText }));
}

/** A diagnostic's message as text (LSP 3.18 also allows Markdown content). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function ofRule(diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === ruleId);
}

let counter = 0;
/** A fresh document URI per test, so tests never see each other's diagnostics. */
export function docUri(name = 'integration'): string {
  return `file:///work/designs/${name}-${process.pid}-${++counter}.yaml`;
}
