// Creates the LanguageClient for the bundled server (dist/server/main.js). The client stays
// thin: everything a design means is computed by the server.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_ENV, SERVER_NODE_FLAGS, type IntegrationDesignerInitializationOptions } from '../../server/src/protocol';
import { CLIENT_ID, CLIENT_NAME, LANGUAGE_ID } from './ids';

/** Restart a crashed server, but give up after this many crashes within CRASH_WINDOW_MS. */
const MAX_RESTARTS = 4;
const CRASH_WINDOW_MS = 3 * 60 * 1000;

/**
 * Restarts the server when its process dies, quietly (the output channel and the language status
 * item say so; a notification only appears when the client gives up).
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

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server/main.js');
  // The same Node flags and environment the benchmark measures (launchProfile.ts); the client
  // library adds the editor's environment to `env`.
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS], env: { ...SERVER_ENV } } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6011'], env: { ...SERVER_ENV } } },
  };
  const clientOptions: LanguageClientOptions = {
    // Only documents on disk and untitled ones: other schemes (git:, diff views) would
    // duplicate every finding in the Problems view.
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: { configurationSection: CLIENT_ID },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: new RestartingErrorHandler(output),
    // The Generate commands answer the server's overwrite question with a modal dialog.
    initializationOptions: { confirmOverwriteRequest: true } satisfies IntegrationDesignerInitializationOptions,
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/** The client gave up restarting a crashing server (it stays stopped until restarted by hand). */
export function serverGaveUp(client: LanguageClient): boolean {
  const handler = client.clientOptions.errorHandler;
  return handler instanceof RestartingErrorHandler && handler.gaveUp;
}
