// Finds figures the knowledge base marks unconfirmed that an output states without saying they
// are rules of thumb. A "unit" is what a reader sees as one statement: a diagnostic message, a
// line of Markdown (a table row or a paragraph), one string of the walkthrough's state.
import { FACTS, formatFactValue, type FactId } from '../../server/src/core/knowledge/facts';

/** Wording that tells a reader a figure is not confirmed. */
export const RULE_OF_THUMB_WORDING = /rule of thumb|rules of thumb|unconfirmed|historical|not a platform limit|no official/i;

/**
 * What a text must be about for a figure in it to be the unconfirmed fact's (figures shared with
 * a confirmed fact, like "2 minutes", only count in their own context). Every unconfirmed fact
 * with a number needs an entry: a test checks it.
 */
export const FIGURE_SUBJECTS: Readonly<Record<string, RegExp>> = {
  'connect-paid-min-polling': /paid[- ]plan (?:minimum|polling range)|2014|launch post|documented|shortest/i,
  'connect-paid-max-polling': /./,
  'region-latency-multiplier': /./,
  'operation-too-large': /./,
  'event-delivery-allocation-performance': /Performance Edition/,
  'event-delivery-allocation-enterprise': /./,
  'event-delivery-allocation-professional': /./,
  // The decision table's thresholds, not a row count or lag a design happens to state.
  'decision-production-rows': /Production:|production volume|rows is (?:under|over|exactly) 1,000,000 rows/,
  'decision-production-lag': /Production:|lag under 1 minute|lag of [^,.;]* is (?:under|over|exactly) 1 minute/,
  // "50%" is also any measured share ("At 50% of …"); the threshold is stated as "50% or more" / "at least 50%".
  'risk-threshold': /50%(\s\[[^\]]*\]\([^)]*\)|\s\[[^\]]*\])? or more|at least 50%/,
};

export interface FigureProblem {
  readonly fact: FactId;
  readonly figure: string;
  readonly unit: string;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const FIGURES = [...FACTS.values()].filter((f) => !f.confirmed && f.value !== undefined).map((f) => ({
  id: f.id,
  figure: formatFactValue(f),
  pattern: new RegExp(`(?<![\\d.,])${escape(formatFactValue(f))}(?![\\w])`),
}));

/** The unconfirmed facts with a number. */
export function unconfirmedFigureFacts(): readonly FactId[] {
  return FIGURES.map((f) => f.id);
}

/** The unconfirmed figures a unit states without rule-of-thumb wording. */
export function unconfirmedFigureProblems(unit: string): FigureProblem[] {
  if (RULE_OF_THUMB_WORDING.test(unit)) return [];
  return FIGURES.filter((f) => f.pattern.test(unit) && (FIGURE_SUBJECTS[f.id] ?? /./).test(unit)).map((f) => ({ fact: f.id, figure: f.figure, unit }));
}

/** Each line of a Markdown text is a unit. */
export function markdownFigureProblems(text: string): FigureProblem[] {
  return text.split('\n').flatMap(unconfirmedFigureProblems);
}
