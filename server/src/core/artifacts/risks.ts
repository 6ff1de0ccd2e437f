import type { Finding, Severity } from '../findings';
import type { Design } from '../model/design';
import { describeNearestRegions } from '../knowledge/regions';
import { describeCrossings, regionCrossings, type RegionCrossing } from '../rules/regions';
import { riskThreshold } from '../rules/limits';
import { RULES_BY_ID } from '../rules/registry';
import { parseSuppressions } from '../rules/suppressions';
import { statedLimit, type Measurement } from '../measurement';
import type { ArtifactContext } from './context';
import { assembleDocument } from './document';
import { figureNote, textBar } from './gauges';
import { formatAmount, formatPercent } from './labels';
import { code, gfmInlineText, plural, table } from './markdown';
import { estateSection } from './estateSection';

const SEVERITY_HEADINGS: Readonly<Record<Severity, string>> = { error: 'Errors', warning: 'Warnings', info: 'Information', hint: 'Hints' };

/**
 * The risk register: every limit the design reaches the risk threshold of (from the
 * measurements the `limit-approaching` rule also reads), then the open findings by
 * severity, then what the design accepts (suppressed findings, with their reasons).
 */
export function generateRisks(ctx: ArtifactContext): string {
  return assembleDocument('risks', ctx, [
    ctx.design ? `**The integration in one sentence:** ${gfmInlineText(ctx.analysis.decision.statement)}` : '',
    ctx.design ? limits(ctx) : '',
    ctx.design ? regionDistance(ctx, ctx.design) : '',
    ctx.design ? estateSection(ctx) : '',
    findings(ctx),
    accepted(ctx),
  ]);
}

function limits(ctx: ArtifactContext): string {
  const measured = [...ctx.analysis.measurements];
  const risky = measured.filter((m) => m.ratio >= riskThreshold()).sort((a, b) => b.ratio - a.ratio || a.node.range.start - b.node.range.start);
  const below = measured.filter((m) => m.ratio < riskThreshold());
  const lines = [
    '## Limits the design comes close to',
    '',
    `Every limit the design reaches at least ${ctx.cite.value('risk-threshold')} of, the closest first. The threshold is the skill document's choice, not a platform limit.`,
  ];
  if (measured.length === 0) {
    lines.push('', 'The design states no value this tool can measure against a limit (row counts, polling intervals, request or event rates, timeouts). State them to see how close the design comes.');
    return lines.join('\n');
  }
  if (risky.length === 0) {
    lines.push('', `None: the ${plural(measured.length, 'limit')} measured ${measured.length === 1 ? 'stays' : 'all stay'} below the threshold.`);
  } else {
    lines.push('', table(['Limit', 'Line', 'Current value', 'Limit value', 'Used', 'Impact', 'Mitigation', 'Source'], risky.map((m) => riskRow(ctx, m))));
  }
  if (below.length > 0 && risky.length > 0) {
    lines.push('', 'Also measured, below the threshold:', '', ...below.map((m) => `- ${gfmInlineText(m.label)}: ${usedCell(m)} (${ctx.at(m.node)}).`));
  } else if (below.length > 0) {
    lines.push('', ...below.map((m) => `- ${gfmInlineText(m.label)}: ${formatAmount(m.value, m.unit)} of ${formatAmount(m.limit, m.unit)}${m.limitFromDesign ? ` (${statedLimit(m)})` : ` ${ctx.cite.ref(m.fact)}`}, ${usedCell(m)} (${ctx.at(m.node)}).`));
  }
  return lines.join('\n');
}

function riskRow(ctx: ArtifactContext, m: Measurement): string[] {
  const used = usedCell(m);
  const limit = m.limitFromDesign ? `${formatAmount(m.limit, m.unit)} (${statedLimit(m)})` : `${formatAmount(m.limit, m.unit)} ${ctx.cite.ref(m.fact)}`;
  const source = m.limitFromDesign ? `${m.limitFromOrg ? 'The org\'s own figure' : 'The design\'s own figure'}; ${ctx.cite.sourceLink(m.fact)}` : ctx.cite.sourceLink(m.fact);
  return [
    gfmInlineText(m.label),
    String(ctx.line(m.node)),
    formatAmount(m.value, m.unit),
    limit,
    used,
    gfmInlineText(m.impact),
    gfmInlineText(m.mitigation),
    source,
  ];
}

/**
 * The gauge (`` `██████░░░░│` ``, marks at 50% and 100%), then "60%", "**120%, exceeded**" or
 * "**100%, at the limit**". Against a figure no current official page confirms, the share is of
 * a rule of thumb, not of a known limit, and says so.
 */
