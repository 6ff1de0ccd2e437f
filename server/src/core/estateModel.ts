import type { Fix, RelatedLocation, Severity } from './findings';
import type { FactId, Unit } from './knowledge/facts';
import type { LineIndex, TextRange } from './text';
import type { PathKey } from './vocabulary';

/*
 * What the rules that compare documents see: the designs of one org (an estate) and the org files,
 * each reduced to what they share. Built by core/estate/ from the documents' analyses; read by the
 * rules in rules/estate.ts. Offsets are into each document's own text (its `lines`).
 */

/** A value and where it is written. */
export interface Located<T> {
  readonly value: T;
  readonly range: TextRange;
}

/**
 * An org-wide allocation: every design of the org counts against it together. The org's figure is
 * stated under the same key in its org file and under a design's `salesforce:` section.
 */
export interface AllocationDefinition {
  /** Stable id, e.g. 'daily-api-requests'. */
  readonly id: string;
  /** The key that states the org's figure (`daily_api_requests`). */
  readonly key: string;
  /** "API requests per 24 hours". */
  readonly label: string;
  readonly unit: Unit;
  /** What the allocation is, with its source. */
  readonly fact: FactId;
  readonly impact: string;
  readonly mitigation: string;
}

/** What one design adds to an org-wide allocation, and where it says so. */
export interface Contribution {
  /** AllocationDefinition.id. */
  readonly allocation: string;
  readonly amount: number;
  /** Where the design states the amount. */
  readonly range: TextRange;
  /** What the amount is, in the design's terms ("REST API requests per day"). */
  readonly label: string;
}

export interface EstateUser {
  /** The user's id in the design (its key under `integration_users`). */
  readonly id: string;
  readonly username: Located<string>;
  /** The paths that log in as the user (`used_by`). */
  readonly usedBy: readonly PathKey[];
}

/** One design as its estate sees it. */
export interface EstateDesign {
  readonly uri: string;
  /** The design's name, or its file name. */
  readonly name: string;
  readonly lines: LineIndex;
  readonly org: Located<string>;
  /** The paths the design chooses, in document order. */
  readonly paths: readonly PathKey[];
  readonly users: readonly EstateUser[];
  /** The org figures the design states under `salesforce:` (edition, org_type, instance, allocations), by key. */
  readonly figures: ReadonlyMap<string, Located<string | number>>;
  readonly contributions: readonly Contribution[];
}

/** A design that names an org but is left out of its estate (its YAML cannot be read), and why. */
export interface LeftOutDesign {
  readonly uri: string;
  readonly name: string;
  readonly lines: LineIndex;
  readonly org: Located<string>;
  readonly reason: string;
}

/** One org file as the estate sees it. */
export interface EstateOrgFile {
  readonly uri: string;
  readonly lines: LineIndex;
  readonly org?: Located<string>;
  /** Its `name`, when it states one. */
  readonly name?: string;
  readonly allocationsFrom?: Located<string>;
  /** The figures it states (edition, org_type, instance, allocations, `licenses.<kind>`, `add_ons.<name>`), by key. */
  readonly figures: ReadonlyMap<string, Located<string | number>>;
  /** Set when its YAML cannot be read: it is then left out, and this says why. */
  readonly leftOut?: string;
}

/** An org figure as the estate settles it, and where it was stated. */
export interface SettledFigure {
  readonly key: string;
  readonly value: string | number;
  readonly uri: string;
  readonly range: TextRange;
  /** The production org it was read from, for a sandbox that states no figure of its own (allocations_from). */
  readonly via?: string;
}

/** One allocation of an estate: the designs' contributions against the org's figure. */
export interface AllocationUse {
  readonly definition: AllocationDefinition;
  readonly contributions: readonly (Contribution & { readonly uri: string })[];
  readonly total: number;
  /** The org's allocation, when the org file or the designs state it. */
  readonly limit?: SettledFigure;
  /** total / limit, when the limit is known. */
  readonly ratio?: number;
}

/** The designs that name one org, what describes the org, and what they share. */
export interface Estate {
  readonly org: string;
  /** Sorted by URI. */
  readonly designs: readonly EstateDesign[];
  readonly leftOut: readonly LeftOutDesign[];
  /** Every readable org file that says `org: <this org>`, sorted by URI; the first is the one read. */
  readonly orgFiles: readonly EstateOrgFile[];
  /** Org files of this org that cannot be read. */
  readonly unreadableOrgFiles: readonly EstateOrgFile[];
  /** The org's figures: from its org file (or its production org's, for a sandbox), else from the designs. */
  readonly figures: ReadonlyMap<string, SettledFigure>;
  /** The production org whose allocations this one reads, followed through allocations_from (no cycle). */
  readonly allocationsFrom?: string;
  readonly allocations: readonly AllocationUse[];
}

/** A finding of a rule that compares documents: in one document, pointing at the others. */
export interface EstateReport {
  readonly uri: string;
  readonly range: TextRange;
  readonly message: string;
  readonly related?: readonly RelatedLocation[];
  readonly severity?: Severity;
  readonly fix?: Fix;
}

export interface EstateRuleContext {
  readonly estate: Estate;
  /** Where a document is, seen from another (`billing.integration.yaml`, `../billing/…`), for messages. */
  where(fromUri: string, toUri: string): string;
  /** 1-based line of an offset in a document of the estate. */
  line(uri: string, offset: number): number;
  report(report: EstateReport): void;
}

export interface OrgFilesRuleContext {
  /** Every org file, sorted by URI. */
  readonly orgFiles: readonly EstateOrgFile[];
  where(fromUri: string, toUri: string): string;
  line(uri: string, offset: number): number;
  report(report: EstateReport): void;
}
