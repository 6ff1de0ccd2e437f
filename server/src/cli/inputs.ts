import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { documentKindOf, documentKindOfName, type DocumentKind } from '../core/vocabulary';
import { describeReadProblem } from '../node/files';
import { SKIPPED_FOLDER_NAMES } from '../core/vocabulary';

/** A file to read: where it is and how output names it. */
export interface Input {
  readonly path: string;
  /** Relative to the working directory when inside it, else absolute. */
  readonly display: string;
  /** A design or an org file, by its name (a file named explicitly with another name is a design). */
  readonly kind: DocumentKind;
  /**
   * An org file beside a design named on the command line: read for the estate (the org's figures),
   * not reported itself.
   */
  readonly context?: boolean;
}

/** An argument or file that could not be used, with a reason people understand. */
export interface InputProblem {
  readonly display: string;
  readonly reason: string;
}

/** Directory entries skipped while searching: dependencies and version-control data. */
export const SKIPPED_DIRECTORIES: readonly string[] = SKIPPED_FOLDER_NAMES;

/** Names a directory search picks up: designs (`integration.yaml`, `*.integration.yaml`) and org files (`*.salesforce-org.yaml`). */
export function isDocumentFileName(name: string): boolean {
  return documentKindOfName(name) !== undefined;
}

/** Designs only: `integration.yaml` and `*.integration.yaml`. */
export function isDesignFileName(name: string): boolean {
  return documentKindOfName(name) === 'design';
}

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/**
 * Turns file and directory arguments into designs and org files, sorted by their display path and
 * without duplicates. A directory is searched recursively; a file named explicitly is taken
 * whatever its name. The org files beside each design named explicitly come too, as context (the
 * estate reads the org's figures from them), unless they are named themselves.
 */
export function collectInputs(args: readonly string[], cwd: string): { inputs: Input[]; problems: InputProblem[] } {
  const found = new Map<string, Input>();
  const problems: InputProblem[] = [];
  const add = (path: string) => found.set(path, { path, display: displayPath(cwd, path), kind: documentKindOf(path) });
  const namedDesignFolders = new Set<string>();
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
        problems.push({ display: arg, reason: 'no integration.yaml, *.integration.yaml or *.salesforce-org.yaml files in this directory' });
      }
    } else if (stats.isFile()) {
      add(path);
      if (documentKindOf(path) === 'design') namedDesignFolders.add(dirname(path));
    } else {
      problems.push({ display: arg, reason: 'not a regular file' });
    }
  }
  for (const folder of namedDesignFolders) {
    for (const path of orgFilesIn(folder)) {
      if (!found.has(path)) found.set(path, { path, display: displayPath(cwd, path), kind: 'org', context: true });
    }
  }
  const inputs = [...found.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { inputs, problems };
}

/** The org files directly in a folder (not below it); none when it cannot be listed. */
function orgFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((e) => documentKindOfName(e.name) === 'org' && (e.isFile() || e.isSymbolicLink()))
      .map((e) => join(folder, e.name));
  } catch {
    return [];
  }
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
    } else if (isDocumentFileName(entry.name)) {
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
