/**
 * docs/performance.md from a benchmark report (bench/results/latest.json). Run on its own to
 * regenerate the page without measuring again: `node --import tsx bench/report.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Footprint } from './footprint';
import { MAX_QUIET_MS, SLOW_ANALYSIS_MS } from '../server/src/lsp/validationTiming';
import { IDLE_MS, type ServerMeasurement } from './measureServer';
import type { ProfileSummary } from './profile';
import { median, round } from './stats';
import { evaluateTargets, type Target } from './targets';
import type { VSCodeMeasurement } from './vscodeProbe';
import { ESTATE_ORGS, SHARED_GROUP, type EstateMeasurement } from './estate';
import type { ExtensionServersMeasurement } from './webWorker';

export interface DocumentResult {
  readonly name: string;
  readonly lines: number;
  readonly chars: number;
  /** Bare `yaml` parseDocument() of the text, the floor: the lowest of parseWindowsMs. */
  readonly parseMs: number;
  /** The median parse time in each of three sampling windows (before ours, between, after the peer). */
  readonly parseWindowsMs: readonly number[];
  /** Ours: the median (by p50) of the fresh server processes measured on this document. */
  readonly ours: ServerMeasurement;
  /** The p50 of each of our server processes on this document (one for most documents). */
  readonly oursRunsP50?: readonly number[];
  readonly peer: ServerMeasurement;
}

/** The ways of starting our server the benchmark compares (bench/run.ts LAUNCH_EXPERIMENTS). */
export type LaunchExperimentId = 'plain-node' | 'extension' | 'single-threaded' | 'lite-mode';

export interface LaunchExperiment {
  readonly id: LaunchExperimentId;
  readonly label: string;
  readonly document: string;
  readonly startRssMb: number;
  readonly peakRssMb: number;
  readonly idleRssMb: number | null;
  readonly p50: number;
  readonly p95: number;
}

export interface BenchReport {
  measuredAt: string;
  quick: boolean;
  durationS: number;
  commit: string | null;
  uncommittedChanges: number | null;
  machine: {
    cpu: string; cores: number; memoryGb: number; node: string; platform: string;
    /** os.loadavg() (1, 5, 15 minutes) at start and end; the highest 1-minute value sampled during the run. */
    loadAverage: { atStart: number[]; atEnd: number[]; maxOneMinute: number };
  };
  method: {
    editsPerDocument: Record<string, number>;
    burst: { keystrokes: number; intervalMs: number; repeats: number };
    peer: { name: string; version: string; validationDelayMs: number | null };
    /** The unknown-key message each server gave before measuring (proof both validate against the schema). */
    schemaCheck: { ours: string; peer: string };
    /** An empty `node -e` process: resident, file-backed and anonymous MB. */
    nodeBaseline: { rssMb: number; fileMb: number; anonMb: number };
    /** How our server was started for every measurement (server/src/protocol/launchProfile.ts, as the extension does). */
    launchProfile: { nodeFlags: string[]; env: Record<string, string> };
  };
  documents: DocumentResult[];
  /** Our server started in other ways (plain node, more memory-saving flags) on a small and a large design. */
  launchExperiments: LaunchExperiment[];
  profiles: ProfileSummary[];
  footprint: Footprint;
  /** The extension's server in a Web Worker and over IPC (absent in reports from before the web extension). */
  extensionServers?: ExtensionServersMeasurement | { error: string };
  vscode: VSCodeMeasurement | { error: string } | { skipped: string };
  /** The estate: a generated workspace of designs over several orgs (bench/estate.ts); absent in reports from before it. */
  estate?: EstateMeasurement;
  targets: Target[];
}

