import type { FactId } from '../knowledge/facts';
import { PATH_NAMES } from '../vocabulary';
import type { Condition, DecisionRow, RowOutcome } from '../decision/types';
import { compareChoice } from '../decision/report';
import { listWords } from '../format/suggest';
import { formatCount } from '../format/quantities';
import { integrationUsers, type PathKey } from '../model/design';
import { connectRowTotal } from '../paths/herokuConnect/rows';
import { architectureSection } from './architecture';
import type { ArtifactContext } from './context';
import { assembleDocument, findingLine } from './document';
import { LICENSE_LABELS, PERMISSION_LABELS } from './labels';
import { code, gfmInlineText, plural, richText, table } from './markdown';
import { describeUserModel } from './users';
import { regionFacts, describeRegions } from './regions';

/**
 * The decision recommendation: the integration in one sentence, the chosen path(s)
 * justified against the alternatives (and said plainly where they differ from the
 * decision table), the plan tier, the integration-user model and the regions.
 */
export function generateRecommendation(ctx: ArtifactContext): string {
  const design = ctx.design;
  if (!design) return assembleDocument('recommendation', ctx, []);
  return assembleDocument('recommendation', ctx, [
    intro(ctx),
    summaryParagraph(ctx),
    architectureSection(ctx),
    chosenPaths(ctx),
    decisionTable(ctx),
    planTier(ctx),
    users(ctx),
    regions(ctx),
    openFindings(ctx),
  ]);
}

function intro(ctx: ArtifactContext): string {
  const lines = [`**The integration in one sentence:** ${gfmInlineText(ctx.analysis.decision.statement)}`];
  const summary = ctx.design?.summary?.value.trim();
  if (summary) lines.push('', `**The design's own summary:** ${gfmInlineText(summary)}`);
  return lines.join('\n');
}

/** The paths the decision table recommends (winner and additional matches), in table order. */
function tableRecommends(ctx: ArtifactContext): RowOutcome[] {
  const { winner, additional } = ctx.analysis.decision;
  return winner ? [winner, ...additional] : [];
}

function rowNumber(ctx: ArtifactContext, row: RowOutcome): number {
  return ctx.analysis.decision.rows.indexOf(row) + 1;
}

function rowName(ctx: ArtifactContext, row: RowOutcome): string {
  return `row ${rowNumber(ctx, row)} (“${rowText(ctx, row.row, row.row.situation)}”)`;
}

/** The skill's "one paragraph naming the chosen path, plan tier, integration user model, and region". */
function summaryParagraph(ctx: ArtifactContext): string {
  const design = ctx.design!;
  const chosen = ctx.chosenPaths;
  const sentences: string[] = [];
  if (chosen.length === 0) {
    sentences.push('The design does not choose a path yet (`paths` is empty).');
  } else {
    const named = chosen.map((p) => {
      if (p !== 'heroku_connect') return `**${PATH_NAMES[p]}**`;
      const plan = design.paths?.heroku_connect?.plan?.value;
      return plan ? `**Heroku Connect** on the **${plan}** plan` : '**Heroku Connect** (plan not stated)';
    });
    const environment = design.environment ? ` for this ${design.environment.value} integration` : '';
    // "Use …" only where the decision table agrees; otherwise it is the design's choice, not ours.
    sentences.push(`${differencesFromTable(ctx).length ? 'The design chooses' : 'Use'} ${listWords(named, 'and')}${environment}.`);
  }
  sentences.push(describeUserModel(design, chosen));
  sentences.push(describeRegions(ctx));
  const differences = differencesFromTable(ctx);
  if (differences.length > 0) sentences.push(`**This differs from the decision table:** ${listWords(differences, 'and')}; see below.`);
  return ['## Recommendation', '', sentences.join(' ')].join('\n');
}

