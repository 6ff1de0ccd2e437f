import type { ChildProcess } from 'node:child_process';
import type { ServerPort } from '../languageClient';

/**
 * The process's IPC channel with the Worker's postMessage shape. A message sent to a process that
 * just died fails (EPIPE): not an error to report, since its 'exit' closes the connection, which
 * makes the client start a new server and the pending requests ask again. Reported as errors
 * they would count against the client's error handler and could make it give up.
 */
export function processPort(child: ChildProcess): ServerPort {
  const port: ServerPort = {
    onmessage: null,
    postMessage: (message) => { child.send(message as object, () => undefined); },
    // The process could not be started at all (no 'exit' will follow).
    addEventListener: (_type, listener) => { child.on('error', listener); },
  };
  child.on('message', (data) => port.onmessage?.({ data }));
  return port;
}
