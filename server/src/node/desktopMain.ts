import type { Connection } from 'vscode-languageserver';
import { SERVER_LAUNCH_GLOBAL, type MessagePortLike, type ServerLaunch } from '../browser/launch';
import { nodeHostServices } from './hostServices';

/**
 * Desktop VS Code's language server process (dist/server/desktop.js): runs the extension's one
 * server script, the web bundle dist/server/web.js, as a Node process started by the client
 * with an IPC channel, with the Node host (the disk, setImmediate, the package's rule pages).
 * Shipping one server script for both platforms keeps the .vsix small. Other editors use the
 * stdio server, dist/server/main.js.
 */
if (typeof process.send !== 'function') {
  process.stderr.write('dist/server/desktop.js is started by the VS Code extension with an IPC channel; other editors start dist/server/main.js --stdio.\n');
  process.exit(2);
}

/** Whether the client asked the server to shut down before `exit` (the exit code says so, as the stdio server's does). */
let shutdownRequested = false;

/**
 * The process's IPC channel as the worker-style port the server script reads and writes.
 * Messages that arrive before the script listens wait for it.
 */
function ipcPort(): MessagePortLike {
  let listener: MessagePortLike['onmessage'] = null;
  const early: unknown[] = [];
  process.on('message', (data: { method?: unknown }) => {
    if (data?.method === 'shutdown') shutdownRequested = true;
    if (listener) listener({ data });
    else early.push(data);
  });
  return {
    get onmessage() { return listener; },
    set onmessage(value) {
      listener = value;
      // As a worker's port does: delivered once the script has finished setting up (it listens last).
      setImmediate(() => {
        for (const data of early.splice(0)) listener?.({ data });
      });
    },
    // To an editor that has gone: nothing to do, 'disconnect' ends this process.
    postMessage: (message) => { process.send!(message, undefined, undefined, () => undefined); },
    addEventListener: (_type, onError) => { process.on('error', onError); },
  };
}

const errorText = (error: unknown) => (error instanceof Error ? error.stack ?? error.message : String(error));

const launch: ServerLaunch = {
  port: ipcPort(),
  host: nodeHostServices(process.env),
  started(connection: Connection) {
    // A bug must not end the session: log it and keep answering.
    process.on('uncaughtException', (error) => connection.console.error(`Uncaught exception: ${errorText(error)}`));
    process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${errorText(reason)}`));
    // The worker-style server does not end its process: do it on `exit`, or when the editor is gone.
    connection.onExit(() => process.exit(shutdownRequested ? 0 : 1));
    process.on('disconnect', () => process.exit(0));
  },
};
(globalThis as Record<string, unknown>)[SERVER_LAUNCH_GLOBAL] = launch;
// Loaded after the global is set (dist/server/web.js at run time: scripts/build.mjs), with
// require: import() would start Node's ES module loader, a few MB more for nothing.
require('../browser/serverMain');
