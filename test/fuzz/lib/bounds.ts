/**
 * Safety bounds the fuzz suite asserts for every input. They are not performance targets:
 * each is several times the worst figure measured on the project's 2-core machine (see
 * docs/reliability.md), so only a hang, a blow-up or a leak crosses one, not a slow day.
 */
export const BOUNDS = {
  /** Wall time of one analyze() of one input (the worst inputs are 1 MiB of parser errors). */
  coreMsPerInput: 20_000,
  /** Heap one analysis still holds after garbage collection. */
  coreRetainedHeapMb: 400,
  /** Heap growth over the whole run, after garbage collection: more means a leak. */
  coreLeakMb: 100,
  /** Peak resident memory of the test process while analysing every input. */
  corePeakRssMb: 3_000,
  /** One CLI run (a single hostile file, or a whole folder of small ones). */
  cliMsPerRun: 60_000,
  /** Peak resident memory of one CLI process. */
  cliPeakRssMb: 2_000,
  /** From sending a change to the server until its diagnostics and five requests are answered. */
  serverMsPerInput: 30_000,
  /** Peak resident memory of the language server over the whole run. */
  serverPeakRssMb: 3_000,
} as const;
