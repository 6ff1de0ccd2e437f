import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SKIPPED_FOLDER_NAMES } from '../core/vocabulary';
import { documentKindOfName } from '../core/vocabulary';

/**
 * The designs and org files in a folder tree, depth first. Folders that cannot be read are
 * skipped (the rest is still listed); symbolic links to folders are not followed (no cycles).
 */
export async function listDocuments(folder: string): Promise<string[]> {
  const out: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDER_NAMES.includes(entry.name)) pending.push(join(dir, entry.name));
      } else if ((entry.isFile() || entry.isSymbolicLink()) && documentKindOfName(entry.name) !== undefined) {
        out.push(join(dir, entry.name));
      }
    }
  }
  return out.sort();
}
