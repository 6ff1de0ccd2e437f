import type { Finding } from '../findings';
import type { Estate } from '../estateModel';
import { relativeLocation } from '../files';
import { formatNumber } from '../format/numbers';
import { RULES_BY_ID } from '../rules/registry';
import { PATH_NAMES } from '../vocabulary';

/**
 * What a design takes part in, as plain data: its org, the org's figures, the other designs of the
 * org, the org-wide allocations with this design's share, and the design's findings from the rules
 * that compare documents. The walkthrough panel and the design's risk register show it.
 */
export interface EstateView {
  readonly org: string;
  /** The org's `name` in its org file. */
  readonly orgName?: string;
  /** Where the org is described, seen from the design; absent when no org file describes it. */
  readonly orgFile?: string;
  readonly orgFileUri?: string;
  /** The org's figures as the estate settled them ("edition: unlimited", from where). */
  readonly figures: readonly { readonly key: string; readonly value: string; readonly source: string }[];
  readonly designs: readonly EstateMemberView[];
  readonly leftOut: readonly { readonly name: string; readonly location: string; readonly reason: string }[];
  /** The org-wide allocations the designs state figures for: the sum, this design's share, the org's figure. */
  readonly allocations: readonly EstateAllocationView[];
  /** This design's findings from the rules that compare documents, by position. */
  readonly findings: readonly EstateFindingView[];
}

export interface EstateMemberView {
  readonly name: string;
  /** Seen from the design the view is for (`billing.integration.yaml`). */
  readonly location: string;
  readonly uri: string;
  /** The design the view is for. */
  readonly self: boolean;
  readonly paths: readonly string[];
  readonly usernames: readonly string[];
}

export interface EstateAllocationView {
  readonly label: string;
  readonly unit: string;
  /** Every design together. */
  readonly total: string;
  /** This design's part. */
  readonly thisDesign: string;
  /** The org's figure and where it is stated, when known. */
  readonly limit?: string;
  readonly limitSource?: string;
  /** "55%", when the org's figure is known. */
  readonly used?: string;
  /** From the risk threshold on. */
  readonly atRisk: boolean;
}

export interface EstateFindingView {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: string;
  readonly message: string;
  /** 1-based line. */
  readonly line: number;
}

export function estateView(estate: Estate, uri: string, findings: readonly Finding[], riskThreshold: number): EstateView {
  const where = (to: string) => relativeLocation(uri, to);
  const lines = [...estate.designs, ...estate.leftOut].find((d) => d.uri === uri)?.lines;
  const orgFile = estate.orgFiles[0];
  return {
    org: estate.org,
    orgName: orgFile?.name,
    orgFile: orgFile ? where(orgFile.uri) : undefined,
    orgFileUri: orgFile?.uri,
    figures: [...estate.figures.values()].filter((f) => f.key !== 'name').map((f) => ({
      key: f.key,
      value: typeof f.value === 'number' ? formatNumber(f.value) : f.value,
      source: `${where(f.uri)}${f.via ? ` (production org ${f.via})` : ''}`,
    })),
    designs: estate.designs.map((d) => ({
      name: d.name, location: where(d.uri), uri: d.uri, self: d.uri === uri,
      paths: d.paths.map((p) => PATH_NAMES[p]),
      usernames: d.users.map((u) => u.username.value),
    })),
    leftOut: estate.leftOut.map((d) => ({ name: d.name, location: where(d.uri), reason: d.reason })),
    allocations: estate.allocations.filter((a) => a.contributions.length > 0).map((a) => {
      const mine = a.contributions.filter((c) => c.uri === uri).reduce((sum, c) => sum + c.amount, 0);
      return {
        label: a.definition.label, unit: a.definition.unit,
        total: formatNumber(a.total), thisDesign: formatNumber(mine),
        limit: a.limit ? formatNumber(Number(a.limit.value)) : undefined,
        limitSource: a.limit ? where(a.limit.uri) : undefined,
        used: a.ratio === undefined ? undefined : `${formatNumber(Math.floor(a.ratio * 100))}%`,
        atRisk: a.ratio !== undefined && a.ratio >= riskThreshold,
      };
    }),
    findings: findings.map((f) => ({
      ruleId: f.ruleId, title: RULES_BY_ID.get(f.ruleId)?.title ?? f.ruleId, severity: f.severity, message: f.message,
      line: (lines?.positionAt(f.range.start).line ?? 0) + 1,
    })),
  };
}
