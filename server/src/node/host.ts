import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPath } from '../core/rules/registry';
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
    assumedAnalysisMs: readMilliseconds(environment[TEST_ANALYSIS_MS_VARIABLE]),
  };
}

function readMilliseconds(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`${TEST_ANALYSIS_MS_VARIABLE} must be a number of milliseconds, not '${value}'`);
  return ms;
}
