import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SKIPPED_FOLDER_NAMES } from '../core/files';
import { ruleDocPath } from '../core/rules/registry';
import { documentKindOfName } from '../core/vocabulary';
import type { ServerHost } from '../lsp/host';
import { nodeFileStore } from './files';

/** The package root: dist/server/main.js lives two folders below it. */
export const PACKAGE_ROOT = resolve(__dirname, '../..');

/**
 * Test only: INTEGRATION_LINT_TEST_ANALYSIS_MS=<ms> makes the server treat every analysis as
 * having taken that long when it decides whether to wait for a pause in typing, so a protocol
 * test can prove the waiting on a small document on any machine. Never set by the extension.
 */
export const TEST_ANALYSIS_MS_VARIABLE = 'INTEGRATION_LINT_TEST_ANALYSIS_MS';

/** The language server on Node: the disk for files, the installed package for rule documentation. */
export function nodeServerHost(environment: NodeJS.ProcessEnv): ServerHost {
  return {
    files: () => nodeFileStore,
    ruleDocUri: (ruleId) => pathToFileURL(join(PACKAGE_ROOT, ruleDocPath(ruleId))).href,
    afterPendingMessages: (task) => { setImmediate(task); },
    findDocuments: async (folderUri) => (await listDocuments(fileURLToPath(folderUri))).map((path) => pathToFileURL(path).href),
    assumedAnalysisMs: readMilliseconds(environment[TEST_ANALYSIS_MS_VARIABLE]),
  };
}

function readMilliseconds(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`${TEST_ANALYSIS_MS_VARIABLE} must be a number of milliseconds, not '${value}'`);
  return ms;
}

/**
 * The designs and org files in a folder tree, depth first. Folders that cannot be read are
 * skipped (the rest is still listed); symbolic links to folders are not followed (no cycles).
 */
export async function listDocuments(folder: string): Promise<string[]> {
  const out: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDER_NAMES.includes(entry.name)) pending.push(join(dir, entry.name));
      } else if ((entry.isFile() || entry.isSymbolicLink()) && documentKindOfName(entry.name) !== undefined) {
        out.push(join(dir, entry.name));
      }
    }
  }
  return out.sort();
}
