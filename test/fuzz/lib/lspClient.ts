import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeParams, LogMessageParams, PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * A bare LSP client for the fuzz suite: starts the bundled server as editors do (`--stdio`),
 * answers its requests with empty results, records diagnostics and error logs, and reads the
 * server's memory from /proc.
 */
export class FuzzClient {
  readonly errorLogs: string[] = [];
  readonly stderr: string[] = [];
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; version: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  readonly exited: Promise<number | null>;
  exitCode: number | null | undefined;

  private constructor(readonly child: ChildProcessWithoutNullStreams, readonly connection: MessageConnection) {
    this.exited = new Promise((resolve) => child.on('exit', (code) => {
      this.exitCode = code;
      resolve(code);
    }));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => this.stderr.push(chunk));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.latest.set(p.uri, p);
      this.waiters = this.waiters.filter((w) => (w.uri === p.uri && w.version === p.version ? (w.resolve(p), false) : true));
    });
    // Type 1 is Error: the server logs an exception it caught instead of crashing; for the fuzz suite that is a defect.
    connection.onNotification('window/logMessage', (p: LogMessageParams) => {
      if (p.type === 1) this.errorLogs.push(p.message);
    });
    connection.onNotification(() => undefined);
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    connection.onRequest(() => null);
    connection.listen();
  }

  static async start(serverMain: string, args: readonly string[] = []): Promise<FuzzClient> {
    const child = spawn(process.execPath, [...args, serverMain, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new FuzzClient(child, connection);
    const params: InitializeParams = {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: {
        workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
          foldingRange: { rangeLimit: 5000 },
        },
      },
    };
    await connection.sendRequest('initialize', params);
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The publish for `uri` at `version`, received already or still to come; rejects after `ms`. */
  diagnostics(uri: string, version: number, ms: number): Promise<PublishDiagnosticsParams> {
    const done = this.latest.get(uri);
    if (done && done.version === version) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} version ${version} within ${ms} ms (server ${this.exitCode === undefined ? 'running' : `exited with ${this.exitCode}`}; stderr: ${this.stderr.join('').slice(-500)})`)), ms);
      this.waiters.push({ uri, version, resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  /** A request with a time bound: a server that stops answering fails the test instead of hanging it. */
  request<R>(method: string, params: unknown, ms: number): Promise<R> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method}: no answer within ${ms} ms (server ${this.exitCode === undefined ? 'running' : `exited with ${this.exitCode}`})`)), ms);
      this.connection.sendRequest<R>(method, params).then(
        (r) => { clearTimeout(timer); resolve(r); },
        (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); },
      );
    });
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** Writes a raw frame to the server's stdin (bytes a well-behaved client never sends). */
  writeRaw(body: Uint8Array): void {
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  /** Resident and peak resident memory of the server process, in MB (Linux /proc). */
  memory(): { rssMb: number; peakRssMb: number } | undefined {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
    } catch {
      return undefined;
    }
  }

  async stop(ms: number): Promise<number | null> {
    if (this.exitCode === undefined) {
      await this.request('shutdown', null, ms);
      await this.notify('exit', null);
    }
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());
    const result = await Promise.race([this.exited, timer]);
    this.connection.dispose();
    if (result === 'timeout') {
      this.child.kill();
      throw new Error(`the server did not exit within ${ms} ms of 'exit'`);
    }
    return result;
  }
}