const fmt = (n: number | null | undefined, unit = '') => (n === null || n === undefined || Number.isNaN(n) ? 'n/a' : `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}${unit}`);

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function estateSection(r: BenchReport): string {
  const e = r.estate;
  if (!e) return 'Not measured in this run.';
  const rows = e.sizes.map((s) => [
    fmt(s.designs), fmt(s.filesRead), `**${fmt(s.coldIndexServerMs)}**`, fmt(s.coldIndexToDiagnosticsMs),
    `**${fmt(s.p50)}** / ${fmt(s.p95)} / ${fmt(s.max)}`, fmt(s.affectedPerKeystroke),
    s.sum ? `**${fmt(s.sum.p50)}** / ${fmt(s.sum.p95)} / ${fmt(s.sum.max)}` : 'n/a', fmt(s.sum?.affected),
    fmt(s.startRssMb), fmt(s.indexedRssMb), `**${fmt(s.peakRssMb)}**`,
  ]);
  return `A generated workspace (bench/estate.ts) of designs spread evenly over ${ESTATE_ORGS} orgs, each org with its folder and its org file;
in each org, ${SHARED_GROUP} designs log in as one integration user, and every design makes API requests that together use 80 % of
its org's daily allocation (a finding in every design). Our server is started as the extension starts it, with the
workspace folder, and indexes it (every design and org file, none open). **cold index** is the server's own time for that first run
(its log line: listing aside, reading and parsing every file in batches that yield to the message loop, then computing every
estate); "to diagnostics" is from \`initialized\` until every closed design got its cross-design diagnostics (the shared user, the org's sum).
Then one design of a group is opened and edited ${e.sizes[0]?.edits ?? 0} times in its username, each edit taking it out of the group or back:
**shared user** is from the \`didChange\` to the last of the ${SHARED_GROUP} publishes it causes (the open design's, with its version,
and those of the ${SHARED_GROUP - 1} closed designs whose finding names one design more or less). Then it is edited as many times in its
API requests (a digit added, then removed): **org's sum** is from the \`didChange\` to the last publish of every design of the org,
each stating the new sum. Each size runs in a fresh server process.
Memory: resident MB after \`initialize\`, after the cold index, and the peak of the run. Measured ${e.measuredAt.slice(0, 16).replace('T', ' ')} UTC.

${table(['designs', 'files read', 'cold index (ms)', 'to diagnostics (ms)', 'keystroke in a shared user → all affected p50 / p95 / max (ms)', 'affected', 'keystroke in the org\'s sum → all affected p50 / p95 / max (ms)', 'affected', 'RSS after start', 'RSS indexed', 'RSS peak'], rows)}`;
}

function vscodeSection(v: BenchReport['vscode']): string {
  if ('skipped' in v) return `Not measured in this run (${v.skipped}).`;
  if ('error' in v) return `Not measured: the probe failed (${v.error}).`;
  const name = (file: string) => file.replace('.integration.yaml', '');
  return `${table(['open', 'design', 'open command → document in the extension host', 'open command → first diagnostics'], [
    ['cold: activates the extension, starts the server', v.coldFile, fmt(v.coldDocumentMs, ' ms'), `**${fmt(v.coldOpenMs, ' ms')}** (activation done at ${fmt(v.coldActivatedMs, ' ms')})`],
    [`warm: median of ${v.warmOpens.length} other designs`, v.warmOpens.map((w) => name(w.file)).join(', '), fmt(v.warmDocumentMedianMs, ' ms'), `**${fmt(v.warmOpenMedianMs, ' ms')}**`],
  ])}

VS Code ${v.vscodeVersion} (code-server's build) with the packaged .vsix installed, its workbench rendered by headless Chromium.
The probe (test/vscode/bench/index.ts) runs in the extension host: it executes \`vscode.open\` on each design and stops the
clock at the first \`onDidChangeDiagnostics\` for it. "document in the extension host" is when \`onDidOpenTextDocument\` fired:
the part before it is VS Code opening the editor, before any of our code can run. Each warm open (document / diagnostics):
${v.warmOpens.map((w) => `${name(w.file)} ${fmt(w.documentMs, '')} / ${fmt(w.ms, ' ms')}`).join(', ')}. Whole session (start VS Code's server and
Chromium, install the .vsix, run): ${fmt(v.sessionMs / 1000, ' s')}.`;
}

