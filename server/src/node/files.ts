import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileAccessError, type FileStore } from '../core/files';

/**
 * The disk, for the CLI and the Node language server: the core's FileStore on Node's fs.
 * Writes never leave a half-written or lost file: the content goes to a temporary file in
 * the same folder, which then replaces the target in one rename. If anything fails
 * (read-only folder, full disk), the existing file is untouched and the temporary file is
 * removed.
 */
export const nodeFileStore: FileStore = {
  async read(uri) {
    try {
      return readIfExists(fileURLToPath(uri));
    } catch (error) {
      throw new FileAccessError(uri, describeReadProblem(error), (error as NodeJS.ErrnoException).code);
    }
  },
  async exists(uri) {
    return existsSync(fileURLToPath(uri));
  },
  async write(uri, text) {
    try {
      writeArtifactFile(fileURLToPath(uri), text);
    } catch (error) {
      if (error instanceof ArtifactWriteError) throw new FileAccessError(uri, error.reason, error.code);
      throw error;
    }
  },
};

export class ArtifactWriteError extends Error {
  constructor(readonly path: string, readonly reason: string, readonly code: string | undefined) {
    super(`Cannot write ${path}: ${reason}`);
  }
}

/** The file's text, or undefined when there is no such file. Other errors propagate. */
export function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

let counter = 0;

export function writeArtifactFile(path: string, content: string): void {
  const folder = dirname(path);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    // mkdir says EEXIST when a file sits where a folder of the path should be.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ArtifactWriteError(folder, describeWriteProblem('ENOTDIR'), 'ENOTDIR');
    throw toWriteError(folder, error);
  }
  const temp = join(folder, `.${basename(path)}.${process.pid}.${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx');
    const bytes = Buffer.from(content, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) {
      try { closeSync(fd); } catch { /* already failing */ }
    }
    try { unlinkSync(temp); } catch { /* it may never have been created */ }
    throw toWriteError(path, error);
  }
}

function toWriteError(path: string, error: unknown): ArtifactWriteError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new ArtifactWriteError(path, describeWriteProblem(code, error), code);
}

export function describeWriteProblem(code: string | undefined, error?: unknown): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM': return 'permission denied (the folder or file is read-only)';
    case 'EROFS': return 'the file system is read-only';
    case 'ENOSPC': return 'the disk is full';
    case 'EDQUOT': return 'the disk quota is exceeded';
    case 'ENOTDIR': return 'a part of the path is a file, not a folder';
    case 'EISDIR': return 'a folder of that name is in the way';
    case 'ENAMETOOLONG': return 'the file name is too long';
    default: return error instanceof Error ? error.message : String(error);
  }
}

/** Why a file could not be read, in words for the user. */
export function describeReadProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'ENOTDIR': return `a part of the path is not a directory`;
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ELOOP': return 'too many levels of symbolic links';
    case 'ERR_FS_FILE_TOO_LARGE': return 'file too large to read';
    case 'EMFILE':
    case 'ENFILE': return 'too many open files';
    default: return error instanceof Error ? error.message : String(error);
  }
}
