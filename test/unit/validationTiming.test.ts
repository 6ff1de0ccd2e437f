// When the server waits for a pause in typing (server/src/lsp/validationTiming.ts), on a fake
// clock: every time below is given, none is measured. test/protocol/slowDocuments.test.ts proves
// the running server follows it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_QUIET_MS, SLOW_ANALYSIS_MS, waitBeforeRunMs, type PendingRun } from '../../server/src/lsp/validationTiming';

const typing = (run: Partial<PendingRun>): PendingRun => ({ lastAnalysisMs: 400, msSinceChange: 10, msSinceScheduled: 10, changed: true, ...run });

describe('waiting for a pause in typing', () => {
  it('never waits on a document whose last analysis was quick', () => {
    assert.equal(waitBeforeRunMs(typing({ lastAnalysisMs: SLOW_ANALYSIS_MS - 1, msSinceChange: 0, msSinceScheduled: 0 })), 0);
    assert.equal(waitBeforeRunMs(typing({ lastAnalysisMs: 0, msSinceChange: 0, msSinceScheduled: 0 })), 0);
  });

  it('on a slow document, waits until changes have paused for a quarter of the analysis time, at most MAX_QUIET_MS', () => {
    // 200 ms analysis: a 50 ms pause.
    assert.equal(waitBeforeRunMs(typing({ lastAnalysisMs: 200, msSinceChange: 20 })), 30);
    assert.equal(waitBeforeRunMs(typing({ lastAnalysisMs: 200, msSinceChange: 50 })), 0);
    // 2 s analysis: the pause is capped.
    assert.equal(waitBeforeRunMs(typing({ lastAnalysisMs: 2000, msSinceChange: 20 })), MAX_QUIET_MS - 20);
    assert.equal(waitBeforeRunMs(typing({ lastAnalysisMs: 2000, msSinceChange: MAX_QUIET_MS })), 0);
  });

  it('never waits longer than one analysis in all, so a long stream of changes still gets diagnostics', () => {
    assert.ok(waitBeforeRunMs(typing({ lastAnalysisMs: 400, msSinceChange: 10, msSinceScheduled: 399 })) > 0);
    assert.equal(waitBeforeRunMs(typing({ lastAnalysisMs: 400, msSinceChange: 10, msSinceScheduled: 400 })), 0);
  });

  it('does not wait when no change is among the reasons (open, save, new settings)', () => {
    assert.equal(waitBeforeRunMs(typing({ changed: false, msSinceChange: 0, msSinceScheduled: 0 })), 0);
  });
});