/** Short phrases for each way the design departs from the table's recommendation (decision/report.ts finds them). */
function differencesFromTable(ctx: ArtifactContext): string[] {
  const decision = ctx.analysis.decision;
  const choice = compareChoice(decision, ctx.design);
  const out: string[] = [];
  if (decision.winner?.row.recommends === 'none') {
    if (choice.notRecommended.length > 0) out.push(`the table recommends none of the Heroku paths (${gfmInlineText(decision.winner.row.approach)})`);
    return out;
  }
  if (choice.notRecommended.length > 0) out.push(`it does not recommend ${listWords(choice.notRecommended.map((p) => PATH_NAMES[p]), 'or')} for these requirements`);
  if (choice.recommendedNotChosen.length > 0) out.push(`it recommends ${listWords(choice.recommendedNotChosen.map((p) => PATH_NAMES[p]), 'and')}, which the design does not choose`);
  if (choice.planDiffers) out.push(`it recommends the ${decision.planTier} plan, not ${choice.connectPlan}`);
  return out;
}

function chosenPaths(ctx: ArtifactContext): string {
  const decision = ctx.analysis.decision;
  const chosen = ctx.chosenPaths;
  const lines = ['## The chosen paths against the alternatives'];
  if (!decision.winner) {
    const unknown = [...new Set(decision.rows.flatMap((r) => r.conditions.filter((c) => c.state === 'unknown').map((c) => c.explanation)))];
    lines.push('', `No row of the decision table matches the requirements as stated, so the table can neither confirm nor question the choice.${unknown.length ? ` Stating these would let it decide: ${listWords(unknown.map(richText), 'and')}.` : ''}`);
  }
  if (chosen.length === 0) lines.push('', 'The design chooses no path.');
  const winner = decision.winner;
  if (winner?.row.recommends === 'none') {
    if (chosen.length > 0) {
      lines.push('', `**The decision table recommends none of the Heroku paths, yet the design chooses ${listWords(chosen.map((p) => PATH_NAMES[p]), 'and')}.** ${capitalize(rowName(ctx, winner))} matches and overrides every other row: ${richText(winner.row.reason)} ${richText(winner.row.whyNotAlternative)} Recommended instead: ${gfmInlineText(winner.row.approach)}.`);
    }
    return lines.join('\n');
  }
  for (const path of chosen) {
    lines.push('', `### ${PATH_NAMES[path]}`, '', justify(ctx, path));
  }
  const recommended = tableRecommends(ctx).filter((r) => r.row.recommends !== 'none' && !chosen.includes(r.row.recommends as PathKey));
  const seen = new Set<string>();
  for (const r of recommended) {
    if (seen.has(r.row.recommends)) continue;
    seen.add(r.row.recommends);
    lines.push('', `### ${PATH_NAMES[r.row.recommends]} (recommended, not chosen)`, '',
      `**The decision table recommends ${PATH_NAMES[r.row.recommends]} and the design does not choose it.** ${capitalize(rowName(ctx, r))} matches because ${listWords(r.conditions.map((c) => richText(c.explanation)), 'and')}: ${rowText(ctx, r.row, r.row.reason)} Either add \`paths.${r.row.recommends}\` or record why this need is met another way.`);
  }
  return lines.join('\n');
}

function justify(ctx: ArtifactContext, path: PathKey): string {
  const decision = ctx.analysis.decision;
  const winner = decision.winner;
  const deciding = tableRecommends(ctx).find((r) => r.row.recommends === path);
  if (deciding) {
    const role = deciding === winner ? 'decides' : 'also matches (an additional need)';
    const because = listWords(deciding.conditions.map((c) => richText(c.explanation)), 'and');
    // A more specific row (e.g. production volume) refines the general one for the same path: give both reasons.
    const same = decision.rows.filter((r) => r.matched && r.row.recommends === path);
    return [
      `**Recommended by the decision table.** ${capitalize(rowName(ctx, deciding))} ${role}, because ${because}.`,
      '',
      `- **Why this path:** ${same.map((r) => rowText(ctx, r.row, r.row.reason)).join(' ')}`,
      `- **Why not the alternative:** ${same.map((r) => rowText(ctx, r.row, r.row.whyNotAlternative)).join(' ')}`,
    ].join('\n');
  }
  const rows = decision.rows.filter((r) => r.row.recommends === path);
  const why = rows.map((r) => `- ${capitalize(rowName(ctx, r))}: ${verdictText(ctx, r)}`);
  return [
    `**Not what the decision table recommends for these requirements.** ${winner ? `The table's choice is ${PATH_NAMES[winner.row.recommends]} (${rowName(ctx, winner)}).` : 'No row matches.'} The rows that would recommend ${PATH_NAMES[path]}:`,
    '',
    ...why,
    '',
    `State the requirement that calls for ${PATH_NAMES[path]} in \`requirements\`, or drop the path.`,
  ].join('\n');
}

