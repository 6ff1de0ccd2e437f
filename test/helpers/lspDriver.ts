// The one LSP client of the protocol tests, the fuzz suite and the benchmark: starts a language
// server as an editor does, answers its requests (also the editor's file system, for the web
// server: clientFiles.ts), records everything it sends, and waits for messages with a time limit
// (a failed wait says what did arrive). The server is reached through a transport
// (serverTransports.ts): over stdio by default, over Node IPC as desktop VS Code runs it, or in a
// browser Web Worker (workerTransport.ts), so the same checks run against every way it ships.
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities, CodeAction, CompletionItem, CompletionList, ConfigurationParams, Diagnostic, DocumentSymbol, FoldingRange,
  Hover, InitializeParams, InitializeResult, LogMessageParams, Position, PublishDiagnosticsParams, Range, ShowDocumentParams,
  ShowMessageParams, SymbolInformation, TextDocumentContentChangeEvent,
} from 'vscode-languageserver';
import {
  ARTIFACTS_GENERATE_REQUEST, STATUS_NOTIFICATION, WALKTHROUGH_APPLY_EDITS_REQUEST, WALKTHROUGH_PATH_RANGE_REQUEST, WALKTHROUGH_STATE_REQUEST,
  type ArtifactsGenerateParams, type ArtifactsGenerateResult, type LspRange, type StatusParams, type WalkthroughApplyEditsParams,
  type WalkthroughApplyEditsResult, type WalkthroughPathRangeParams, type WalkthroughStateParams, type WalkthroughStateResult,
} from '../../server/src/protocol';
import { answerFileRequests, type FileRequest } from './clientFiles';
import { stdioTransport, type ServerTransport } from './serverTransports';

/** The bundled server, started exactly as editors start it. */
export const SERVER_MAIN = join(__dirname, '../../dist/server/main.js');
/** Our server's settings section (workspace/configuration, didChangeConfiguration). */
export const SETTINGS_SECTION = 'integrationDesigner';
/** How long a wait or a request lasts before failing, unless the caller says otherwise. */
const WAIT_LIMIT_MS = 20_000;

export interface DriverOptions {
  /** How to reach the server; default: stdio to `command args` (serverTransports.ts, workerTransport.ts). */
  readonly transport?: () => Promise<ServerTransport>;
  /** The server's command line; default: this Node.js running dist/server/main.js --stdio. */
  readonly command?: string;
  readonly args?: readonly string[];
  /** Added to this process's environment for the server. */
  readonly env?: Readonly<Record<string, string>>;
  /** A workspace folder (rootUri and workspaceFolders); none by default. */
  readonly rootDir?: string;
  /** Every settings section the client answers workspace/configuration with; default: ours, empty. */
  readonly sections?: Record<string, unknown>;
  /** Our server's section (integrationDesigner), in place of the one in `sections`. */
  readonly settings?: Record<string, unknown>;
  /** Also push every section with didChangeConfiguration right after `initialized`. */
  readonly pushSettings?: boolean;
  /** Advertise workspace/configuration (default true). */
  readonly configuration?: boolean;
  /** Advertise publishDiagnostics.relatedInformation (default true). */
  readonly relatedInformation?: boolean;
  /** Advertise window/showDocument (default true). */
  readonly showDocument?: boolean;
  /** Advertise dynamic registration of file watchers (workspace/didChangeWatchedFiles; default true, as VS Code). */
  readonly watchFiles?: boolean;
  /** Workspace folders instead of `rootDir`'s one (URIs); with it the client advertises folder changes. */
  readonly workspaceFolders?: readonly string[];
  readonly initializationOptions?: unknown;
  /** 'latest' keeps only the newest publish of each document (long runs such as the fuzz suite). */
  readonly keepPublishes?: 'all' | 'latest';
}

/** What a publish listener gets: the notification and when it was read (performance.now()). */
export type PublishListener = (publish: PublishDiagnosticsParams, receivedAt: number) => void;

interface Waiter {
  /** Settles the wait when it can; true once settled. */
  readonly settle: () => boolean;
}

