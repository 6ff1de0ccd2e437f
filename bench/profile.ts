import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureServer } from './measureServer';
import { ourServer } from './servers';
import { round } from './stats';

/**
 * Where our server's time goes: it runs under `node --cpu-prof` (an unminified bundle, so
 * function names survive) through the same edits as the benchmark, and the profile's self
 * time is summed per function and per area of the code. esbuild marks each bundled module
 * with a `// path/to/module` line, which maps a bundle line back to its source file.
 */
export interface ProfileSummary {
  readonly document: string;
  readonly lines: number;
  readonly edits: number;
  /** Sampled time the server spent not idle. */
  readonly busyMs: number;
  readonly areas: readonly { readonly area: string; readonly ms: number; readonly percent: number }[];
  readonly functions: readonly { readonly name: string; readonly source: string; readonly ms: number; readonly percent: number }[];
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

const AREAS: [RegExp, string][] = [
  [/^node_modules\/yaml\//, 'yaml parser (node_modules/yaml)'],
  [/^node_modules\/vscode-/, 'LSP and JSON-RPC libraries'],
  [/^server\/src\/core\/model\//, 'document model (server/src/core/model)'],
  [/^server\/src\/core\/schema\//, 'schema validation (server/src/core/schema)'],
  [/^server\/src\/core\/rules\//, 'rules and engine (server/src/core/rules)'],
  [/^server\/src\/core\/(usage|decision)\//, 'measurements and decision (server/src/core/usage, decision)'],
  [/^server\/src\/core\//, 'other core (format, knowledge)'],
  [/^server\/src\/lsp\//, 'LSP adapter (server/src/lsp)'],
];

function moduleIndex(bundle: string): { line: number; path: string }[] {
  const markers: { line: number; path: string }[] = [];
  bundle.split('\n').forEach((text, line) => {
    const match = /^\/\/ ((?:node_modules|server|client)\/\S+)$/.exec(text);
    if (match) markers.push({ line, path: match[1] });
  });
  return markers;
}

function sourceOf(markers: { line: number; path: string }[], line: number): string | undefined {
  let lo = 0;
  let hi = markers.length - 1;
  let found: string | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid].line <= line) {
      found = markers[mid].path;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

export function summariseProfile(profile: CpuProfile, bundlePath: string, top = 12): Pick<ProfileSummary, 'busyMs' | 'areas' | 'functions'> {
  const markers = moduleIndex(readFileSync(bundlePath, 'utf8'));
  const selfUs = new Map<number, number>();
  // timeDeltas[i + 1] is the time until the next sample: the time spent where sample i was taken.
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, { name: string; source: string; us: number }>();
  let busyUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(root)') continue;
    busyUs += us;
    let area: string;
    let source: string;
    if (url.startsWith('file:') && fileURLToPath(url) === bundlePath) {
      source = sourceOf(markers, lineNumber) ?? 'bundle';
      area = AREAS.find(([pattern]) => pattern.test(source))?.[1] ?? 'other bundled code';
    } else if (functionName === '(garbage collector)') {
      source = 'V8';
      area = 'garbage collection';
    } else if (functionName === '(program)') {
      source = 'V8';
      area = 'V8 and native code outside JavaScript';
    } else {
      source = url || 'native';
      area = 'Node.js runtime (module loading, streams, JSON)';
    }
    byArea.set(area, (byArea.get(area) ?? 0) + us);
    const name = functionName || '(anonymous)';
    const key = `${name}@${source}`;
    const entry = byFunction.get(key) ?? { name, source, us: 0 };
    entry.us += us;
    byFunction.set(key, entry);
  }
  const percent = (us: number) => round((100 * us) / busyUs);
  return {
    busyMs: round(busyUs / 1000),
    areas: [...byArea].sort((a, b) => b[1] - a[1]).map(([area, us]) => ({ area, ms: round(us / 1000), percent: percent(us) })),
    functions: [...byFunction.values()].sort((a, b) => b.us - a.us).slice(0, top)
      .map((f) => ({ name: f.name, source: f.source, ms: round(f.us / 1000), percent: percent(f.us) })),
  };
}

/** Profiles our server (bundle in `bundleDir`, unminified) on `text` with the benchmark's edits. */
export async function profileServer(bundleDir: string, dir: string, name: string, text: string, edits: number): Promise<ProfileSummary> {
  const profileDir = join(dir, 'cpu-profile');
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  const spec = ourServer(bundleDir, ['--cpu-prof', '--cpu-prof-dir', profileDir]);
  await measureServer(spec, `profile-${name}`, text, dir, edits);
  const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error(`the server wrote no CPU profile into ${profileDir} (did it exit cleanly?)`);
  const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
  return { document: name, lines: text.split('\n').length - 1, edits, ...summariseProfile(profile, join(bundleDir, 'server/main.js')) };
}
