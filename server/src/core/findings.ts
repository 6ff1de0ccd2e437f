import type { TextEdit, TextRange } from './text';
import { compareText } from './format/compare';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface RelatedLocation {
  /**
   * The document the range is in, when it is another one than the finding's (the rules that
   * compare designs point at the other designs' lines); absent: the finding's own document.
   */
  readonly uri?: string;
  readonly range: TextRange;
  readonly message: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** One problem found in a design, editor-agnostic. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: TextRange;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: Fix;
  /** Marks text that can be deleted (unused suppressions). */
  readonly unnecessary?: boolean;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.range.end - b.range.end || compareText(a.ruleId, b.ruleId);
}

export function fix(title: string, ...edits: TextEdit[]): Fix {
  return { title, edits };
}
