import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPath } from '../core/rules/registry';
import type { ServerHost } from '../lsp/host';
import { nodeHostServices, PACKAGE_ROOT } from './hostServices';

export { PACKAGE_ROOT, TEST_ANALYSIS_MS_VARIABLE } from './hostServices';

/** The language server on Node: the disk for files, the installed package for rule documentation. */
export function nodeServerHost(environment: NodeJS.ProcessEnv): ServerHost {
  return {
    ...nodeHostServices(environment),
    ruleDocUri: (ruleId) => pathToFileURL(join(PACKAGE_ROOT, ruleDocPath(ruleId))).href,
  };
}
