import { FileAccessError, type FileStore } from '../core/files';
import { ruleDocPath } from '../core/rules/registry';
import type { ServerHost } from '../lsp/host';
import { clientFileStore } from './files';
import type { ServerLaunch } from './launch';

/**
 * The language server in a browser Web Worker: files through the editor (clientFileStore), rule
 * documentation beside the worker's script when it was loaded from a URL (the VS Code client
 * says where instead, with initializationOptions.ruleDocsBaseUri), and a message-channel turn
 * to let queued messages through (a worker has no setImmediate).
 */
export function browserServerHost(scriptUrl: string | undefined): ServerHost {
  return {
    files: (connection) => clientFileStore(connection),
    // The editor lists the workspace's designs and org files (workspace.findFiles).
    findDocuments: (connection, folderUri) => clientFileStore(connection).find(folderUri),
    ruleDocUri: (ruleId) => besideScript(scriptUrl, ruleDocPath(ruleId)),
    afterPendingMessages: messageChannelTurn(),
  };
}

/** `docs/rules/x.md` of the package the script (`<package>/dist/server/web.js`) belongs to, or the path alone. */
function besideScript(scriptUrl: string | undefined, path: string): string {
  if (scriptUrl === undefined || !/^https?:/i.test(scriptUrl)) return path;
  return new URL(`../../${path}`, scriptUrl).href;
}

/**
 * Runs each task after the messages the worker has already received: a message posted on a
 * MessageChannel is queued behind them (the LSP library handles each received message in a
 * microtask, so a microtask or a resolved promise would run first).
 */
export function messageChannelTurn(): (task: () => void) => void {
  const channel = new MessageChannel();
  const tasks: (() => void)[] = [];
  channel.port1.onmessage = () => tasks.shift()?.();
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
}

/**
 * The host a launcher handed over (desktop VS Code's Node process), completed with the rule
 * pages of its package. Its file errors come from the launcher's own copy of the core's classes:
 * they are turned into this script's FileAccessError, which the artifact writer recognises.
 */
export function launchedHost(services: ServerLaunch['host']): ServerHost {
  const root = `${services.packageRootUri.replace(/\/+$/, '')}/`;
  return {
    ...services,
    files: (connection) => adoptErrors(services.files(connection)),
    ruleDocUri: (ruleId) => new URL(ruleDocPath(ruleId), root).href,
  };
}

function adoptErrors(store: FileStore): FileStore {
  const adopt = (uri: string) => (error: unknown): never => {
    const e = error as { reason?: unknown; code?: unknown } | undefined;
    if (typeof e?.reason === 'string' && !(error instanceof FileAccessError)) throw new FileAccessError(uri, e.reason, typeof e.code === 'string' ? e.code : undefined);
    throw error;
  };
  return {
    read: (uri) => store.read(uri).catch(adopt(uri)),
    exists: (uri) => store.exists(uri).catch(adopt(uri)),
    write: (uri, text) => store.write(uri, text).catch(adopt(uri)),
  };
}
