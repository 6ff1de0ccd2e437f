import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../server/src/core/text';
import { LspDriver } from '../test/helpers/lspDriver';
import { processMemory, type ProcessMemory } from '../test/helpers/processMemory';
import { editTargets } from './generate';
import { BENCH_FILE_SUFFIX, type ServerSpec } from './servers';
import { median, percentile, round } from './stats';

export interface ServerMeasurement {
  /** didOpen → the first diagnostics of the document. */
  readonly firstDiagnosticsMs: number;
  /** How many diagnostics that first publish had (both servers do real work). */
  readonly diagnostics: number;
  /** One value edited, then its diagnostics awaited, `edits` times. */
  readonly edits: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Every edit's keystroke → diagnostics time, in order. */
  readonly latencies: readonly number[];
  /** The server's own analysis time per version (our status notification), p50; null for the peer. */
  readonly validationP50: number | null;
  readonly burst: BurstMeasurement;
  /** Resident set size after initialize, before the document was opened. */
  readonly startRssMb: number;
  /** After the run: resident set size now and at its peak. */
  readonly rssMb: number;
  readonly peakRssMb: number;
  /**
   * Resident set size once typing has stopped for IDLE_MS (V8 and the allocator give memory
   * back when idle); null when the run did not wait for it.
   */
  readonly idleRssMb: number | null;
  /** Resident pages after start and after the typing, split into file-backed (the node executable) and anonymous (heaps). */
  readonly startPages: ResidentPages;
  readonly endPages: ResidentPages;
}

export interface ResidentPages {
  readonly fileMb: number;
  readonly anonMb: number;
}

const pagesOf = (m: ProcessMemory): ResidentPages => ({ fileMb: round(m.fileMb), anonMb: round(m.anonMb) });

export interface BurstMeasurement {
  readonly keystrokes: number;
  readonly intervalMs: number;
  /** Median over the bursts: the last keystroke → diagnostics of the final version. */
  readonly lastKeyToFinalMs: number;
  /** Median over the bursts: versions before the final one that were validated and published. */
  readonly staleValidated: number;
  readonly runs: readonly BurstRun[];
}

export interface BurstRun {
  readonly lastKeyToFinalMs: number;
  readonly staleValidated: number;
}

export const BURST = { keystrokes: 20, intervalMs: 30, repeats: 3 } as const;
/** How long the benchmark leaves a server idle after the typing before reading its memory again. */
export const IDLE_MS = 10_000;
const BURST_TEXT = 'abcdefghijklmnopqrstuvwxyz'.slice(0, BURST.keystrokes);

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A publish and when it was read (performance.now()): what the timings are taken from. */
interface Publish {
  readonly uri: string;
  readonly version?: number;
  readonly diagnostics: readonly { readonly message: string | { value: string }; readonly code?: unknown }[];
  readonly at: number;
}

const messageText = (d: Publish['diagnostics'][number]): string => (typeof d.message === 'string' ? d.message : d.message.value);

/**
 * Starts a server with the test suites' driver (test/helpers/lspDriver.ts), with the workspace
 * folder and settings an editor would give it; waits until it asked for them if it must.
 */
async function startDriver(spec: ServerSpec, dir: string): Promise<LspDriver> {
  const driver = await LspDriver.start({ command: spec.command, args: spec.args, env: spec.env, transport: spec.transport, rootDir: dir, sections: spec.settings, pushSettings: true });
  try {
    if (spec.settingsBeforeOpen) await driver.waitForConfigurationRequest(30_000);
  } catch (error) {
    await stopDriver(driver);
    throw error;
  }
  return driver;
}

/** shutdown + exit (so --cpu-prof gets written); a server that does not exit is killed. */
async function stopDriver(driver: LspDriver): Promise<void> {
  await driver.stop().catch(() => undefined);
}

/** Calls `listener` with every publish from now on, with its time; returns the function that stops it. */
function onPublish(driver: LspDriver, listener: (publish: Publish) => void): () => void {
  return driver.onPublish((p, at) => listener({ uri: p.uri, version: p.version, diagnostics: p.diagnostics, at }));
}

