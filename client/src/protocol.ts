// The custom messages between the client and the language server, typed from the server's own
// protocol file (plain data, no server code), so client and server cannot drift apart.
import { NotificationType, RequestType } from 'vscode-languageclient/browser';
import {
  ARTIFACTS_CONFIRM_OVERWRITE_REQUEST, ARTIFACTS_WRITE_REQUEST, FILES_EXISTS_REQUEST, FILES_READ_REQUEST, FILES_WRITE_REQUEST, FILES_FIND_REQUEST, KNOWLEDGE_BASE_REQUEST, STATUS_NOTIFICATION, WALKTHROUGH_APPLY_EDITS_REQUEST, WALKTHROUGH_PATH_RANGE_REQUEST, WALKTHROUGH_STATE_REQUEST,
  type ArtifactsWriteParams, type ArtifactsWriteResult, type ConfirmOverwriteParams, type ConfirmOverwriteResult, type LspRange, type StatusParams,
  type FileExistsParams, type FileExistsResult, type FileReadParams, type FileReadResult, type FileWriteParams, type FileFindParams, type FileFindResult, type KnowledgeBaseResult, type FileWriteResult,
  type WalkthroughApplyEditsParams, type WalkthroughApplyEditsResult, type WalkthroughPathRangeParams,
  type WalkthroughStateParams, type WalkthroughStateResult,
} from '../../server/src/protocol';

export type ValidationStatus = StatusParams;
export type FindingCounts = StatusParams['counts'];

/** Sent by the server after each validation of a document. */
export const ValidationStatusNotification = new NotificationType<ValidationStatus>(STATUS_NOTIFICATION);

// The server answers null when a request failed there (it logs why in the output channel).

/** The decision walkthrough's view of a design with the panel's answers. */
export const WalkthroughStateRequest = new RequestType<WalkthroughStateParams, WalkthroughStateResult | null, void>(WALKTHROUGH_STATE_REQUEST);
/** The edits Apply makes, for one document version. */
export const WalkthroughApplyEditsRequest = new RequestType<WalkthroughApplyEditsParams, WalkthroughApplyEditsResult | null, void>(WALKTHROUGH_APPLY_EDITS_REQUEST);
/** Where `paths.<path>` is written. */
export const WalkthroughPathRangeRequest = new RequestType<WalkthroughPathRangeParams, LspRange | null, void>(WALKTHROUGH_PATH_RANGE_REQUEST);
/** Generate artifacts and write them beside the design. */
export const ArtifactsWriteRequest = new RequestType<ArtifactsWriteParams, ArtifactsWriteResult | null, void>(ARTIFACTS_WRITE_REQUEST);
/** Server → client: may this file with hand edits be replaced? */
export const ConfirmOverwriteRequest = new RequestType<ConfirmOverwriteParams, ConfirmOverwriteResult, void>(ARTIFACTS_CONFIRM_OVERWRITE_REQUEST);

// Server → client, from the web server only (it has no disk): the editor's file system.
export const FilesReadRequest = new RequestType<FileReadParams, FileReadResult, void>(FILES_READ_REQUEST);
export const FilesExistsRequest = new RequestType<FileExistsParams, FileExistsResult, void>(FILES_EXISTS_REQUEST);
export const FilesWriteRequest = new RequestType<FileWriteParams, FileWriteResult, void>(FILES_WRITE_REQUEST);
/** The designs and org files under a workspace folder (the web server's workspace index). */
export const FilesFindRequest = new RequestType<FileFindParams, FileFindResult, void>(FILES_FIND_REQUEST);
/** The knowledge base as Markdown, rendered by the server. */
export const KnowledgeBaseRequest = new RequestType<void, KnowledgeBaseResult | null, void>(KNOWLEDGE_BASE_REQUEST);
