import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ruleDocPath } from '../core/rules/registry';
import type { ServerHost } from '../lsp/host';
import { nodeFileStore } from './files';

/** The package root: dist/server/main.js lives two folders below it. */
export const PACKAGE_ROOT = resolve(__dirname, '../..');

/** The language server on Node: the disk for files, the installed package for rule documentation. */
export const NODE_SERVER_HOST: ServerHost = {
  files: () => nodeFileStore,
  ruleDocUri: (ruleId) => pathToFileURL(join(PACKAGE_ROOT, ruleDocPath(ruleId))).href,
  afterPendingMessages: (task) => { setImmediate(task); },
};
