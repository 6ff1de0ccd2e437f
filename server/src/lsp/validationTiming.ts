/**
 * When the server waits for a pause in typing before validating (diagnostics.ts). Imports
 * nothing, so the tests and the benchmark report read the same numbers.
 *
 * An analysis this slow (a design of many thousand lines) cannot be interrupted once started:
 * a keystroke that arrives during it waits for it, then for its own. For such documents only,
 * a run starts once changes have paused for a quarter of the last analysis time (at most
 * MAX_QUIET_MS, and never after waiting one analysis time), so a stale version is rarely
 * analysed in the middle of typing. Smaller documents are analysed at once.
 */
export const SLOW_ANALYSIS_MS = 150;
export const MAX_QUIET_MS = 75;

/** How long changes must pause before a run starts, given the document's last analysis time. */
export function quietPeriodMs(lastAnalysisMs: number): number {
  return lastAnalysisMs < SLOW_ANALYSIS_MS ? 0 : Math.min(MAX_QUIET_MS, lastAnalysisMs / 4);
}

export interface PendingRun {
  /** How long the document's last analysis took (0 before the first). */
  readonly lastAnalysisMs: number;
  /** Since the document's last change arrived (Infinity when it never changed). */
  readonly msSinceChange: number;
  /** Since the run was scheduled. */
  readonly msSinceScheduled: number;
  /** Whether a change is among the reasons for the run (an open, a save or new settings never wait). */
  readonly changed: boolean;
  /**
   * Test only: treat every analysis as having taken this long (ServerHost.assumedAnalysisMs), so
   * a protocol test can prove the waiting on a small document on any machine.
   */
  readonly assumedAnalysisMs?: number;
}

/**
 * How much longer a scheduled run waits for a pause in typing; 0 means run now. Waiting never
 * takes longer than one analysis: during a long stream of changes, diagnostics keep appearing.
 */
export function waitBeforeRunMs(run: PendingRun): number {
  if (!run.changed) return 0;
  const analysisMs = run.assumedAnalysisMs ?? run.lastAnalysisMs;
  const quietMs = quietPeriodMs(analysisMs);
  if (run.msSinceChange >= quietMs || run.msSinceScheduled >= analysisMs) return 0;
  return quietMs - run.msSinceChange;
}
