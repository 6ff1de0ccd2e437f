import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

/**
 * Drives a language server over stdio exactly as an editor does: initialize, didOpen,
 * incremental didChange, and waits for the diagnostics of each version.
 */
export interface Publish {
  readonly uri: string;
  readonly version?: number;
  readonly count: number;
  readonly at: number;
}

export class LspDriver {
  readonly connection: MessageConnection;
  private readonly publishes: Publish[] = [];
  private waiters: { test: (p: Publish) => boolean; resolve: (p: Publish) => void }[] = [];
  /** The tail of the server's stderr, for failure reports. */
  stderr = '';
  /** Versions the server says it validated (our server's status notification). */
  readonly validatedVersions: number[] = [];

  private constructor(readonly process: ChildProcess, settings: unknown) {
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: unknown[] }) => {
      const publish = { uri: params.uri, version: params.version, count: params.diagnostics.length, at: performance.now() };
      this.publishes.push(publish);
      this.waiters = this.waiters.filter((w) => (w.test(publish) ? (w.resolve(publish), false) : true));
    });
    this.connection.onNotification('integrationDesigner/status', (params: { version?: number }) => {
      if (typeof params.version === 'number') this.validatedVersions.push(params.version);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => {
        const all = settings as Record<string, unknown>;
        return item.section ? all[item.section] ?? null : all;
      }));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  static async start(command: string, args: string[], settings: unknown, rootDir: string): Promise<LspDriver> {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const driver = new LspDriver(child, settings);
    child.stdin!.on('error', () => undefined); // the server may exit before our last write
    child.stderr!.on('data', (chunk: Buffer) => { driver.stderr = (driver.stderr + chunk.toString()).slice(-4000); });
    await driver.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).href,
      workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    driver.connection.sendNotification('initialized', {});
    driver.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    return driver;
  }

  /** Resolves with the first publish for `uri` after now that satisfies `test`. */
  nextPublish(uri: string, test: (p: Publish) => boolean = () => true, timeoutMs = 60_000): Promise<Publish> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve: (p) => { clearTimeout(timer); resolve(p); } });
    });
  }

  open(uri: string, languageId: string, text: string): void {
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, version: number, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): void {
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): void {
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resident memory of the server process, in MB (Linux). */
  residentMegabytes(): number {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}
