import type { Metafile, Plugin } from 'esbuild';

/** 'node:fs/promises' → 'fs'; 'fs/promises' → 'fs'; 'lodash' → undefined. */
export function builtinName(path: string): string | undefined;
/** Unguarded Node globals in a module's source text. */
export function unguardedNodeGlobals(text: string): { global: string; line: number; excerpt: string }[];
/** The guard: fails a web build on Node built-ins (and, unless `globals: false`, unguarded Node globals). */
export function noNodeBuiltins(options?: { allow?: Record<string, RegExp>; globals?: boolean }): Plugin;
/** The second check, on a finished build: modules a "browser" field emptied, external built-ins. */
export function nodeLeftoversIn(metafile: Metafile): string[];
