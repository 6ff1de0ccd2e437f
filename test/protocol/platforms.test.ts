// One set of protocol checks against every way the language server ships: over stdio
// (dist/server/main.js, other editors), over Node IPC as desktop VS Code runs it (its launcher
// dist/server/desktop.js running the extension's server script dist/server/web.js), and that
// script in a real Web Worker in headless Chromium, as the web extension runs it, driven over
// postMessage by the same JSON-RPC client. Each platform must give a few pinned answers (so the
// stdio server, the reference, is checked too), the other platforms the stdio server's answers
// (diagnostics, hover, code actions, completion, outline, folding, the walkthrough requests),
// and write the same artifacts: the worker through the editor's file system, the others on disk.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import {
  ARTIFACTS_CONFIRM_OVERWRITE_REQUEST, ARTIFACTS_WRITE_REQUEST, FILES_FIND_REQUEST, FILES_READ_REQUEST, FILES_WRITE_REQUEST,
  type ArtifactsWriteParams, type ArtifactsWriteResult, type ConfirmOverwriteParams,
} from '../../server/src/protocol';
import { LspDriver, type DriverOptions } from '../helpers/lspDriver';
import { ipcTransport } from '../helpers/serverTransports';
import { startWorkerHost, type WorkerHost, type WorkerTransport } from '../helpers/workerTransport';
import { ORDER_SYNC } from './fixtures';
import { applyTextEdits, changesFor, editsFor, ofRule, positionOf } from './lspText';

const ROOT = join(__dirname, '../..');
const ROW_LIMIT = 'connect-demo-row-limit';
const DESIGN_NAME = 'orders-production.integration.yaml';
const DESIGN = readFileSync(join(ROOT, 'examples', DESIGN_NAME), 'utf8');
const KINDS = ['recommendation', 'runbook', 'risks'] as const;
const baseName = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));

let host: WorkerHost;
const temp = mkdtempSync(join(tmpdir(), 'protocol-platforms-'));

interface Platform {
  readonly name: string;
  readonly start: (options?: DriverOptions) => Promise<LspDriver>;
  /** Writes artifacts through the editor's file system (integrationDesigner/files/*) instead of its own disk. */
  readonly editorFiles: boolean;
}

const PLATFORMS: readonly Platform[] = [
  { name: 'stdio (dist/server/main.js)', start: (options) => LspDriver.start(options), editorFiles: false },
  { name: 'Node IPC, as desktop VS Code runs it (dist/server/desktop.js + web.js)', start: (options) => LspDriver.start({ ...options, transport: () => ipcTransport() }), editorFiles: false },
  { name: 'a Web Worker in headless Chromium (dist/server/web.js)', start: (options) => LspDriver.start({ ...options, transport: () => host.transport() }), editorFiles: true },
];

/** The rule pages are the only answers that differ by platform (where the package is): compared by name. */
function withoutDocLocation<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/"(?:file|https?):\/\/[^"]*?\/docs\/rules\/([a-z0-9-]+\.md)"/g, '"docs/rules/$1"')) as T;
}

/** Everything a client sees of one editing session on ORDER_SYNC, in order. */
async function session(client: LspDriver, uri: string) {
  client.open(uri, ORDER_SYNC, 1, 'integration-yaml');
  const opened = (await client.waitForDiagnostics(uri, 1)).diagnostics;
  const [rowLimit] = ofRule(opened, ROW_LIMIT);
  assert.ok(rowLimit, 'the demo row limit is reported');
  const actions: CodeAction[] = await client.codeActions(uri, rowLimit.range, [rowLimit]);
  const fix = actions.find((a) => a.isPreferred);
  assert.ok(fix, 'a preferred quick fix');
  const fixAll = await client.codeActions(uri, rowLimit.range, opened, ['source.fixAll.integrationDesigner']);
  // The quick fix, applied as an editor does, as an incremental change (version 2).
  const edits = editsFor(fix.edit, uri);
  client.change(uri, 2, changesFor(ORDER_SYNC, edits));
  const fixed = (await client.waitForDiagnostics(uri, 2)).diagnostics;
  const text = applyTextEdits(ORDER_SYNC, edits);
  const walkthrough = await client.walkthroughState({ uri, version: 2, label: 'orders.integration.yaml', changes: [{ key: 'regulatedData', value: true }] });
  assert.ok(walkthrough, 'the walkthrough state');
  const apply = await client.walkthroughApplyEdits({ uri, version: 2, label: 'orders.integration.yaml', answers: walkthrough.answers, paths: walkthrough.state.apply.offers.filter((o) => o.recommended).map((o) => o.path) });
  return withoutDocLocation({
    initialize: client.initializeResult,
    opened,
    hover: await client.hover(uri, positionOf(ORDER_SYNC, 'plan', 1)),
    actions: actions.map((a) => [a.title, a.kind, a.isPreferred ?? false, a.command?.command ?? null]),
    fixAll,
    fixed,
    textAfterFix: text,
    completion: (await client.completion(uri, positionOf(text, '  heroku_connect:', 2))).map((c) => c.label),
    symbols: await client.documentSymbols(uri),
    folding: await client.foldingRanges(uri),
    walkthrough,
    apply,
    status: client.statuses.filter((s) => s.uri === uri).map((s) => [s.version, s.counts]),
  });
}

