// The extension's LanguageClient, the same on every platform: the documents it serves, the
// output channel, the settings, the crash handling, and a transport to the server given by the
// platform (a Web Worker on the web: client/src/browser/languageClient.ts; a Node process in
// desktop VS Code: client/src/node/serverProcess.ts). Built into the web bundle, which desktop
// VS Code loads too. The client stays thin: everything a design means is computed by the server.
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  BrowserMessageReader,
  BrowserMessageWriter,
  CloseAction,
  ErrorAction,
  RevealOutputChannelOn,
  type CloseHandlerResult,
  type DocumentSelector,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type MessageTransports,
} from 'vscode-languageclient/browser';
import type { IntegrationDesignerInitializationOptions } from '../../server/src/protocol';
import { CLIENT_ID, CLIENT_NAME, LANGUAGE_ID } from './ids';

/** Restart a crashed server, but give up after this many crashes within CRASH_WINDOW_MS. */
const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts the server when it dies, quietly (the output channel and the language status item say
 * so; a notification only appears when the client gives up).
 */
export class RestartingErrorHandler implements ErrorHandler {
  private readonly crashes: number[] = [];
  /** The last crash made the client give up: the server stays stopped until the user restarts it. */
  gaveUp = false;

  constructor(private readonly output: vscode.LogOutputChannel) {}

  error(_error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
    return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.crashes.push(now);
    while (this.crashes.length && now - this.crashes[0] > CRASH_WINDOW_MS) this.crashes.shift();
    this.gaveUp = this.crashes.length > MAX_RESTARTS;
    if (this.gaveUp) {
      return {
        action: CloseAction.DoNotRestart,
        message: `The Integration Designer language server stopped ${this.crashes.length} times in 3 minutes and will not be restarted. See the output for details; run "Integration Designer: Restart Language Server" to try again.`,
      };
    }
    this.output.warn('The language server stopped unexpectedly; restarting it.');
    return { action: CloseAction.Restart, handled: true };
  }
}

/** What the activation gives each platform's client. */
export interface ClientBasics {
  readonly context: vscode.ExtensionContext;
  readonly output: vscode.LogOutputChannel;
}

/**
 * The documents served, by URI scheme: files, untitled documents and those of VS Code's remote
 * and virtual file systems (a folder on VS Code's server, a GitHub repository in github.dev or
 * vscode.dev, the web test runner's file system). Not git: or diff views: they would duplicate
 * every finding in the Problems view.
 */
export const DOCUMENT_SCHEMES: readonly string[] = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'];

/** The client options of every platform; `initialization`: what the platform adds to initializationOptions. */
export function clientOptions(basics: ClientBasics, initialization: IntegrationDesignerInitializationOptions = {}): LanguageClientOptions {
  const documentSelector: DocumentSelector = DOCUMENT_SCHEMES.map((scheme) => ({ language: LANGUAGE_ID, scheme }));
  return {
    documentSelector,
    synchronize: { configurationSection: CLIENT_ID },
    outputChannel: basics.output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new RestartingErrorHandler(basics.output),
    // The Generate commands answer the server's overwrite question with a modal dialog.
    initializationOptions: { ...initialization, confirmOverwriteRequest: true } satisfies IntegrationDesignerInitializationOptions,
  };
}

/**
 * A LanguageClient whose transport the platform provides, called on every (re)start so a restart
 * gets a new server. (vscode-languageclient's own browser client only takes a Worker, and its
 * Node one a process it starts itself: this one serves both, so the extension ships one client.)
 */
export class DesignLanguageClient extends BaseLanguageClient {
  constructor(options: LanguageClientOptions, private readonly connect: () => Promise<MessageTransports>) {
    super(CLIENT_ID, CLIENT_NAME, options);
  }

  protected createMessageTransports(): Promise<MessageTransports> {
    return this.connect();
  }
}

/** A channel to the server with the Worker's postMessage shape (a Worker, or a Node process's IPC channel). */
export interface ServerPort {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

/** Reads messages from a port; `closed()` reports that the server is gone (the client restarts it). */
export class PortMessageReader extends BrowserMessageReader {
  closed(): void {
    this.fireClose();
  }
}

/** The transports over a port. */
export function portTransports(port: ServerPort): MessageTransports & { reader: PortMessageReader } {
  return { reader: new PortMessageReader(port as unknown as MessagePort), writer: new BrowserMessageWriter(port as unknown as MessagePort) };
}

/** The client gave up restarting a crashing server (it stays stopped until restarted by hand). */
export function serverGaveUp(client: BaseLanguageClient): boolean {
  const handler = client.clientOptions.errorHandler;
  return handler instanceof RestartingErrorHandler && handler.gaveUp;
}
