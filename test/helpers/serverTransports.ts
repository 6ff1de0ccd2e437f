// How the one LSP driver (lspDriver.ts) reaches a language server running as a Node process:
// over stdio (dist/server/main.js, as other editors start it) or over Node IPC (desktop VS
// Code's launcher, dist/server/desktop.js, running the extension's server script). The Web
// Worker transport is in workerTransport.ts.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-jsonrpc/node';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/protocol';

/** How much of the server's stderr is kept for failure reports. */
const STDERR_TAIL = 16_000;

export interface ServerTransport {
  readonly description: string;
  readonly reader: MessageReader;
  readonly writer: MessageWriter;
  /** Resolves when the server ended: the exit code of a process; null for a worker that was terminated or failed. */
  readonly exited: Promise<number | null>;
  readonly running: boolean;
  /** Whether the server ends itself on `exit` (a process does; a worker is ended by its page). */
  readonly endsOnExit: boolean;
  /** The server's process, when it is one. */
  readonly process?: ChildProcess;
  /** The tail of what the server wrote to stderr (a worker: its uncaught errors). */
  errors(): string;
  /** How it ended, in words (exit code or signal). */
  ending(): string;
  kill(): void;
  /** Bytes straight onto the wire (stdio only). */
  writeRaw?(bytes: Uint8Array): void;
}

/** The desktop extension's server: its launcher runs the web server script with the Node host. */
export const DESKTOP_SERVER = join(__dirname, '../../dist/server/desktop.js');

function processTransport(child: ChildProcess, description: string, reader: MessageReader, writer: MessageWriter): ServerTransport {
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { stderr = (stderr + chunk).slice(-STDERR_TAIL); });
  child.stdin?.on('error', () => undefined); // the server may exit before our last write
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    description,
    reader,
    writer,
    exited,
    get running() { return child.exitCode === null && child.signalCode === null; },
    endsOnExit: true,
    process: child,
    errors: () => stderr,
    ending: () => `exited with ${child.exitCode ?? child.signalCode}`,
    kill: () => { child.kill(); },
    writeRaw: child.stdin ? (bytes) => { child.stdin!.write(bytes); } : undefined,
  };
}

/** A server started as `command args`, spoken to over its stdin and stdout (as editors do). */
export async function stdioTransport(command: string, args: readonly string[], env?: Readonly<Record<string, string>>): Promise<ServerTransport> {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return processTransport(child, `${command} ${args.join(' ')}`, new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
}

/**
 * The server desktop VS Code runs (client/src/node/serverProcess.ts): dist/server/desktop.js
 * forked with an IPC channel and the extension's launch profile.
 */
export async function ipcTransport(script = DESKTOP_SERVER, env?: Readonly<Record<string, string>>): Promise<ServerTransport> {
  const child = fork(script, [], { execArgv: [...SERVER_NODE_FLAGS], env: { ...process.env, ...SERVER_ENV, ...env }, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  return processTransport(child, `node ${script} (IPC)`, new IPCMessageReader(child), new IPCMessageWriter(child));
}
