import type { Connection } from 'vscode-languageserver';
import { FileAccessError, type FileStore } from '../core/files';
import {
  FILES_EXISTS_REQUEST, FILES_FIND_REQUEST, FILES_READ_REQUEST, FILES_WRITE_REQUEST,
  type FileExistsParams, type FileExistsResult, type FileFailure, type FileFindParams, type FileFindResult,
  type FileReadParams, type FileReadResult, type FileWriteParams, type FileWriteResult,
} from '../protocol';

/**
 * The core's FileStore for a language server without a disk (a browser worker): every read and
 * write is a request to the client, which does it with the editor's file system (VS Code's
 * `workspace.fs`: the server's disk in a remote window, GitHub in github.dev). A failed
 * operation comes back as an answer with its reason, thrown here as FileAccessError.
 */
export function clientFileStore(connection: Connection): FileStore & { find(folderUri: string): Promise<readonly string[]> } {
  const ask = async <P extends { uri: string }, R extends { ok: boolean }>(method: string, params: P): Promise<Exclude<R, FileFailure>> => {
    let answer: R | FileFailure | null;
    try {
      answer = await connection.sendRequest<R | FileFailure | null>(method, params);
    } catch (error) {
      throw new FileAccessError(params.uri, `the editor could not be asked (${error instanceof Error ? error.message : String(error)})`);
    }
    if (answer === null || typeof answer !== 'object') throw new FileAccessError(params.uri, 'the editor gave no answer');
    if (!answer.ok) {
      const failure = answer as FileFailure;
      throw new FileAccessError(params.uri, failure.reason, failure.code);
    }
    return answer as Exclude<R, FileFailure>;
  };
  return {
    async read(uri) {
      const answer = await ask<FileReadParams, FileReadResult>(FILES_READ_REQUEST, { uri });
      return typeof answer.text === 'string' ? answer.text : undefined;
    },
    async exists(uri) {
      const answer = await ask<FileExistsParams, FileExistsResult>(FILES_EXISTS_REQUEST, { uri });
      return answer.exists === true;
    },
    async write(uri, text) {
      await ask<FileWriteParams, FileWriteResult>(FILES_WRITE_REQUEST, { uri, text });
    },
    /** The designs and org files under a folder, listed by the editor. */
    async find(folderUri) {
      const answer = await ask<FileFindParams, FileFindResult>(FILES_FIND_REQUEST, { uri: folderUri });
      return Array.isArray(answer.uris) ? answer.uris.filter((u): u is string => typeof u === 'string') : [];
    },
  };
}
