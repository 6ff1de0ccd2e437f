import { childUri, FileAccessError, type FileStore } from '../files';
import type { GeneratedKind } from '../vocabulary';
import { compareArtifact, type ArtifactStatus } from './check';
import type { GeneratedFile } from './generate';
import { inspectExisting } from './header';
import { keepBothFileName } from './kinds';
import { planWrite } from './plan';

/**
 * Writes generated artifacts into a folder, the one way every front does it (CLI, language
 * server for VS Code and other editors, desktop or web): a file nobody edited is replaced, a
 * file with hand edits (or unsaved edits in an editor, or one that was never generated) is
 * never overwritten without an answer from `resolveConflict`, and every write replaces its file
 * in one step (FileStore.write). The first failure stops the run: nothing more is written.
 */
export interface ArtifactConflict {
  readonly kind: GeneratedKind;
  readonly uri: string;
  /**
   * 'edited': its body no longer matches its header's hash; 'foreign': it has no generated
   * header; 'unsaved': it is open in an editor with unsaved changes.
   */
  readonly reason: 'edited' | 'foreign' | 'unsaved';
  /** Where "keep both" would write instead (`<name> (1).md`, …), free now. */
  readonly keepBothUri: string;
}

/** 'skip' leaves this file and goes on with the others; 'cancel' stops the run. */
export type ConflictChoice = 'overwrite' | 'keep-both' | 'skip' | 'cancel';

export interface ArtifactWriteRequest {
  readonly artifacts: readonly GeneratedFile[];
  readonly folderUri: string;
  readonly files: FileStore;
  /** URIs open in an editor with unsaved changes. */
  readonly unsaved?: ReadonlySet<string>;
  readonly resolveConflict: (conflict: ArtifactConflict) => Promise<ConflictChoice>;
}

export type ArtifactOutcome =
  | { readonly kind: GeneratedKind; readonly uri: string; readonly status: 'created' | 'updated' | 'unchanged' }
  /** Left as it was ('skip' or 'cancel'). */
  | { readonly kind: GeneratedKind; readonly uri: string; readonly status: 'kept'; readonly reason: ArtifactConflict['reason'] }
  /** Left as it was; the new version went to `writtenUri`. */
  | { readonly kind: GeneratedKind; readonly uri: string; readonly status: 'kept-both'; readonly writtenUri: string };

export interface ArtifactWriteReport {
  /** In the order of the artifacts; those after a cancel or a failure are missing. */
  readonly outcomes: readonly ArtifactOutcome[];
  readonly cancelled: boolean;
  /** What stopped the run, when something failed: nothing was written over `uri`. */
  readonly failure?: { readonly kind: GeneratedKind; readonly uri: string; readonly operation: 'read' | 'write'; readonly reason: string };
}

export async function writeArtifacts(request: ArtifactWriteRequest): Promise<ArtifactWriteReport> {
  const { files, folderUri } = request;
  const outcomes: ArtifactOutcome[] = [];
  for (const artifact of request.artifacts) {
    const uri = childUri(folderUri, artifact.fileName);
    const { kind } = artifact;
    let existing: string | undefined;
    try {
      existing = await files.read(uri);
    } catch (error) {
      return { outcomes, cancelled: false, failure: { kind, uri, operation: 'read', reason: reasonOf(error) } };
    }
    const unsaved = request.unsaved?.has(uri) ?? false;
    const plan = unsaved ? 'ask' : planWrite(existing, artifact.content);
    if (plan === 'unchanged') {
      outcomes.push({ kind, uri, status: 'unchanged' });
      continue;
    }
    let target = uri;
    if (plan === 'ask') {
      const reason = unsaved ? 'unsaved' : inspectExisting(existing ?? '') === 'edited' ? 'edited' : 'foreign';
      const keepBothUri = childUri(folderUri, await freeKeepBothName(files, folderUri, artifact.fileName));
      const choice = await request.resolveConflict({ kind, uri, reason, keepBothUri });
      if (choice === 'skip' || choice === 'cancel') {
        outcomes.push({ kind, uri, status: 'kept', reason });
        if (choice === 'cancel') return { outcomes, cancelled: true };
        continue;
      }
      if (choice === 'keep-both') target = keepBothUri;
    }
    try {
      await files.write(target, artifact.content);
    } catch (error) {
      return { outcomes, cancelled: false, failure: { kind, uri: target, operation: 'write', reason: reasonOf(error) } };
    }
    outcomes.push(target === uri ? { kind, uri, status: existing === undefined ? 'created' : 'updated' } : { kind, uri, status: 'kept-both', writtenUri: target });
  }
  return { outcomes, cancelled: false };
}

/** How each artifact in the folder compares with what the design generates now (the CI check). */
export async function checkArtifacts(artifacts: readonly GeneratedFile[], folderUri: string, designText: string, files: FileStore): Promise<{ kind: GeneratedKind; uri: string; status: ArtifactStatus | { readonly unreadable: string } }[]> {
  const results: { kind: GeneratedKind; uri: string; status: ArtifactStatus | { readonly unreadable: string } }[] = [];
  for (const artifact of artifacts) {
    const uri = childUri(folderUri, artifact.fileName);
    let existing: string | undefined;
    try {
      existing = await files.read(uri);
    } catch (error) {
      results.push({ kind: artifact.kind, uri, status: { unreadable: reasonOf(error) } });
      continue;
    }
    results.push({ kind: artifact.kind, uri, status: compareArtifact(existing, artifact.content, designText) });
  }
  return results;
}

async function freeKeepBothName(files: FileStore, folderUri: string, fileName: string): Promise<string> {
  const taken = new Set<string>();
  // keepBothFileName asks synchronously; look each candidate up first, one at a time.
  for (;;) {
    const candidate = keepBothFileName(fileName, (name) => taken.has(name));
    if (!(await files.exists(childUri(folderUri, candidate)))) return candidate;
    taken.add(candidate);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof FileAccessError ? error.reason : error instanceof Error ? error.message : String(error);
}
