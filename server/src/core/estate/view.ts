import type { Finding } from '../findings';
import type { AllocationUse, Estate } from '../estateModel';
import { fact } from '../knowledge/facts';
import { relativeLocation } from '../files';
import { formatNumber, formatShare } from '../format/numbers';
import { ratioOf } from '../measurement';
import { RULES_BY_ID } from '../rules/registry';
import { riskThreshold } from '../rules/limits';
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
  /** For an allocation per Heroku add-on (External Objects, AppLink): the add-on the designs share. */
  readonly addOn?: string;
  /** Every design together. */
  readonly total: string;
  /** This design's part. */
  readonly thisDesign: string;
  /** The figure, when the org states it or a default exists. */
  readonly limit?: string;
  /** Where the figure comes from: the document that states it, or the default's basis (with rule-of-thumb wording when unconfirmed). */
  readonly limitSource?: string;
  /** "55%", when the figure is known. */
  readonly used?: string;
  /** From the risk threshold on. */
  readonly atRisk: boolean;
  /** At or over the figure. */
  readonly exceeded: boolean;
  /** Each design's share, this design's included (`self`), in the order the designs are listed. */
  readonly shares: readonly EstateShareView[];
}

export interface EstateShareView {
  readonly name: string;
  /** Seen from the design the view is for. */
  readonly location: string;
  readonly uri: string;
  readonly self: boolean;
  /** What the design adds, counted once ("380,000"). */
  readonly amount: string;
  /** Its share of the figure ("54%"), when the figure is known. */
  readonly percent?: string;
  /** 1-based line where the design states it. */
  readonly line: number;
}

export interface EstateFindingView {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: string;
  readonly message: string;
  /** 1-based line. */
  readonly line: number;
}

/** "55%": a share of a figure, rounded down (so 99.9% never reads as 100%). */
function formatPercentOf(value: number, limit: number): string {
  return formatShare(ratioOf(value, limit));
}

/** Where an allocation's figure comes from: the document that states it, else its default's basis, worded as a rule of thumb when unconfirmed. */
function limitSource(use: AllocationUse, where: (uri: string) => string): string {
  const limit = use.limit!;
  if (limit.stated) return `${where(limit.stated.uri)}${limit.stated.via ? ` (production org ${limit.stated.via})` : ''}`;
  const byDefault = limit.default!;
  return `${byDefault.basis}${fact(byDefault.fact).confirmed ? '' : ' (unconfirmed: a rule of thumb)'}`;
}

export function estateView(estate: Estate, uri: string, findings: readonly Finding[]): EstateView {
  const threshold = riskThreshold();
  const where = (to: string) => relativeLocation(uri, to);
  const lines = [...estate.designs, ...estate.leftOut].find((d) => d.uri === uri)?.lines;
  const orgFile = estate.orgFiles[0];
  return {
    org: estate.org,
    orgName: orgFile?.name,
    orgFile: orgFile ? where(orgFile.uri) : undefined,
    orgFileUri: orgFile?.uri,
    figures: [...estate.figures.values()].map((f) => ({
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
    // The org-wide sums, and the per-add-on ones this design takes part in.
    allocations: estate.allocations.filter((a) => a.contributions.length > 0 && (a.definition.scope === 'org' || a.contributions.some((c) => c.uri === uri))).map((a) => {
      const mine = a.contributions.filter((c) => c.uri === uri).reduce((sum, c) => sum + c.counted, 0);
      const limit = a.limit?.value;
      const percent = (n: number) => (limit === undefined ? undefined : formatPercentOf(n, limit));
      const designs = [...new Set(a.contributions.map((c) => c.uri))];
      return {
        label: a.definition.label, unit: a.definition.unit,
        addOn: a.addOn?.label,
        total: formatNumber(a.total), thisDesign: formatNumber(mine),
        limit: limit === undefined ? undefined : formatNumber(limit),
        limitSource: a.limit ? limitSource(a, where) : a.missing ? `unknown: ${a.missing.basis}` : undefined,
        used: a.ratio === undefined ? undefined : formatShare(a.ratio),
        atRisk: a.ratio !== undefined && a.ratio >= threshold,
        exceeded: a.ratio !== undefined && a.ratio >= 1,
        shares: designs.map((d) => {
          const theirs = a.contributions.filter((c) => c.uri === d);
          const amount = theirs.reduce((sum, c) => sum + c.counted, 0);
          const member = estate.designs.find((m) => m.uri === d);
          return {
            name: member?.name ?? d, location: where(d), uri: d, self: d === uri,
            amount: formatNumber(amount), percent: percent(amount),
            line: (member?.lines.positionAt(theirs[0].range.start).line ?? 0) + 1,
          };
        }),
      };
    }),
    findings: findings.map((f) => ({
      ruleId: f.ruleId, title: RULES_BY_ID.get(f.ruleId)?.title ?? f.ruleId, severity: f.severity, message: f.message,
      line: (lines?.positionAt(f.range.start).line ?? 0) + 1,
    })),
  };
}