type Session = Awaited<ReturnType<typeof session>>;

/** What ORDER_SYNC must get on every platform, the stdio reference included. */
const ORDER_SYNC_CODES = ['connect-demo-inactivity', ROW_LIMIT, 'integration-user-missing', 'region-unstated', 'summary-missing', 'unknown-key'];

function assertPinnedAnswers(observed: Session): void {
  const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();
  assert.deepEqual(codes(observed.opened), ORDER_SYNC_CODES, 'the findings of ORDER_SYNC');
  assert.ok(observed.opened.every((d) => d.source === 'integration-lint'), 'every diagnostic is ours');
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const d of observed.opened) counts[(['error', 'warning', 'info', 'hint'] as const)[d.severity! - 1]]++;
  assert.deepEqual(observed.status[0], [1, counts], 'the status of version 1 counts its diagnostics by severity');
  assert.match(JSON.stringify(observed.hover?.contents), /^\{"kind":"markdown","value":"`plan` — /, 'the hover of the `plan` key explains it');
  assert.deepEqual(observed.actions[0], ['Change the plan to enterprise', 'quickfix', true, null]);
  assert.ok(observed.actions.some(([title]) => title === `Show documentation for ${ROW_LIMIT}`), 'a documentation action for the rule');
  assert.deepEqual(observed.fixAll.map((a) => a.kind), ['source.fixAll.integrationDesigner']);
  assert.ok(observed.textAfterFix.includes('    plan: enterprise\n'), observed.textAfterFix);
  assert.deepEqual(codes(observed.fixed), ['connect-contracted-rows-missing', 'integration-user-missing', 'region-unstated', 'summary-missing', 'unknown-key'],
    'on the enterprise plan, the demo plan\'s findings are gone and its contracted rows are asked for');
}

let reference: Session;

before(async () => {
  host = await startWorkerHost();
  const stdio = await PLATFORMS[0].start();
  try {
    reference = await session(stdio, pathToFileURL(join(temp, 'reference', 'orders.integration.yaml')).href);
  } finally {
    await stdio.stop();
  }
});

after(async () => {
  await host?.close();
  rmSync(temp, { recursive: true, force: true });
});

for (const platform of PLATFORMS) {
  describe(`the language server over ${platform.name}`, () => {
    let client: LspDriver;
    const asked: ConfirmOverwriteParams[] = [];
    before(async () => {
      client = await platform.start({ initializationOptions: { confirmOverwriteRequest: true } });
      client.connection.onRequest(ARTIFACTS_CONFIRM_OVERWRITE_REQUEST, (params: ConfirmOverwriteParams) => {
        asked.push(params);
        return 'keep-both';
      });
    });
    after(async () => { await client?.stop(); });

    const uri = pathToFileURL(join(temp, platform.name.replace(/\W+/g, '-'), 'orders.integration.yaml')).href;
    let observed: Promise<Session> | undefined;
    const observedSession = () => (observed ??= session(client, uri));

    it('gives the pinned answers: ORDER_SYNC\'s findings and status counts, the hover of `plan`, the quick fix, fix-all', async () => {
      assertPinnedAnswers(await observedSession());
    });

    if (platform !== PLATFORMS[0]) {
      it('gives the stdio server\'s answers: diagnostics, hover, quick fix, fix-all, completion, outline, folding, walkthrough', async () => {
        // The same session on another document URI: compare with the reference's URI put back.
        const normalised = JSON.parse(JSON.stringify(await observedSession()).split(uri).join('<uri>')) as unknown;
        const expected = JSON.parse(JSON.stringify(reference).split(pathToFileURL(join(temp, 'reference', 'orders.integration.yaml')).href).join('<uri>')) as unknown;
        assert.deepEqual(normalised, expected);
      });
    }

    it('links each finding to its rule page, which exists', async () => {
      const uri = pathToFileURL(join(temp, `links-${platform.editorFiles}`, 'orders.integration.yaml')).href;
      client.open(uri, ORDER_SYNC, 1, 'integration-yaml');
      const [rowLimit] = ofRule((await client.waitForDiagnostics(uri, 1)).diagnostics, ROW_LIMIT) as Diagnostic[];
      const href = rowLimit.codeDescription?.href ?? '';
      assert.match(href, new RegExp(`/docs/rules/${ROW_LIMIT}\\.md$`));
      if (href.startsWith('file:')) {
        assert.ok(existsSync(fileURLToPath(href)), href);
      } else {
        // In the worker: beside the script's package, on the page's origin; the page can fetch it.
        assert.equal(href, `${host.origin}/docs/rules/${ROW_LIMIT}.md`);
        const page = await host.browser.newPage();
        try {
          await page.goto(`${host.origin}/index.html`);
          assert.equal(await page.evaluate(async (url) => (await fetch(url)).status, href), 200);
        } finally {
          await page.close();
        }
      }
    });

    it(`writes the artifacts ${platform.editorFiles ? 'through the editor\'s file system' : 'on its own disk'}, and asks before replacing hand edits`, async () => {
      const folder = join(temp, `artifacts-${platform.name.replace(/\W+/g, '-')}`);
      const uri = pathToFileURL(join(folder, DESIGN_NAME)).href;
      const params: ArtifactsWriteParams = { uri, text: DESIGN, kinds: [...KINDS] };
      const before = client.fileRequests.length;
      const first: ArtifactsWriteResult = await client.request(ARTIFACTS_WRITE_REQUEST, params);
      assert.equal(first.error, undefined);
      assert.deepEqual(first.written.map(baseName), KINDS.map((k) => `orders-production.integration.${k}.md`));
      for (const kind of KINDS) {
        const committed = readFileSync(join(ROOT, 'examples', DESIGN_NAME.replace(/\.yaml$/, `.${kind}.md`)), 'utf8');
        assert.equal(readFileSync(join(folder, `orders-production.integration.${kind}.md`), 'utf8'), committed, `${kind}: the examples' committed artifact`);
      }
      const requests = client.fileRequests.slice(before);
      if (platform.editorFiles) {
        assert.deepEqual(requests.filter((r) => r.method === FILES_WRITE_REQUEST).map((r) => baseName(r.uri)), first.written.map(baseName));
        assert.ok(requests.some((r) => r.method === FILES_READ_REQUEST), 'it read what was there first');
      } else {
        assert.deepEqual(requests, [], 'a server with a disk does not ask the editor');
      }

      // A hand edit: the server asks (the client answers Keep both) and writes the new version beside it.
      const runbook = join(folder, 'orders-production.integration.runbook.md');
      writeFileSync(runbook, `${readFileSync(runbook, 'utf8')}\nOur own note.\n`);
      const second: ArtifactsWriteResult = await client.request(ARTIFACTS_WRITE_REQUEST, { ...params, kinds: ['runbook'] });
      assert.deepEqual(asked.map((q) => [baseName(q.uri), q.reason]), [['orders-production.integration.runbook.md', 'edited']]);
      assert.deepEqual(second.written.map(baseName), ['orders-production.integration.runbook (1).md']);
      assert.match(readFileSync(runbook, 'utf8'), /Our own note\.\n$/);
    });

    it(`indexes the workspace's designs, open or not (${platform.editorFiles ? 'listed by the editor' : 'listed on its own disk'}), and reports a user shared across them`, async () => {
      const folder = join(ROOT, 'examples/estate');
      const other = await platform.start({ rootDir: folder });
      try {
        const before = other.fileRequests.length;
        const published = await other.waitForPublish(pathToFileURL(join(folder, 'orders-mirror.integration.yaml')).href, (p) => p.diagnostics.some((d) => d.code === 'estate-integration-user-shared'), 'the shared user, in a design nobody opened');
        const [shared] = published.diagnostics.filter((d) => d.code === 'estate-integration-user-shared');
        assert.ok(shared.relatedInformation?.some((r) => !r.location.uri.endsWith('orders-mirror.integration.yaml')), 'it points at the other design');
        const listed = other.fileRequests.slice(before).filter((r) => r.method === FILES_FIND_REQUEST);
        assert.equal(listed.length > 0, platform.editorFiles, platform.editorFiles ? 'the worker asks the editor to list the folder' : 'a server with a disk lists it itself');
      } finally {
        await other.stop();
      }
    });

    it('opens rule pages where the client says they are (the web client\'s extension), pages on the web in the browser', async () => {
      const base = 'https://extension.example/integration-designer/docs/rules';
      const other = await platform.start({ initializationOptions: { ruleDocsBaseUri: base } });
      try {
        const uri = pathToFileURL(join(temp, `docs-base-${platform.editorFiles}`, 'orders.integration.yaml')).href;
        other.open(uri, ORDER_SYNC, 1, 'integration-yaml');
        const [rowLimit] = ofRule((await other.waitForDiagnostics(uri, 1)).diagnostics, ROW_LIMIT);
        assert.equal(rowLimit.codeDescription?.href, `${base}/${ROW_LIMIT}.md`);
        assert.equal(await other.executeCommand('integrationDesigner.showRuleDocumentation', [ROW_LIMIT]), null);
        assert.deepEqual(other.shownDocuments, [{ uri: `${base}/${ROW_LIMIT}.md`, takeFocus: true, external: true }]);
      } finally {
        await other.stop();
      }
    });

    if (platform.editorFiles) {
      it('runs in a Web Worker without Node (no process, require or Buffer), and shuts down without errors', async () => {
        const [worker] = (client.transport as WorkerTransport).page.workers();
        assert.ok(worker, 'the page has the server\'s worker');
        const globals = await worker.evaluate(() => ['process', 'require', 'Buffer', 'WorkerGlobalScope', 'document'].map((name) => typeof (globalThis as Record<string, unknown>)[name]));
        assert.deepEqual(globals, ['undefined', 'undefined', 'undefined', 'function', 'undefined']);
        assert.equal(client.stderr, '', 'no error reached the page from the worker');
        assert.deepEqual(host.pageErrors, []);
      });
    }
  });
}