/** A minimal LSP client over a server's stdio, recording everything the server sends. */
export class LspDriver {
  readonly publishes: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  readonly configurationRequests: ConfigurationParams[] = [];
  readonly registrations: unknown[] = [];
  /** The editor file system requests the server made (integrationDesigner/files/*), in order. */
  readonly fileRequests: FileRequest[] = [];
  initializeResult!: InitializeResult;
  /** Resolves with the exit code when the server ends (a worker: when it is terminated). */
  readonly exited: Promise<number | null>;
  private readonly sections: Record<string, unknown>;
  private readonly publishListeners = new Set<PublishListener>();
  private waiters: Waiter[] = [];
  private disposed = false;

  private constructor(readonly transport: ServerTransport, readonly connection: MessageConnection, private readonly options: DriverOptions) {
    this.sections = { ...(options.sections ?? { [SETTINGS_SECTION]: {} }) };
    if (options.settings) this.sections[SETTINGS_SECTION] = options.settings;
    this.exited = transport.exited.then((code) => {
      this.wake();
      return code;
    });
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const receivedAt = performance.now();
      if (options.keepPublishes === 'latest') {
        const previous = this.publishes.findIndex((p) => p.uri === params.uri);
        if (previous >= 0) this.publishes.splice(previous, 1);
      }
      this.publishes.push(params);
      for (const listener of [...this.publishListeners]) listener(params, receivedAt);
      this.wake();
    });
    connection.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => { this.record(this.statuses, params); });
    connection.onNotification('window/logMessage', (params: LogMessageParams) => { this.record(this.logs, params); });
    connection.onNotification('window/showMessage', (params: ShowMessageParams) => { this.record(this.messages, params); });
    connection.onNotification(() => undefined);
    connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.record(this.configurationRequests, params);
      return params.items.map((item) => (item.section ? this.sections[item.section] ?? null : this.sections));
    });
    connection.onRequest('window/showDocument', (params: ShowDocumentParams) => {
      this.record(this.shownDocuments, params);
      return { success: true };
    });
    connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
      this.registrations.push(...params.registrations);
      this.wake();
      return null;
    });
    answerFileRequests(connection, (request) => this.record(this.fileRequests, request));
    connection.onRequest(() => null);
    connection.listen();
  }

  /** Starts the server and initializes it; fails with the server's stderr when it cannot. */
  static async start(options: DriverOptions = {}): Promise<LspDriver> {
    const transport = await (options.transport ?? (() => stdioTransport(options.command ?? process.execPath, options.args ?? [SERVER_MAIN, '--stdio'], options.env)))();
    const connection = createMessageConnection(transport.reader, transport.writer);
    const driver = new LspDriver(transport, connection, options);
    const root = options.rootDir === undefined ? null : pathToFileURL(options.rootDir).href;
    const folders = options.workspaceFolders ?? (root === null ? undefined : [root]);
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: root ?? folders?.[0] ?? null,
      workspaceFolders: folders === undefined ? null : folders.map((uri) => ({ uri, name: basename(uri) })),
      capabilities: capabilities(options),
      initializationOptions: options.initializationOptions,
    };
    const exitedEarly = driver.exited.then((code) => { throw new Error(`exited with ${code} before initializing`); });
    try {
      driver.initializeResult = await Promise.race([driver.request<InitializeResult>('initialize', params), exitedEarly]);
    } catch (error) {
      driver.kill();
      throw new Error(`${transport.description}: initialize failed: ${error instanceof Error ? error.message : String(error)}\n${driver.stderr}`);
    }
    exitedEarly.catch(() => undefined);
    void connection.sendNotification('initialized', {});
    if (options.pushSettings) void connection.sendNotification('workspace/didChangeConfiguration', { settings: driver.sections });
    return driver;
  }

  /** Whether the server is still running. */
  get running(): boolean {
    return this.transport.running;
  }

  /** The server's process, for a server that runs as one (stdio or IPC; not a worker). */
  get child(): NonNullable<ServerTransport['process']> {
    if (!this.transport.process) throw new Error(`${this.transport.description} is not a process`);
    return this.transport.process;
  }

  /** The tail of the server's stderr (or a worker's errors), for failure reports. */
  get stderr(): string {
    return this.transport.errors();
  }

  /** The messages of the window/logMessage errors (type 1): exceptions the server caught. */
  get errorLogs(): string[] {
    return this.logs.filter((l) => l.type === 1).map((l) => l.message);
  }

  /** Calls `listener` with every publish from now on, until the returned function is called. */
  onPublish(listener: PublishListener): () => void {
    this.publishListeners.add(listener);
    return () => this.publishListeners.delete(listener);
  }

  /**
   * Resolves with what `find` returns once it returns something (checked now and after every
   * message from the server); rejects after `ms` with `describe()`.
   */
  waitFor<T>(find: () => T | undefined, describe: () => string, ms = WAIT_LIMIT_MS): Promise<T> {
    const now = find();
    if (now !== undefined) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${describe()} (server ${this.running ? 'running' : `ended: ${this.transport.ending()}`}; stderr: ${this.stderr.slice(-500)})`));
      }, ms);
      const waiter: Waiter = {
        settle: () => {
          const found = find();
          if (found === undefined) return false;
          clearTimeout(timer);
          resolve(found);
          return true;
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** The publish for `uri` at `version` (already received or still to come). */
  waitForDiagnostics(uri: string, version: number, ms?: number): Promise<PublishDiagnosticsParams> {
    return this.waitForPublish(uri, (p) => p.version === version, `version ${version}`, ms);
  }

  waitForPublish(uri: string, test: (p: PublishDiagnosticsParams) => boolean, what = 'a matching publish', ms?: number): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      () => this.publishes.find((p) => p.uri === uri && test(p)),
      () => `No diagnostics for ${uri} (${what}). Received: ${JSON.stringify(this.publishes.map((p) => [p.uri, p.version]))}`,
      ms,
    );
  }

  /** The status notification for `uri` at `version` (already received or the next). */
  waitForStatus(uri: string, version: number): Promise<StatusParams> {
    return this.waitFor(
      () => this.statuses.find((s) => s.uri === uri && s.version === version),
      () => `No status for ${uri} version ${version}. Received: ${JSON.stringify(this.statuses)}`,
    );
  }

  /** The first window/logMessage matching `test` (already received or still to come). */
  waitForLog(test: (l: LogMessageParams) => boolean): Promise<LogMessageParams> {
    return this.waitFor(() => this.logs.find(test), () => `No matching log. Logs: ${JSON.stringify(this.logs)}`);
  }

  /** The first workspace/configuration request (already received or still to come). */
  waitForConfigurationRequest(ms?: number): Promise<ConfigurationParams> {
    return this.waitFor(() => this.configurationRequests[0], () => 'The server never asked for its settings', ms);
  }

  /** A request that fails after `ms` instead of hanging when the server stops answering. */
  request<R>(method: string, params?: unknown, ms = WAIT_LIMIT_MS): Promise<R> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer within ${ms} ms (server ${this.running ? 'running' : 'exited'})`)), ms);
      const sent = params === undefined ? this.connection.sendRequest<R>(method) : this.connection.sendRequest<R>(method, params);
      sent.then(
        (r) => { clearTimeout(timer); resolve(r); },
        (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); },
      );
    });
  }

  notify(method: string, params?: unknown): Promise<void> {
    return params === undefined ? this.connection.sendNotification(method) : this.connection.sendNotification(method, params);
  }

  /** Writes a raw frame to the server's stdin (bytes a well-behaved client never sends; stdio only). */
  writeRaw(body: Uint8Array): void {
    if (!this.transport.writeRaw) throw new Error(`${this.transport.description} takes no raw bytes`);
    this.transport.writeRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  open(uri: string, text: string, version = 1, languageId = 'yaml'): void {
    void this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void {
    void this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  save(uri: string): void {
    void this.notify('textDocument/didSave', { textDocument: { uri } });
  }

  close(uri: string): void {
    void this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** Files changed on disk, as the client's watchers report them (1 created, 2 changed, 3 deleted). */
  fileEvents(changes: readonly { uri: string; type: 1 | 2 | 3 }[]): void {
    void this.notify('workspace/didChangeWatchedFiles', { changes });
  }

  /** Workspace folders added and removed (URIs). */
  changeWorkspaceFolders(added: readonly string[], removed: readonly string[] = []): void {
    const folder = (uri: string) => ({ uri, name: basename(uri) });
    void this.notify('workspace/didChangeWorkspaceFolders', { event: { added: added.map(folder), removed: removed.map(folder) } });
  }

  /** The newest publish for `uri` (undefined when none arrived). */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.publishes.length - 1; i >= 0; i--) if (this.publishes[i].uri === uri) return this.publishes[i];
    return undefined;
  }

  /** Changes our server's settings and tells the server, as VS Code does (`push` sends them along). */
  changeSettings(settings: Record<string, unknown>, push = false): void {
    this.sections[SETTINGS_SECTION] = settings;
    void this.notify('workspace/didChangeConfiguration', { settings: push ? { [SETTINGS_SECTION]: settings } : null });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result: CompletionList | CompletionItem[] | null = await this.request('textDocument/completion', { textDocument: { uri }, position });
    if (!result) return [];
    return Array.isArray(result) ? result : result.items;
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
    return this.request('textDocument/documentSymbol', { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[] | null> {
    return this.request('textDocument/foldingRange', { textDocument: { uri } });
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.request('workspace/executeCommand', { command, arguments: args });
  }

  /** The custom requests of the VS Code client (protocol.ts); null when the server failed to answer. */
  walkthroughState(params: WalkthroughStateParams): Promise<WalkthroughStateResult | null> {
    return this.request(WALKTHROUGH_STATE_REQUEST, params);
  }

  walkthroughApplyEdits(params: WalkthroughApplyEditsParams): Promise<WalkthroughApplyEditsResult | null> {
    return this.request(WALKTHROUGH_APPLY_EDITS_REQUEST, params);
  }

  walkthroughPathRange(params: WalkthroughPathRangeParams): Promise<LspRange | null> {
    return this.request(WALKTHROUGH_PATH_RANGE_REQUEST, params);
  }

  generateArtifacts(params: ArtifactsGenerateParams): Promise<ArtifactsGenerateResult | null> {
    return this.request(ARTIFACTS_GENERATE_REQUEST, params);
  }

  /**
   * shutdown + exit; resolves with the exit code. A server that does not answer or exit within
   * `ms` is killed and the promise rejects.
   */
  async stop(ms = 10_000): Promise<number | null> {
    try {
      if (this.running) {
        await this.request('shutdown', undefined, ms);
        void this.notify('exit');
        // A worker does not end itself: its page ends it after `exit`, as an editor does.
        if (!this.transport.endsOnExit) {
          this.transport.kill();
          return 0;
        }
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), ms); });
        const result = await Promise.race([this.exited, timeout]);
        clearTimeout(timer);
        if (result === 'timeout') throw new Error(`the server did not exit within ${ms} ms of 'exit'`);
      }
      return await this.exited;
    } catch (error) {
      this.kill();
      throw error;
    } finally {
      this.dispose();
    }
  }

  /** Ends the server without the protocol (after a failed test). */
  kill(): void {
    if (this.running) this.transport.kill();
    this.dispose();
  }

  private dispose(): void {
    if (!this.disposed) this.connection.dispose();
    this.disposed = true;
  }

  private record<T>(list: T[], value: T): void {
    list.push(value);
    this.wake();
  }

  /** Lets every wait look again at what has arrived. */
  private wake(): void {
    this.waiters = this.waiters.filter((w) => !w.settle());
  }
}

