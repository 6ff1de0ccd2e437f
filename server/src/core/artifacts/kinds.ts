/** The three documents generated from a design, and where each one is written. */
export type ArtifactKind = 'recommendation' | 'runbook' | 'risks';

export interface ArtifactKindInfo {
  readonly kind: ArtifactKind;
  /** The document's title, before the integration's name. */
  readonly title: string;
  /** What the file name ends with, after the design's name: `<design>.runbook.md`. */
  readonly suffix: string;
}

export const ARTIFACT_KINDS: readonly ArtifactKindInfo[] = [
  { kind: 'recommendation', title: 'Decision recommendation', suffix: '.recommendation.md' },
  { kind: 'runbook', title: 'Connection runbook', suffix: '.runbook.md' },
  { kind: 'risks', title: 'Risk register', suffix: '.risks.md' },
];

export function artifactKindInfo(kind: ArtifactKind): ArtifactKindInfo {
  const info = ARTIFACT_KINDS.find((k) => k.kind === kind);
  if (!info) throw new Error(`Unknown artifact kind ${kind}`);
  return info;
}

export function isArtifactKind(value: string): value is ArtifactKind {
  return ARTIFACT_KINDS.some((k) => k.kind === value);
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
