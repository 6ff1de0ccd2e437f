import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerHost } from '../lsp/host';
import { nodeFileStore } from './files';
import { listDocuments } from './listDocuments';

/** The package root: dist/server/*.js live two folders below it. */
export const PACKAGE_ROOT = resolve(__dirname, '../..');

/**
 * Test only: INTEGRATION_LINT_TEST_ANALYSIS_MS=<ms> makes the server treat every analysis as
 * having taken that long when it decides whether to wait for a pause in typing, so a protocol
 * test can prove the waiting on a small document on any machine. Never set by the extension.
 */
export const TEST_ANALYSIS_MS_VARIABLE = 'INTEGRATION_LINT_TEST_ANALYSIS_MS';

/**
 * What Node gives the language server, except rule documentation (which needs the rule
 * registry): the disk for files and listing, setImmediate, where the package is. The stdio server adds the
 * rule pages (host.ts); desktop VS Code's launcher (desktopMain.ts) hands this to the extension's
 * server script, which has the registry itself. Kept apart so the launcher stays small.
 */
export function nodeHostServices(environment: NodeJS.ProcessEnv): Omit<ServerHost, 'ruleDocUri'> & { readonly packageRootUri: string } {
  return {
    files: () => nodeFileStore,
    afterPendingMessages: (task) => { setImmediate(task); },
    findDocuments: async (_connection, folderUri) => (await listDocuments(fileURLToPath(folderUri))).map((path) => pathToFileURL(path).href),
    assumedAnalysisMs: readMilliseconds(environment[TEST_ANALYSIS_MS_VARIABLE]),
    packageRootUri: pathToFileURL(PACKAGE_ROOT).href,
  };
}

function readMilliseconds(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`${TEST_ANALYSIS_MS_VARIABLE} must be a number of milliseconds, not '${value}'`);
  return ms;
}
