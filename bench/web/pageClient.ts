// The benchmark's client inside the page (bundled for the browser by bench/webWorker.ts): starts
// the extension's server script in a Web Worker and times it with the page's clock, as the VS
// Code web client (in the web worker extension host, posting to the server's worker) sees it:
// start (new Worker → initialize answered), didOpen → first diagnostics, each edit → its diagnostics.
import { BrowserMessageReader, BrowserMessageWriter, createMessageConnection } from 'vscode-jsonrpc/browser';

interface Edit { readonly range: { start: { line: number; character: number }; end: { line: number; character: number } }; readonly text: string }
interface Publish { uri: string; version?: number; diagnostics: unknown[] }

export interface PageRun {
  readonly startMs: number;
  readonly firstDiagnosticsMs: number;
  readonly diagnostics: number;
  readonly latencies: number[];
}

async function measure(script: string, uri: string, text: string, edits: readonly Edit[]): Promise<PageRun> {
  const created = performance.now();
  const worker = new Worker(script, { name: 'language server (benchmark)' });
  const connection = createMessageConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
  const waiting = new Map<number, (at: number, p: Publish) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: Publish) => {
    const at = performance.now();
    if (p.uri === uri && p.version !== undefined) waiting.get(p.version)?.(at, p);
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.onRequest(() => null);
  connection.listen();
  const published = (version: number) => new Promise<{ at: number; p: Publish }>((resolve) => waiting.set(version, (at, p) => resolve({ at, p })));
  await connection.sendRequest('initialize', {
    processId: null, rootUri: null,
    capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } } },
  });
  const startMs = performance.now() - created;
  await connection.sendNotification('initialized', {});
  const first = published(1);
  const opened = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'integration-yaml', version: 1, text } });
  const firstPublish = await first;
  const latencies: number[] = [];
  for (const [index, edit] of edits.entries()) {
    const version = index + 2;
    const next = published(version);
    const sent = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [edit] });
    latencies.push((await next).at - sent);
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  worker.terminate();
  return { startMs, firstDiagnosticsMs: firstPublish.at - opened, diagnostics: firstPublish.p.diagnostics.length, latencies };
}

(globalThis as unknown as { benchWorker: typeof measure }).benchWorker = measure;
