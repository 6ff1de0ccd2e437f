import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { errorText } from '../lsp/diagnostics';
import { startServer } from '../lsp/server';
import { browserServerHost, launchedHost } from './host';
import { serverLaunch, type MessagePortLike } from './launch';

/**
 * The language server of the VS Code extension (dist/server/web.js): the same LSP layer and core
 * as the stdio entry, over postMessage. On the web it runs in a Web Worker; desktop VS Code runs
 * the same script as a Node process through its launcher (server/src/node/desktopMain.ts), which
 * hands it a port over the process's IPC channel and the Node host (see launch.ts).
 */
/** The worker's global scope: what is used of it (typed here, so the entry also compiles beside the DOM's types). */
interface WorkerScope extends MessagePortLike {
  readonly location?: { readonly href: string };
  addEventListener(type: 'error', listener: (event: { preventDefault(): void; error?: unknown; message?: string }) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: { preventDefault(): void; reason?: unknown }) => void): void;
}
declare const self: WorkerScope;

const launch = serverLaunch();
const port: MessagePortLike = launch?.port ?? self;
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(port as unknown as MessagePort), new BrowserMessageWriter(port as unknown as MessagePort));
if (launch === undefined) {
  // A bug must not end the session: log it and keep answering (preventDefault keeps it from
  // reaching the page as the worker's error event).
  self.addEventListener('error', (event) => {
    event.preventDefault();
    connection.console.error(`Uncaught exception: ${errorText(event.error ?? event.message)}`);
  });
  self.addEventListener('unhandledrejection', (event) => {
    event.preventDefault();
    connection.console.error(`Unhandled rejection: ${errorText(event.reason)}`);
  });
}
startServer(connection, launch ? launchedHost(launch.host) : browserServerHost(self.location?.href));
launch?.started?.(connection);