function usedCell(m: Measurement): string {
  const percent = formatPercent(m.ratio);
  const note = figureNote(m);
  const share = note ? `${percent} of ${note}` : m.ratio > 1 ? `**${percent}, exceeded**` : m.ratio === 1 ? `**${percent}, at the limit**` : percent;
  return `${code(textBar(m.ratio))} ${share}`;
}

const DISTANCE_WORDS: Readonly<Record<RegionCrossing['distance'], string>> = {
  'co-located': 'co-located',
  'same-continent': 'same continent, another geography',
  'across-continents': 'another continent',
};

/**
 * Heroku parts far from the Salesforce org, graded, with what crosses the distance: a risk the
 * skill document's checklist names, with no official figure behind it, so a rule of thumb.
 */
function regionDistance(ctx: ArtifactContext, design: Design): string {
  const crossings = regionCrossings(design);
  if (crossings.length === 0) return '';
  const rows = crossings.map((c) => {
    const lag = c.paths.includes('heroku_connect')
      ? ` The skill document says mismatched regions can multiply sync lag by up to ${ctx.cite.value('region-latency-multiplier')}.`
      : '';
    return [
      c.name.replace(/^The /, ''),
      String(ctx.line(c.region.node)),
      code(c.region.value),
      code(c.salesforce.value),
      DISTANCE_WORDS[c.distance],
      gfmInlineText(`${upperFirst(describeCrossings(c))}.`) + lag,
      gfmInlineText(`Co-locate: ${describeNearestRegions(c.salesforce.value)}.`),
      ctx.cite.sourceLink('region-latency-surprise'),
    ];
  });
  return [
    '## Region distance',
    '',
    `Heroku parts that are not co-located with the Salesforce org, and what the design sends across the distance. The skill document's checklist asks to co-locate them; no official source measures the cost, so this is a rule of thumb.`,
    '',
    table(['Part', 'Line', 'Region', 'Salesforce org', 'Distance', 'What crosses', 'Mitigation', 'Source'], rows),
  ].join('\n');
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function findings(ctx: ArtifactContext): string {
  const all = ctx.analysis.findings;
  const lines = ['## Open findings'];
  if (all.length === 0) {
    lines.push('', ctx.estate?.findings.length ? 'The checks of the design itself report nothing on it (the findings across the designs of its org are listed above).' : 'The checks report nothing on this design.');
    return lines.join('\n');
  }
  lines.push('', `What the checks report on the design, by severity (${plural(all.length, 'finding')}). Each rule is documented under \`docs/rules/<rule>.md\`.`);
  for (const severity of ['error', 'warning', 'info', 'hint'] as const) {
    const group = all.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `### ${SEVERITY_HEADINGS[severity]} (${group.length})`, '', table(['Rule', 'Line', 'Message'], group.map((f) => findingRow(ctx, f))));
  }
  return lines.join('\n');
}

function findingRow(ctx: ArtifactContext, f: Finding): string[] {
  const title = RULES_BY_ID.get(f.ruleId)?.title;
  return [`${code(f.ruleId)}${title ? ` (${gfmInlineText(title)})` : ''}`, String(ctx.line(f.range)), gfmInlineText(f.message)];
}

/** Findings suppressed in the design: accepted risks, with the reason written after `--`. */
function accepted(ctx: ArtifactContext): string {
  const suppressed = ctx.analysis.suppressed;
  if (suppressed.length === 0) return '';
  const model = ctx.analysis.model;
  const suppressions = parseSuppressions(model);
  const rows = suppressed.map((f) => {
    const line = model.lines.positionAt(f.range.start).line;
    const by = suppressions.find((s) => (s.scope === 'file' || s.line === line) && (s.rules.length === 0 || s.rules.some((r) => r.id === f.ruleId)));
    const comment = by ? model.text.slice(by.range.start, by.range.end) : '';
    const reason = /\s--\s*(.*)$/.exec(comment)?.[1]?.trim();
    return [code(f.ruleId), String(line + 1), gfmInlineText(f.message), reason ? gfmInlineText(reason) : '*no reason given*'];
  });
  return [
    '## Accepted in the design',
    '',
    `Findings the design suppresses with an \`integration-lint-disable\` comment (${plural(suppressed.length, 'finding')}). They are accepted risks: review the reasons.`,
    '',
    table(['Rule', 'Line', 'Message', 'Reason given'], rows),
  ].join('\n');
}