function extensionServersSection(r: BenchReport): string {
  const e = r.extensionServers;
  if (e === undefined) return 'Not measured in this run (a report from before the web extension).';
  if ('error' in e) return `Not measured: ${e.error}`;
  const stdio = (name: string) => r.documents.find((d) => d.name === name)?.ours;
  const rows = e.worker.map((w) => {
    const d = e.desktop.find((x) => x.name === w.name);
    return [
      w.name, fmt(w.lines), fmt(w.startMs), fmt(w.firstDiagnosticsMs), `**${fmt(w.p50)}** / ${fmt(w.p95)} / ${fmt(w.max)}`,
      d ? `${fmt(d.p50)} / ${fmt(d.p95)} / ${fmt(d.max)}` : 'n/a', d ? fmt(d.peakRssMb) : 'n/a', fmt(stdio(w.name)?.p50),
    ];
  });
  const starts = e.worker.map((w) => w.startMs);
  return `The extension ships one server script, \`dist/server/web.js\`. On the web (vscode.dev, github.dev) the client starts it
in a Web Worker; in desktop VS Code its launcher (\`dist/server/desktop.js\`) runs it as a Node process over IPC, with the
launch profile above. **Web Worker**: the production script in a fresh worker per document in headless Chromium ${e.chromium}, driven
by a client in the same page (bench/web/pageClient.ts) and timed with the page's clock, as the extension's client in VS Code's
web worker extension host sees it; "start" is \`new Worker()\` → \`initialize\` answered (the script compiled and started; the
first one is cold). **Desktop (IPC)**: the same script through its launcher, driven over IPC by the benchmark's client in Node;
"peak" is its resident memory. The same edits as above; stdio p50 is the table above's.

${table(['document', 'lines', 'web worker: start', 'web worker: first diagnostics', 'web worker: p50 / p95 / max', 'desktop (IPC): p50 / p95 / max', 'desktop (IPC): peak MB', 'stdio: p50'], rows)}

Worker start: first ${fmt(starts[0], ' ms')}, median ${fmt(median(starts), ' ms')}. The extension's bundles (production; the .vsix holds these, compressed):

${table(['bundle', 'minified', 'gzip'], e.bundles.map((b) => [b.file, fmt(b.kb, ' KB'), fmt(b.gzipKb, ' KB')]))}`;
}

/** Documents our server was measured on in several fresh processes: each one's p50 (the median one is in the tables). */
function repeatedRuns(r: BenchReport): string {
  const repeated = r.documents.filter((d) => (d.oursRunsP50?.length ?? 1) > 1);
  if (repeated.length === 0) return '';
  return ` Ours on ${repeated.map((d) => `${d.name} ran in ${d.oursRunsP50!.length} fresh server processes (p50 ${d.oursRunsP50!.map((p) => fmt(p)).join(', ')} ms)`).join('; ')}: the median process is the one reported.`;
}

export function renderMarkdown(r: BenchReport): string {
  const m = r.machine;
  const peer = r.method.peer;
  const delay = peer.validationDelayMs;
  const busy = m.loadAverage.maxOneMinute > 2;
  const docRows = r.documents.map((d) => [
    d.name, fmt(d.lines), fmt(d.parseMs), fmt(d.ours.firstDiagnosticsMs),
    `${fmt(d.ours.p50)} / ${fmt(d.ours.p95)} / ${fmt(d.ours.max)}`, fmt(d.ours.validationP50),
    fmt(d.peer.firstDiagnosticsMs), `${fmt(d.peer.p50)} / ${fmt(d.peer.p95)} / ${fmt(d.peer.max)}`,
    `**${fmt(round(d.peer.p50 / d.ours.p50, 1))}×**`, `**${fmt(round(d.ours.p50 / d.parseMs, 2))}×**`,
  ]);
  const burstRows = r.documents.map((d) => [
    d.name, fmt(d.lines), `**${fmt(d.ours.burst.lastKeyToFinalMs)}** (${d.ours.burst.runs.map((b) => fmt(b.lastKeyToFinalMs)).join(', ')})`,
    `${d.ours.burst.runs.map((b) => b.staleValidated).join(', ')} of ${d.ours.burst.keystrokes - 1}`,
    fmt(d.ours.p50), fmt(d.ours.validationP50),
    `${fmt(d.peer.burst.lastKeyToFinalMs)} (${d.peer.burst.runs.map((b) => fmt(b.lastKeyToFinalMs)).join(', ')})`, d.peer.burst.runs.map((b) => b.staleValidated).join(', '),
  ]);
  const memoryRows = r.documents.map((d) => [d.name, fmt(d.ours.startRssMb), fmt(d.ours.peakRssMb), fmt(d.ours.idleRssMb), fmt(d.peer.startRssMb), fmt(d.peer.peakRssMb), fmt(d.peer.idleRssMb)]);
  const launch = r.method.launchProfile;
  const launchText = `${launch.nodeFlags.map((f) => `\`${f}\``).join(' ')}${Object.keys(launch.env).length ? ` and ${Object.entries(launch.env).map(([k, v]) => `\`${k}=${v}\``).join(' ')} in its environment` : ''}`;
  const profiles = r.profiles.map((p) => `### ${p.document} (${fmt(p.lines)} lines, ${p.edits} edits and the burst, ${fmt(p.busyMs)} ms busy)

${table(['area', 'self time', 'share'], p.areas.filter((a) => a.percent >= 0.5).map((a) => [a.area, fmt(a.ms, ' ms'), `${a.percent}%`]))}

${table(['function', 'source', 'self time', 'share'], p.functions.map((f) => [`\`${f.name}\``, f.source, fmt(f.ms, ' ms'), `${f.percent}%`]))}`).join('\n\n');
  const f = r.footprint;
  const unmet = r.targets.filter((t) => !t.met);

  return `# Performance

