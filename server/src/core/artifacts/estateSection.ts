import type { ArtifactContext } from './context';
import { code, inlineText, plural, table } from './markdown';

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
    ? `${estate.orgName ? `${inlineText(estate.orgName)}, ` : ''}described in ${code(estate.orgFile)}`
    : 'no org file describes it';
  lines.push(`This design names org ${code(estate.org)} (${described}). An org shares its integration users and its daily allocations: ${others.length === 0 ? 'no other design checked with this one names it.' : `the ${plural(others.length, 'other design')} that name it ${others.length === 1 ? 'is' : 'are'} checked together with this one.`}`);
  lines.push('', table(['Design', 'File', 'Paths', 'Integration users'], estate.designs.map((d) => [
    d.self ? `**${inlineText(d.name)}** (this design)` : inlineText(d.name),
    code(d.location),
    inlineText(d.paths.join(', ') || 'none'),
    d.usernames.length ? d.usernames.map(code).join(', ') : 'none stated',
  ])));
  if (estate.leftOut.length > 0) {
    lines.push('', `Left out of the estate (${plural(estate.leftOut.length, 'design')}), so not counted below: ${estate.leftOut.map((d) => `${code(d.location)} (${inlineText(d.reason)})`).join('; ')}.`);
  }
  lines.push('', '### Org-wide limits', '');
  if (estate.allocations.length === 0) {
    lines.push('None measured: the designs of the org state no amount this tool counts against the org\'s daily allocations.');
  } else {
    lines.push(table(['Limit', 'This design', 'All designs', 'The org\'s allocation', 'Used'], estate.allocations.map((a) => [
      inlineText(a.label), a.thisDesign, a.total,
      a.limit ? `${a.limit} (${code(a.limitSource ?? '')})` : 'not stated',
      a.used ? (a.atRisk ? `**${a.used}**` : a.used) : 'unknown',
    ])));
  }
  lines.push('', '### Findings across the designs', '');
  if (estate.findings.length === 0) {
    lines.push('The checks that compare the designs of the org report nothing on this one.');
  } else {
    lines.push(table(['Rule', 'Line', 'Message'], estate.findings.map((f) => [`${code(f.ruleId)} (${inlineText(f.title)})`, String(f.line), inlineText(f.message)])));
  }
  return lines.join('\n');
}
