import type { Connection } from 'vscode-languageserver';
import type { ServerHost } from '../lsp/host';

/**
 * What the browser worker's postMessage API gives the server's transport, and all of it that
 * the transport uses: `self` in a Web Worker, or a stand-in over another channel.
 */
export interface MessagePortLike {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

/**
 * How another launcher runs the same server script (dist/server/web.js) outside a Web Worker:
 * desktop VS Code's Node launcher (server/src/node/desktopMain.ts) sets this global to its
 * process's IPC channel and the Node host, then loads the script. In a worker it is absent.
 */
export interface ServerLaunch {
  readonly port: MessagePortLike;
  /** The platform's services; rule pages are `<packageRootUri>/docs/rules/<rule-id>.md`. */
  readonly host: Omit<ServerHost, 'ruleDocUri'> & { readonly packageRootUri: string };
  /** Called with the connection once the server listens (the launcher wires its process to it). */
  started?(connection: Connection): void;
}

export const SERVER_LAUNCH_GLOBAL = 'integrationDesignerServerLaunch';

export function serverLaunch(): ServerLaunch | undefined {
  return (globalThis as Record<string, unknown>)[SERVER_LAUNCH_GLOBAL] as ServerLaunch | undefined;
}
