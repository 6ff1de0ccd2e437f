import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LineCounter, parseAllDocuments } from 'yaml';
import { LineIndex } from '../../server/src/core/text';
import { analyze } from '../../server/src/core/analysis';
import { analyzeEstates } from '../../server/src/core/estate';
import { RULES_BY_ID } from '../../server/src/core/rules/registry';
import { BOUNDS } from './lib/bounds';
import { allFixEdits, applyEdits, checkEditing, checkExpectations, checkFindings, checkLazyParts, checkModel, errorText, signatureKey, signatures, type Signature } from './lib/check';
import { buildCorpus, decodeUtf8, inputBytes, ROOT, type Category, type FuzzInput } from './lib/corpus';
import { LspDriver } from '../helpers/lspDriver';
import { processMemory } from '../helpers/processMemory';
import { fuzzSettings, Prng } from './lib/prng';
import { Summary } from './lib/summary';

/**
 * Hostile and broken input never crashes, hangs or leaks: every input of the corpus goes
 * through the core (analyze, parseModel), the bundled CLI and the running bundled server.
 * Reproduce a run with the seed it prints: FUZZ_SEED=<seed> node scripts/test.mjs fuzz.
 * Writes test-results/fuzz-summary.json; scripts/reliability-report.mjs renders it.
 */

const settings = fuzzSettings();
const corpus = buildCorpus(settings);
const summary = new Summary(settings, corpus);
console.log(`fuzz: seed ${settings.seed}, ${settings.iterations} iterations, ${corpus.inputs.length} inputs (reproduce: ${`FUZZ_SEED=${settings.seed} FUZZ_ITERATIONS=${settings.iterations}`} node scripts/test.mjs fuzz)`);
after(() => summary.write());

const CATEGORIES: readonly Category[] = ['hostile', 'variant', 'yaml-test-suite', 'yaml-test-suite-in-design', 'truncation', 'mutation', 'random'];
const MB = 1024 * 1024;
/** Inputs above this size get their retained heap measured (a garbage collection each). */
const MEASURE_HEAP_ABOVE = 64 * 1024;
const inputsOf = (category: Category) => corpus.inputs.filter((i) => i.category === category);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Sorted finding signatures per input id, from the core, for cross-checking the CLI and the server. */
const coreKeys = new Map<number, string[]>();
function coreKeysOf(text: string, id?: number): string[] {
  const known = id === undefined ? undefined : coreKeys.get(id);
  if (known) return known;
  const analysis = analyze(text);
  return signatures(analysis.findings, analysis.model.lines).map(signatureKey).sort();
}

/**
 * The findings of the rules that compare documents, per URI, for documents checked together (the
 * CLI's files of one run; the server's one open document): the estate's part of what the fronts
 * report besides each document's own findings.
 */
function estateKeysOf(documents: readonly { uri: string; text: string }[]): Map<string, string[]> {
  const analysed = documents.map((d) => ({ uri: d.uri, analysis: analyze(d.text) }));
  const estates = analyzeEstates(analysed);
  return new Map(analysed.map((d) => [d.uri, signatures([...estates.findingsOf(d.uri)], d.analysis.model.lines).map(signatureKey)]));
}

function report(problemsByInput: { input: FuzzInput; problems: string[] }[]): string {
  return problemsByInput.slice(0, 15).map(({ input, problems }) => `- [${input.category}] ${input.name} (#${input.id}):\n    ${problems.slice(0, 5).join('\n    ')}`).join('\n');
}

// ---------------------------------------------------------------------------------------------

