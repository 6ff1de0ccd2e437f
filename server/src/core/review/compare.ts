import { analyze, type Analysis } from '../analysis';
import { decisionReport, type DecisionReport } from '../decision/report';
import type { Finding, Severity } from '../findings';
import type { Unit } from '../knowledge/facts';
import { riskThreshold } from '../rules/limits';
import { applySeverities, type SeverityOverrides } from '../severities';
import type { Measurement } from '../measurement';
import { designPathAt } from './designPath';
import { compareText } from '../format/compare';

/**
 * Review mode: what a change to a design does. Findings are matched by rule id and design
 * path (designPath.ts), never by line, so moving text around is not a change; limits are
 * compared on the 50 % (risk register) and 100 % marks; the decision is compared on its
 * recommended path and plan. The result is plain data, the same for every output format
 * (docs/review.md, docs/schemas/review.schema.json).
 */
export const REVIEW_REPORT_VERSION = 1;

export interface ReviewReport {
  readonly schemaVersion: typeof REVIEW_REPORT_VERSION;
  /** What the designs are compared with: a git ref, or the old file. */
  readonly base: string;
  /** Designs that differ (with --git: the changed ones), sorted by file. */
  readonly designs: readonly DesignReview[];
  readonly summary: ReviewSummary;
}

export interface ReviewSummary {
  readonly designs: number;
  readonly added: number;
  readonly resolved: number;
  readonly unchanged: number;
  /** Added errors, plus findings that were there before and became errors: the count CI fails on. */
  readonly newErrors: number;
  readonly risksRose: number;
  readonly risksFell: number;
  readonly decisionsChanged: number;
}

export type DesignStatus = 'added' | 'removed' | 'modified' | 'unchanged';

export interface DesignReview {
  /** As the front names it (relative to the working directory). */
  readonly file: string;
  readonly status: DesignStatus;
  readonly findings: {
    readonly added: readonly ReviewFinding[];
    readonly resolved: readonly ReviewFinding[];
    readonly unchanged: readonly ReviewFinding[];
  };
  /** Limits whose share crossed the 50 % or 100 % mark, in either direction. */
  readonly risks: readonly RiskChange[];
  readonly decision: DecisionChange;
}

export interface ReviewFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** For an unchanged finding whose severity changed: what it was. */
  readonly previousSeverity?: Severity;
  readonly message: string;
  /** The YAML key path of the node the finding is on (`paths.heroku_connect.plan`; '' for the document). */
  readonly designPath: string;
  /** 1-based, in the new version (the old one for resolved findings); columns in UTF-16 code units. */
  readonly line: number;
  readonly column: number;
}

export interface RiskChange {
  /** The measurement's id (`connect-rows-demo-cap`). */
  readonly id: string;
  readonly label: string;
  readonly before: RiskLevel | null;
  readonly after: RiskLevel | null;
  readonly direction: 'rose' | 'fell';
  /** The marks crossed, in percent: 50 (the risk register's threshold) and/or 100 (the limit). */
  readonly crossed: readonly number[];
}

export interface RiskLevel {
  /** Share of the limit, rounded down as the risk register shows it; null when it is unbounded (a limit of 0). */
  readonly percent: number | null;
  readonly value: number;
  readonly limit: number;
  readonly unit: Unit;
}

export interface DecisionChange {
  readonly before: DecisionReport | null;
  readonly after: DecisionReport | null;
  /** The recommended path (or the set of recommended paths) differs; false when a side is missing. */
  readonly pathChanged: boolean;
  /** The recommended Heroku Connect plan tier differs; false when a side is missing. */
  readonly planChanged: boolean;
}

export interface ReviewInput {
  readonly file: string;
  /** The old text; undefined when the design is new. */
  readonly before?: string;
  /** The new text; undefined when the design was deleted. */
  readonly after?: string;
}

/** Compares two versions of one design (one side may be missing: a design added or deleted whole). */
export function reviewDesign(input: ReviewInput, severities?: SeverityOverrides): DesignReview {
  const before = input.before === undefined ? undefined : analyze(input.before);
  // An unchanged text is analysed once.
  const after = input.after === undefined ? undefined : input.after === input.before ? before : analyze(input.after);
  const status: DesignStatus = !before ? 'added' : !after ? 'removed' : input.before === input.after ? 'unchanged' : 'modified';
  return {
    file: input.file,
    status,
    findings: compareFindings(located(before, severities), located(after, severities)),
    risks: compareRisks(before?.measurements ?? [], after?.measurements ?? []),
    decision: compareDecisions(before, after),
  };
}

