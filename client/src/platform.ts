import type * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/browser';
import type { DesignServer } from './designServer';
import type { ClientBasics } from './languageClient';

/**
 * What differs between the extension in desktop VS Code (Node extension host, the language server
 * as a Node process on the disk) and on the web (web worker extension host, the server in a Web
 * Worker, VS Code's file system): given by each entry point, used by the one activation.
 */
export interface ClientPlatform {
  readonly kind: 'node' | 'web';
  /** The language client for the bundled server (DesignLanguageClient with the platform's transport). */
  createLanguageClient(basics: ClientBasics): BaseLanguageClient;
  /** The server's process id, where the server is a process. */
  serverProcessId(): number | undefined;
  /** Whether the server can write artifacts beside a design at this location (URI scheme). */
  canWriteArtifacts(scheme: string): boolean;
  /** Why not, in words for the user ('<name>' is …). */
  readonly cannotWriteArtifacts: string;
  /** Services the platform's server asks the client for (the web server's files). */
  serve?(server: DesignServer): vscode.Disposable;
}
