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
  readonly diagnostics: readonly { readonly message: string; readonly code?: unknown }[];
  /** performance.now() when the notification was read. */
  readonly at: number;
}

/** Our server's `integrationDesigner/status`, sent after each publish. */
export interface Status {
  readonly uri: string;
  readonly version: number;
  readonly validationMs: number;
}

type Position = { line: number; character: number };
type Listener = (publish: Publish) => void;

export class LspDriver {
  readonly connection: MessageConnection;
  private listeners = new Set<Listener>();
  /** The tail of the server's stderr, for failure reports. */
  stderr = '';
  /** Every status notification received (our server only). */
  readonly statuses: Status[] = [];
  /** Resolves when the server first asked for settings (workspace/configuration). */
  readonly configurationAsked: Promise<void>;
  private readonly exited: Promise<void>;

  private constructor(readonly process: ChildProcess, settings: Record<string, unknown>) {
    this.exited = new Promise((resolve) => process.once('exit', () => resolve()));
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: Publish['diagnostics'] }) => {
      const publish: Publish = { uri: params.uri, version: params.version, diagnostics: params.diagnostics, at: performance.now() };
      for (const listener of [...this.listeners]) listener(publish);
    });
    this.connection.onNotification('integrationDesigner/status', (params: Status) => {
      if (typeof params.version === 'number') this.statuses.push(params);
    });
    let asked!: () => void;
    this.configurationAsked = new Promise((resolve) => { asked = resolve; });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => {
      asked();
      return params.items.map((item) => (item.section ? settings[item.section] ?? null : settings));
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('client/unregisterCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  static async start(command: string, args: string[], settings: Record<string, unknown>, rootDir: string, env: Readonly<Record<string, string>> = {}): Promise<LspDriver> {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const driver = new LspDriver(child, settings);
    child.stdin!.on('error', () => undefined); // the server may exit before our last write
    child.stderr!.on('data', (chunk: Buffer) => { driver.stderr = (driver.stderr + chunk.toString()).slice(-4000); });
    const failed = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code} before initializing:\n${driver.stderr}`))));
    await Promise.race([failed, driver.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootDir).href,
      workspaceFolders: [{ uri: pathToFileURL(rootDir).href, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    })]);
    failed.catch(() => undefined);
    driver.connection.sendNotification('initialized', {});
    driver.connection.sendNotification('workspace/didChangeConfiguration', { settings });
    return driver;
  }

  /** Calls `listener` with every publish until the returned function is called. */
  onPublish(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the first publish for `uri` from now on that satisfies `test`. */
  nextPublish(uri: string, test: (p: Publish) => boolean = () => true, timeoutMs = 120_000): Promise<Publish> {
    return new Promise((resolve, reject) => {
      const stop = this.onPublish((p) => {
        if (p.uri !== uri || !test(p)) return;
        stop();
        clearTimeout(timer);
        resolve(p);
      });
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  open(uri: string, languageId: string, text: string): void {
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, version: number, range: { start: Position; end: Position }, text: string): void {
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri: string): void {
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resident memory of the server process now and at its peak, in MB (Linux /proc). */
  memory(): ProcessMemory {
    return processMemory(this.process.pid!);
  }

  /** shutdown + exit, then waits for the process to end (so --cpu-prof gets written); kills it after 10 s. */
  async stop(): Promise<void> {
    const timeout = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), timeout(5000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    await Promise.race([this.exited, timeout(10_000)]);
    this.connection.dispose();
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
  }
}

/** Resident memory of a process, from /proc (Linux). */
export interface ProcessMemory {
  readonly rssMb: number;
  /** The highest resident size so far (VmHWM). */
  readonly peakRssMb: number;
  /** Resident pages backed by files: mostly the node executable's code, the same for any Node process. */
  readonly fileMb: number;
  /** Resident anonymous pages: the JavaScript heap, the C heap, thread stacks. */
  readonly anonMb: number;
}

export function processMemory(pid: number): ProcessMemory {
  return memoryFromStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

/** The memory fields of a /proc/<pid>/status text. */
export function memoryFromStatus(status: string): ProcessMemory {
  const mb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN) / 1024;
  return { rssMb: mb('VmRSS'), peakRssMb: mb('VmHWM'), fileMb: mb('RssFile'), anonMb: mb('RssAnon') };
}
