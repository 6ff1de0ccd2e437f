// A design of tens of thousands of lines takes hundreds of milliseconds to analyse, and an
// analysis cannot be interrupted: the server waits for a pause in typing before starting one
// (server/src/lsp/validationTiming.ts), but never longer than one analysis.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateDesign } from '../../bench/generate';
import { SLOW_ANALYSIS_MS } from '../../server/src/lsp/validationTiming';
import { docUri, startServer, type LspDriver } from '../helpers/lspDriver';

/** The typing cadence of the test, not a wait for a result. */
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const KEYSTROKE_MS = 20;
const TEXT = `${generateDesign(30_000)}# note: `;

describe('diagnostics for slow documents', () => {
  let client: LspDriver;
  before(async () => { client = await startServer(); });
  after(async () => { await client.stop(); });

  /** Opens the large design; returns its uri and how long its first analysis took. */
  async function openLarge(): Promise<{ uri: string; end: { line: number; character: number }; analysisMs: number }> {
    const uri = docUri('large');
    client.open(uri, TEXT);
    const status = await client.waitForStatus(uri, 1);
    const lines = TEXT.split('\n');
    return { uri, end: { line: lines.length - 1, character: lines[lines.length - 1].length }, analysisMs: status.validationMs };
  }

  /** Types `count` characters at the end of the document, KEYSTROKE_MS apart, from `version` + 1 on. */
  async function type(uri: string, end: { line: number; character: number }, version: number, count: number, typed: number): Promise<number> {
    for (let i = 0; i < count; i++) {
      if (i > 0) await pause(KEYSTROKE_MS);
      const at = { line: end.line, character: end.character + typed + i };
      client.change(uri, ++version, [{ range: { start: at, end: at }, text: 'x' }]);
    }
    return version;
  }

  const analysedBetween = (uri: string, first: number, last: number) => client.statuses.filter((s) => s.uri === uri && s.version >= first && s.version < last).map((s) => s.version);

  it('analyses only the last version of a quick burst of typing', async (t) => {
    const { uri, end, analysisMs } = await openLarge();
    if (analysisMs < SLOW_ANALYSIS_MS) return t.skip(`the analysis took ${analysisMs} ms here, not slow enough for the server to wait`);
    // A stall of the test process longer than the pause the server waits for would let a stale
    // version through; the behaviour holds if one of three bursts shows it.
    const stale: number[][] = [];
    let version = 1;
    for (let attempt = 0; attempt < 3; attempt++) {
      const first = version + 1;
      version = await type(uri, end, version, 6, attempt * 6);
      await client.waitForStatus(uri, version);
      stale.push(analysedBetween(uri, first, version));
      if (stale[attempt].length === 0) return;
    }
    assert.fail(`every burst analysed stale versions (analysis ${analysisMs} ms): ${JSON.stringify(stale)}`);
  });

  it('still publishes during a stream of changes longer than one analysis', async (t) => {
    const { uri, end, analysisMs } = await openLarge();
    if (analysisMs < SLOW_ANALYSIS_MS) return t.skip(`the analysis took ${analysisMs} ms here, not slow enough for the server to wait`);
    const keystrokes = Math.ceil((3 * analysisMs) / KEYSTROKE_MS);
    const last = await type(uri, end, 1, keystrokes, 0);
    await client.waitForStatus(uri, last);
    assert.ok(analysedBetween(uri, 2, last).length > 0, `diagnostics appeared before the ${keystrokes} keystrokes (${keystrokes * KEYSTROKE_MS} ms) ended`);
  });
});
