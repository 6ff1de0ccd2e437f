import type { Analysis } from '../analysis';
import { riskThreshold } from '../rules/limits';
import { estateView, type EstateView } from './view';
import type { ContributionExtractor } from './allocations';
import { summarize } from './summarize';
import { EstateWorkspace, type EstateOptions } from './workspace';

export { ALLOCATIONS, CONTRIBUTION_EXTRACTORS, SHARED_FIGURE_KEYS, type ContributionExtractor } from './allocations';
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
export function estateViewOf(workspace: EstateWorkspace, uri: string): EstateView | undefined {
  const estate = workspace.estateOf(uri);
  return estate ? estateView(estate, uri, workspace.findingsOf(uri), riskThreshold()) : undefined;
}
