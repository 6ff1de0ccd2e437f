import { fact, factValue, formatFactValue, ruleOfThumbNote } from '../knowledge/facts';
import { statedLimit, type Measurement } from '../measurement';
import type { Rule } from '../rule';
import { formatNumber } from '../format/numbers';

/** The share of a limit from which a design is "approaching" it (the risk register's threshold). */
export function riskThreshold(): number {
  return factValue('risk-threshold') / 100;
}

/** Measurements at or over the risk threshold but still under the limit. */
export function approaching(measurements: readonly Measurement[]): Measurement[] {
  const threshold = riskThreshold();
  return measurements.filter((m) => Number.isFinite(m.ratio) && m.ratio >= threshold && m.ratio < 1);
}

export const LIMITS_RULES: readonly Rule[] = [
  {
    id: 'limit-approaching',
    title: 'Limit approaching',
    category: 'limits',
    defaultSeverity: 'warning',
    rationale: `The risk register lists every limit the design reaches ${formatFactValue(fact('risk-threshold'))} or more of (the skill document's threshold, a rule of thumb); this rule shows the same measurements in the editor. Limits the design already exceeds are reported by their own rules, not here.`,
    facts: ['risk-threshold'],
    check({ measurements, report }) {
      for (const m of approaching(measurements)) {
        report({
          range: m.node.range,
          message: `At ${Math.floor(m.ratio * 100)}% of ${lowerFirst(m.label)} (${describeAmounts(m)}). ${m.impact} ${m.mitigation}${ruleOfThumbNote(m.fact)}`,
        });
      }
    },
  },
];

/** "<value> of <limit> <unit>"; for a floor (value above the limit), "<value> <unit> against a minimum of <limit> <unit>". */
export function describeAmounts(m: Measurement): string {
  const value = formatAmount(m.value);
  const limit = formatAmount(m.limit);
  const unit = m.unit === 'percent' ? '%' : ` ${m.unit}`;
  const source = m.limitFromDesign ? ` ${statedLimit(m)}` : '';
  if (m.value > m.limit) return `${value}${unit} against a minimum of ${limit}${unit}${source}`;
  return `${value} of ${limit}${unit}${source}`;
}

function formatAmount(n: number): string {
  return formatNumber(n, 2);
}

/** Lowercases a label's first letter unless it starts an acronym ("API requests"). */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}
