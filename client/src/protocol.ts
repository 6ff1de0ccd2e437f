// The custom messages the language server sends, typed from the server's own protocol file
// (plain data, no server code), so client and server cannot drift apart.
import { NotificationType } from 'vscode-languageclient';
import { STATUS_NOTIFICATION, type StatusParams } from '../../server/src/lsp/protocol';

export type ValidationStatus = StatusParams;
export type FindingCounts = StatusParams['counts'];

/** Sent by the server after each validation of a document. */
export const ValidationStatusNotification = new NotificationType<ValidationStatus>(STATUS_NOTIFICATION);
