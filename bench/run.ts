/**
 * `npm run bench`: drives our bundled language server and yaml-language-server (with this
 * project's JSON Schema) over stdio on the same documents, with the bare `yaml` parse as the
 * floor, and writes bench/results/latest.json and docs/performance.md. Nothing here is a
 * test: it reports numbers and which targets they meet.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseDocument } from 'yaml';
import { LineIndex } from '../server/src/core/model/text';
import { editTarget, generateDesign } from './generate';
import { LspDriver } from './lspDriver';
import { percentile, round } from './stats';

const root = join(__dirname, '..');
/** Production bundles are built here, so dist/ (used by tests) is left alone. */
const built = join(root, '.cache/bench-dist');
const quick = process.argv.includes('--quick');

interface ServerSpec {
  readonly name: string;
  readonly command: string;
  readonly args: string[];
  readonly languageId: string;
  readonly settings: unknown;
  /** Our server publishes versions; the peer does not, so we take its first publish after the edit. */
  readonly versioned: boolean;
}

const schemaPath = join(root, 'server/schema/integration.schema.json');
const SERVERS: ServerSpec[] = [
  {
    name: 'ours', command: process.execPath, args: [join(built, 'server/main.js'), '--stdio'], languageId: 'integration-yaml', versioned: true,
    settings: { integrationDesigner: { validate: 'onType', rules: {} } },
  },
  {
    name: 'yaml-language-server', command: process.execPath, args: [join(root, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'], languageId: 'yaml', versioned: false,
    settings: { yaml: { validate: true, hover: true, completion: true, schemas: { [pathToFileURL(schemaPath).href]: ['*.yaml'] }, schemaStore: { enable: false } } },
  },
];

interface DocResult {
  name: string;
  lines: number;
  parseMs: number;
  servers: Record<string, { firstDiagnosticsMs: number; p50: number; p95: number; max: number; burstMs: number; staleValidated: number; rssMb: number }>;
}

function parseFloorMs(text: string): number {
  const runs: number[] = [];
  for (let i = 0; i < (quick ? 5 : 15); i++) {
    const t = performance.now();
    parseDocument(text);
    runs.push(performance.now() - t);
  }
  return percentile(runs, 50);
}

async function measureServer(spec: ServerSpec, name: string, text: string, dir: string): Promise<DocResult['servers'][string]> {
  const file = join(dir, `${name}.integration.yaml`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const driver = await LspDriver.start(spec.command, spec.args, spec.settings, dir);
  try {
    const opened = performance.now();
    const first = driver.nextPublish(uri, (p) => !spec.versioned || p.version === 1);
    driver.open(uri, spec.languageId, text);
    const firstDiagnosticsMs = (await first).at - opened;

    const lines = new LineIndex(text);
    const target = editTarget(text);
    let current = text.slice(target.start, target.end);
    let version = 1;
    const edit = (): void => {
      const next = current === '100' ? '101' : '100';
      const start = lines.positionAt(target.start);
      const range = { start, end: { line: start.line, character: start.character + current.length } };
      current = next;
      version++;
      driver.change(uri, version, range, next);
    };
    const latencies: number[] = [];
    const edits = quick ? 8 : text.length > 300_000 ? 12 : 40;
    for (let i = 0; i < edits; i++) {
      const expected = version + 1;
      const published = driver.nextPublish(uri, (p) => !spec.versioned || p.version === expected);
      const sent = performance.now();
      edit();
      latencies.push((await published).at - sent);
    }

    // Typing burst: 20 edits 30 ms apart; time from the last keystroke to the final version's diagnostics.
    const validatedBefore = driver.validatedVersions.length;
    const firstBurstVersion = version + 1;
    let publishesInBurst = 0;
    const counting = driver.nextPublish(uri, () => { publishesInBurst++; return false; }, 600_000).catch(() => undefined);
    void counting;
    for (let i = 0; i < 19; i++) {
      edit();
      await new Promise((r) => setTimeout(r, 30)); // simulated typing cadence, not a wait for results
    }
    const finalVersion = version + 1;
    const final = driver.nextPublish(uri, (p) => !spec.versioned || p.version === finalVersion);
    const lastKey = performance.now();
    edit();
    const burstMs = (await final).at - lastKey;
    const validated = driver.validatedVersions.slice(validatedBefore);
    const staleValidated = spec.versioned
      ? validated.filter((v) => v >= firstBurstVersion && v < finalVersion).length
      : Math.max(0, publishesInBurst - 1);

    return {
      firstDiagnosticsMs: round(firstDiagnosticsMs), p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)),
      max: round(Math.max(...latencies)), burstMs: round(burstMs), staleValidated, rssMb: round(driver.residentMegabytes()),
    };
  } catch (error) {
    throw new Error(`${spec.name} on ${name}: ${error instanceof Error ? error.message : String(error)}\n${driver.stderr}`);
  } finally {
    await driver.stop();
  }
}

function fileSize(path: string): number | undefined {
  return existsSync(path) ? statSync(path).size : undefined;
}

function cliHundredDesigns(dir: string): number | undefined {
  const cli = join(built, 'cli/main.js');
  if (!existsSync(cli)) return undefined;
  const designs = join(dir, 'hundred');
  mkdirSync(designs, { recursive: true });
  for (let i = 0; i < 100; i++) writeFileSync(join(designs, `d${i}.integration.yaml`), generateDesign(40 + (i % 10) * 20));
  const t = performance.now();
  spawnSync(process.execPath, [cli, designs, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return round(performance.now() - t);
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production', '--outdir', '.cache/bench-dist'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'integration-bench-'));
  const documents: { name: string; text: string }[] = [];
  const examples = join(root, 'examples');
  if (existsSync(examples)) {
    for (const f of readdirSync(examples).filter((n) => n.endsWith('.integration.yaml')).sort()) {
      documents.push({ name: `example:${f.replace('.integration.yaml', '')}`, text: readFileSync(join(examples, f), 'utf8') });
    }
  }
  for (const lines of quick ? [40, 1_000, 5_000] : [40, 1_000, 5_000, 20_000]) documents.push({ name: `generated-${lines}`, text: generateDesign(lines) });

  const results: DocResult[] = [];
  for (const doc of documents) {
    const entry: DocResult = { name: doc.name, lines: doc.text.split('\n').length - 1, parseMs: round(parseFloorMs(doc.text), 2), servers: {} };
    for (const server of SERVERS) {
      process.stdout.write(`${doc.name} (${entry.lines} lines) · ${server.name} … `);
      entry.servers[server.name] = await measureServer(server, doc.name.replace(/[^a-z0-9-]/gi, '_'), doc.text, dir);
      console.log(`p50 ${entry.servers[server.name].p50} ms`);
    }
    results.push(entry);
  }

  const vsix = readdirSync(root).filter((n) => n.endsWith('.vsix')).map((n) => join(root, n))[0];
  const footprint = {
    serverBundleKb: round((fileSize(join(built, 'server/main.js')) ?? NaN) / 1024),
    clientBundleKb: round((fileSize(join(built, 'client/extension.js')) ?? NaN) / 1024),
    cliBundleKb: round((fileSize(join(built, 'cli/main.js')) ?? NaN) / 1024),
    vsixKb: vsix ? round(statSync(vsix).size / 1024) : null,
    cliHundredDesignsMs: cliHundredDesigns(dir) ?? null,
  };
  rmSync(dir, { recursive: true, force: true });

  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: round(totalmem() / 2 ** 30), node: process.version, platform: process.platform };
  const report = { measuredAt: new Date().toISOString(), machine, quick, results, footprint, targets: evaluateTargets(results, footprint) };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const markdown = renderMarkdown(report);
  writeFileSync(join(root, 'docs/performance.md'), markdown);
  console.log(`\n${markdown}`);
}

type Report = { measuredAt: string; machine: Record<string, unknown>; quick: boolean; results: DocResult[]; footprint: Record<string, number | null>; targets: Target[] };
interface Target { readonly target: string; readonly measured: string; readonly met: boolean }

function evaluateTargets(results: DocResult[], footprint: Record<string, number | null>): Target[] {
  const small = results.find((r) => r.name === 'generated-40');
  const large = results.find((r) => r.name === 'generated-5000');
  const targets: Target[] = [];
  if (small) {
    const ours = small.servers.ours;
    const peer = small.servers['yaml-language-server'];
    targets.push({ target: '40 lines: p50 ≤ 10 ms', measured: `${ours.p50} ms`, met: ours.p50 <= 10 });
    targets.push({ target: '40 lines: p95 ≤ 25 ms', measured: `${ours.p95} ms`, met: ours.p95 <= 25 });
    targets.push({ target: '40 lines: ≥ 10× faster than yaml-language-server (p50)', measured: `${round(peer.p50 / ours.p50)}×`, met: peer.p50 / ours.p50 >= 10 });
    targets.push({ target: 'server RSS < 60 MB on 40 lines', measured: `${ours.rssMb} MB`, met: ours.rssMb < 60 });
    targets.push({ target: 'typing burst: final diagnostics within one validation time of the last keystroke', measured: `${ours.burstMs} ms (one validation ≈ p50 ${ours.p50} ms)`, met: ours.burstMs <= Math.max(ours.p95, ours.p50 * 2) });
  }
  if (large) {
    const ours = large.servers.ours;
    targets.push({ target: '5,000 lines: p50 ≤ 1.3 × bare parse', measured: `${ours.p50} ms vs parse ${large.parseMs} ms (${round(ours.p50 / large.parseMs, 2)}×)`, met: ours.p50 <= 1.3 * large.parseMs });
  }
  const sizes = results.filter((r) => r.name.startsWith('generated-')).sort((a, b) => a.lines - b.lines);
  if (sizes.length >= 3) {
    const a = sizes[1];
    const b = sizes[sizes.length - 1];
    const growth = (b.servers.ours.p50 / a.servers.ours.p50) / (b.lines / a.lines);
    targets.push({ target: 'cost grows linearly with size', measured: `p50 per line ratio ${round(growth, 2)} between ${a.lines} and ${b.lines} lines (1.0 = linear)`, met: growth <= 1.5 });
  }
  if (footprint.vsixKb !== null) targets.push({ target: '.vsix < 500 KB', measured: `${footprint.vsixKb} KB`, met: (footprint.vsixKb ?? Infinity) < 500 });
  return targets;
}

function renderMarkdown(report: Report): string {
  const m = report.machine;
  const rows = report.results.map((r) => {
    const o = r.servers.ours;
    const p = r.servers['yaml-language-server'];
    return `| ${r.name} | ${r.lines} | ${r.parseMs} | ${o.firstDiagnosticsMs} | ${o.p50} / ${o.p95} / ${o.max} | ${o.burstMs} (${o.staleValidated} stale) | ${o.rssMb} | ${p.firstDiagnosticsMs} | ${p.p50} / ${p.p95} / ${p.max} | ${p.burstMs} | ${p.rssMb} | ${round(p.p50 / o.p50)}× | ${round(o.p50 / r.parseMs, 2)}× |`;
  });
  const f = report.footprint;
  return `# Performance

Measured by \`npm run bench\` (bench/run.ts) on ${report.measuredAt.slice(0, 10)}${report.quick ? ' (quick mode)' : ''}: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}. Raw numbers: \`bench/results/latest.json\`.

Both servers are driven over stdio exactly as an editor drives them (initialize, didOpen, incremental didChange of one value, wait for that version's diagnostics). yaml-language-server 2.0.0 validates the same documents against this project's JSON Schema. "parse" is the bare \`yaml\` parse of the document: the floor. Times in ms; memory is resident set size in MB after the run.

| document | lines | parse | ours: first diag | ours: keystroke→diag p50 / p95 / max | ours: burst (stale validated) | ours: RSS | peer: first diag | peer: p50 / p95 / max | peer: burst | peer: RSS | peer / ours (p50) | ours / parse (p50) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

## Footprint

| what | size |
| --- | --- |
| server bundle | ${f.serverBundleKb} KB |
| client bundle | ${f.clientBundleKb} KB |
| CLI bundle | ${f.cliBundleKb} KB |
| .vsix | ${f.vsixKb ?? 'not built (run scripts/package.mjs)'}${f.vsixKb ? ' KB' : ''} |
| CLI on 100 designs, one process | ${f.cliHundredDesignsMs ?? 'n/a'}${f.cliHundredDesignsMs ? ' ms' : ''} |

## Targets

| target | measured | met |
| --- | --- | --- |
${report.targets.map((t) => `| ${t.target} | ${t.measured} | ${t.met ? 'yes' : '**no**'} |`).join('\n')}
`;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
