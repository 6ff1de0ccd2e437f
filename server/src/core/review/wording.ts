import { PATH_NAMES } from '../vocabulary';
import type { DecisionReport } from '../decision/report';
import { formatNumber } from '../format/numbers';
import { listWords } from '../format/suggest';
import { plural } from '../format/quantities';
import type { RiskChange, RiskLevel, ReviewSummary } from './compare';

/*
 * The review's sentences as plain text, shared by the text and Markdown outputs (Markdown
 * escapes them). Design text never reaches these sentences except through labels the core
 * wrote, so they stay one line.
 */

/** "Heroku Connect (enterprise plan) and Salesforce Canvas", "no row of the decision table matches". */
export function describeRecommendation(report: DecisionReport): string {
  if (report.recommendedPath === null) return 'no row of the decision table matches';
  if (report.recommendedPath === 'none') return 'none of the Heroku paths';
  const names = report.recommendedPaths.map((p) => (p === 'heroku_connect' && report.planTier ? `${PATH_NAMES[p]} (${report.planTier} plan)` : PATH_NAMES[p]));
  return listWords(names, 'and');
}

/** "reached 50% and 100%" (at the mark counts), "fell below 100%". */
export function describeCrossing(risk: RiskChange): string {
  const marks = risk.crossed.map((m) => `${m}%`);
  return risk.direction === 'rose' ? `reached ${listWords(marks, 'and')}` : `fell below ${listWords([...marks].reverse(), 'and')}`;
}

/** "40%", "not measured", "unbounded". */
export function describeLevel(level: RiskLevel | null): string {
  if (!level) return 'not measured';
  return level.percent === null ? 'unbounded' : `${formatNumber(level.percent)}%`;
}

/** The review in one line: "2 designs compared: 1 new error; 3 findings added, 2 resolved, …". */
export function describeSummary(summary: ReviewSummary): string {
  if (summary.designs === 0) return 'No design changed.';
  const parts = [
    `${plural(summary.added, 'finding')} added, ${summary.resolved} resolved, ${summary.unchanged} unchanged`,
  ];
  if (summary.risksRose || summary.risksFell) parts.push(`${plural(summary.risksRose + summary.risksFell, 'limit')} crossed a mark (${summary.risksRose} up, ${summary.risksFell} down)`);
  if (summary.decisionsChanged) parts.push(`the recommendation changed in ${plural(summary.decisionsChanged, 'design')}`);
  const errors = summary.newErrors ? `${plural(summary.newErrors, 'new error')}; ` : 'no new errors; ';
  return `${plural(summary.designs, 'design')} compared: ${errors}${parts.join('; ')}.`;
}