/** What the client advertises: what VS Code does, for the features the server offers. */
export function capabilities(options: Pick<DriverOptions, 'configuration' | 'relatedInformation' | 'showDocument' | 'rootDir' | 'watchFiles' | 'workspaceFolders'> = {}): ClientCapabilities {
  return {
    workspace: {
      configuration: options.configuration ?? true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: options.watchFiles ?? true },
      workspaceEdit: { documentChanges: true },
      workspaceFolders: options.rootDir !== undefined || options.workspaceFolders !== undefined,
    },
    window: { showDocument: { support: options.showDocument ?? true } },
    textDocument: {
      synchronization: { didSave: true, dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: options.relatedInformation ?? true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true, tagSupport: { valueSet: [1, 2] } },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], insertTextModeSupport: { valueSet: [1, 2] } } },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      // VS Code's default editor.foldingMaximumRegions.
      foldingRange: { lineFoldingOnly: true, rangeLimit: 5000 },
    },
  };
}

/** Starts our bundled server (`node dist/server/main.js --stdio`) and initializes it. */
export function startServer(options: DriverOptions = {}): Promise<LspDriver> {
  return LspDriver.start(options);
}

let counter = 0;
/** A fresh document URI per test, so tests never see each other's diagnostics. */
export function docUri(name = 'integration'): string {
  return `file:///work/designs/${name}-${process.pid}-${++counter}.yaml`;
}
