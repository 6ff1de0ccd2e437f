import type { AllocationUse, Estate } from '../estateModel';
import { ALLOCATIONS } from '../estate/allocations';
import { mitigationFor } from '../rules/estate';
import type { Finding, Severity } from '../findings';
import { childUri, relativeLocation } from '../files';
import { formatNumber } from '../format/numbers';
import { fact } from '../knowledge/facts';
import { riskThreshold } from '../rules/limits';
import { compareText } from '../format/compare';
import { RULES_BY_ID } from '../rules/registry';
import { PATH_NAMES } from '../vocabulary';
import { Citations } from './citations';
import type { GeneratedFile } from './generate';
import { withHeader } from './header';
import { ESTATE_ARTIFACT, estateFileName } from './kinds';
import { formatPercent } from './labels';
import { code, gfmInlineText, plural, table } from './markdown';

export interface EstateRisksInput {
  readonly estate: Estate;
  /** The findings of the rules that compare documents, per document (default severities, suppressions applied). */
  readonly findingsOf: (uri: string) => readonly Finding[];
  /** The folder the file is written to: documents are named relative to it. */
  readonly folderUri: string;
  /** Files that could not be read at all: they may belong to this org. */
  readonly unreadable?: readonly { readonly uri: string; readonly reason: string }[];
}

const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/**
 * What the header's hash covers for an estate: every document of it, by its location relative to
 * the register, in that order. A change to any of them makes the committed register stale.
 */
export function estateInputsText(estate: Estate, folderUri: string): string {
  const self = childUri(folderUri, estateFileName(estate.org));
  const documents = [...estate.orgFiles, ...estate.unreadableOrgFiles, ...estate.designs, ...estate.leftOut]
    .map((d) => ({ location: relativeLocation(self, d.uri), text: d.lines.text }))
    .sort((a, b) => compareText(a.location, b.location));
  return documents.map((d) => `${d.location}\n${d.text}`).join('\n\u0000\n');
}

/**
 * The estate risk register of one org (`<org>.estate.risks.md`): the org's figures, the designs
 * that name it, every org-wide limit the designs reach the risk threshold of together (with the
 * share of each design), the findings that compare the designs, and what was left out.
 */
