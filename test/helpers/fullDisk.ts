import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { install as injectFullDisk } from './fullDiskInjection.cjs';

/** The preload that gives a child process the same injected full disk (relative to the repository). */
export const FULL_DISK_PRELOAD = 'test/helpers/fullDiskInjection.cjs';

/** Name of the file that takes up the space left on a real small disk. */
export const FILLER = '.disk-filler';

/**
 * A folder whose disk a test fills up. Where this process may mount file systems (root with
 * CAP_SYS_ADMIN, as in the project's container), the folder is a small tmpfs of its own and
 * fill() really fills it, so writes fail in the kernel with ENOSPC. Elsewhere (CI without
 * privileges) fill() injects ENOSPC into Node's fs functions for files under the folder, in
 * this process and in child processes started with childEnv() (TEST_FULL_DISK=injected forces
 * this way, to check it where mounting works). Either way, write the folder's
 * files first, then fill(), then act; restore() in a finally (it unmounts: read what you check
 * before it).
 */
export interface SmallDisk {
  readonly how: 'tmpfs' | 'injected';
  fill(): void;
  /** Environment for a child process (node) to see the same full disk. */
  childEnv(repositoryRoot: string): Record<string, string>;
  restore(): void;
}

/** `dir` must be empty or missing. */
export function smallDisk(dir: string, bytes = 1024 * 1024): SmallDisk {
  mkdirSync(dir, { recursive: true });
  if (readdirSync(dir).length > 0) throw new Error(`${dir} must be empty to become a small disk`);
  const mounted = mountTmpfs(dir, bytes);
  let undoInjection: (() => void) | undefined;
  let filled = false;
  return {
    how: mounted ? 'tmpfs' : 'injected',
    fill() {
      filled = true;
      if (mounted) fillUp(dir);
      else undoInjection = injectFullDisk(dir);
    },
    childEnv(root): Record<string, string> {
      return mounted || !filled ? {} : { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${join(root, FULL_DISK_PRELOAD)}`.trim(), FULL_DISK_DIR: dir };
    },
    restore() {
      undoInjection?.();
      undoInjection = undefined;
      if (mounted && spawnSync('umount', [dir]).status !== 0) spawnSync('umount', ['-l', dir]);
    },
  };
}

function mountTmpfs(dir: string, bytes: number): boolean {
  // TEST_FULL_DISK=injected runs the unprivileged way on a machine that could mount.
  if (process.env.TEST_FULL_DISK === 'injected') return false;
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const size = Math.ceil(bytes / 4096) * 4096;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir], { encoding: 'utf8' }).status === 0;
}

/** Writes one file until the file system says ENOSPC (big blocks, then single bytes for the last page). */
function fillUp(dir: string): void {
  const fd = openSync(join(dir, FILLER), 'a');
  try {
    for (const block of [Buffer.alloc(64 * 1024, 0x2e), Buffer.alloc(1, 0x2e)]) {
      for (;;) {
        try {
          writeSync(fd, block);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}
