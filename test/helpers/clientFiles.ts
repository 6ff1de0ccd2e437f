// The editor's side of integrationDesigner/files/* (server/src/protocol/messages.ts) for the LSP
// driver: what the VS Code web client does with workspace.fs (client/src/browser/workspaceFiles.ts),
// done on this machine's disk for file: URIs. A server with a disk of its own never asks.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import {
  FILES_EXISTS_REQUEST, FILES_READ_REQUEST, FILES_WRITE_REQUEST,
  type FileExistsParams, type FileExistsResult, type FileFailure, type FileReadParams, type FileReadResult, type FileWriteParams, type FileWriteResult,
} from '../../server/src/protocol';

export interface FileRequest {
  readonly method: string;
  readonly uri: string;
}

const failure = (error: unknown): FileFailure => ({ ok: false, reason: error instanceof Error ? error.message : String(error), code: (error as NodeJS.ErrnoException).code });

export function answerFileRequests(connection: MessageConnection, record: (request: FileRequest) => void): void {
  connection.onRequest<FileReadResult, never>(FILES_READ_REQUEST, ({ uri }: FileReadParams): FileReadResult => {
    record({ method: FILES_READ_REQUEST, uri });
    try {
      return { ok: true, text: readFileSync(fileURLToPath(uri), 'utf8') };
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { ok: true } : failure(error);
    }
  });
  connection.onRequest<FileExistsResult, never>(FILES_EXISTS_REQUEST, ({ uri }: FileExistsParams): FileExistsResult => {
    record({ method: FILES_EXISTS_REQUEST, uri });
    try {
      return { ok: true, exists: existsSync(fileURLToPath(uri)) };
    } catch (error) {
      return failure(error);
    }
  });
  connection.onRequest<FileWriteResult, never>(FILES_WRITE_REQUEST, ({ uri, text }: FileWriteParams): FileWriteResult => {
    record({ method: FILES_WRITE_REQUEST, uri });
    const path = fileURLToPath(uri);
    const temp = `${path}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(temp, text);
      renameSync(temp, path);
      return { ok: true };
    } catch (error) {
      rmSync(temp, { force: true });
      return failure(error);
    }
  });
}
