// The web server's files: it has no disk, so it asks the client (integrationDesigner/files/*,
// server/src/browser/files.ts) and the client uses VS Code's file system, which reaches the
// workspace wherever it is (VS Code's server, GitHub, the browser's own storage).
import * as vscode from 'vscode';
import {
  DOCUMENT_FILE_PATTERNS, SKIPPED_FOLDER_NAMES,
  type FileExistsParams, type FileExistsResult, type FileFailure, type FileFindParams, type FileFindResult,
  type FileReadParams, type FileReadResult, type FileWriteParams, type FileWriteResult,
} from '../../../server/src/protocol';
import type { DesignServer } from '../designServer';
import { FilesExistsRequest, FilesFindRequest, FilesReadRequest, FilesWriteRequest } from '../protocol';
import { fileNameOf } from '../fileName';

// Bytes that are not UTF-8 read as U+FFFD, as the Node server reads them.
const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** A FileSystemError (or anything else) as the reason the user reads. */
function failure(error: unknown): FileFailure {
  if (error instanceof vscode.FileSystemError) {
    const reasons: Record<string, string> = {
      FileNotFound: 'no such file or directory',
      FileExists: 'a file of that name is in the way',
      FileNotADirectory: 'a part of the path is a file, not a folder',
      FileIsADirectory: 'a folder of that name is in the way',
      NoPermissions: 'permission denied (the folder or file is read-only)',
      Unavailable: 'the file system is not available',
    };
    return { ok: false, reason: reasons[error.code] ?? error.message, code: error.code };
  }
  return { ok: false, reason: error instanceof Error ? error.message : String(error) };
}

const isNotFound = (error: unknown) => error instanceof vscode.FileSystemError && error.code === 'FileNotFound';

async function read({ uri }: FileReadParams): Promise<FileReadResult> {
  try {
    return { ok: true, text: decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true))) };
  } catch (error) {
    return isNotFound(error) ? { ok: true } : failure(error);
  }
}

async function exists({ uri }: FileExistsParams): Promise<FileExistsResult> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.parse(uri, true));
    return { ok: true, exists: true };
  } catch (error) {
    return isNotFound(error) ? { ok: true, exists: false } : failure(error);
  }
}

let counter = 0;

/**
 * Writes a temporary file beside the target and renames it over the target, as the Node server
 * does on disk: a failed write never leaves a half-written file (the temporary one is removed).
 */
async function write({ uri, text }: FileWriteParams): Promise<FileWriteResult> {
  const target = vscode.Uri.parse(uri, true);
  const folder = vscode.Uri.joinPath(target, '..');
  const name = fileNameOf(target);
  const temp = vscode.Uri.joinPath(folder, `.${name}.${Date.now().toString(36)}${++counter}.tmp`);
  try {
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(temp, encoder.encode(text));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
    return { ok: true };
  } catch (error) {
    await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
    return failure(error);
  }
}

/** The designs and org files under a workspace folder, as the Node server's listing finds them. */
async function find({ uri }: FileFindParams): Promise<FileFindResult> {
  try {
    const folder = vscode.Uri.parse(uri, true);
    const include = new vscode.RelativePattern(folder, `**/{${DOCUMENT_FILE_PATTERNS.join(',')}}`);
    const found = await vscode.workspace.findFiles(include, `**/{${SKIPPED_FOLDER_NAMES.join(',')}}/**`);
    return { ok: true, uris: found.map((u) => u.toString()).sort() };
  } catch (error) {
    return failure(error);
  }
}

export function serveWorkspaceFiles(server: DesignServer): vscode.Disposable {
  return vscode.Disposable.from(
    server.onRequest(FilesReadRequest, read),
    server.onRequest(FilesExistsRequest, exists),
    server.onRequest(FilesWriteRequest, write),
    server.onRequest(FilesFindRequest, find),
  );
}
