import type { TextRange } from '../text';
import type { Design, Field } from './design';
import type { ModelNode } from './node';

/*
 * The org's figures a design's own checks read. A design that names its org (`salesforce.org`) is
 * part of an estate, which settles the org's figures once (its org file wins over the designs):
 * the analysis then gets them (`AnalysisOptions.org`), so a design's measures and its estate's sums
 * count against the same allocation and never disagree.
 */

/** An org figure stated in another document than the design (its org file, or another design). */
export interface EstateFigure {
  readonly value: string | number;
  readonly uri: string;
  readonly range: TextRange;
  /** Where it is stated, for messages: "acme-prod.salesforce-org.yaml, line 14". */
  readonly where: string;
}

/** What the estate settled for a design's org: the figures stated elsewhere than in the design, by key. */
export interface OrgFigures {
  readonly org: string;
  readonly figures: ReadonlyMap<string, EstateFigure>;
  /** Equal for two OrgFigures the checks treat alike (values and where they are stated). */
  readonly key: string;
}

/**
 * One figure of the org as the design's checks use it: its estate's (stated in the org file or
 * another design), else the design's own under `salesforce:`.
 */
export interface OrgFigure<T> {
  readonly value: T;
  /** The design's own node, when the design states the figure the checks use. */
  readonly node?: ModelNode;
  /** Stated in another document (the org file wins over the design). */
  readonly elsewhere?: EstateFigure;
  /** "salesforce.daily_api_requests", or "daily_api_requests in acme-prod.salesforce-org.yaml, line 14". */
  readonly where: string;
}

type FigureKey = 'edition' | 'org_type' | 'daily_api_requests' | 'event_deliveries_per_day';

/** The org figure under `key` the design's checks use, or undefined when neither the estate nor the design states it. */
export function orgFigure<T extends string | number>(design: Design, key: FigureKey, accept: (value: string | number) => value is T): OrgFigure<T> | undefined {
  const settled = design.$org?.figures.get(key);
  if (settled && accept(settled.value)) return { value: settled.value, elsewhere: settled, where: `${key} in ${settled.where}` };
  const own = design.salesforce?.[key] as Field<string | number> | undefined;
  return own && accept(own.value) ? { value: own.value, node: own.node, where: `salesforce.${key}` } : undefined;
}

export const isNumber = (value: string | number): value is number => typeof value === 'number';

/** Where a figure is stated, as a related location: the design's own range, or another document's. */
export function figureLocation(figure: OrgFigure<unknown>): { uri?: string; range: TextRange } | undefined {
  if (figure.node) return { range: figure.node.range };
  return figure.elsewhere ? { uri: figure.elsewhere.uri, range: figure.elsewhere.range } : undefined;
}
