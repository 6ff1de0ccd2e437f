// The web platform: the server script (dist/server/web.js) in a Web Worker, files through workspace.fs.
import * as vscode from 'vscode';
import { CLIENT_NAME } from '../ids';
import { clientOptions, DesignLanguageClient, portTransports, type ClientBasics, type ServerPort } from '../languageClient';
import type { ClientPlatform } from '../platform';
import { serveWorkspaceFiles } from './workspaceFiles';

/**
 * Starts the server script in a Web Worker. The web worker extension host cannot start a worker
 * from an extension served by VS Code's server (`new Worker('vscode-remote://…')` throws
 * "Creating workers from remote extensions is currently not supported"), but its fetch reads
 * any of the extension's files: so the script is fetched and started from a blob: URL, the same
 * way wherever the extension comes from.
 */
async function startServerWorker(script: vscode.Uri): Promise<Worker> {
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`Could not load the language server (${script.toString(true)}): ${response.status} ${response.statusText}`);
  const url = URL.createObjectURL(new Blob([await response.text()], { type: 'text/javascript' }));
  try {
    return new Worker(url, { name: `${CLIENT_NAME} language server` });
  } finally {
    // The worker has loaded its script by the time it runs; keep the URL a while for slow starts.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

function createLanguageClient(basics: ClientBasics): DesignLanguageClient {
  const extension = basics.context.extensionUri;
  const script = vscode.Uri.joinPath(extension, 'dist', 'server', 'web.js');
  // The worker cannot find the rule pages itself (its script is a blob): they ship in the extension.
  const ruleDocsBaseUri = vscode.Uri.joinPath(extension, 'docs', 'rules').toString();
  return new DesignLanguageClient(clientOptions(basics, { ruleDocsBaseUri }), async () => {
    const worker = await startServerWorker(script);
    return portTransports(worker as unknown as ServerPort);
  });
}

export const webPlatform: ClientPlatform = {
  kind: 'web',
  createLanguageClient,
  serverProcessId: () => undefined,
  // The server writes through workspace.fs: wherever VS Code can write.
  canWriteArtifacts: (scheme) => scheme !== 'untitled' && vscode.workspace.fs.isWritableFileSystem(scheme) === true,
  cannotWriteArtifacts: 'is on a file system VS Code cannot write to; artifacts are written beside the design.',
  serve: serveWorkspaceFiles,
};
