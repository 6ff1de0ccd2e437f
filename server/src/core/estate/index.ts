import { analyze, type Analysis } from '../analysis';
import type { DocumentKind } from '../vocabulary';
import type { Finding } from '../findings';
import { estateView, type EstateView } from './view';
import type { ContributionExtractor } from './allocations';
import { summarize } from './summarize';
import { EstateWorkspace, type EstateOptions } from './workspace';

export { ALLOCATIONS, SHARED_FIGURE_KEYS, type ContributionExtractor } from './allocations';
export { CONTRIBUTION_EXTRACTORS } from './extractors';
export { summarize, orgOfSummary, type DocumentSummary } from './summarize';
export { EstateWorkspace, type EstateOptions } from './workspace';
export { estateView, type EstateView, type EstateAllocationView, type EstateFindingView, type EstateMemberView } from './view';

/** A document of an estate: where it is, and its analysis (a design or an org file). */
export interface EstateSource {
  readonly uri: string;
  readonly analysis: Analysis;
}

/**
 * The estates of a set of documents, computed once (the CLI; the language server keeps an
 * EstateWorkspace up to date instead): designs naming the same org are checked together with the
 * org's file. `findingsOf(uri)` gives each document's findings from the rules that compare documents.
 */
export function analyzeEstates(sources: readonly EstateSource[], options: EstateOptions & { readonly extractors?: readonly ContributionExtractor[] } = {}): EstateWorkspace {
  const workspace = new EstateWorkspace(options);
  for (const source of sources) workspace.set(summarize(source.uri, source.analysis, options.extractors));
  workspace.update();
  return workspace;
}

/** What a design takes part in (its estate, seen from it), or undefined for a design that names no org. */
export function estateViewOf(workspace: EstateWorkspace, uri: string, findings: readonly Finding[] = workspace.findingsOf(uri)): EstateView | undefined {
  const estate = workspace.estateOf(uri);
  return estate ? estateView(estate, uri, findings) : undefined;
}

/** A document's text, where it is and what it is, to analyse with the others. */
export interface EstateText {
  readonly uri: string;
  readonly text: string;
  readonly kind: DocumentKind;
}

/**
 * Analyses documents together (the CLI, the golden tests): each alone, then their estates, then
 * again each design whose estate settles org figures elsewhere (its org file), with those figures,
 * so a design's own checks count against the same allocations as its estate. The estates' findings
 * do not change: what the estate reads of a design does not depend on the org's figures.
 */
export function analyzeTogether(documents: readonly EstateText[], options: EstateOptions & { readonly extractors?: readonly ContributionExtractor[] } = {}): { analyses: Analysis[]; estates: EstateWorkspace } {
  const alone = documents.map((d) => analyze(d.text, { kind: d.kind }));
  const estates = analyzeEstates(documents.map((d, i) => ({ uri: d.uri, analysis: alone[i] })), options);
  const analyses = documents.map((d, i) => analysisInEstate(estates, { uri: d.uri, text: d.text, analysis: alone[i] }));
  return { analyses, estates };
}

/** A document's analysis with the org figures its estate settled (the same analysis when there are none). */
export function analysisInEstate(estates: EstateWorkspace, document: { readonly uri: string; readonly text: string; readonly analysis: Analysis }): Analysis {
  const org = document.analysis.kind === 'design' ? estates.orgFiguresOf(document.uri) : undefined;
  return org ? analyze(document.text, { kind: 'design', org }) : document.analysis;
}
