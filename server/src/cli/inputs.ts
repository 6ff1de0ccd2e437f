import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { describeReadProblem } from '../node/files';

/** A design file to read: where it is and how output names it. */
export interface Input {
  readonly path: string;
  /** Relative to the working directory when inside it, else absolute. */
  readonly display: string;
}

/** An argument or file that could not be used, with a reason people understand. */
export interface InputProblem {
  readonly display: string;
  readonly reason: string;
}

/** Directory entries skipped while searching: dependencies and version-control data. */
export const SKIPPED_DIRECTORIES: readonly string[] = ['node_modules', '.git'];

/** Names a directory search picks up: `integration.yaml` and `*.integration.yaml`. */
export function isDesignFileName(name: string): boolean {
  return name === 'integration.yaml' || name.endsWith('.integration.yaml');
}

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/**
 * Turns file and directory arguments into design files, sorted by their display path and
 * without duplicates. A directory is searched recursively; a file named explicitly is taken
 * whatever its name.
 */
export function collectInputs(args: readonly string[], cwd: string): { inputs: Input[]; problems: InputProblem[] } {
  const found = new Map<string, Input>();
  const problems: InputProblem[] = [];
  const add = (path: string) => found.set(path, { path, display: displayPath(cwd, path) });
  for (const arg of args) {
    const path = resolve(cwd, arg);
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      problems.push({ display: arg, reason: describeReadProblem(error) });
      continue;
    }
    if (stats.isDirectory()) {
      const before = found.size;
      const unreadable = searchDirectory(path, add, cwd);
      problems.push(...unreadable);
      if (found.size === before && unreadable.length === 0) {
        problems.push({ display: arg, reason: 'no integration.yaml or *.integration.yaml files in this directory' });
      }
    } else if (stats.isFile()) {
      add(path);
    } else {
      problems.push({ display: arg, reason: 'not a regular file' });
    }
  }
  const inputs = [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { inputs, problems };
}

/** Depth-first; symbolic links to files are followed, to directories not (no cycles). */
function searchDirectory(dir: string, add: (path: string) => void, cwd: string): InputProblem[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    return [{ display: displayPath(cwd, dir), reason: describeReadProblem(error) }];
  }
  const problems: InputProblem[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.includes(entry.name)) problems.push(...searchDirectory(path, add, cwd));
    } else if (isDesignFileName(entry.name)) {
      if (entry.isFile()) add(path);
      else if (entry.isSymbolicLink()) {
        try {
          if (statSync(path).isFile()) add(path);
        } catch (error) {
          problems.push({ display: displayPath(cwd, path), reason: describeReadProblem(error) });
        }
      }
    }
  }
  return problems;
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

const UTF8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/**
 * Reads a design as UTF-8. A leading BOM is dropped (as editors do) and invalid bytes become
 * U+FFFD, so binary input reaches the core as text it reports on instead of crashing here.
 */
export function readDesign(path: string): ReadResult {
  try {
    return { ok: true, text: UTF8.decode(readFileSync(path)) };
  } catch (error) {
    return { ok: false, reason: describeReadProblem(error) };
  }
}

/** Forward-slash form of a relative path, for URIs. */
export function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
