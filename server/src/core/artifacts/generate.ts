import { analyze, type Analysis } from '../analysis';
import type { EstateView } from '../estate/view';
import { ArtifactContext } from './context';
import { withHeader } from './header';
import { ARTIFACT_KINDS, artifactFileName, type ArtifactKind, type GeneratedKind } from './kinds';
import { generateRecommendation } from './recommendation';
import { Redactor } from './redact';
import { generateRisks } from './risks';
import { generateRunbook } from './runbook/index';

/** A generated file the writer (writer.ts) can write: a design's artifact or an estate's. */
export interface GeneratedFile {
  readonly kind: GeneratedKind;
  readonly fileName: string;
  /** The whole file: header, body. Deterministic: the same inputs give the same bytes. */
  readonly content: string;
}

export interface GeneratedArtifact extends GeneratedFile {
  readonly kind: ArtifactKind;
  /** `<design>.<kind>.md`, beside the design. */
  readonly fileName: string;
}

const GENERATORS: Readonly<Record<ArtifactKind, (ctx: ArtifactContext) => string>> = {
  recommendation: generateRecommendation,
  runbook: generateRunbook,
  risks: generateRisks,
};

/**
 * Generates one artifact from a design's text. The analysis uses the default severities
 * (and the design's own suppression comments), never an editor's settings, so the same
 * file gives the same artifact in VS Code, on the command line and in CI.
 * `designFileName` is the design's base name, as the header and the links name it.
 * `estate` is what the design takes part in when it names an org (the risk register shows it).
 */
export function generateArtifact(kind: ArtifactKind, designText: string, designFileName: string, analysis: Analysis = analyze(designText), estate?: EstateView): GeneratedArtifact {
  const redactor = new Redactor(analysis.model, [...analysis.findings, ...analysis.suppressed]);
  const ctx = new ArtifactContext(analysis, designFileName, (text) => redactor.holdsSecret(text), estate);
  const body = GENERATORS[kind](ctx);
  const content = withHeader(kind, designFileName, designText, redactor.redact(body));
  return { kind, fileName: artifactFileName(designFileName, kind), content };
}

/** All three artifacts, sharing one analysis. */
export function generateAllArtifacts(designText: string, designFileName: string, analysis: Analysis = analyze(designText), estate?: EstateView): GeneratedArtifact[] {
  return ARTIFACT_KINDS.map((k) => generateArtifact(k.kind, designText, designFileName, analysis, estate));
}
