import { spawnSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Makes a folder read-only for this process and returns how to undo it, or undefined when
 * that is impossible here. chmod is not enough when running as root (root ignores modes), so
 * root uses the immutable attribute (chattr +i), which binds root too.
 */
export function makeFolderReadOnly(dir: string): (() => void) | undefined {
  chmodSync(dir, 0o555);
  if (!canWrite(dir)) return () => chmodSync(dir, 0o755);
  chmodSync(dir, 0o755);
  const set = spawnSync('chattr', ['+i', dir], { encoding: 'utf8' });
  if (set.status === 0 && !canWrite(dir)) return () => { spawnSync('chattr', ['-i', dir]); };
  if (set.status === 0) spawnSync('chattr', ['-i', dir]);
  return undefined;
}

function canWrite(dir: string): boolean {
  const probe = join(dir, '.write-probe');
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}
