import { code, gfmInlineText, table } from '../artifacts/markdown';
import type { DesignReview, ReviewFinding, ReviewReport } from './compare';
import { describeCrossing, describeLevel, describeRecommendation, describeSummary } from './wording';
import { plural } from '../format/quantities';

/**
 * The review as GitHub-flavoured Markdown, for a pull request's job summary or comment.
 * Everything from the designs (file names, keys, messages quoting values) is escaped with the
 * artifacts' helpers: it renders as text, never as HTML, a link or a broken table.
 */
export function formatReviewMarkdown(report: ReviewReport): string {
  const lines = ['## Integration design review', '', `Compared with ${code(report.base)}. ${emphasiseErrors(describeSummary(report.summary), report.summary.newErrors)}`];
  for (const design of report.designs) lines.push('', ...designSection(design));
  return `${lines.join('\n')}\n`;
}

function emphasiseErrors(summary: string, newErrors: number): string {
  const escaped = gfmInlineText(summary);
  return newErrors > 0 ? escaped.replace(/^(.*?: )(\d+ new errors?)/, '$1**$2**') : escaped;
}

const STATUS_WORDS: Record<DesignReview['status'], string> = {
  added: 'new design',
  removed: 'deleted',
  modified: 'modified',
  unchanged: 'unchanged',
};

function designSection(design: DesignReview): string[] {
  const out = [`### ${code(design.file)} (${STATUS_WORDS[design.status]})`, ''];
  out.push(recommendationLine(design));
  const { added, resolved, unchanged } = design.findings;
  const changedSeverity = unchanged.filter((f) => f.previousSeverity !== undefined);
  const rows = [
    ...added.map((f) => findingRow('added', severity(f.severity), f, `${f.line}`)),
    ...changedSeverity.map((f) => findingRow('severity changed', `${f.previousSeverity} → ${severity(f.severity)}`, f, `${f.line}`)),
    ...resolved.map((f) => findingRow('resolved', f.severity, f, `was ${f.line}`)),
  ];
  if (rows.length > 0) out.push('', table(['Change', 'Severity', 'Rule', 'Where', 'Line', 'Message'], rows));
  if (design.risks.length > 0) {
    out.push('', 'Limits that crossed a mark:', '', table(['Limit', 'Before', 'After', 'Change'], design.risks.map((r) => [
      gfmInlineText(r.label), describeLevel(r.before), describeLevel(r.after), r.direction === 'rose' ? `**${describeCrossing(r)}**` : describeCrossing(r),
    ])));
  }
  const still = unchanged.length - changedSeverity.length;
  if (still > 0) out.push('', `${plural(still, 'finding')} unchanged.`);
  else if (rows.length === 0) out.push('', 'No findings before or after.');
  return out;
}

function recommendationLine(design: DesignReview): string {
  const { before, after, pathChanged, planChanged } = design.decision;
  if (before && after && (pathChanged || planChanged)) {
    return `**Recommendation changed:** ${gfmInlineText(describeRecommendation(before))} → ${gfmInlineText(describeRecommendation(after))}.`;
  }
  const current = after ?? before;
  if (!current) return '';
  return `${after ? 'Recommendation' : 'Recommendation before deletion'}: ${gfmInlineText(describeRecommendation(current))}${before && after ? ' (unchanged)' : ''}.`;
}

function severity(s: string): string {
  return s === 'error' ? '**error**' : s;
}

function findingRow(change: string, severityText: string, f: ReviewFinding, line: string): string[] {
  return [change, severityText, code(f.ruleId), f.designPath ? code(f.designPath) : '(document)', line, gfmInlineText(f.message)];
}
