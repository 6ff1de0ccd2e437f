// The benchmark's probe in real VS Code (`npm run bench` runs it through scripts/vscode-test.mjs
// with the packaged .vsix installed): opens designs and measures, in the extension host, the
// time from the open command to the first diagnostics VS Code receives for each. The workspace
// holds bench-plan.json (which files, in which order); the numbers are printed as one line
// starting with RESULT_MARKER for bench/vscodeProbe.ts to read. It measures; it asserts no time.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import manifest from '../../../package.json';

export const RESULT_MARKER = 'BENCH_VSCODE_RESULT ';
const OPEN_TIMEOUT_MS = 120_000;

interface Plan {
  /** Opened first: includes activating the extension and starting the language server. */
  readonly cold: string;
  /** Opened one after another once the server runs. */
  readonly warm: readonly string[];
}

interface Open {
  readonly file: string;
  /** Open command → first diagnostics for the document. */
  readonly ms: number;
  /** Open command → the document reached the extension host (onDidOpenTextDocument). */
  readonly documentMs: number;
  /** Open command → the extension's activate() finished. */
  readonly activatedMs: number;
  readonly diagnostics: number;
}

/**
 * Opens `uri` as a user does (vscode.open) and resolves when VS Code got its first diagnostics.
 * A failed activation of the extension ends the wait at once, with its error.
 */
async function timeOpen(uri: vscode.Uri, extension: vscode.Extension<unknown>): Promise<Open> {
  let subscription: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  // VS Code fires the event for every publish, an empty one too: a clean design counts.
  const received = new Promise<number>((resolve, reject) => {
    subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) resolve(performance.now());
    });
    timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri.fsPath} within ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS);
  });
  let documentAt = NaN;
  const opened = vscode.workspace.onDidOpenTextDocument((document) => {
    if (document.uri.toString() === uri.toString() && Number.isNaN(documentAt)) documentAt = performance.now();
  });
  let activatedAt = NaN;
  try {
    const start = performance.now();
    await vscode.commands.executeCommand('vscode.open', uri);
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()) && Number.isNaN(documentAt)) documentAt = performance.now();
    // The open already started activation; this only surfaces its failure.
    const activationFailed = extension.activate().then(() => {
      activatedAt = performance.now();
      return new Promise<never>(() => undefined);
    }, (error: unknown) => {
      throw new Error(`the extension failed to activate: ${error instanceof Error ? error.message : String(error)}`);
    });
    const end = await Promise.race([received, activationFailed]);
    const since = (at: number) => Math.round((at - start) * 10) / 10;
    return { file: path.basename(uri.fsPath), ms: since(end), documentMs: since(documentAt), activatedMs: since(activatedAt), diagnostics: vscode.languages.getDiagnostics(uri).length };
  } finally {
    opened.dispose();
    subscription?.dispose();
    clearTimeout(timer);
  }
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 10 * 60_000 });
  mocha.suite.emit(Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'bench', mocha);
  describe('Benchmark: time to first diagnostics in VS Code', () => {
    it('opens designs and records when their first diagnostics arrive', async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      assert.ok(folder, 'the benchmark workspace is open');
      const plan = JSON.parse(fs.readFileSync(path.join(folder.uri.fsPath, 'bench-plan.json'), 'utf8')) as Plan;
      const extension = vscode.extensions.getExtension(`${manifest.publisher}.${manifest.name}`);
      assert.ok(extension, 'the extension is installed');
      const activeBeforeFirstOpen = extension.isActive;
      const cold = await timeOpen(vscode.Uri.joinPath(folder.uri, plan.cold), extension);
      const warm: Open[] = [];
      for (const file of plan.warm) warm.push(await timeOpen(vscode.Uri.joinPath(folder.uri, file), extension));
      console.log(`${RESULT_MARKER}${JSON.stringify({ vscodeVersion: vscode.version, extensionVersion: extension.packageJSON.version, activeBeforeFirstOpen, cold, warm })}`);
    });
  });
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} benchmark probe(s) failed.`);
}
