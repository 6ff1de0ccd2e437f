import { ARTIFACT_KINDS, ESTATE_ARTIFACT, isArtifactKind, isGeneratedKind, type ArtifactKind, type GeneratedKind } from '../vocabulary';

/** The three documents generated from a design, and the estate's (vocabulary.ts names them), and where each one is written. */
export { ARTIFACT_KINDS, ESTATE_ARTIFACT, isArtifactKind, isGeneratedKind, type ArtifactKind, type GeneratedKind };

/** `acme-prod` → `acme-prod.estate.risks.md` (org ids are file-name safe: letters, digits, `.`, `_`, `-`). */
export function estateFileName(org: string): string {
  return `${org}${ESTATE_ARTIFACT.suffix}`;
}

export type ArtifactKindInfo = (typeof ARTIFACT_KINDS)[number];

export function artifactKindInfo(kind: ArtifactKind): ArtifactKindInfo {
  const info = ARTIFACT_KINDS.find((k) => k.kind === kind);
  if (!info) throw new Error(`Unknown artifact kind ${kind}`);
  return info;
}

/**
 * `orders.integration.yaml` → `orders.integration.runbook.md`. Only the YAML extension is
 * dropped, so the artifacts sort right after their design and two designs never share one.
 */
export function artifactFileName(designFileName: string, kind: ArtifactKind): string {
  const stem = designFileName.replace(/\.ya?ml$/i, '');
  return `${stem}${artifactKindInfo(kind).suffix}`;
}

/**
 * The name "Keep both" writes: `<name> (1).md`, `<name> (2).md`, … the first one for which
 * `exists` is false.
 */
export function keepBothFileName(fileName: string, exists: (candidate: string) => boolean): string {
  const dot = fileName.toLowerCase().endsWith('.md') ? fileName.length - 3 : fileName.length;
  const base = fileName.slice(0, dot);
  const ext = fileName.slice(dot);
  for (let n = 1; ; n++) {
    const candidate = `${base} (${n})${ext}`;
    if (!exists(candidate)) return candidate;
  }
}
