// On a document slow to analyse, the server waits for a pause in typing before analysing, but
// never longer than one analysis (server/src/lsp/validationTiming.ts). The server is told,
// through its test-only INTEGRATION_LINT_TEST_ANALYSIS_MS, that every analysis takes
// ANALYSIS_MS, so a small document shows the behaviour whatever the machine's speed.
// (test/unit/validationTiming.test.ts covers the rule itself with a fake clock.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_QUIET_MS, SLOW_ANALYSIS_MS } from '../../server/src/lsp/validationTiming';
import { TEST_ANALYSIS_MS_VARIABLE } from '../../server/src/node/host';
import { docUri, startServer, type LspDriver } from '../helpers/lspDriver';
import { SMALL } from './fixtures';

/** The typing cadence of the tests, not a wait for a result. */
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const KEYSTROKE_MS = 20;
/** Slow enough to wait for the longest pause (MAX_QUIET_MS), and longer than a 6-keystroke burst. */
const ANALYSIS_MS = 400;
const END = { line: SMALL.split('\n').length - 1, character: 0 };

/** Types `count` characters at the end of the document, KEYSTROKE_MS apart; returns the last version. */
async function type(client: LspDriver, uri: string, version: number, count: number): Promise<number> {
  for (let i = 0; i < count; i++) {
    if (i > 0) await pause(KEYSTROKE_MS);
    client.change(uri, ++version, [{ range: { start: END, end: END }, text: '#' }]);
  }
  return version;
}

/** Versions in [first, last) the server analysed (each analysis sends a status notification). */
const analysedBetween = (client: LspDriver, uri: string, first: number, last: number) =>
  client.statuses.filter((s) => s.uri === uri && s.version >= first && s.version < last).map((s) => s.version);

/** Types bursts of 6 keystrokes (up to 3); returns the stale versions each analysed, stopping at the first without any. */
async function bursts(client: LspDriver, uri: string): Promise<number[][]> {
  // A stall of the test process longer than the pause the server waits for would let a stale
  // version through; the behaviour holds if one of three bursts shows it.
  const stale: number[][] = [];
  let version = 1;
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = version + 1;
    version = await type(client, uri, version, 6);
    await client.waitForStatus(uri, version);
    stale.push(analysedBetween(client, uri, first, version));
    if (stale[attempt].length === 0) break;
  }
  return stale;
}

describe('diagnostics while typing in a document slow to analyse', () => {
  let client: LspDriver;
  before(async () => {
    assert.ok(ANALYSIS_MS >= SLOW_ANALYSIS_MS && ANALYSIS_MS / 4 >= MAX_QUIET_MS && 6 * KEYSTROKE_MS < ANALYSIS_MS);
    client = await startServer({ env: { [TEST_ANALYSIS_MS_VARIABLE]: String(ANALYSIS_MS) } });
  });
  after(async () => { await client.stop(); });

  async function open(): Promise<string> {
    const uri = docUri('slow');
    client.open(uri, SMALL);
    await client.waitForStatus(uri, 1);
    return uri;
  }

  it('analyses only the last version of a quick burst of typing', async () => {
    const uri = await open();
    const stale = await bursts(client, uri);
    assert.deepEqual(stale.at(-1), [], `every burst analysed stale versions: ${JSON.stringify(stale)}`);
  });

  it('still publishes during a stream of changes longer than one analysis', async () => {
    const uri = await open();
    const keystrokes = Math.ceil((3 * ANALYSIS_MS) / KEYSTROKE_MS);
    const last = await type(client, uri, 1, keystrokes);
    await client.waitForStatus(uri, last);
    assert.ok(analysedBetween(client, uri, 2, last).length > 0, `no diagnostics before the ${keystrokes} keystrokes (${keystrokes * KEYSTROKE_MS} ms) ended`);
  });
});

describe('diagnostics while typing in a document quick to analyse', () => {
  it('analyses each keystroke at once (the waiting is for slow documents only)', async () => {
    const client = await startServer();
    try {
      const uri = docUri('quick');
      client.open(uri, SMALL);
      await client.waitForStatus(uri, 1);
      const last = await type(client, uri, 1, 6);
      await client.waitForStatus(uri, last);
      assert.ok(analysedBetween(client, uri, 2, last).length > 0, 'no version before the last was analysed');
    } finally {
      await client.stop();
    }
  });
});
