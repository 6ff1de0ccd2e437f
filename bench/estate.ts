/**
 * The estate in the benchmark: a generated workspace of designs spread over 5 orgs (one org file
 * each), indexed by our server as VS Code starts it. Measures the cold index, the time from one
 * keystroke in one design to updated diagnostics in every design it affects (open or closed), and
 * memory, at several sizes so growth can be seen.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { INDEX_LOG_PREFIX } from '../server/src/lsp/estateIndex';
import { LineIndex } from '../server/src/core/text';
import { formatNumber } from '../server/src/core/format/numbers';
import { LspDriver } from '../test/helpers/lspDriver';
import { processMemory } from '../test/helpers/processMemory';
import type { ServerSpec } from './servers';
import { percentile, round } from './stats';

export const ESTATE_ORGS = 5;
/** In each org, this many designs log in as one user: a keystroke in one of them affects all of them. */
export const SHARED_GROUP = 10;
const RULE = 'estate-integration-user-shared';
/** Every design makes this many API requests a day: the org's sum is a finding in every design of the org. */
const API_REQUESTS_PER_DESIGN = 8000;
/** The org's daily API requests, per design of the org: the designs together use 80 % of it. */
const ORG_API_REQUESTS_PER_DESIGN = 10_000;
const SUM_RULES = new Set(['estate-allocation-approaching', 'estate-allocation-exceeded']);

