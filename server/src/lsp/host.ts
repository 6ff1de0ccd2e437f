import type { Connection } from 'vscode-languageserver';
import type { FileStore } from '../core/files';
import type { IntegrationDesignerInitializationOptions } from '../protocol';

/**
 * What the language server needs from the platform it runs on, given by its entry point: the
 * Node one (server/src/node/serverMain.ts) reads and writes the disk; a browser one asks the
 * editor. The LSP layer itself reaches no platform API.
 */
export interface ServerHost {
  /** The files the artifact commands read and write. */
  files(connection: Connection): FileStore;
  /** Where a rule's documentation can be opened (a file: or https: URL). */
  ruleDocUri(ruleId: string): string;
  /**
   * Runs `task` once the messages already received have been handled (Node's setImmediate; a
   * message-channel turn in a browser worker): how validation lets a burst of changes drain.
   */
  afterPendingMessages(task: () => void): void;
  /**
   * The designs and org files under a folder (its whole tree, without SKIPPED_FOLDER_NAMES), as
   * URIs: how the server indexes a workspace, open files or not. The Node host lists the disk; a web
   * host asks the client. Without it, only the documents the editor opens are indexed.
   */
  findDocuments?(connection: Connection, folderUri: string): Promise<readonly string[]>;
  /** Test only: every analysis counts as this slow when deciding to wait for a pause in typing (validationTiming.ts). */
  readonly assumedAnalysisMs?: number;
}

/**
 * The host as the client configured it: rule pages from `initializationOptions.ruleDocsBaseUri`
 * when the client says where they are (the web client: its extension's `docs/rules` folder).
 */
export function configuredHost(host: ServerHost, options: IntegrationDesignerInitializationOptions | undefined): ServerHost {
  const base = typeof options === 'object' && options !== null ? options.ruleDocsBaseUri : undefined;
  if (typeof base !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(base)) return host;
  const folder = base.replace(/\/+$/, '');
  return { ...host, ruleDocUri: (ruleId) => `${folder}/${encodeURIComponent(ruleId)}.md` };
}