<!-- Generated by \`npm run bench\` (bench/run.ts, bench/report.ts) from bench/results/latest.json. Do not edit by hand. -->

Measured by \`npm run bench\` on ${r.measuredAt.slice(0, 16).replace('T', ' ')} UTC${r.commit ? ` at commit ${r.commit}${r.uncommittedChanges ? ` (plus ${r.uncommittedChanges} uncommitted file(s))` : ''}` : ''}${r.quick ? ', quick mode' : ''}, in ${fmt(r.durationS, ' s')}.
Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.platform}, Node ${m.node}. Load average (1/5/15 min): ${m.loadAverage.atStart.join(' / ')} at start,
${m.loadAverage.atEnd.join(' / ')} at the end, highest 1-minute value during the run ${m.loadAverage.maxOneMinute}. Raw numbers: \`bench/results/latest.json\`.
${busy ? `
> **The machine was not quiet.** Its ${m.cores} cores were shared with other work (1-minute load up to ${m.loadAverage.maxOneMinute}), so these times
> are higher and noisier than on a quiet machine; ratios between the servers, measured side by side, are more reliable than
> absolute times.
` : ''}
## How it is measured

Both servers run as separate processes driven over stdio exactly as an editor drives them (test/helpers/lspDriver.ts): \`initialize\`,
settings through \`workspace/configuration\`, \`didOpen\` of a file on disk, then incremental \`didChange\` edits that change one
value (a row count, or the name where a design has none), each time waiting for the diagnostics of that version: ours carries
the version in \`publishDiagnostics\`; for the peer, the next publish. The peer is **${peer.name}** with this project's JSON Schema
associated to \`*.integration.yaml\` (\`yaml.schemas\`); before measuring, each server had to report an unknown key
(ours: "${r.method.schemaCheck.ours.slice(0, 80)}…"; peer: "${r.method.schemaCheck.peer}"). **parse** is the bare \`parseDocument()\`
of the \`yaml\` library, the floor: the median of at least 25 runs and 500 ms in a fresh process (bench/parseFloor.ts), sampled
in three windows (before our server's run, between the servers, after the peer's); the lowest of the three counts. Times in ms. Every document and server gets
a fresh server process. ${delay !== null ? `yaml-language-server waits a fixed ${delay} ms after each change before validating (\`validationDelayMs\`, not a setting): its latencies include it, as they do in an editor.` : ''}

## Keystroke to diagnostics

${table(['document', 'lines', 'parse', 'ours: first diagnostics', 'ours: p50 / p95 / max', 'ours: analysis p50', 'peer: first diagnostics', 'peer: p50 / p95 / max', 'peer / ours (p50)', 'ours / parse (p50)'], docRows)}

"analysis" is the server's own time for parse, schema and rules (its \`integrationDesigner/status\` notification); the rest of
the latency is transport, serialising the diagnostics and scheduling. Edits per document: ${[...new Set(Object.values(r.method.editsPerDocument))].join(' or ')}.${repeatedRuns(r)}

## Typing burst

${r.method.burst.repeats} bursts per document of ${r.method.burst.keystrokes} keystrokes ${r.method.burst.intervalMs} ms apart, typed onto the end of a key (so every version
has its own unknown-key diagnostic, and the final version's is recognisable in the peer's unversioned publishes). Time from the
last keystroke to the final version's diagnostics: median, then each burst. "stale" counts earlier versions of a burst that were
analysed and published: ours from its status notifications, the peer's from its publishes (it waits for a pause in typing). Ours
analyses each version at once, except on a design whose last analysis took ${SLOW_ANALYSIS_MS} ms or more: there it waits until typing has paused
for a quarter of that time (at most ${MAX_QUIET_MS} ms), since an analysis under way cannot be interrupted (server/src/lsp/validationTiming.ts).

