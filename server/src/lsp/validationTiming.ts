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