describe('core: analyze() and parseModel() on every input', () => {
  let baselineHeap = 0;
  const fixable = new Set<Category>(['variant', 'truncation', 'mutation', 'yaml-test-suite-in-design']);
  let fixAllChecked = 0;
  let deterministicChecked = 0;
  let parserErrorsReported = 0;
  let invalidCasesWithoutError = 0;
  let editingChecked = 0;
  const editRng = new Prng(settings.seed).fork('editing');

  before(() => {
    analyze(corpus.seedDesigns[0].text); // load lazily built tables before the baseline
    gc();
    baselineHeap = process.memoryUsage().heapUsed;
  });

  function runOne(input: FuzzInput): string[] {
    const problems: string[] = [];
    const big = input.text.length > MEASURE_HEAP_ABOVE;
    let heapBefore = 0;
    if (big) {
      gc();
      heapBefore = process.memoryUsage().heapUsed;
    }
    const started = performance.now();
    let analysis;
    try {
      analysis = analyze(input.text);
    } catch (error) {
      summary.parts.core.time.add(input, performance.now() - started);
      return [`analyze threw: ${errorText(error)}`];
    }
    const ms = performance.now() - started;
    summary.parts.core.time.add(input, ms);
    if (ms > BOUNDS.coreMsPerInput) problems.push(`took ${Math.round(ms)} ms, over the ${BOUNDS.coreMsPerInput} ms bound`);
    problems.push(...checkFindings(input.text, analysis.findings), ...checkModel(analysis), ...checkLazyParts(analysis));
    // Editor features at a few offsets: each finding's start, line starts, random places.
    // (Completion reads the text up to the cursor: large inputs get two offsets, not eight.)
    const offsets = big ? [analysis.findings[0]?.range.start ?? 0] : [...analysis.findings.slice(0, 3).map((f) => f.range.start), 0, input.text.length];
    for (let k = big ? 1 : 5; k > 0; k--) offsets.push(editRng.int(0, input.text.length));
    problems.push(...checkEditing(analysis, offsets));
    editingChecked += offsets.length;
    const found = signatures(analysis.findings, analysis.model.lines).map((s, i) => ({ ...s, covers: input.text.slice(analysis.findings[i].range.start, analysis.findings[i].range.end) }));
    problems.push(...checkExpectations(input, found));
    coreKeys.set(input.id, found.map(signatureKey).sort());

    if (input.sameAs) {
      const base = analyze(input.sameAs.text);
      const shift = input.sameAs.relation === 'bom' ? 1 : 0;
      const mine = input.sameAs.relation === 'bom'
        ? analysis.findings.map((f) => `${f.ruleId}@${Math.max(0, f.range.start - shift)}-${Math.max(0, f.range.end - shift)}`)
        : found.map(signatureKey);
      const theirs = input.sameAs.relation === 'bom'
        ? base.findings.map((f) => `${f.ruleId}@${f.range.start}-${f.range.end}`)
        : signatures(base.findings, base.model.lines).map(signatureKey);
      if (JSON.stringify(mine.sort()) !== JSON.stringify(theirs.sort())) problems.push(`findings differ from the same design without ${input.sameAs.relation === 'bom' ? 'the BOM' : 'CRLF'}: ${JSON.stringify(mine.filter((k) => !theirs.includes(k)).slice(0, 3))} vs ${JSON.stringify(theirs.filter((k) => !mine.includes(k)).slice(0, 3))}`);
    }
    if (!big && input.id % 10 === 0) {
      deterministicChecked++;
      const again = analyze(input.text);
      const a = analysis.findings.map((f) => `${f.ruleId}@${f.range.start}-${f.range.end}:${f.message}`);
      const b = again.findings.map((f) => `${f.ruleId}@${f.range.start}-${f.range.end}:${f.message}`);
      if (JSON.stringify(a) !== JSON.stringify(b)) problems.push('a second analysis of the same text gave different findings');
    }
    if (!big && fixable.has(input.category)) {
      const edits = allFixEdits(analysis.findings);
      if (edits.length > 0) {
        fixAllChecked++;
        const fixedText = applyEdits(input.text, edits);
        try {
          const fixed = analyze(fixedText);
          problems.push(...checkFindings(fixedText, fixed.findings).map((p) => `after applying every quick fix: ${p}`), ...checkLazyParts(fixed).map((p) => `after applying every quick fix: ${p}`));
        } catch (error) {
          problems.push(`analyze threw after applying every quick fix: ${errorText(error)}`);
        }
      }
    }
    if (input.category === 'yaml-test-suite') {
      // Whatever the yaml parser itself rejects must be reported as yaml-syntax, no later than where the parser saw it.
      const docs = parseAllDocuments(input.text, { uniqueKeys: false, prettyErrors: false, lineCounter: new LineCounter() });
      const errors = (Array.isArray(docs) ? docs : []).flatMap((d) => d.errors).filter((e) => e.code !== 'RESOURCE_EXHAUSTION');
      const syntax = analysis.findings.filter((f) => f.ruleId === 'yaml-syntax');
      if (errors.length > 0) {
        parserErrorsReported++;
        const first = Math.min(...errors.map((e) => e.pos[0]));
        if (syntax.length === 0) problems.push(`the parser reports ${errors.length} error(s) (${errors[0].message.split('\n')[0]}) but there is no yaml-syntax finding`);
        else if (Math.min(...syntax.map((f) => f.range.start)) > first) problems.push(`the first yaml-syntax finding is after the parser's first error (offset ${first})`);
      } else if (input.invalidYaml && syntax.length === 0) invalidCasesWithoutError++;
      if (!input.invalidYaml && errors.length === 0 && syntax.length > 0) problems.push(`valid YAML (the parser agrees) but reported: ${syntax[0].message}`);
    }
    if (big) {
      gc();
      const retained = (process.memoryUsage().heapUsed - heapBefore) / MB;
      void analysis.findings.length; // keep the analysis alive up to the measurement
      summary.parts.core.memory.add(input, retained);
      if (retained > BOUNDS.coreRetainedHeapMb) problems.push(`one analysis holds ${Math.round(retained)} MB of heap, over the ${BOUNDS.coreRetainedHeapMb} MB bound`);
    }
    return problems;
  }

  for (const category of CATEGORIES) {
    test(`${category} (${inputsOf(category).length} inputs): no exception, well-formed findings, expected diagnostics, bounded time and heap`, { timeout: 10 * 60_000 }, () => {
      const failures: { input: FuzzInput; problems: string[] }[] = [];
      for (const input of inputsOf(category)) {
        const problems = runOne(input);
        summary.parts.core.inputs++;
        summary.violation('core', input, problems);
        if (problems.length > 0) failures.push({ input, problems });
      }
      assert.equal(failures.length, 0, `${failures.length} input(s) broke the core:\n${report(failures)}`);
    });
  }

  test('memory: peak resident memory and heap after all inputs stay within bounds (no leak)', () => {
    gc();
    const leakMb = (process.memoryUsage().heapUsed - baselineHeap) / MB;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    Object.assign(summary.parts.core.notes, {
      leakMb: Math.round(leakMb * 10) / 10, peakRssMb: Math.round(peakRssMb), fixAllChecked, deterministicChecked, editingPositionsChecked: editingChecked,
      yamlTestSuiteParserErrorsReported: parserErrorsReported, yamlTestSuiteInvalidAcceptedByParser: invalidCasesWithoutError,
    });
    summary.parts.core.completed = summary.parts.core.inputs === corpus.inputs.length;
    assert.ok(leakMb < BOUNDS.coreLeakMb, `heap grew by ${leakMb.toFixed(1)} MB over the run (bound ${BOUNDS.coreLeakMb} MB)`);
    assert.ok(peakRssMb < BOUNDS.corePeakRssMb, `peak RSS ${Math.round(peakRssMb)} MB (bound ${BOUNDS.corePeakRssMb} MB)`);
  });
});