${table(['document', 'lines', 'ours: last key → final diagnostics', 'ours: stale versions analysed', 'ours: one edit p50', 'ours: analysis p50', 'peer: last key → final', 'peer: stale publishes'], burstRows)}

## Memory (resident set size, MB)

Our server runs as the extension starts it (server/src/protocol/launchProfile.ts): ${launchText}. "peak" is the
highest resident size of the run (VmHWM), "idle" the resident size after ${IDLE_MS / 1000} s without edits at its end (V8 and the C allocator
give memory back once typing stops; measured on the generated designs).

${table(['document', 'ours: after start', 'ours: peak', 'ours: idle', 'peer: after start', 'peer: peak', 'peer: idle'], memoryRows)}

An empty Node.js process (\`node -e\`) is ${r.method.nodeBaseline.rssMb} MB resident on this machine, ${r.method.nodeBaseline.fileMb} MB of it the pages of the
node executable it runs (file-backed). Our server started in other ways,
side by side on a small and a large design (keystroke → diagnostics in ms):

${table(['document', 'started as', 'after start', 'peak', 'idle', 'p50 / p95'], r.launchExperiments.map((e) => [e.document, e.label, fmt(e.startRssMb), fmt(e.peakRssMb), fmt(e.idleRssMb), `${fmt(e.p50)} / ${fmt(e.p95)}`]))}

## Where our server's time goes

\`node --cpu-prof\` on an unminified build of the server, through the same edits and burst; self time per area of the code and
the top functions.

${profiles}

## Estate: hundreds of designs over several orgs

${estateSection(r)}

## Footprint

${table(['what', 'size or time'], [
    ['stdio server bundle (dist/server/main.js, minified)', fmt(f.serverBundleKb, ' KB')],
    ...(f.extensionServerBundleKb !== undefined ? [['the extension\'s server script (dist/server/web.js, desktop and web)', fmt(f.extensionServerBundleKb, ' KB')]] : []),
    [f.extensionServerBundleKb !== undefined ? 'the extension\'s client (dist/client/web.js, desktop and web)' : 'client bundle (dist/client/extension.js)', fmt(f.clientBundleKb, ' KB')],
    ['webview bundle (dist/webview/main.js)', fmt(f.webviewBundleKb, ' KB')],
    ['CLI bundle (dist/cli/main.js)', fmt(f.cliBundleKb, ' KB')],
    ['.vsix (scripts/package.mjs)', fmt(f.vsixKb, ' KB')],
    ['CLI on 100 designs (40–220 lines), one process, start to exit', f.cli ? `${fmt(f.cli.ms, ' ms')} (${fmt(round(f.cli.ms / f.cli.designs, 1), ' ms')} per design; Node starting alone: ${fmt(f.cli.nodeStartupMs, ' ms')})` : 'n/a'],
  ])}

Largest files in the .vsix (compressed): ${f.vsixLargest.map((e) => `${e.file} ${fmt(e.kb, ' KB')}`).join(', ')}.
What the bundles are made of (unminified build, share of bytes):

${table(['bundle', 'biggest parts'], [
    ['client', f.composition.client.map((p) => `${p.part} ${p.percent}%`).join(', ')],
    ['server', f.composition.server.map((p) => `${p.part} ${p.percent}%`).join(', ')],
  ])}

## The extension's server: in a Web Worker and in desktop VS Code

${extensionServersSection(r)}

## Opening a design in real VS Code

${vscodeSection(r.vscode)}

## Targets

${table(['target', 'measured', 'met'], r.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : '**no**']))}
${unmet.length === 0 ? '\nAll targets are met.\n' : `
### What limits the targets not met

${unmet.map((t) => `- **${t.target}** (${t.measured}).${t.limitedBy ? ` ${t.limitedBy.trim()}` : ''}`).join('\n')}
`}`;
}

if (require.main === module) {
  const root = join(__dirname, '..');
  const report = JSON.parse(readFileSync(join(root, 'bench/results/latest.json'), 'utf8')) as BenchReport;
  report.targets = evaluateTargets(report);
  writeFileSync(join(root, 'docs/performance.md'), renderMarkdown(report));
  console.log('docs/performance.md regenerated from bench/results/latest.json');
}