/** The facts whose numbers a row's text may quote: the thresholds it tests, and the demo plan's limits. */
function rowFacts(row: DecisionRow): FactId[] {
  const facts = conditionFacts(row.conditions);
  if (row.recommends === 'heroku_connect') facts.push('connect-demo-max-rows', 'connect-demo-min-polling');
  return [...new Set(facts)];
}

/** Text from the decision table: keys as code, each quoted number with its source. */
function rowText(ctx: ArtifactContext, row: DecisionRow, text: string): string {
  return ctx.cite.annotate(richText(text), rowFacts(row));
}

/** A row's verdict may quote the winning row's situation: cite the numbers of both. */
function verdictText(ctx: ArtifactContext, r: RowOutcome): string {
  const winner = ctx.analysis.decision.winner;
  return ctx.cite.annotate(richText(r.verdict), [...rowFacts(r.row), ...(winner ? rowFacts(winner.row) : [])]);
}

const DEMO_FACTS: readonly FactId[] = ['connect-demo-max-rows', 'connect-demo-min-polling'];

function conditionFacts(conditions: readonly Condition[]): FactId[] {
  const out: FactId[] = [];
  for (const c of conditions) {
    if (c.kind === 'rows-at-most' || c.kind === 'rows-at-least' || c.kind === 'lag-at-least' || c.kind === 'lag-below') out.push(c.fact);
    if (c.kind === 'any') out.push(...conditionFacts(c.of));
  }
  return [...new Set(out)];
}

function decisionTable(ctx: ArtifactContext): string {
  const decision = ctx.analysis.decision;
  const rows = decision.rows.map((r, i) => [
    String(i + 1),
    rowText(ctx, r.row, r.row.situation),
    gfmInlineText(r.row.approach),
    r === decision.winner ? `**Decides:** ${listWords(r.conditions.map((c) => richText(c.explanation)), 'and')}.` : verdictText(ctx, r),
  ]);
  return [
    '## The decision table, row by row',
    '',
    'Every row of the skill document\'s decision table, walked on the design\'s `requirements`: the first match wins, unless a later match on the same path is more specific (volume or latency), or decisive (a cross-org passthrough).',
    '',
    table(['#', 'Situation', 'Recommends', 'For this design'], rows),
  ].join('\n');
}

