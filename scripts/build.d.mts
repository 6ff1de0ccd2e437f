// Types of scripts/build.mjs, for the tests that import it.
export interface BuildEntry {
  readonly in: string;
  readonly out: string;
  readonly platform: 'node' | 'browser';
  readonly format: 'cjs' | 'iife' | 'esm';
  readonly target: string;
  readonly external?: readonly string[];
  /** Built for a browser: through the no-node-builtins guard. */
  readonly web?: boolean;
  readonly shared?: { readonly source: string; readonly bundle: string };
  readonly testOnly?: boolean;
}
export const ENTRIES: readonly BuildEntry[];
export function bundle(entry: BuildEntry, options: { outfile: string; production?: boolean; logLevel?: 'silent' | 'warning' }): Promise<void>;
