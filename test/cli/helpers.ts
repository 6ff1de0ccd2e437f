import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../..');
/** The bundle `npm run build` ships; `node scripts/test.mjs cli` builds it first. */
export const CLI = join(ROOT, 'dist/cli/main.js');
export const FIXTURES = join(__dirname, 'fixtures');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the bundled CLI as a user would and waits for it to exit. */
export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' (node scripts/test.mjs cli builds it first).`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The finding lines of text output (everything but the summary line). */
export function findingLines(stdout: string): string[] {
  return stdout.split('\n').filter((line) => /^\S.*:\d+:\d+ (error|warning|info|hint) /.test(line));
}

/** `file:line:col severity rule-id` of each finding line, without the message. */
export function findingHeads(stdout: string): string[] {
  return findingLines(stdout).map((line) => line.split(' ').slice(0, 3).join(' '));
}
