/**
 * How the language server's Node.js process is started: the one definition used by the extension
 * in desktop VS Code (client/src/node/serverProcess.ts), the bin's first line for other editors
 * (written by scripts/build.mjs) and the benchmark (bench/servers.ts), so what is measured is what ships.
 * The numbers behind each choice are in docs/performance.md. Plain data: it imports nothing.
 */

/**
 * V8 flags for the server process.
 * `--max-semi-space-size=1`: every keystroke's parse allocates short-lived objects, and V8's
 * young generation grows to 16 MB per semi-space under that load and stays resident. Capped at
 * 1 MB it is collected more often, each time cheaply: about 16 MB less on a small design and
 * 40 MB less on a 5,000-line one, for about a tenth more time on the large one and none on a
 * small one. (A smaller `--max-old-space-size` would save more on large designs but makes V8
 * collect the whole heap more often: a quarter slower there.)
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];

/**
 * Environment for the server process, added to the editor's own.
 * `MALLOC_TRIM_THRESHOLD_` (glibc, ignored elsewhere): return freed C heap to the system once
 * 128 KB are free at its top instead of keeping it (about 3 MB left over from compiling the
 * bundle at start-up).
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_TRIM_THRESHOLD_: '131072' };
