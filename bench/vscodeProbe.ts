import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { median, round } from './stats';

/** What the probe in real VS Code measured (test/vscode/bench/index.ts). */
export interface VSCodeMeasurement {
  readonly vscodeVersion: string;
  /** Opening the first design: activating the extension, starting the server, first diagnostics. */
  readonly coldOpenMs: number;
  readonly coldFile: string;
  /** Within the cold open: the document reached the extension host; the extension finished activating. */
  readonly coldDocumentMs: number | null;
  readonly coldActivatedMs: number | null;
  /** Opening further designs with the server running: median and each open. */
  readonly warmOpenMedianMs: number;
  readonly warmOpens: readonly WarmOpen[];
  /** Median of the warm opens' open command → document in the extension host. */
  readonly warmDocumentMedianMs: number;
  readonly activeBeforeFirstOpen: boolean;
  /** The whole harness run (VS Code server + Chromium start, install, probe), wall clock. */
  readonly sessionMs: number;
}

export interface WarmOpen { readonly file: string; readonly ms: number; readonly documentMs: number | null; readonly diagnostics: number }

const RESULT_MARKER = 'BENCH_VSCODE_RESULT ';

/**
 * Runs the probe through the real-VS-Code harness (scripts/vscode-test.mjs: code-server's VS
 * Code server + headless Chromium) with `vsix` installed, as a user has it. The workspace is a
 * fresh folder holding copies of `designs`; the first one is the cold open.
 */
export async function measureVSCode(root: string, workDir: string, vsix: string, designs: readonly string[], log: (line: string) => void): Promise<VSCodeMeasurement> {
  const probe = join(workDir, 'vscode-probe', 'index.js');
  await build({
    entryPoints: [join(root, 'test/vscode/bench/index.ts')],
    outfile: probe,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  const workspace = join(workDir, 'vscode-workspace');
  rmSync(workspace, { recursive: true, force: true });
  mkdirSync(workspace, { recursive: true });
  const names = designs.map((design) => {
    copyFileSync(design, join(workspace, basename(design)));
    return basename(design);
  });
  writeFileSync(join(workspace, 'bench-plan.json'), JSON.stringify({ cold: names[0], warm: names.slice(1) }));

  const args = [
    join(root, 'scripts/vscode-test.mjs'),
    `--vsix=${vsix}`,
    `--extensionTestsPath=${probe}`,
    '--grep=Benchmark',
    `--results=${join(workDir, 'vscode-results')}`,
    '--timeout=600000',
    workspace,
  ];
  const started = performance.now();
  const output = await new Promise<{ code: number | null; text: string }>((resolve, reject) => {
    // The harness requires mocha from the probe's folder: .cache/bench/… resolves the repository's node_modules.
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const take = (chunk: Buffer) => {
      text += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line.trim() && !line.startsWith(RESULT_MARKER)) log(`  [vscode] ${line}`);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, text }));
  });
  const sessionMs = performance.now() - started;
  const line = output.text.split('\n').find((l) => l.startsWith(RESULT_MARKER));
  if (!line) {
    throw new Error(`the VS Code probe reported no result (harness exit code ${output.code}); logs in ${join(workDir, 'vscode-results')}`);
  }
  const result = JSON.parse(line.slice(RESULT_MARKER.length)) as {
    vscodeVersion: string; activeBeforeFirstOpen: boolean;
    cold: { file: string; ms: number; documentMs: number | null; activatedMs: number | null }; warm: WarmOpen[];
  };
  return {
    vscodeVersion: result.vscodeVersion,
    coldOpenMs: result.cold.ms,
    coldFile: result.cold.file,
    coldDocumentMs: result.cold.documentMs,
    coldActivatedMs: result.cold.activatedMs,
    warmOpenMedianMs: round(median(result.warm.map((w) => w.ms))),
    warmOpens: result.warm.map((w) => ({ file: w.file, ms: w.ms, documentMs: w.documentMs, diagnostics: w.diagnostics })),
    warmDocumentMedianMs: round(median(result.warm.map((w) => w.documentMs ?? NaN).filter((n) => !Number.isNaN(n)))),
    activeBeforeFirstOpen: result.activeBeforeFirstOpen,
    sessionMs: round(sessionMs, 0),
  };
}