function planTier(ctx: ArtifactContext): string {
  const design = ctx.design!;
  const decision = ctx.analysis.decision;
  const connect = design.paths?.heroku_connect;
  const lines = ['## Plan tier', ''];
  if (!connect) {
    lines.push(decision.planTier
      ? `The decision table recommends Heroku Connect on the **${decision.planTier}** plan (${ctx.cite.annotate(richText(decision.planReason ?? ''), DEMO_FACTS)}), but the design does not choose Heroku Connect.`
      : 'No Heroku Connect plan applies: the design does not use Heroku Connect.');
    return lines.join('\n');
  }
  const plan = connect.plan;
  if (!plan) {
    lines.push(`**Not stated.** Heroku Connect provisions on the demo plan by default ${ctx.cite.ref('connect-plans')}; state \`paths.heroku_connect.plan\`.`);
  } else {
    lines.push(`**${plan.value}** (${ctx.at(plan.node)}).`);
  }
  if (decision.planTier) {
    const agrees = plan?.value === decision.planTier;
    lines.push('', `${agrees ? 'The decision table agrees' : `**The decision table recommends ${decision.planTier}${plan ? `, not ${plan.value}` : ''}**`}: ${ctx.cite.annotate(richText(decision.planReason ?? ''), DEMO_FACTS)}`);
  }
  const tier = plan?.value ?? 'demo';
  const rows = connectRowTotal(design, connect);
  const bullets: string[] = [];
  if (tier === 'demo') {
    bullets.push(`Synchronizes at most ${ctx.cite.value('connect-demo-max-rows')}, counted across all mappings; past it the connection goes to TOO_MANY_ROWS ${ctx.cite.ref('connect-too-many-rows-state')}.`);
    bullets.push(`Polls Salesforce no more often than every ${ctx.cite.value('connect-demo-min-polling')}.`);
    bullets.push(`Keeps the trigger-log archive for ${ctx.cite.value('connect-demo-trigger-log-retention')}.`);
    bullets.push(`Slows down when idle: hourly polling after ${ctx.cite.value('connect-demo-inactive-hourly')} without new Salesforce data, daily after ${ctx.cite.value('connect-demo-inactive-daily')}, paused after ${ctx.cite.value('connect-demo-inactive-paused')}.`);
  } else {
    const contracted = connect.contracted_rows;
    bullets.push(`Rows are allocated by contract, counted across all mappings, and not unlimited ${ctx.cite.ref('connect-paid-rows-per-contract')}: ${contracted ? `the design states ${formatCount(contracted.value)} contracted rows (${ctx.at(contracted.node)})` : 'the design does not state `contracted_rows`'}${rows ? ` for ${formatCount(rows.total)} rows ${rows.from === 'mappings' ? 'mapped' : 'stated in `requirements.volume.rows`'}` : ''}.`);
    bullets.push(`Keeps the trigger-log archive for ${ctx.cite.value('connect-paid-trigger-log-retention')}.`);
    if (tier === 'shield') {
      const db = connect.database?.plan;
      bullets.push(`Shield Connect synchronizes only with Heroku Postgres on a shield plan ${ctx.cite.ref('connect-shield-needs-shield-postgres')}: ${db ? `the design's database plan is ${code(db.value)} (${ctx.at(db.node)})` : 'the design does not state the database plan'}.`);
    }
  }
  if (tier === 'demo' && rows) bullets.push(`This design ${rows.from === 'mappings' ? 'maps' : 'states'} ${formatCount(rows.total)} rows.`);
  lines.push('', ...bullets.map((b) => `- ${b}`));
  return lines.join('\n');
}

function users(ctx: ArtifactContext): string {
  const design = ctx.design!;
  const list = integrationUsers(design);
  const lines = ['## Integration users', '', describeUserModel(design, ctx.chosenPaths)];
  if (list.length > 0) {
    lines.push('', table(['User', 'Username', 'Kind', 'License', 'Permissions', 'Used by'], list.map(([id, u]) => [
      code(id),
      u.username ? code(u.username.value) : 'not stated',
      u.kind?.value ?? 'not stated',
      u.license ? LICENSE_LABELS[u.license.value] : 'not stated',
      u.permissions ? (u.permissions.value.map((p) => PERMISSION_LABELS[p]).join(', ') || 'none') : 'not stated',
      u.used_by?.value.map((p) => PATH_NAMES[p]).join(', ') || 'nothing',
    ])));
  }
  lines.push('', `Salesforce recommends one user per integration ${ctx.cite.ref('integration-user-license')}, and many clients logging in as the same user raise the risk of query-limit errors ${ctx.cite.ref('shared-user-query-risk')}. The runbook (${ctx.siblingLink('runbook', 'connection runbook')}) lists the exact permissions per path.`);
  const findings = ctx.findingsIn('users');
  if (findings.length) lines.push('', 'What the checks found:', '', ...findings.map((f) => `- ${findingLine(ctx, f)}`));
  return lines.join('\n');
}

function regions(ctx: ArtifactContext): string {
  const lines = ['## Regions', '', ...regionFacts(ctx)];
  const findings = ctx.findingsIn('regions');
  if (findings.length) lines.push('', 'What the checks found:', '', ...findings.map((f) => `- ${findingLine(ctx, f)}`));
  return lines.join('\n');
}

function openFindings(ctx: ArtifactContext): string {
  const findings = ctx.analysis.findings;
  if (findings.length === 0) return ['## Open findings', '', 'The checks found nothing to report in this design.'].join('\n');
  const counts = (['error', 'warning', 'info', 'hint'] as const)
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => plural(n, s === 'info' ? 'info' : s, s === 'info' ? 'info' : `${s}s`));
  return ['## Open findings', '', `The checks report ${listWords(counts, 'and')} on this design; the ${ctx.siblingLink('risks', 'risk register')} lists them with the limits the design comes close to.`].join('\n');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
