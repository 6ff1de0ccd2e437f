import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDesign } from './generate';
import { round } from './stats';

export interface Footprint {
  /** The stdio server (dist/server/main.js: other editors, the npm package). */
  readonly serverBundleKb: number | null;
  /** The extension's client (dist/client/web.js, on the desktop and the web). */
  readonly clientBundleKb: number | null;
  /** The extension's server script (dist/server/web.js, on the desktop and the web). */
  readonly extensionServerBundleKb?: number | null;
  readonly cliBundleKb: number | null;
  readonly webviewBundleKb: number | null;
  readonly vsixKb: number | null;
  /** The biggest files in the .vsix, compressed size. */
  readonly vsixLargest: readonly { readonly file: string; readonly kb: number }[];
  readonly cli: CliMeasurement | null;
  /** What the client and server bundles are made of (unminified build), biggest first. */
  readonly composition: { readonly client: readonly BundlePart[]; readonly server: readonly BundlePart[] };
}

export interface BundlePart {
  /** A package (node_modules/<name>) or a source folder (server/src/core, client/src, …). */
  readonly part: string;
  readonly kb: number;
  readonly percent: number;
}

export interface CliMeasurement {
  readonly designs: number;
  /** Wall clock of one `integration-lint --format json <folder>` process, start to exit. */
  readonly ms: number;
  readonly exitCode: number | null;
  /** Files the JSON output lists: all of them must have been linted. */
  readonly filesReported: number;
  /** Starting Node and exiting with nothing to do, for scale. */
  readonly nodeStartupMs: number;
}

function kb(path: string): number | null {
  return existsSync(path) ? round(statSync(path).size / 1024) : null;
}

/** Builds the .vsix with scripts/package.mjs (on its own copy of the repository) at `out`. */
export function packageVsix(root: string, out: string): string {
  rmSync(out, { force: true });
  execFileSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', out], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return out;
}

/** Entries of a zip (the .vsix), from its central directory: name and compressed size. */
export function zipEntries(path: string): { file: string; compressed: number }[] {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${path} is not a zip file`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { file: string; compressed: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: bad central directory entry`);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    entries.push({ file: zip.toString('utf8', at + 46, at + 46 + nameLength), compressed });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** The CLI linting 100 designs (40 to 220 lines) in one process. */
export function measureCli(cli: string, dir: string): CliMeasurement | null {
  if (!existsSync(cli)) return null;
  const designs = join(dir, 'hundred-designs');
  rmSync(designs, { recursive: true, force: true });
  mkdirSync(designs, { recursive: true });
  const count = 100;
  for (let i = 0; i < count; i++) writeFileSync(join(designs, `design-${i}.integration.yaml`), generateDesign(40 + (i % 10) * 20));
  const startup = performance.now();
  spawnSync(process.execPath, ['-e', '0']);
  const nodeStartupMs = performance.now() - startup;
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, '--format', 'json', designs], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  let filesReported = 0;
  try {
    filesReported = (JSON.parse(run.stdout) as unknown[]).length;
  } catch {
    throw new Error(`the CLI did not print JSON (exit code ${run.status}): ${run.stderr.slice(0, 2000)}`);
  }
  if (filesReported !== count) throw new Error(`the CLI reported ${filesReported} of ${count} designs`);
  return { designs: count, ms: round(ms), exitCode: run.status, filesReported, nodeStartupMs: round(nodeStartupMs) };
}

export function bundleSizes(bundleDir: string): Pick<Footprint, 'serverBundleKb' | 'clientBundleKb' | 'extensionServerBundleKb' | 'cliBundleKb' | 'webviewBundleKb'> {
  return {
    serverBundleKb: kb(join(bundleDir, 'server/main.js')),
    clientBundleKb: kb(join(bundleDir, 'client/web.js')),
    extensionServerBundleKb: kb(join(bundleDir, 'server/web.js')),
    cliBundleKb: kb(join(bundleDir, 'cli/main.js')),
    webviewBundleKb: kb(join(bundleDir, 'webview/main.js')),
  };
}

export function largestInVsix(vsix: string, top = 6): Footprint['vsixLargest'] {
  return zipEntries(vsix).sort((a, b) => b.compressed - a.compressed).slice(0, top).map((e) => ({ file: e.file, kb: round(e.compressed / 1024) }));
}

/**
 * Bytes per package or source folder of an unminified esbuild bundle, from the `// path`
 * line esbuild writes before each module. Shares carry over to the minified bundle roughly.
 */
export function bundleComposition(bundle: string, top = 10): BundlePart[] {
  if (!existsSync(bundle)) return [];
  const sizes = new Map<string, number>();
  let current = '(runtime helpers)';
  let total = 0;
  for (const line of readFileSync(bundle, 'utf8').split('\n')) {
    const marker = /^\/\/ ((?:node_modules|server|client)\/\S+)$/.exec(line);
    if (marker) {
      const parts = marker[1].split('/');
      current = parts[0] === 'node_modules' ? parts.slice(0, parts[1].startsWith('@') ? 3 : 2).join('/') : parts.slice(0, 3).join('/');
    }
    sizes.set(current, (sizes.get(current) ?? 0) + line.length + 1);
    total += line.length + 1;
  }
  return [...sizes].sort((a, b) => b[1] - a[1]).slice(0, top).map(([part, bytes]) => ({ part, kb: round(bytes / 1024), percent: round((100 * bytes) / total) }));
}