export function generateEstateRisks(input: EstateRisksInput): GeneratedFile {
  const { estate } = input;
  const self = childUri(input.folderUri, estateFileName(estate.org));
  const where = (uri: string) => relativeLocation(self, uri);
  const linesByUri = new Map([...estate.unreadableOrgFiles, ...estate.orgFiles, ...estate.leftOut, ...estate.designs].map((d) => [d.uri, d.lines]));
  const lineOf = (uri: string, offset: number) => (linesByUri.get(uri)?.positionAt(offset).line ?? 0) + 1;
  const cite = new Citations();
  const orgFile = estate.orgFiles[0];
  const parts: string[] = [`# ${ESTATE_ARTIFACT.title}: ${gfmInlineText(estate.org)}${orgFile?.name ? ` (${gfmInlineText(orgFile.name)})` : ''}`];

  parts.push([
    '## The org',
    '',
    orgFile
      ? `Org ${code(estate.org)} is described in ${code(where(orgFile.uri))}${estate.allocationsFrom ? `; as a sandbox it gets the allocations of production org ${code(estate.allocationsFrom)} ${cite.ref('sandbox-same-allocations')}` : ''}.`
      : `No org file describes org ${code(estate.org)}${estate.unreadableOrgFiles.length ? ` that can be read (${estate.unreadableOrgFiles.map((f) => `${code(where(f.uri))}: ${gfmInlineText(f.leftOut ?? '')}`).join('; ')})` : ''}: its figures below come from the designs, if they state any. Describe it in ${code(`${estate.org}.salesforce-org.yaml`)}.`,
    ...(estate.figures.size === 0 ? ['', 'No figure of the org is stated.'] : [
      '',
      table(['Figure', 'Value', 'Stated in'], [...estate.figures.values()].map((f) => [
        code(f.key),
        typeof f.value === 'number' ? formatNumber(f.value) : gfmInlineText(f.value),
        `${code(where(f.uri))}, line ${lineOf(f.uri, f.range.start)}${f.via ? ` (production org ${code(f.via)})` : ''}`,
      ])),
    ]),
  ].join('\n'));

  const members = estate.designs.map((d) => {
    const count = input.findingsOf(d.uri).length;
    return [
      gfmInlineText(d.name), code(where(d.uri)),
      gfmInlineText(d.paths.map((p) => PATH_NAMES[p]).join(', ') || 'none'),
      d.users.length ? d.users.map((u) => code(u.username.value)).join(', ') : 'none stated',
      count === 0 ? 'none' : String(count),
    ];
  });
  parts.push([
    '## The designs of the org',
    '',
    estate.designs.length === 0
      ? 'No readable design names this org.'
      : `${plural(estate.designs.length, 'design')} name${estate.designs.length === 1 ? 's' : ''} org ${code(estate.org)}; they share its integration users and its daily allocations, and are checked together.\n\n${table(['Design', 'File', 'Paths', 'Integration users', 'Findings across the designs'], members)}`,
  ].join('\n'));

  parts.push(limitsSection(estate, cite, where, lineOf));
  parts.push(findingsSection(estate, input.findingsOf, where, lineOf));

  const leftOut = [
    ...estate.leftOut.map((d) => `- ${code(where(d.uri))}: left out because ${gfmInlineText(d.reason)}. Fix it to count it in the sums above.`),
    ...(input.unreadable ?? []).map((u) => `- ${code(where(u.uri))}: could not be read (${gfmInlineText(u.reason)}); it may belong to this org.`),
  ];
  if (leftOut.length > 0) parts.push(['## Left out', '', ...leftOut].join('\n'));

  const { text, sources } = cite.finalize(parts.join('\n\n'));
  const body = `${sources ? `${text}\n\n${sources}` : text}\n`;
  const designs = estate.designs.length + estate.leftOut.length;
  return {
    kind: ESTATE_ARTIFACT.kind,
    fileName: estateFileName(estate.org),
    content: withHeader(ESTATE_ARTIFACT.kind, `estate ${estate.org} (${plural(designs, 'design')}, ${plural(estate.orgFiles.length + estate.unreadableOrgFiles.length, 'org file')})`, estateInputsText(estate, input.folderUri), body),
  };
}

function limitsSection(estate: Estate, cite: Citations, where: (uri: string) => string, lineOf: (uri: string, offset: number) => number): string {
  const threshold = riskThreshold();
  const lines = [
    '## Shared limits the designs come close to together',
    '',
    `Every allocation the designs of the org share (org-wide, or per Heroku add-on) that they reach at least ${cite.value('risk-threshold')} of together, the closest first, with each design's share. The threshold is the skill document's choice, not a platform limit. The figure is the one the org states, else the default its edition or licenses give.`,
  ];
  const measured = estate.allocations.filter((a) => a.contributions.length > 0);
  if (measured.length === 0) {
    const shared = ALLOCATIONS.map((a) => `${gfmInlineText(a.label)} ${cite.ref(a.fact)}`).join('; ');
    lines.push('', `None measured: the designs of the org state no amount this tool counts against the allocations they share (${shared}).`);
    return [...lines, ...notCounted(estate, cite)].join('\n');
  }
  const risky = measured.filter((a) => a.ratio !== undefined && a.ratio >= threshold).sort((a, b) => (b.ratio ?? 0) - (a.ratio ?? 0));
  if (risky.length === 0) lines.push('', 'None: the sums stay below the threshold, or the figure is unknown.');
  else {
    lines.push('', table(['Limit', 'All designs', 'The figure', 'Used', 'Share of each design', 'Impact', 'Mitigation', 'Source'], risky.map((a) => {
      const used = a.ratio! > 1 ? `**${formatPercent(a.ratio!)}, exceeded**` : a.ratio === 1 ? `**${formatPercent(a.ratio!)}, at the limit**` : formatPercent(a.ratio!);
      const shares = a.contributions.map((c) => `${code(where(c.uri))} line ${lineOf(c.uri, c.range.start)}: ${formatNumber(c.counted)} (${formatPercent(c.counted / a.limit!.value)}${c.countedWith ? `; the rest counted with ${code(where(c.countedWith))}` : ''})`).join('; ');
      return [
        `${gfmInlineText(a.definition.label)}${a.addOn ? ` (${gfmInlineText(a.addOn.label)})` : ''}`, formatNumber(a.total),
        figure(a, cite, where, lineOf),
        used, shares, gfmInlineText(a.definition.impact), gfmInlineText(mitigationFor(a)), cite.sourceLink(a.definition.fact),
      ];
    })));
  }
  const below = measured.filter((a) => !risky.includes(a));
  if (below.length > 0) {
    lines.push('', `Also summed: ${below.map((a) => `${gfmInlineText(a.definition.label)}${a.addOn ? ` (${gfmInlineText(a.addOn.label)})` : ''} ${formatNumber(a.total)}${a.ratio === undefined ? ` (no figure: ${gfmInlineText(a.missing?.basis ?? 'the org states none')}${a.missing && !fact(a.missing.fact).confirmed ? ', unconfirmed' : ''})` : ` (${formatPercent(a.ratio)} of ${formatNumber(a.limit!.value)})`}`).join('; ')}.`);
  }
  return [...lines, ...notCounted(estate, cite)].join('\n');
}

