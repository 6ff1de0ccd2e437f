import { riskThreshold } from '../../rules/limits';
import type { ArtifactContext } from '../context';
import { formatAmount, formatPercent } from '../labels';
import { gfmInlineText } from '../markdown';
import { statedLimit } from '../../measurement';

/** One monitoring line per measured limit whose id starts with a path's prefix. */
export function measurementLines(ctx: ArtifactContext, prefix: string): string[] {
  return ctx.analysis.measurements.filter((m) => m.id.startsWith(prefix)).map((m) =>
    `- **${gfmInlineText(m.label)}:** ${formatAmount(m.value, m.unit)} against ${formatAmount(m.limit, m.unit)}${m.limitFromDesign ? ` (${statedLimit(m)})` : ` ${ctx.cite.ref(m.fact)}`}, ${formatPercent(m.ratio)} (${ctx.at(m.node)}). ${gfmInlineText(m.mitigation)}`);
}

/**
 * How a value the design states compares with its limit, from the measurement the rules
 * and the risk register share: ", **over the limit (150%)**", ", 60% of the limit", or ''.
 */
export function usageNote(ctx: ArtifactContext, measurementId: string): string {
  const m = ctx.analysis.measurements.find((x) => x.id === measurementId);
  if (!m) return '';
  if (m.ratio > 1) return `: **over the limit (${formatPercent(m.ratio)})**`;
  if (m.ratio >= riskThreshold()) return `: ${formatPercent(m.ratio)} of the limit`;
  return '';
}
