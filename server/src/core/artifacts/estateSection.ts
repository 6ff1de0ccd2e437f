import type { ArtifactContext } from './context';
import { code, gfmInlineText, plural, table } from './markdown';

/**
 * The risk register's section on the design's estate: the org it names, the other designs of that
 * org, the org-wide limits with this design's share, and the findings that compare the designs.
 * Empty for a design that names no org.
 */
export function estateSection(ctx: ArtifactContext): string {
  const org = ctx.design?.salesforce?.org?.value;
  if (org === undefined) return '';
  const lines = ['## The org\'s estate', ''];
  const estate = ctx.estate;
  if (!estate) {
    lines.push(`This design names org ${code(org)}, but it was checked alone: the other designs of the org and its org file were not given. Check them together (\`integration-lint <folder>\`) to see what they share.`);
    return lines.join('\n');
  }
  const others = estate.designs.filter((d) => !d.self);
  const described = estate.orgFile
    ? `${estate.orgName ? `${gfmInlineText(estate.orgName)}, ` : ''}described in ${code(estate.orgFile)}`
    : 'no org file describes it';
  lines.push(`This design names org ${code(estate.org)} (${described}). An org shares its integration users and its daily allocations: ${others.length === 0 ? 'no other design checked with this one names it.' : `the ${plural(others.length, 'other design')} that name it ${others.length === 1 ? 'is' : 'are'} checked together with this one.`}`);
  lines.push('', table(['Design', 'File', 'Paths', 'Integration users'], estate.designs.map((d) => [
    d.self ? `**${gfmInlineText(d.name)}** (this design)` : gfmInlineText(d.name),
    code(d.location),
    gfmInlineText(d.paths.join(', ') || 'none'),
    d.usernames.length ? d.usernames.map(code).join(', ') : 'none stated',
  ])));
  if (estate.leftOut.length > 0) {
    lines.push('', `Left out of the estate (${plural(estate.leftOut.length, 'design')}), so not counted below: ${estate.leftOut.map((d) => `${code(d.location)} (${gfmInlineText(d.reason)})`).join('; ')}.`);
  }
  lines.push('', '### Shared limits', '');
  const risky = estate.allocations.filter((a) => a.atRisk);
  // Below the threshold, only what this design adds to: the rest is the org's business, in the estate register.
  const below = estate.allocations.filter((a) => !a.atRisk && a.shares.some((d) => d.self));
  if (estate.allocations.length === 0) {
    lines.push('None measured: the designs of the org state no amount this tool counts against the allocations they share.');
  } else {
    lines.push(`Every allocation this design shares with the org's other designs (org-wide, or through one Heroku add-on) that they reach at least ${ctx.cite.value('risk-threshold')} of together, with each design's share. The threshold is the skill document's choice, not a platform limit.`);
    lines.push('', risky.length === 0 ? 'None: the sums stay below the threshold, or the figure is unknown.' : table(['Limit', 'All designs', 'The figure', 'Used', 'Share of each design'], risky.map((a) => [
      `${gfmInlineText(a.label)}${a.addOn ? ` (${gfmInlineText(a.addOn)})` : ''}`,
      a.total,
      a.limit ? `${a.limit} (${gfmInlineText(a.limitSource ?? '')})` : 'not stated',
      a.exceeded ? `**${a.used}, exceeded**` : `**${a.used}**`,
      a.shares.map((d) => `${d.self ? '**this design**' : code(d.location)} line ${d.line}: ${d.amount}${d.percent ? ` (${d.percent})` : ''}`).join('; '),
    ])));
    if (below.length > 0) {
      lines.push('', `Also summed, below the threshold: ${below.map((a) => `${gfmInlineText(a.label)}${a.addOn ? ` (${gfmInlineText(a.addOn)})` : ''}: this design ${a.thisDesign}, all designs ${a.total}${a.limit ? ` of ${a.limit} (${a.used})` : ` (${gfmInlineText(a.limitSource ?? 'the figure is unknown')})`}`).join('; ')}.`);
    }
  }
  lines.push('', '### Findings across the designs', '');
  if (estate.findings.length === 0) {
    lines.push('The checks that compare the designs of the org report nothing on this one.');
  } else {
    lines.push(table(['Rule', 'Line', 'Message'], estate.findings.map((f) => [`${code(f.ruleId)} (${gfmInlineText(f.title)})`, String(f.line), gfmInlineText(f.message)])));
  }
  return lines.join('\n');
}