/** "700,000 (`acme-prod.salesforce-org.yaml`, line 14)", or a default with its basis and source. */
function figure(use: AllocationUse, cite: Citations, where: (uri: string) => string, lineOf: (uri: string, offset: number) => number): string {
  const limit = use.limit!;
  if (limit.stated) return `${formatNumber(limit.value)} (${code(where(limit.stated.uri))}, line ${lineOf(limit.stated.uri, limit.stated.range.start)}${limit.stated.via ? `, production org ${code(limit.stated.via)}` : ''})`;
  const byDefault = limit.default!;
  return `${formatNumber(limit.value)} (${gfmInlineText(byDefault.basis)} ${cite.ref(byDefault.fact)}${fact(byDefault.fact).confirmed ? '' : ', a rule of thumb'})`;
}

/** What is left out of the sums on purpose, for the designs of this estate that use it. */
function notCounted(estate: Estate, cite: Citations): string[] {
  if (!estate.designs.some((d) => d.paths.includes('heroku_connect'))) return [];
  return ['', `Not counted in the API requests: Heroku Connect's SOAP API calls, which do not count toward the org's API request limits ${cite.ref('connect-soap-calls-not-counted')}, and its Bulk API batches (above ${cite.value('connect-soap-bulk-threshold')}), since no page we could read says whether they count ${cite.ref('connect-bulk-calls-counting-unknown')}.`];
}

function findingsSection(estate: Estate, findingsOf: (uri: string) => readonly Finding[], where: (uri: string) => string, lineOf: (uri: string, offset: number) => number): string {
  const documents = [...estate.orgFiles, ...estate.unreadableOrgFiles, ...estate.designs, ...estate.leftOut].map((d) => d.uri);
  const all = [...new Set(documents)].flatMap((uri) => findingsOf(uri).map((f) => ({ uri, f })));
  const lines = ['## Findings across the designs'];
  if (all.length === 0) {
    lines.push('', 'The checks that compare the designs and the org file report nothing.');
    return lines.join('\n');
  }
  lines.push('', `What the checks that compare the designs and the org file report (${plural(all.length, 'finding')}), in every document concerned. Each rule is documented under \`docs/rules/<rule>.md\`.`);
  for (const severity of SEVERITY_ORDER) {
    const group = all.filter((x) => x.f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', table(['Rule', 'Severity', 'File', 'Line', 'Message'], group.map(({ uri, f }) => [
      `${code(f.ruleId)}${RULES_BY_ID.get(f.ruleId) ? ` (${gfmInlineText(RULES_BY_ID.get(f.ruleId)!.title)})` : ''}`, severity, code(where(uri)), String(lineOf(uri, f.range.start)), gfmInlineText(f.message),
    ])));
  }
  return lines.join('\n');
}