export function reviewReport(base: string, designs: readonly DesignReview[]): ReviewReport {
  const sorted = [...designs].sort((a, b) => compareText(a.file, b.file));
  const sum = (f: (d: DesignReview) => number) => sorted.reduce((n, d) => n + f(d), 0);
  return {
    schemaVersion: REVIEW_REPORT_VERSION,
    base,
    designs: sorted,
    summary: {
      designs: sorted.length,
      added: sum((d) => d.findings.added.length),
      resolved: sum((d) => d.findings.resolved.length),
      unchanged: sum((d) => d.findings.unchanged.length),
      newErrors: sum((d) => d.findings.added.filter((f) => f.severity === 'error').length
        + d.findings.unchanged.filter((f) => f.severity === 'error' && f.previousSeverity !== undefined).length),
      risksRose: sum((d) => d.risks.filter((r) => r.direction === 'rose').length),
      risksFell: sum((d) => d.risks.filter((r) => r.direction === 'fell').length),
      decisionsChanged: sum((d) => (d.decision.pathChanged || d.decision.planChanged ? 1 : 0)),
    },
  };
}

/** The change adds an error: CI fails. */
export function addsErrors(report: ReviewReport): boolean {
  return report.summary.newErrors > 0;
}

function located(analysis: Analysis | undefined, severities: SeverityOverrides | undefined): ReviewFinding[] {
  if (!analysis) return [];
  return applySeverities(analysis.findings, severities).map((f: Finding) => {
    const position = analysis.model.lines.positionAt(f.range.start);
    return { ruleId: f.ruleId, severity: f.severity, message: f.message, designPath: designPathAt(analysis.model.root, f.range), line: position.line + 1, column: position.character + 1 };
  });
}

/**
 * Pairs findings with the same rule id and design path: first those with the same message,
 * then the rest in document order. What is left over was added or resolved.
 */
export function compareFindings(before: readonly ReviewFinding[], after: readonly ReviewFinding[]): DesignReview['findings'] {
  const key = (f: ReviewFinding) => `${f.ruleId}\u0000${f.designPath}`;
  const open = new Map<string, ReviewFinding[]>();
  for (const f of before) {
    const list = open.get(key(f));
    if (list) list.push(f);
    else open.set(key(f), [f]);
  }
  const pairs = new Map<ReviewFinding, ReviewFinding>();
  for (const sameMessage of [true, false]) {
    for (const f of after) {
      if (pairs.has(f)) continue;
      const candidates = open.get(key(f));
      const index = candidates?.findIndex((old) => !sameMessage || old.message === f.message) ?? -1;
      if (index < 0) continue;
      pairs.set(f, candidates![index]);
      candidates!.splice(index, 1);
    }
  }
  const unchanged = after.filter((f) => pairs.has(f)).map((f) => {
    const old = pairs.get(f)!;
    return old.severity === f.severity ? f : { ...f, previousSeverity: old.severity };
  });
  const resolved = before.filter((f) => open.get(key(f))?.includes(f));
  return { added: after.filter((f) => !pairs.has(f)), resolved, unchanged };
}

function compareRisks(before: readonly Measurement[], after: readonly Measurement[]): RiskChange[] {
  const marks = [riskThreshold(), 1];
  const reached = (m: Measurement | undefined) => (m ? marks.filter((mark) => m.ratio >= mark).length : 0);
  const byId = (list: readonly Measurement[]) => new Map([...list].reverse().map((m) => [m.id, m]));
  const old = byId(before);
  const now = byId(after);
  const ids = [...new Set([...after.map((m) => m.id), ...before.map((m) => m.id)])];
  const out: RiskChange[] = [];
  for (const id of ids) {
    const [b, a] = [old.get(id), now.get(id)];
    const [from, to] = [reached(b), reached(a)];
    if (from === to) continue;
    const crossed = marks.slice(Math.min(from, to), Math.max(from, to)).map((m) => Math.round(m * 100));
    out.push({ id, label: (a ?? b)!.label, before: level(b), after: level(a), direction: to > from ? 'rose' : 'fell', crossed });
  }
  return out;
}

function level(m: Measurement | undefined): RiskLevel | null {
  if (!m) return null;
  return { percent: Number.isFinite(m.ratio) ? Math.floor(m.ratio * 100) : null, value: m.value, limit: m.limit, unit: m.unit };
}

function compareDecisions(before: Analysis | undefined, after: Analysis | undefined): DecisionChange {
  const b = before ? decisionReport(before.decision, before.design) : null;
  const a = after ? decisionReport(after.decision, after.design) : null;
  const samePaths = (x: DecisionReport, y: DecisionReport) => x.recommendedPath === y.recommendedPath
    && x.recommendedPaths.length === y.recommendedPaths.length && x.recommendedPaths.every((p) => y.recommendedPaths.includes(p));
  return {
    before: b,
    after: a,
    pathChanged: b !== null && a !== null && !samePaths(b, a),
    planChanged: b !== null && a !== null && b.planTier !== a.planTier,
  };
}