/** One kind of keystroke: the designs it updates and the time until the last of them is published. */
export interface KeystrokeResult {
  readonly affected: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

export interface EstateSizeResult {
  readonly designs: number;
  readonly orgs: number;
  /** Files the server read on its first index run (designs and org files). */
  readonly filesRead: number;
  /** The server's own time for the first index run (its log line). */
  readonly coldIndexServerMs: number;
  /** From `initialized` to the cross-design diagnostics of every affected closed design. */
  readonly coldIndexToDiagnosticsMs: number;
  /** Designs each keystroke affects (the open one and the closed ones of its group). */
  readonly affectedPerKeystroke: number;
  readonly edits: number;
  /** One keystroke → updated diagnostics in every affected design. */
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /**
   * A keystroke in an amount every design of the org adds to (the org's API requests): it changes
   * the sum, so every design of the org is published again. Absent in reports from before it.
   */
  readonly sum?: KeystrokeResult;
  readonly startRssMb: number;
  readonly indexedRssMb: number;
  /** The peak until the cold index ended (the rest of peakRssMb comes from the keystrokes). */
  readonly indexedPeakRssMb?: number;
  readonly peakRssMb: number;
}

export interface EstateMeasurement {
  readonly measuredAt: string;
  readonly sizes: readonly EstateSizeResult[];
}

/** A small production design of `org`; the designs of a shared group log in as one user. */
function estateDesign(org: number, index: number): string {
  const username = index < SHARED_GROUP ? `sf-shared@org${org}.example.com` : `sf-${index}@org${org}.example.com`;
  return [
    'version: 1',
    `name: Design ${index} of org ${org}`,
    `summary: Integration ${index} of the org${org} estate, generated for the benchmark.`,
    'environment: production',
    'salesforce:',
    `  org: org${org}`,
    'requirements:',
    '  direction: heroku-to-salesforce',
    '  source_of_truth: salesforce',
    '  heroku_needs_occasional_salesforce_data: true',
    'regions:',
    '  heroku_app: virginia',
    '  salesforce: us-east',
    'integration_users:',
    '  api:',
    `    username: ${username}`,
    '    kind: integration',
    '    license: salesforce-integration',
    '    permissions: [api-enabled]',
    '    used_by: [rest_api]',
    'paths:',
    '  rest_api:',
    '    auth_flow: jwt-bearer',
    '    app_type: external-client-app',
    `    api_requests_per_day: ${API_REQUESTS_PER_DESIGN}`,
    '',
  ].join('\n');
}

/** Writes `designs` designs over ESTATE_ORGS orgs (a folder and an org file per org); returns the design paths by org. */
export function generateEstate(dir: string, designs: number): string[][] {
  const byOrg: string[][] = [];
  for (let org = 0; org < ESTATE_ORGS; org++) {
    const folder = join(dir, `org${org}`);
    mkdirSync(folder, { recursive: true });
    const designsOfOrg = Math.ceil((designs - org) / ESTATE_ORGS);
    writeFileSync(join(folder, `org${org}.salesforce-org.yaml`), `version: 1\norg: org${org}\nedition: unlimited\norg_type: production\ndaily_api_requests: ${designsOfOrg * ORG_API_REQUESTS_PER_DESIGN}\n`);
    byOrg.push([]);
  }
  for (let i = 0; i < designs; i++) {
    const org = i % ESTATE_ORGS;
    const index = Math.floor(i / ESTATE_ORGS);
    const path = join(dir, `org${org}`, `design-${String(index).padStart(4, '0')}.integration.yaml`);
    writeFileSync(path, estateDesign(org, index));
    byOrg[org].push(path);
  }
  return byOrg;
}

/** The number of other designs a shared-user finding names ("is also used by 9 other designs"), or 0. */
function othersNamed(publish: PublishDiagnosticsParams | undefined): number {
  const finding = publish?.diagnostics.find((d) => d.code === RULE);
  if (!finding) return 0;
  const message = typeof finding.message === 'string' ? finding.message : (finding.message as { value: string }).value;
  const match = /also used by (another design|(\d+) other designs)/.exec(message);
  return match ? (match[2] ? Number(match[2]) : 1) : 0;
}

/** Whether a design's finding on the org's summed allocation states `total` ("… use 80% of its API requests per 24 hours (40,000 of 50,000 …"). */
function statesSum(publish: PublishDiagnosticsParams | undefined, total: number): boolean {
  const text = `(${formatNumber(total)} of `;
  return publish?.diagnostics.some((d) => SUM_RULES.has(String(d.code)) && (typeof d.message === 'string' ? d.message : (d.message as { value: string }).value).includes(text)) ?? false;
}

/** Median, 95th percentile and maximum of the keystrokes' latencies. */
function summarize(affected: number, latencies: readonly number[]): KeystrokeResult {
  return { affected, p50: round(percentile([...latencies], 50)), p95: round(percentile([...latencies], 95)), max: round(Math.max(...latencies)) };
}

/** One size: a fresh workspace and a fresh server process. */
export async function measureEstateSize(spec: ServerSpec, designs: number, edits: number): Promise<EstateSizeResult> {
  const dir = mkdtempSync(join(tmpdir(), `integration-estate-${designs}-`));
  try {
    const byOrg = generateEstate(dir, designs);
    const group = byOrg[0].slice(0, SHARED_GROUP).map((p) => pathToFileURL(p).href);
    const started = performance.now();
    const driver = await LspDriver.start({ command: spec.command, args: spec.args, env: spec.env, rootDir: dir, sections: spec.settings, pushSettings: true, keepPublishes: 'latest' });
    try {
      const startRssMb = processMemory(driver.child.pid!).rssMb;
      const sharedEverywhere = byOrg.flatMap((paths) => paths.slice(0, SHARED_GROUP)).map((p) => pathToFileURL(p).href);
      const log = await driver.waitFor(() => driver.logs.find((l) => l.message.startsWith(INDEX_LOG_PREFIX)), () => 'the first index run never ended', 120_000);
      await driver.waitFor(() => (sharedEverywhere.every((uri) => othersNamed(driver.latest(uri)) === SHARED_GROUP - 1) ? true : undefined), () => 'not every shared design got its finding', 120_000);
      const everyDesign = byOrg.flatMap((paths) => paths.map((p) => pathToFileURL(p).href));
      await driver.waitFor(() => (byOrg.every((paths) => paths.every((p) => statesSum(driver.latest(pathToFileURL(p).href), paths.length * API_REQUESTS_PER_DESIGN))) ? true : undefined), () => `not every design got its org's sum (${everyDesign.length} designs)`, 120_000);
      const coldIndexToDiagnosticsMs = performance.now() - started;
      const [, read, ms] = /(\d+) files read.* in (\d+) ms/.exec(log.message) ?? [];
      const indexed = processMemory(driver.child.pid!);
      const indexedRssMb = indexed.rssMb;

      // Type in the first design of org 0's group: appending to its username takes it out of the
      // group (every other member's finding changes), deleting the character brings it back.
      const [typed, ...others] = group;
      const text = estateDesign(0, 0);
      const lines = new LineIndex(text);
      const end = lines.positionAt(text.indexOf('@org0.example.com'));
      driver.open(typed, text, 1, spec.languageId);
      await driver.waitForDiagnostics(typed, 1, 60_000);
      const latencies: number[] = [];
      let version = 1;
      for (let i = 0; i < edits; i++) {
        const out = i % 2 === 0;
        version++;
        const expected = version;
        // After the edit, the others name one design less (out) or again all of the group (back).
        const othersShould = out ? SHARED_GROUP - 2 : SHARED_GROUP - 1;
        const arrived = new Map<string, number>();
        const stop = driver.onPublish((p, at) => {
          if (p.uri === typed ? p.version === expected : others.includes(p.uri) && othersNamed(p) === othersShould) arrived.set(p.uri, at);
        });
        const sent = performance.now();
        driver.change(typed, version, [out
          ? { range: { start: end, end }, text: 'x' }
          : { range: { start: end, end: { line: end.line, character: end.character + 1 } }, text: '' }]);
        await driver.waitFor(() => (arrived.size === group.length ? true : undefined), () => `keystroke ${i + 1}: ${arrived.size} of ${group.length} affected designs updated`, 60_000);
        stop();
        latencies.push(Math.max(...arrived.values()) - sent);
      }

      // Type in the same design's API requests (the username is as it was: the edits above come in
      // pairs): a digit appended changes the org's sum, so every design of the org is published again.
      const orgDesigns = byOrg[0].map((p) => pathToFileURL(p).href);
      const amountEnd = lines.positionAt(text.indexOf(`api_requests_per_day: ${API_REQUESTS_PER_DESIGN}`) + `api_requests_per_day: ${API_REQUESTS_PER_DESIGN}`.length);
      const baseTotal = orgDesigns.length * API_REQUESTS_PER_DESIGN;
      const sumLatencies: number[] = [];
      for (let i = 0; i < edits; i++) {
        const out = i % 2 === 0;
        version++;
        const expected = version;
        const total = out ? baseTotal - API_REQUESTS_PER_DESIGN + (API_REQUESTS_PER_DESIGN * 10 + 1) : baseTotal;
        const arrived = new Map<string, number>();
        const stop = driver.onPublish((p, at) => {
          if (p.uri === typed ? p.version === expected : orgDesigns.includes(p.uri) && statesSum(p, total)) arrived.set(p.uri, at);
        });
        const sent = performance.now();
        driver.change(typed, version, [out
          ? { range: { start: amountEnd, end: amountEnd }, text: '1' }
          : { range: { start: amountEnd, end: { line: amountEnd.line, character: amountEnd.character + 1 } }, text: '' }]);
        await driver.waitFor(() => (arrived.size === orgDesigns.length ? true : undefined), () => `amount keystroke ${i + 1}: ${arrived.size} of ${orgDesigns.length} designs of the org updated`, 60_000);
        stop();
        sumLatencies.push(Math.max(...arrived.values()) - sent);
      }
      const memory = processMemory(driver.child.pid!);
      return {
        designs, orgs: ESTATE_ORGS, filesRead: Number(read), coldIndexServerMs: Number(ms), coldIndexToDiagnosticsMs: round(coldIndexToDiagnosticsMs),
        affectedPerKeystroke: group.length, edits,
        p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), max: round(Math.max(...latencies)),
        sum: summarize(orgDesigns.length, sumLatencies),
        startRssMb: round(startRssMb), indexedRssMb: round(indexedRssMb), indexedPeakRssMb: round(indexed.peakRssMb), peakRssMb: round(memory.peakRssMb),
      };
    } finally {
      await driver.stop().catch(() => driver.kill());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function measureEstate(spec: ServerSpec, sizes: readonly number[], edits: number, log: (line: string) => void): Promise<EstateMeasurement> {
  const results: EstateSizeResult[] = [];
  for (const designs of sizes) {
    const r = await measureEstateSize(spec, designs, edits);
    log(`  ${designs} designs: cold index ${r.coldIndexServerMs} ms in the server (${r.coldIndexToDiagnosticsMs} ms to diagnostics), keystroke → ${r.affectedPerKeystroke} designs p50 ${r.p50} / p95 ${r.p95} ms, amount keystroke → ${r.sum?.affected} designs p50 ${r.sum?.p50} / p95 ${r.sum?.p95} ms, RSS ${r.indexedRssMb} MB indexed, ${r.peakRssMb} MB peak`);
    results.push(r);
  }
  return { measuredAt: new Date().toISOString(), sizes: results };
}
