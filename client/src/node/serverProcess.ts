// The desktop platform: the extension's server script run as a Node process (its launcher
// dist/server/desktop.js, with the launch profile the benchmark measures), spoken to over the
// process's IPC channel; the server reads and writes the disk itself.
import { fork, type ChildProcess } from 'node:child_process';
import type * as vscode from 'vscode';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../../server/src/protocol';
import type { ClientBasics } from '../languageClient';
import type { ClientPlatform } from '../platform';
import { clientOptions, DesignLanguageClient, portTransports } from '../browser/extension';
import { processPort } from './processPort';

/** How long a stopped server may take to exit before it is killed. */
const EXIT_GRACE_MS = 2_000;

/** Debugging the extension (its host started with --inspect) also makes the server debuggable. */
const debugging = process.execArgv.some((arg) => /^--(inspect|debug)(-brk)?(=|$)/.test(arg));

export function desktopPlatform(context: vscode.ExtensionContext): ClientPlatform {
  let current: ChildProcess | undefined;
  const launcher = context.asAbsolutePath('dist/server/desktop.js');

  const start = (output: vscode.LogOutputChannel) => {
    const child = fork(launcher, [], {
      execArgv: [...SERVER_NODE_FLAGS, ...(debugging ? ['--nolazy', '--inspect=6011'] : [])],
      env: { ...process.env, ...SERVER_ENV },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    current = child;
    // Whatever the server prints (it logs through the protocol; this is for crashes) goes to the output.
    for (const stream of [child.stdout, child.stderr]) stream?.setEncoding('utf8').on('data', (text: string) => output.info(text.trimEnd()));
    const transports = portTransports(processPort(child));
    child.once('exit', (code, signal) => {
      if (current === child) current = undefined;
      if (code !== 0) output.warn(`The language server process ended (${signal ?? `exit code ${code}`}).`);
      transports.reader.closed();
    });
    return { child, transports };
  };

  return {
    kind: 'node',
    createLanguageClient(basics: ClientBasics) {
      return new StoppingClient(clientOptions(basics), async () => start(basics.output).transports, () => current);
    },
    serverProcessId: () => current?.pid,
    // The server writes with Node's file system: files on disk only.
    canWriteArtifacts: (scheme) => scheme === 'file',
    cannotWriteArtifacts: 'is not a file on disk; artifacts can only be written beside designs on disk.',
  };
}

/** Kills a server process that did not exit after the client stopped it. */
class StoppingClient extends DesignLanguageClient {
  constructor(options: ConstructorParameters<typeof DesignLanguageClient>[0], connect: ConstructorParameters<typeof DesignLanguageClient>[1], private readonly process: () => ChildProcess | undefined) {
    super(options, connect);
  }

  override async stop(timeout?: number): Promise<void> {
    const child = this.process();
    try {
      await super.stop(timeout);
    } finally {
      if (child && child.exitCode === null && child.signalCode === null) {
        const timer = setTimeout(() => child.kill(), EXIT_GRACE_MS);
        child.once('exit', () => clearTimeout(timer));
      }
    }
  }
}