// ---------------------------------------------------------------------------------------------

const CLI = join(ROOT, 'dist/cli/main.js');
const SERVER = join(ROOT, 'dist/server/main.js');
const PEAK_RSS = join(__dirname, 'lib/peakRss.cjs');

interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  readonly peakRssMb: number;
  readonly timedOut: boolean;
}

function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  const rssFile = join(cwd, `.rss-${process.hrtime.bigint()}`);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', PEAK_RSS, CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FUZZ_PEAK_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, BOUNDS.cliMsPerRun);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const peakKb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
      rmSync(rssFile, { force: true });
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), ms: performance.now() - started, peakRssMb: peakKb / 1024, timedOut });
    });
  });
}

interface JsonReport {
  readonly file: string;
  readonly findings: readonly { ruleId: string; severity: string; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[];
}

describe('CLI: node dist/cli/main.js on every input as a file', () => {
  let dir = '';
  const fileOf = new Map<number, string>();

  before(() => {
    assert.ok(existsSync(CLI), `${CLI} is missing: node scripts/test.mjs fuzz builds it first`);
    dir = mkdtempSync(join(tmpdir(), 'integration-fuzz-'));
    for (const input of corpus.inputs) {
      const rel = join(input.category, `${String(input.id).padStart(5, '0')}.integration.yaml`);
      mkdirSync(join(dir, input.category), { recursive: true });
      writeFileSync(join(dir, rel), inputBytes(input));
      fileOf.set(input.id, rel);
    }
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Checks one run: exit code, no internal error, JSON well formed, each file's findings as the core gives them. */
  function checkRun(run: CliRun, inputs: readonly FuzzInput[], label: string): { input: FuzzInput; problems: string[] }[] {
    const failures: { input: FuzzInput; problems: string[] }[] = [];
    const whole: string[] = [];
    summary.parts.cli.time.add({ name: label, category: inputs[0]?.category ?? '', text: { length: inputs.reduce((n, i) => n + i.text.length, 0) } }, run.ms);
    summary.parts.cli.memory.add({ name: label, category: inputs[0]?.category ?? '', text: { length: inputs.reduce((n, i) => n + i.text.length, 0) } }, run.peakRssMb);
    if (run.timedOut) whole.push(`no exit within ${BOUNDS.cliMsPerRun} ms (killed)`);
    if (run.code !== 0 && run.code !== 1) whole.push(`exit code ${run.code} (0 or 1 expected): ${run.stderr.slice(0, 500)}`);
    if (/internal error|Error:|at .*\.js:\d+/.test(run.stderr)) whole.push(`stderr: ${run.stderr.slice(0, 800)}`);
    if (run.peakRssMb > BOUNDS.cliPeakRssMb) whole.push(`peak RSS ${Math.round(run.peakRssMb)} MB (bound ${BOUNDS.cliPeakRssMb} MB)`);
    let reports: JsonReport[] = [];
    try {
      reports = JSON.parse(run.stdout) as JsonReport[];
    } catch (error) {
      whole.push(`stdout is not JSON: ${errorText(error)}: ${run.stdout.slice(0, 200)}`);
    }
    if (whole.length > 0) return inputs.map((input) => ({ input, problems: whole }));
    const byFile = new Map(reports.map((r) => [r.file, r]));
    // The files of one run are checked together: designs naming the same org form an estate.
    const uriOf = (input: FuzzInput) => pathToFileURL(join(dir, fileOf.get(input.id)!)).href;
    const across = estateKeysOf(inputs.map((input) => ({ uri: uriOf(input), text: decodeUtf8(inputBytes(input)) })));
    for (const input of inputs) {
      const problems: string[] = [];
      const r = byFile.get(fileOf.get(input.id)!);
      if (!r) problems.push('file missing from the JSON output');
      else {
        for (const f of r.findings) if (f.ruleId === 'internal-error' || !RULES_BY_ID.has(f.ruleId)) problems.push(`finding of rule '${f.ruleId}': ${f.message.slice(0, 200)}`);
        const found: Signature[] = r.findings.map((f) => ({ ruleId: f.ruleId, start: f.range.start, end: f.range.end }));
        problems.push(...checkExpectations(input, found));
        // The CLI reads the file's bytes; where they decode to the input's text, it must find what the core finds.
        const text = decodeUtf8(inputBytes(input));
        if (text === input.text) {
          const theirs = found.map(signatureKey).sort();
          const mine = [...coreKeysOf(text, input.id), ...across.get(uriOf(input))!].sort();
          if (JSON.stringify(theirs) !== JSON.stringify(mine)) problems.push(`findings differ from the core's: ${JSON.stringify(theirs.filter((k) => !mine.includes(k)).slice(0, 3))} vs ${JSON.stringify(mine.filter((k) => !theirs.includes(k)).slice(0, 3))}`);
        }
      }
      summary.parts.cli.inputs++;
      summary.violation('cli', input, problems);
      if (problems.length > 0) failures.push({ input, problems });
    }
    return failures;
  }

  const smallHostile = inputsOf('hostile').filter((i) => i.text.length <= MEASURE_HEAP_ABOVE);
  const bigHostile = inputsOf('hostile').filter((i) => i.text.length > MEASURE_HEAP_ABOVE);

  // Large files four to a run: a node process per file would cost more than the files.
  const bigGroups = Array.from({ length: Math.ceil(bigHostile.length / 4) }, (_, g) => bigHostile.slice(g * 4, g * 4 + 4));

  test(`hostile inputs over 64 KB (${bigHostile.length} files in ${bigGroups.length} runs): exit 0 or 1, JSON output, expected diagnostics, bounded time and memory`, { timeout: 10 * 60_000 }, async () => {
    const failures: { input: FuzzInput; problems: string[] }[] = [];
    for (const group of bigGroups) {
      const run = await runCli(['--format', 'json', ...group.map((i) => fileOf.get(i.id)!)], dir);
      failures.push(...checkRun(run, group, group.map((i) => i.name).join(' + ')));
    }
    assert.equal(failures.length, 0, `${failures.length} input(s) broke the CLI:\n${report(failures)}`);
  });

  test(`the other hostile inputs in one run (${smallHostile.length} files)`, { timeout: 10 * 60_000 }, async () => {
    const run = await runCli(['--format', 'json', ...smallHostile.map((i) => fileOf.get(i.id)!)], dir);
    const failures = checkRun(run, smallHostile, `${smallHostile.length} small hostile files`);
    assert.equal(failures.length, 0, `${failures.length} input(s) broke the CLI:\n${report(failures)}`);
  });

  for (const category of CATEGORIES.filter((c) => c !== 'hostile')) {
    test(`${category}: one run over the folder (${inputsOf(category).length} files)`, { timeout: 10 * 60_000 }, async () => {
      const run = await runCli(['--format', 'json', category], dir);
      const failures = checkRun(run, inputsOf(category), `folder ${category}/ (${inputsOf(category).length} files)`);
      assert.equal(failures.length, 0, `${failures.length} input(s) broke the CLI:\n${report(failures)}`);
    });
  }

  test('text and SARIF output of the hostile inputs: exit 0 or 1, no control characters reach the terminal, valid SARIF', { timeout: 10 * 60_000 }, async () => {
    const files = smallHostile.map((i) => fileOf.get(i.id)!);
    const text = await runCli(['--format', 'text', ...files], dir);
    assert.ok(text.code === 0 || text.code === 1, `text: exit ${text.code}: ${text.stderr.slice(0, 500)}`);
    assert.doesNotMatch(text.stderr, /internal error/);
    const control = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.exec(text.stdout);
    assert.equal(control, null, `text output carries a control character U+${control?.[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
    const sarif = await runCli(['--format', 'sarif', ...files], dir);
    assert.ok(sarif.code === 0 || sarif.code === 1, `sarif: exit ${sarif.code}: ${sarif.stderr.slice(0, 500)}`);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: { results: unknown[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].results.length > 0);
    summary.parts.cli.notes.textAndSarifRuns = 2;
    summary.parts.cli.completed = summary.parts.cli.inputs === corpus.inputs.length;
  });
});

// ---------------------------------------------------------------------------------------------

describe('language server: dist/server/main.js --stdio, every input opened or changed', () => {
  let client: LspDriver;
  const rng = new Prng(settings.seed).fork('server');
  let peakRssMb = 0;

  before(async () => {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: node scripts/test.mjs fuzz builds it first`);
    client = await LspDriver.start({ args: [SERVER, '--stdio'], keepPublishes: 'latest' });
  });
  after(async () => {
    if (client?.running) client.kill();
  });

  /** One ranged change from `before` to `after` (common prefix and suffix kept), as an editor sends while typing. */
  function rangedChange(beforeText: string, afterText: string): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
    let prefix = 0;
    const max = Math.min(beforeText.length, afterText.length);
    while (prefix < max && beforeText.charCodeAt(prefix) === afterText.charCodeAt(prefix)) prefix++;
    let suffix = 0;
    while (suffix < max - prefix && beforeText.charCodeAt(beforeText.length - 1 - suffix) === afterText.charCodeAt(afterText.length - 1 - suffix)) suffix++;
    // Never cut between \r and \n: a position cannot point there.
    while (prefix > 0 && beforeText[prefix - 1] === '\r' && (beforeText[prefix] === '\n' || afterText[prefix] === '\n')) prefix--;
    while (suffix > 0 && beforeText[beforeText.length - suffix] === '\n' && beforeText[beforeText.length - suffix - 1] === '\r') suffix--;
    const lines = new LineIndex(beforeText);
    return { range: { start: lines.positionAt(prefix), end: lines.positionAt(beforeText.length - suffix) }, text: afterText.slice(prefix, afterText.length - suffix) };
  }

  /** Sends one input, waits for its diagnostics, asks five requests; returns problems. */
  async function runOne(uri: string, input: FuzzInput, version: number, previous: string | undefined, ranged: boolean): Promise<string[]> {
    const problems: string[] = [];
    const errorsBefore = client.errorLogs.length;
    const started = performance.now();
    if (previous === undefined) await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'integration-yaml', version, text: input.text } });
    else await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [ranged ? rangedChange(previous, input.text) : { text: input.text }] });
    try {
      const published = await client.waitForDiagnostics(uri, version, BOUNDS.serverMsPerInput);
      const lines = new LineIndex(input.text);
      const position = lines.positionAt(rng.int(0, input.text.length));
      const whole = { start: { line: 0, character: 0 }, end: lines.positionAt(input.text.length) };
      const doc = { textDocument: { uri } };
      await Promise.all([
        client.request('textDocument/hover', { ...doc, position }, BOUNDS.serverMsPerInput),
        client.request('textDocument/documentSymbol', doc, BOUNDS.serverMsPerInput),
        client.request('textDocument/foldingRange', doc, BOUNDS.serverMsPerInput),
        client.request('textDocument/completion', { ...doc, position }, BOUNDS.serverMsPerInput),
        client.request('textDocument/codeAction', { ...doc, range: whole, context: { diagnostics: published.diagnostics.slice(0, 20) } }, BOUNDS.serverMsPerInput),
      ]);
      const ms = performance.now() - started;
      summary.parts.server.time.add(input, ms);
      if (ms > BOUNDS.serverMsPerInput) problems.push(`took ${Math.round(ms)} ms, over the ${BOUNDS.serverMsPerInput} ms bound`);
      for (const d of published.diagnostics) if (d.code === 'internal-error' || !RULES_BY_ID.has(String(d.code))) problems.push(`diagnostic of rule '${String(d.code)}': ${(typeof d.message === 'string' ? d.message : d.message.value).slice(0, 200)}`);
      const found: Signature[] = published.diagnostics.map((d) => ({ ruleId: String(d.code), start: d.range.start, end: d.range.end }));
      problems.push(...checkExpectations(input, found));
      const theirs = found.map(signatureKey).sort();
      // No workspace folder: the document's estate is itself alone, and its org files unknown (so never "not described").
      const across = estateKeysOf([{ uri, text: input.text }]).get(uri)!.filter((k) => !k.startsWith('estate-org-not-described@'));
      const mine = [...coreKeysOf(input.text, input.id), ...across].sort();
      if (JSON.stringify(theirs) !== JSON.stringify(mine)) problems.push(`diagnostics differ from the core's for the same text: ${JSON.stringify(theirs.filter((k) => !mine.includes(k)).slice(0, 3))} vs ${JSON.stringify(mine.filter((k) => !theirs.includes(k)).slice(0, 3))}`);
    } catch (error) {
      problems.push(errorText(error));
    }
    if (client.errorLogs.length > errorsBefore) problems.push(`the server logged errors: ${client.errorLogs.slice(errorsBefore, errorsBefore + 2).map((m) => m.slice(0, 400)).join(' | ')}`);
    // The server's peak resident memory, credited to the input that raised it.
    const memory = client.running ? processMemory(client.child.pid!) : undefined;
    if (memory && memory.peakRssMb > peakRssMb) {
      summary.parts.server.memory.add(input, memory.peakRssMb);
      peakRssMb = memory.peakRssMb;
    }
    return problems;
  }

  for (const category of CATEGORIES) {
    test(`${category} (${inputsOf(category).length} inputs): diagnostics for each version, requests answered, no logged errors`, { timeout: 10 * 60_000 }, async () => {
      const uri = `file:///fuzz/${category}.integration.yaml`;
      const failures: { input: FuzzInput; problems: string[] }[] = [];
      let previous: string | undefined;
      let version = 0;
      for (const input of inputsOf(category)) {
        version++;
        const problems = await runOne(uri, input, version, previous, category === 'mutation' || category === 'truncation');
        previous = input.text;
        summary.parts.server.inputs++;
        summary.violation('server', input, problems);
        if (problems.length > 0) failures.push({ input, problems });
        if (!client.running) break;
      }
      await client.notify('textDocument/didClose', { textDocument: { uri } });
      assert.ok(client.running, `the server exited (code ${client.child.exitCode}); stderr: ${client.stderr.slice(-1000)}`);
      assert.equal(failures.length, 0, `${failures.length} input(s) broke the server:\n${report(failures)}`);
    });
  }

  test('no errors were logged while the inputs ran', () => {
    summary.parts.server.notes.errorLogsDuringInputs = client.errorLogs.length;
    assert.deepEqual(client.errorLogs.slice(0, 5), []);
  });

  test('a burst of 100 changes without waiting: diagnostics for the last version match the core', { timeout: 5 * 60_000 }, async () => {
    const uri = 'file:///fuzz/burst.integration.yaml';
    const texts = inputsOf('mutation').slice(0, 100).map((i) => i.text);
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'integration-yaml', version: 1, text: corpus.seedDesigns[0].text } });
    let previous = corpus.seedDesigns[0].text;
    const started = performance.now();
    for (let i = 0; i < texts.length; i++) {
      void client.notify('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [rangedChange(previous, texts[i])] });
      previous = texts[i];
    }
    const published = await client.waitForDiagnostics(uri, texts.length + 1, BOUNDS.serverMsPerInput);
    summary.parts.server.notes.burstMs = Math.round(performance.now() - started);
    const theirs = published.diagnostics.map((d) => signatureKey({ ruleId: String(d.code), start: d.range.start, end: d.range.end })).sort();
    assert.deepEqual(theirs, coreKeysOf(previous));
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  test('raw frames a client should never send (invalid UTF-8, broken JSON, unknown method): the server keeps answering', { timeout: 60_000 }, async () => {
    const uri = 'file:///fuzz/raw.integration.yaml';
    const logsBefore = client.errorLogs.length;
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'integration-yaml', version: 1, text: 'version: 1\n' } });
    await client.waitForDiagnostics(uri, 1, BOUNDS.serverMsPerInput);
    const change = (version: number, textBytes: Uint8Array) => Buffer.concat([
      Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"${uri}","version":${version}},"contentChanges":[{"text":"`),
      textBytes, Buffer.from('"}]}}'),
    ]);
    client.writeRaw(change(2, Buffer.concat([Buffer.from('version: 1\\nname: caf'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('\\npaths: {}\\nnme: 1\\n')])));
    const published = await client.waitForDiagnostics(uri, 2, BOUNDS.serverMsPerInput);
    assert.ok(published.diagnostics.some((d) => d.code === 'unknown-key' && d.range.start.line === 3), 'the document with invalid bytes was read and validated');
    client.writeRaw(Buffer.from('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{'));
    client.writeRaw(Buffer.from('[1, 2, 3]'));
    client.writeRaw(Buffer.from('{"jsonrpc":"2.0","id":"fuzz-1","method":"fuzz/noSuchMethod","params":{}}'));
    client.writeRaw(Buffer.from('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///fuzz/never-opened.integration.yaml","version":3},"contentChanges":[{"text":"x"}]}}'));
    client.writeRaw(Buffer.from(`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"${uri}","version":3},"contentChanges":[{"range":{"start":{"line":999,"character":999},"end":{"line":-1,"character":-5}},"text":"nme: 2\\n"}]}}`));
    await client.waitForDiagnostics(uri, 3, BOUNDS.serverMsPerInput);
    const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }, BOUNDS.serverMsPerInput);
    assert.notEqual(hover, undefined);
    assert.ok(client.running, 'the server is still running');
    summary.parts.server.notes.rawFramesSent = 6;
    summary.parts.server.notes.rawFrameErrorLogs = client.errorLogs.slice(logsBefore).map((m) => m.split('\n')[0].slice(0, 160)).join(' | ');
    await client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  test('memory stays within the bound; the server shuts down cleanly', { timeout: 60_000 }, async () => {
    summary.parts.server.notes.peakRssMb = Math.round(peakRssMb);
    summary.parts.server.notes.errorLogsAfterRawFrames = client.errorLogs.length;
    assert.ok(peakRssMb < BOUNDS.serverPeakRssMb, `server peak RSS ${Math.round(peakRssMb)} MB (bound ${BOUNDS.serverPeakRssMb} MB)`);
    const code = await client.stop(10_000);
    assert.equal(code, 0, 'exit code after shutdown + exit');
    summary.parts.server.completed = summary.parts.server.inputs === corpus.inputs.length;
  });
});
