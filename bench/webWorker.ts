/**
 * The extension's language server as the extension runs it, beside the stdio server the rest of
 * the benchmark measures: on the web, the server script (dist/server/web.js) in a Web Worker in
 * headless Chromium, timed by a client inside the page (bench/web/pageClient.ts) with the page's
 * clock; in desktop VS Code, the same script run as a Node process over IPC by its launcher
 * (dist/server/desktop.js), driven by the benchmark's LSP driver. Same documents and edits.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { LineIndex } from '../server/src/core/text';
import { ipcTransport } from '../test/helpers/serverTransports';
import { CHROMIUM_ARGS } from '../test/helpers/workerTransport';
import { editTargets } from './generate';
import { measureServer, type ServerMeasurement } from './measureServer';
import { ourServer } from './servers';
import { percentile, round } from './stats';
import type { PageRun } from './web/pageClient';

export interface WorkerDocument {
  readonly name: string;
  readonly lines: number;
  /** new Worker() → initialize answered: fetching nothing (same origin), compiling and starting the server. */
  readonly startMs: number;
  readonly firstDiagnosticsMs: number;
  readonly edits: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

export interface DesktopDocument {
  readonly name: string;
  readonly firstDiagnosticsMs: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly peakRssMb: number;
}

export interface ExtensionServersMeasurement {
  readonly chromium: string;
  readonly worker: readonly WorkerDocument[];
  readonly desktop: readonly DesktopDocument[];
  /** The extension's bundles (production), minified and gzip-compressed, in KB. */
  readonly bundles: readonly { readonly file: string; readonly kb: number; readonly gzipKb: number }[];
}

const PAGE = '<!DOCTYPE html><meta charset="utf-8"><title>server benchmark</title>';
const CSP = "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'";

async function serve(files: Record<string, string>): Promise<{ origin: string; server: Server }> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const headers = { 'Content-Security-Policy': CSP };
    if (path === '/' || path === '/index.html') return response.writeHead(200, { ...headers, 'Content-Type': 'text/html' }).end(PAGE);
    const file = files[path];
    if (!file) return response.writeHead(404).end();
    response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(await readFile(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

/** The edits measureServer makes: one value flipped back and forth, `count` times. */
function valueEdits(text: string, count: number): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }[] {
  const { value } = editTargets(text);
  const start = new LineIndex(text).positionAt(value.start);
  const edits = [];
  let current = value.original;
  for (let i = 0; i < count; i++) {
    const next = current === value.original ? value.alternate : value.original;
    edits.push({ range: { start, end: { line: start.line, character: start.character + current.length } }, text: next });
    current = next;
  }
  return edits;
}

const kb = (bytes: number) => round(bytes / 1024);

export async function measureExtensionServers(bundleDir: string, workDir: string, documents: readonly { name: string; text: string }[], editsFor: (text: string) => number, dir: string, log: (line: string) => void): Promise<ExtensionServersMeasurement> {
  const client = join(workDir, 'bench-page-client.js');
  await build({ entryPoints: [join(__dirname, 'web/pageClient.ts')], outfile: client, bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, logLevel: 'warning' });
  const { origin, server } = await serve({ '/server.js': join(bundleDir, 'server/web.js'), '/client.js': client });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const worker: WorkerDocument[] = [];
  const desktop: DesktopDocument[] = [];
  try {
    for (const doc of documents) {
      const lines = doc.text.split('\n').length - (doc.text.endsWith('\n') ? 1 : 0);
      const edits = editsFor(doc.text);
      const page = await browser.newPage();
      try {
        await page.goto(`${origin}/index.html`);
        await page.addScriptTag({ url: `${origin}/client.js` });
        const run = await page.evaluate(([script, text, changes]) => (globalThis as unknown as { benchWorker(s: string, u: string, t: string, e: unknown[]): Promise<PageRun> })
          .benchWorker(script, 'file:///bench/design.integration.yaml', text, changes), [`${origin}/server.js`, doc.text, valueEdits(doc.text, edits)] as const);
        worker.push({
          name: doc.name, lines, startMs: round(run.startMs), firstDiagnosticsMs: round(run.firstDiagnosticsMs), edits,
          p50: round(percentile(run.latencies, 50)), p95: round(percentile(run.latencies, 95)), max: round(Math.max(...run.latencies)),
        });
      } finally {
        await page.close();
      }
      const spec = { ...ourServer(bundleDir), name: 'ours (desktop VS Code: IPC)', transport: () => ipcTransport(join(bundleDir, 'server/desktop.js')) };
      const m: ServerMeasurement = await measureServer(spec, `ipc-${doc.name.replace(/[^a-z0-9-]+/gi, '_')}`, doc.text, dir, edits);
      desktop.push({ name: doc.name, firstDiagnosticsMs: m.firstDiagnosticsMs, p50: m.p50, p95: m.p95, max: m.max, peakRssMb: m.peakRssMb });
      const w = worker[worker.length - 1];
      log(`  ${doc.name}: worker start ${w.startMs} ms, p50 ${w.p50} ms · desktop (IPC) p50 ${m.p50} ms`);
    }
    const version = browser.version();
    const bundles = ['client/web.js', 'server/web.js', 'client/extension.js', 'server/desktop.js'].map((file) => {
      const bytes = readFileSync(join(bundleDir, file));
      return { file: `dist/${file}`, kb: kb(bytes.length), gzipKb: kb(gzipSync(bytes, { level: 9 }).length) };
    });
    return { chromium: version, worker, desktop, bundles };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
