// The web extension's language server (dist/server/web.js) in a real Web Worker in headless
// Chromium, reached from Node: the page only creates the worker and relays its postMessage
// traffic (worker → Node through a Playwright binding, Node → worker through page.evaluate), so
// the one LSP driver (lspDriver.ts) speaks JSON-RPC to it exactly as to the Node servers.
// The page is served from 127.0.0.1 with a strict CSP (no eval, no other origin), as a web host would.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AbstractMessageReader, AbstractMessageWriter, type DataCallback, type Disposable, type Message, type MessageReader, type MessageWriter } from 'vscode-jsonrpc/node';
import type { ServerTransport } from './serverTransports';

const ROOT = join(__dirname, '../..');
/** What the page may load: the server script (and its map) and the rule pages its links point to. */
const SERVED = [/^dist\/server\/web\.js(\.map)?$/, /^docs\/rules\/[a-z0-9-]+\.md$/];
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json', '.md': 'text/markdown' };
export const CSP = "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'";
const PAGE = '<!DOCTYPE html><meta charset="utf-8"><title>language server worker</title>';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** The server script, as the page loads it. */
export const WORKER_SCRIPT = '/dist/server/web.js';

class RelayReader extends AbstractMessageReader implements MessageReader {
  private callback: DataCallback | undefined;
  private readonly early: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.early.splice(0)) callback(message);
    return { dispose: () => { this.callback = undefined; } };
  }

  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.early.push(message);
  }

  fail(error: Error): void { this.fireError(error); }
  closed(): void { this.fireClose(); }
}

class RelayWriter extends AbstractMessageWriter implements MessageWriter {
  // One evaluate at a time keeps the messages in order.
  private queue: Promise<void> = Promise.resolve();
  private errors = 0;

  constructor(private readonly page: Page) { super(); }

  write(message: Message): Promise<void> {
    this.queue = this.queue
      .then(() => this.page.evaluate((m) => (globalThis as unknown as { toWorker(m: unknown): void }).toWorker(m), message as unknown))
      .catch((error: Error) => { this.fireError(error, message, ++this.errors); });
    return this.queue;
  }

  end(): void {}
}

/** A server in a page's Web Worker (`page.workers()` evaluates code inside it). */
export type WorkerTransport = ServerTransport & { readonly page: Page; readonly createdAt: number };

export interface WorkerHost {
  /** Where the page is served (http://127.0.0.1:port). */
  readonly origin: string;
  readonly browser: Browser;
  /** A new page with the server script (or `script`, a path on the origin) in a new Web Worker. */
  transport(script?: string): Promise<WorkerTransport>;
  /** Errors of the pages themselves (not of the workers): a clean run has none. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

async function serve(): Promise<{ origin: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const path = normalize(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const headers = { 'Content-Security-Policy': CSP };
    if (path === '' || path === 'index.html') return response.writeHead(200, { ...headers, 'Content-Type': TYPES['.html'] }).end(PAGE);
    if (!SERVED.some((pattern) => pattern.test(path))) return response.writeHead(404).end();
    try {
      const body = await readFile(join(ROOT, path));
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

/** Starts headless Chromium and the page's origin; close() ends both. */
export async function startWorkerHost(): Promise<WorkerHost> {
  const { origin, server } = await serve();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const pageErrors: string[] = [];
  return {
    origin,
    browser,
    pageErrors,
    async transport(script = WORKER_SCRIPT) {
      const page = await browser.newPage();
      page.on('pageerror', (e) => pageErrors.push(e.message));
      await page.goto(`${origin}/index.html`);
      const reader = new RelayReader();
      const writer = new RelayWriter(page);
      const workerErrors: string[] = [];
      let terminated = false;
      let resolveExited!: (code: number | null) => void;
      const exited = new Promise<number | null>((resolve) => { resolveExited = resolve; });
      const end = () => {
        terminated = true;
        resolveExited(null);
        reader.closed();
      };
      await page.exposeBinding('fromWorker', (_source, message: Message) => reader.deliver(message));
      await page.exposeBinding('workerError', (_source, text: string) => {
        // An error that reaches the page: the script failed to load, or threw where the server
        // does not catch it. Either way the server is gone as far as the client can tell.
        workerErrors.push(text);
        reader.fail(new Error(`worker error: ${text}`));
        end();
      });
      page.once('close', () => end());
      const createdAt = performance.now();
      await page.evaluate((url) => {
        const g = globalThis as unknown as Record<string, unknown> & { fromWorker(m: unknown): void; workerError(t: string): void };
        const worker = new Worker(url, { name: 'language server' });
        worker.onmessage = (event) => g.fromWorker(event.data);
        worker.onerror = (event) => g.workerError(`${event.message} (${event.filename}:${event.lineno})`);
        worker.onmessageerror = () => g.workerError('a message could not be deserialized');
        g.toWorker = (message: unknown) => worker.postMessage(message);
        g.worker = worker;
      }, `${origin}${script}`);
      return {
        description: `${origin}${script} in a Web Worker`,
        reader,
        writer,
        exited,
        page,
        createdAt,
        get running() { return !terminated; },
        endsOnExit: false,
        errors: () => workerErrors.join('\n'),
        ending: () => (workerErrors.length ? `worker error: ${workerErrors.join('; ')}` : 'terminated'),
        kill: () => {
          if (terminated) return;
          end();
          void page.close().catch(() => undefined);
        },
      };
    },
    async close() {
      await browser.close().catch(() => undefined);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