/** Resolves with the first publish for `uri` from now on that satisfies `test`. */
function nextPublish(driver: LspDriver, uri: string, test: (p: Publish) => boolean = () => true, timeoutMs = 120_000): Promise<Publish> {
  return new Promise((resolve, reject) => {
    const stop = onPublish(driver, (p) => {
      if (p.uri !== uri || !test(p)) return;
      stop();
      clearTimeout(timer);
      resolve(p);
    });
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}

/**
 * Opens `text` as a fresh file in a fresh server process, edits one value `edits` times
 * (each time waiting for that version's diagnostics), then types a 20-keystroke burst.
 */
export async function measureServer(spec: ServerSpec, fileName: string, text: string, dir: string, edits: number, options: { idle?: boolean } = {}): Promise<ServerMeasurement> {
  const file = join(dir, `${fileName}${BENCH_FILE_SUFFIX}`);
  writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const driver = await startDriver(spec, dir);
  const memory = () => processMemory(driver.child.pid!);
  try {
    const startMemory = memory();

    const opened = performance.now();
    const first = nextPublish(driver, uri, (p) => !spec.versioned || p.version === 1);
    driver.open(uri, text, 1, spec.languageId);
    const firstPublish = await first;

    const lines = new LineIndex(text);
    const { value, keyEnd } = editTargets(text);
    const valueStart = lines.positionAt(value.start);
    let current = value.original;
    let version = 1;
    const latencies: number[] = [];
    for (let i = 0; i < edits; i++) {
      const next = current === value.original ? value.alternate : value.original;
      version++;
      const expected = version;
      const published = nextPublish(driver, uri, (p) => !spec.versioned || p.version === expected);
      const sent = performance.now();
      driver.change(uri, version, [{ range: { start: valueStart, end: { line: valueStart.line, character: valueStart.character + current.length } }, text: next }]);
      latencies.push((await published).at - sent);
      current = next;
    }
    const lastEditVersion = version;

    // Each burst types onto the end of the edited value's key; one edit then deletes what it typed.
    const keyStart = lines.positionAt(text.lastIndexOf('\n', keyEnd) + 1);
    const key = text.slice(lines.offsetAt(keyStart), keyEnd).trim().replace(/^- /, '');
    const at = lines.positionAt(keyEnd);
    const runs: BurstRun[] = [];
    for (let i = 0; i < BURST.repeats; i++) {
      runs.push(await typingBurst(driver, spec, uri, at, key, version));
      version += BURST.keystrokes + 1;
    }
    // Read after the bursts: a version's status notification follows its publish, so the last
    // edit's may not have arrived when its diagnostics did.
    const validations = driver.statuses.filter((s) => s.uri === uri && s.version > 1 && s.version <= lastEditVersion).map((s) => s.validationMs);
    const burst: BurstMeasurement = {
      keystrokes: BURST.keystrokes,
      intervalMs: BURST.intervalMs,
      lastKeyToFinalMs: round(median(runs.map((r) => r.lastKeyToFinalMs))),
      staleValidated: median(runs.map((r) => r.staleValidated)),
      runs,
    };
    const endMemory = memory();
    let idleRssMb: number | null = null;
    if (options.idle) {
      await pause(IDLE_MS); // a measured idle period, not a wait for a result
      idleRssMb = round(memory().rssMb);
    }
    return {
      firstDiagnosticsMs: round(firstPublish.at - opened),
      diagnostics: firstPublish.diagnostics.length,
      edits,
      p50: round(percentile(latencies, 50)),
      p95: round(percentile(latencies, 95)),
      max: round(Math.max(...latencies)),
      latencies: latencies.map((l) => round(l)),
      validationP50: validations.length > 0 ? round(percentile(validations, 50), 2) : null,
      burst,
      startRssMb: round(startMemory.rssMb),
      rssMb: round(endMemory.rssMb),
      peakRssMb: round(endMemory.peakRssMb),
      idleRssMb,
      startPages: pagesOf(startMemory),
      endPages: pagesOf(endMemory),
    };
  } catch (error) {
    throw new Error(`${spec.name} on ${fileName}: ${error instanceof Error ? error.message : String(error)}\n${driver.stderr}`);
  } finally {
    await stopDriver(driver);
  }
}

/**
 * Types BURST_TEXT at `at` (the end of `key`), one character every 30 ms, as a
 * person typing. Each keystroke makes a new unknown key, so each version has its own
 * diagnostics: the final version's are the first naming the whole key. Ours is matched by
 * version; its stale validations are the status notifications for earlier burst versions. The
 * peer's are the publishes that do not name the final key yet.
 */
async function typingBurst(driver: LspDriver, spec: ServerSpec, uri: string, at: { line: number; character: number }, key: string, lastVersion: number): Promise<BurstRun> {
  let version = lastVersion;
  const firstBurstVersion = version + 1;
  const finalVersion = version + BURST.keystrokes;
  const finalKey = key + BURST_TEXT;
  const statusesBefore = driver.statuses.length;
  const namesFinalKey = (p: Publish) => p.diagnostics.some((d) => messageText(d).includes(finalKey));
  const isFinal = (p: Publish) => (spec.versioned ? p.version === finalVersion : namesFinalKey(p));
  let stalePublishes = 0;
  const stopCounting = onPublish(driver, (p) => {
    if (p.uri === uri && !isFinal(p)) stalePublishes++;
  });
  const final = nextPublish(driver, uri, isFinal);
  let lastKey = 0;
  for (let i = 0; i < BURST.keystrokes; i++) {
    if (i > 0) await pause(BURST.intervalMs); // the typing cadence, not a wait for a result
    version++;
    const position = { line: at.line, character: at.character + i };
    lastKey = performance.now();
    driver.change(uri, version, [{ range: { start: position, end: position }, text: BURST_TEXT[i] }]);
  }
  const finalPublish = await final;
  stopCounting();
  if (spec.versioned && !namesFinalKey(finalPublish)) {
    throw new Error(`the diagnostics of version ${finalVersion} do not report the typed key "${finalKey}"`);
  }
  const staleValidated = spec.versioned
    ? driver.statuses.slice(statusesBefore).filter((s) => s.uri === uri && s.version >= firstBurstVersion && s.version < finalVersion).length
    : stalePublishes;

  // Delete what was typed (not timed), so the next burst starts from the same document.
  const restoredVersion = finalVersion + 1;
  const restored = nextPublish(driver, uri, (p) => (spec.versioned ? p.version === restoredVersion : !p.diagnostics.some((d) => messageText(d).includes(finalKey))));
  driver.change(uri, restoredVersion, [{ range: { start: at, end: { line: at.line, character: at.character + BURST.keystrokes } }, text: '' }]);
  await restored;
  return { lastKeyToFinalMs: round(finalPublish.at - lastKey), staleValidated };
}

/**
 * Before measuring, proves that a server really validates designs against the schema: an
 * unknown top-level key must be reported. Without that, comparing times would be meaningless.
 */
export async function checkValidatesSchema(spec: ServerSpec, dir: string, text: string): Promise<string> {
  const file = join(dir, `schema-check${BENCH_FILE_SUFFIX}`);
  writeFileSync(file, `${text}plann: demo\n`);
  const uri = pathToFileURL(file).href;
  const driver = await startDriver(spec, dir);
  try {
    const reported = nextPublish(driver, uri, (p) => p.diagnostics.some((d) => messageText(d).includes('plann')), 30_000);
    driver.open(uri, `${text}plann: demo\n`, 1, spec.languageId);
    const publish = await reported.catch(() => {
      throw new Error(`${spec.name} does not report the unknown key "plann" in ${file}: it is not validating against server/schema/integration.schema.json, so its times would mean nothing.\n${driver.stderr}`);
    });
    return messageText(publish.diagnostics.find((d) => messageText(d).includes('plann'))!);
  } finally {
    await stopDriver(driver);
  }
}
