// Custom messages between the client and the language server (server/src/lsp). Keep in step
// with the server's definitions: the method names are the contract.
import { NotificationType } from 'vscode-languageclient';

export interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly hint: number;
}

/** Sent by the server after each validation of a document. */
export interface ValidationStatus {
  readonly uri: string;
  readonly version: number | null;
  readonly counts: FindingCounts;
  readonly validationMs: number;
}

export const ValidationStatusNotification = new NotificationType<ValidationStatus>('integrationDesigner/status');
