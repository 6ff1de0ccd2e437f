import type { DesignReview, ReviewFinding, ReviewReport } from '../../core/review/compare';
import { describeCrossing, describeLevel, describeRecommendation, describeSummary } from '../../core/review/wording';
import { oneLine } from './text';

const MARKS = { added: '+', resolved: '-', severity: '~' } as const;

/**
 * `integration-lint diff` as text: per design, one line per added (+), resolved (-) or
 * re-graded (~) finding with its rule, design path and line, the limits that crossed a mark,
 * a changed recommendation; then the summary. Design text is kept to one line and stripped of
 * control characters, as in the lint output.
 */
export function formatReviewText(report: ReviewReport): string {
  const out: string[] = [];
  for (const design of report.designs) out.push(...designLines(design));
  out.push(`Compared with ${oneLine(report.base)}: ${describeSummary(report.summary)}`);
  return `${out.join('\n')}\n`;
}

function designLines(design: DesignReview): string[] {
  const out = [`${oneLine(design.file)}: ${design.status === 'added' ? 'new design' : design.status === 'removed' ? 'deleted' : design.status}`];
  const { added, resolved, unchanged } = design.findings;
  for (const f of added) out.push(findingLine(MARKS.added, f.severity, f, `${f.line}:${f.column}`));
  for (const f of unchanged.filter((x) => x.previousSeverity)) out.push(findingLine(MARKS.severity, `${f.previousSeverity}->${f.severity}`, f, `${f.line}:${f.column}`));
  for (const f of resolved) out.push(findingLine(MARKS.resolved, f.severity, f, `was ${f.line}:${f.column}`));
  for (const r of design.risks) out.push(`  limit ${describeCrossing(r)}: ${oneLine(r.label)} (${describeLevel(r.before)} -> ${describeLevel(r.after)})`);
  const { before, after, pathChanged, planChanged } = design.decision;
  if (before && after && (pathChanged || planChanged)) out.push(`  recommendation: ${describeRecommendation(before)} -> ${describeRecommendation(after)}`);
  const still = unchanged.filter((x) => !x.previousSeverity).length;
  if (still > 0) out.push(`  ${still} finding${still === 1 ? '' : 's'} unchanged`);
  return out;
}

function findingLine(mark: string, severity: string, f: ReviewFinding, where: string): string {
  return `  ${mark} ${severity} ${f.ruleId} ${oneLine(f.designPath || '(document)')} (${where}) ${oneLine(f.message)}`;
}
