import { fact, type FactId } from './knowledge/facts';
import type { Finding, Fix, RelatedLocation, Severity } from './findings';
import type { Design } from './model/design';
import type { ModelDocument } from './model/parse';
import type { TextRange } from './text';
import type { DecisionResult } from './decision/types';
import type { Measurement } from './measurement';
import type { EstateRuleContext, OrgFilesRuleContext } from './estateModel';

export type RuleCategory = 'syntax' | 'schema' | 'decision' | 'connect' | 'users' | 'regions' | 'applink' | 'external-objects' | 'events' | 'rest' | 'apex' | 'canvas' | 'security' | 'limits' | 'estate' | 'engine';

/**
 * A rule is data plus a check. The data drives the documentation, the settings, hovers
 * and SARIF; the check reports findings through the context.
 */
export interface Rule {
  /** Stable, readable id: the diagnostic code and the suppression name. Never renamed. */
  readonly id: string;
  readonly title: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** Why it matters, in a sentence or two; shown on hover and in the docs. */
  readonly rationale: string;
  /**
   * Knowledge-base facts the rule relies on. A rule relying on an unconfirmed fact is a rule of
   * thumb: there is no flag for it, the docs and SARIF derive it from these facts, and the rule's
   * message says so (ruleOfThumbNote).
   */
  readonly facts: readonly FactId[];
  /**
   * Facts the message mentions in passing without relying on them (e.g. a third-party error
   * text next to a confirmed requirement). An unconfirmed one is worded as such in the message
   * (ruleOfThumbNote) but does not make the rule a rule of thumb.
   */
  readonly mentions?: readonly FactId[];
  /** What the quick fix does, when the rule offers one. */
  readonly fix?: string;
  /**
   * Reports the findings. The analysis (analysis.ts) calls it whenever the text could be read
   * into a design (schema findings do not stop it), whatever the user's severity settings.
   * Rules whose findings come from the parser, the schema validator or the analysis itself have
   * none (rules/structure.ts, rules/registry.ts).
   */
  readonly check?: (context: RuleContext) => void;
  /**
   * For the rules that compare documents: reports the findings of one estate (the designs naming
   * one org, core/estate/), each in the document it concerns. Run by the estate, never by `analyze`.
   */
  readonly checkEstate?: (context: EstateRuleContext) => void;
  /** For the rules about the org files together (duplicates, allocations_from): run by the estate. */
  readonly checkOrgFiles?: (context: OrgFilesRuleContext) => void;
}

export interface Report {
  readonly range: TextRange;
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  readonly fix?: Fix;
  /** Overrides the rule's default severity for this finding (e.g. a tip that is worse in production). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly design: Design;
  readonly model: ModelDocument;
  /** The decision table walked on the design's requirements (computed once, on demand). */
  readonly decision: DecisionResult;
  /** How close the design comes to each limit it states values for (computed once, on demand). */
  readonly measurements: readonly Measurement[];
  report(report: Report): void;
}

export type { Finding };

/** A rule relying on a fact no current official page confirms is a rule of thumb (docs, SARIF). */
export function isRuleOfThumb(rule: Rule): boolean {
  return rule.facts.some((id) => !fact(id).confirmed);
}

/** Every fact a rule cites: those it relies on, then those its message mentions. */
export function citedFacts(rule: Rule): FactId[] {
  return [...new Set([...rule.facts, ...(rule.mentions ?? [])])];
}
