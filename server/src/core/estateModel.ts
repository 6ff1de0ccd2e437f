import type { Fix, RelatedLocation, Severity } from './findings';
import type { FactId, Unit } from './knowledge/facts';
import type { LineIndex, TextRange } from './text';
import type { PathKey } from './vocabulary';
import type { AddOnIdentity } from './model/addOns';

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

/** Who shares an allocation: every design of the org, or the designs that describe one Heroku add-on. */
export type AllocationScope = 'org' | 'add-on';

/** The allocation an org gets when it states none: from its edition (or its licenses), with the fact it comes from. */
export interface AllocationDefault {
  /** Undefined when no source gives one (the register and the rules then say so). */
  readonly value?: number;
  readonly fact: FactId;
  /** What it rests on, for messages: "Unlimited Edition's default", "5,000 per full Salesforce license × 120 licenses". */
  readonly basis: string;
  /** A starting point the org's real allocation may be above (API requests grow with licenses). */
  readonly floor?: boolean;
  /** The org figures it is derived from (the edition, the licenses), where stated. */
  readonly from: readonly SettledFigure[];
}

/** What an allocation's default is computed from: the org's figures as the estate settled them. */
export interface OrgBasis {
  readonly figures: ReadonlyMap<string, SettledFigure>;
}

/**
 * An allocation the designs share: every design of the org counts against it together (`scope:
 * 'org'`), or every design that describes the same Heroku add-on (`scope: 'add-on'`). An org-wide
 * figure the org can state is stated under the same key in its org file and under a design's
 * `salesforce:` section; otherwise the edition (or the licenses) give the default.
 */
export interface AllocationDefinition {
  /** Stable id, e.g. 'daily-api-requests'. */
  readonly id: string;
  readonly scope: AllocationScope;
  /** The key that states the org's figure (`daily_api_requests`), for an allocation the org states. */
  readonly key?: string;
  /** "API requests per 24 hours". */
  readonly label: string;
  readonly unit: Unit;
  /** What the allocation is, with its source. */
  readonly fact: FactId;
  /** The allocation when the org states none (the edition's, the licenses'); undefined when nothing gives one. */
  readonly defaultFor?: (org: OrgBasis) => AllocationDefault | undefined;
  /**
   * The rule that reports one design alone over the allocation (with the same figure: the design
   * reads its estate's). The estate then reports only sums of several designs, never the same
   * design's use twice; an allocation without one is reported by the estate alone.
   */
  readonly designRule?: string;
  readonly impact: string;
  /** How to read the org's real figure, when it can state one (`key`) and only a default is known. */
  readonly readFigure?: string;
  readonly mitigation: string;
}

/** What one design adds to an allocation, and where it says so. */
export interface Contribution {
  /** AllocationDefinition.id. */
  readonly allocation: string;
  readonly amount: number;
  /** Where the design states the amount. */
  readonly range: TextRange;
  /** What the amount is, in the design's terms ("REST API requests per day"). */
  readonly label: string;
  /**
   * The Heroku add-on the use belongs to, when the design names it: per-add-on allocations are
   * summed by it, and one add-on described in several designs is one consumer.
   */
  readonly consumer?: AddOnIdentity;
  /**
   * For a count of distinct things (PushTopics: the objects with accelerated polling): the things.
   * One consumer's thing described in several designs counts once.
   */
  readonly items?: readonly string[];
  /** The fact that says this use counts; an unconfirmed one makes the finding a rule of thumb. */
  readonly fact?: FactId;
}

export interface EstateUser {
  /** The user's id in the design (its key under `integration_users`). */
  readonly id: string;
  readonly username: Located<string>;
  /** The paths that log in as the user (`used_by`). */
  readonly usedBy: readonly PathKey[];
  /**
   * What logs in as the user, one per path: the add-on's key (`AddOnIdentity.key`) for an add-on
   * the design names fully, else a key of this design's path. Two designs whose lists are equal
   * describe the same consumer (one Connect add-on in two designs), not a shared user.
   */
  readonly consumers: readonly string[];
}

/** The Heroku Connect connection a design describes: its add-on and the Postgres database it syncs into. */
export interface EstateConnect {
  /** Undefined when the design does not name the add-on and its app. */
  readonly addOn?: AddOnIdentity;
  /** The app Connect is attached to, when the design says. */
  readonly app?: string;
  /** `paths.heroku_connect.database.name`: the Heroku Postgres add-on's name. */
  readonly database?: Located<string>;
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
  readonly connect?: EstateConnect;
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

/** A design's contribution as its estate counts it. */
export interface EstateContribution extends Contribution {
  readonly uri: string;
  /** What the sum counts of it: less than `amount` when the same consumer's items are already counted from another design. */
  readonly counted: number;
  /** The design whose description of the same consumer's items was counted first, when `counted` < `amount`. */
  readonly countedWith?: string;
}

/** The figure an allocation is measured against: stated by the org, or its default. */
export interface AllocationLimit {
  readonly value: number;
  /** Stated by the org (its org file, its production org's, or a design). */
  readonly stated?: SettledFigure;
  /** The default (the edition's, the licenses'), when the org states no figure. */
  readonly default?: AllocationDefault;
}

/** One allocation of an estate: the designs' contributions against the org's (or the add-on's) figure. */
export interface AllocationUse {
  readonly definition: AllocationDefinition;
  /** For a per-add-on allocation: the add-on. */
  readonly addOn?: AddOnIdentity;
  readonly contributions: readonly EstateContribution[];
  readonly total: number;
  /** The figure, when the org states it or a default exists. */
  readonly limit?: AllocationLimit;
  /** When no figure is stated and no source gives a default: which default is missing. */
  readonly missing?: AllocationDefault;
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
