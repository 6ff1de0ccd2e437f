import { fact, formatFactValue, ruleOfThumbNote } from '../knowledge/facts';
import { listWords } from '../format/suggest';
import { formatNumber } from '../format/numbers';
import { PATH_NAMES } from '../vocabulary';
import type { AllocationUse, EstateDesign, EstateOrgFile, EstateRuleContext, EstateUser, Located } from '../estateModel';
import type { Rule } from '../rule';
import { riskThreshold } from './limits';

/*
 * The rules that compare documents: the designs of one org (an estate) and the org files. The
 * estate (core/estate/) runs them; each finding is reported in every document it concerns, at the
 * line that contributes, with related locations in the others.
 */

const approvals = (): string => formatFactValue(fact('connected-app-approvals-per-user'));

/** "Heroku Connect and Heroku → Salesforce REST API", or "no path" for a user no path lists. */
function pathsOf(user: EstateUser): string {
  return user.usedBy.length ? listWords(user.usedBy.map((p) => PATH_NAMES[p]), 'and') : 'no path';
}

/** At most this many other documents are named in a message; all of them are in the related locations. */
const NAMED = 4;

function listNamed(items: readonly string[]): string {
  if (items.length <= NAMED + 1) return listWords(items, 'and');
  return `${items.slice(0, NAMED).join(', ')} and ${formatNumber(items.length - NAMED)} more`;
}

function sharedUsers(ctx: EstateRuleContext): void {
  const byUsername = new Map<string, { design: EstateDesign; user: EstateUser }[]>();
  for (const design of ctx.estate.designs) {
    for (const user of design.users) {
      const key = user.username.value.trim().toLowerCase();
      if (key === '') continue;
      const list = byUsername.get(key) ?? [];
      list.push({ design, user });
      byUsername.set(key, list);
    }
  }
  for (const entries of byUsername.values()) {
    if (new Set(entries.map((e) => e.design.uri)).size < 2) continue;
    for (const entry of entries) {
      const others = entries.filter((o) => o.design.uri !== entry.design.uri);
      const otherDesigns = [...new Set(others.map((o) => o.design.uri))];
      const named = otherDesigns.map((uri) => {
        const theirs = others.filter((o) => o.design.uri === uri);
        return `${ctx.where(entry.design.uri, uri)} (${listWords(theirs.map((o) => pathsOf(o.user)), 'and')}, line ${ctx.line(uri, theirs[0].user.username.range.start)})`;
      });
      ctx.report({
        uri: entry.design.uri,
        range: entry.user.username.range,
        message: `Integration user '${entry.user.username.value}' (used here by ${pathsOf(entry.user)}) is also used by ${otherDesigns.length === 1 ? 'another design' : `${formatNumber(otherDesigns.length)} other designs`} of org '${ctx.estate.org}': ${listNamed(named)}. `
          + `Salesforce recommends one user per integration, and the skill document one integration user per add-on (a rule of thumb: no official source says per add-on). `
          + `Many clients logging in as the same user raise the risk of query-limit errors, and a connected app keeps at most ${approvals()} (refresh tokens) per user, revoking the oldest when another is granted: add-ons and apps that authorize this user through the same connected app can revoke each other's tokens. Give each design its own integration user.`,
        related: others.map((o) => ({ uri: o.design.uri, range: o.user.username.range, message: `Also used by ${o.design.name} (${pathsOf(o.user)})` })),
      });
    }
  }
}

function orgNotDescribed(ctx: EstateRuleContext): void {
  const { estate } = ctx;
  if (estate.orgFiles.length > 0 || estate.designs.length === 0) return;
  const unreadable = estate.unreadableOrgFiles[0];
  for (const design of estate.designs) {
    const others = estate.designs.filter((d) => d.uri !== design.uri);
    const why = unreadable
      ? `its org file ${ctx.where(design.uri, unreadable.uri)} cannot be read (${unreadable.leftOut})`
      : `no org file says 'org: ${estate.org}'`;
    ctx.report({
      uri: design.uri,
      range: design.org.range,
      message: `Org '${estate.org}' is named here${others.length ? ` and by ${formatNumber(others.length)} other design${others.length === 1 ? '' : 's'}` : ''}, but ${why}. `
        + `Its edition, licenses and daily allocations are unknown, so the designs' org-wide sums cannot be checked against them. `
        + `Describe the org in a file beside the designs, e.g. ${estate.org}.salesforce-org.yaml with 'version: 1' and 'org: ${estate.org}' (the salesforce-org snippet writes one), or correct the id if it is misspelt.`,
      related: unreadable
        ? [{ uri: unreadable.uri, range: unreadable.org?.range ?? { start: 0, end: 0 }, message: 'This org file cannot be read' }]
        : others.map((d) => ({ uri: d.uri, range: d.org.range, message: `Also names org '${estate.org}'` })),
    });
  }
}

function figureDisagrees(ctx: EstateRuleContext): void {
  const { estate } = ctx;
  for (const design of estate.designs) {
    for (const [key, stated] of design.figures) {
      const settled = estate.figures.get(key);
      if (!settled || settled.uri === design.uri || sameValue(settled.value, stated.value)) continue;
      const fromDesign = estate.designs.some((d) => d.uri === settled.uri);
      const what = key.replace(/_/g, ' ');
      const there = `${ctx.where(design.uri, settled.uri)} says ${show(settled.value)} (line ${ctx.line(settled.uri, settled.range.start)})`;
      ctx.report({
        uri: design.uri,
        range: stated.range,
        message: fromDesign
          ? `salesforce.${key} is ${show(stated.value)} here, but ${there} for the same org '${estate.org}'${typeof settled.value === 'number' ? ', and the estate counts with the lower figure' : ''}. One org has one ${what}: make the designs agree, or state it once in the org's file.`
          : `salesforce.${key} is ${show(stated.value)} here, but the org file ${there}${settled.via ? `, read from production org '${settled.via}'` : ''}; the org file wins. One org has one ${what}: correct the design or the org file, or leave it to the org file.`,
        related: [{ uri: settled.uri, range: settled.range, message: `${key}: ${show(settled.value)}` }],
      });
    }
  }
}

function leftOut(ctx: EstateRuleContext): void {
  const { estate } = ctx;
  for (const design of estate.leftOut) {
    const members = estate.designs.length;
    ctx.report({
      uri: design.uri,
      range: design.org.range,
      message: `This design is left out of the estate of org '${estate.org}' because ${design.reason}: the other ${members === 1 ? 'design is' : `${formatNumber(members)} designs are`} checked without it (shared integration users, org-wide sums). Fix the errors to take it into account.`,
      related: estate.designs.slice(0, 20).map((d) => ({ uri: d.uri, range: d.org.range, message: `Checked without ${design.name}` })),
    });
  }
}

/** An allocation's share of the org's figure, reported in every design that contributes, with the others' lines. */
function allocationFindings(ctx: EstateRuleContext, over: boolean): void {
  for (const use of ctx.estate.allocations) {
    if (use.ratio === undefined || !use.limit) continue;
    const exceeded = use.ratio >= 1;
    if (exceeded !== over || (!over && use.ratio < riskThreshold())) continue;
    for (const c of use.contributions) {
      const others = use.contributions.filter((o) => o !== c);
      ctx.report({
        uri: c.uri,
        range: c.range,
        message: `${describeUse(use, ctx.estate.org)} This design adds ${formatNumber(c.amount)} (${c.label}); ${others.length ? `the others: ${listNamed(others.map((o) => `${ctx.where(c.uri, o.uri)} ${formatNumber(o.amount)}`))}` : 'no other design adds to it'}. ${use.definition.impact} ${use.definition.mitigation}${ruleOfThumbNote(use.definition.fact)}`,
        related: [
          ...others.map((o) => ({ uri: o.uri, range: o.range, message: `Adds ${formatNumber(o.amount)} (${o.label})` })),
          { uri: use.limit.uri, range: use.limit.range, message: `The org's ${use.definition.label}: ${formatNumber(Number(use.limit.value))}` },
        ],
      });
    }
  }
}

function describeUse(use: AllocationUse, org: string): string {
  const percent = Math.floor((use.ratio ?? 0) * 100);
  return `Together the designs of org '${org}' use ${percent}% of its ${use.definition.label} (${formatNumber(use.total)} of ${formatNumber(Number(use.limit?.value))} ${use.definition.unit}).`;
}

function sameValue(a: string | number, b: string | number): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.trim().toLowerCase() === b.trim().toLowerCase() : a === b;
}

function show(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : `'${value}'`;
}

/** Org files that say `org: <id>`, by id, in URI order. */
function byOrg(orgFiles: readonly EstateOrgFile[]): Map<string, EstateOrgFile[]> {
  const out = new Map<string, EstateOrgFile[]>();
  for (const file of orgFiles) {
    if (!file.org || file.leftOut) continue;
    const list = out.get(file.org.value) ?? [];
    list.push(file);
    out.set(file.org.value, list);
  }
  return out;
}

/**
 * The allocations_from chain from a file: the files it passes through, ending where an org has no
 * allocations_from, names no described org, or comes back to one already visited (a cycle).
 */
export function allocationsChain(start: EstateOrgFile, described: ReadonlyMap<string, readonly EstateOrgFile[]>): { chain: EstateOrgFile[]; cycle: boolean; unknown?: Located<string> } {
  const chain: EstateOrgFile[] = [start];
  const seen = new Set<string>([start.org?.value ?? '']);
  let current = start;
  while (current.allocationsFrom) {
    const next = described.get(current.allocationsFrom.value)?.[0];
    if (!next) return { chain, cycle: false, unknown: current.allocationsFrom };
    if (seen.has(next.org!.value)) return { chain, cycle: true };
    seen.add(next.org!.value);
    chain.push(next);
    current = next;
  }
  return { chain, cycle: false };
}

export const ESTATE_RULES: readonly Rule[] = [
  {
    id: 'estate-integration-user-shared',
    title: 'Integration user shared across designs of one org',
    category: 'estate',
    defaultSeverity: 'warning',
    rationale: `Designs that name the same org share its users. Salesforce recommends one user per integration (the skill document says one per add-on, a rule of thumb); many clients logging in as the same user raise the risk of query-limit errors, and each connected app keeps at most ${approvals()} (refresh tokens) per user, revoking the oldest, so they can revoke each other's tokens. Reported in every design that uses the user.`,
    facts: ['integration-user-license', 'one-integration-user-per-add-on', 'connected-app-approvals-per-user', 'shared-user-query-risk'],
    checkEstate: sharedUsers,
  },
  {
    id: 'estate-org-not-described',
    title: 'Org named but not described',
    category: 'estate',
    defaultSeverity: 'warning',
    rationale: 'A design that names its org (`salesforce.org`) is checked with the other designs of that org against the org\'s figures, which its org file (`<name>.salesforce-org.yaml`) states. Without one, the edition, licenses and daily allocations are unknown; a misspelt id also lands here.',
    facts: [],
    checkEstate: orgNotDescribed,
  },
  {
    id: 'estate-org-figure-mismatch',
    title: 'Design disagrees with its org\'s figures',
    category: 'estate',
    defaultSeverity: 'warning',
    rationale: 'One org has one edition, org type, instance and set of allocations. A design that states another value than its org file (or than the other designs of the org, when there is no org file) is wrong in one of the two places; the org file wins.',
    facts: ['sandbox-same-allocations'],
    checkEstate: figureDisagrees,
  },
  {
    id: 'estate-design-left-out',
    title: 'Design left out of its org\'s estate',
    category: 'estate',
    defaultSeverity: 'info',
    rationale: 'A design whose YAML cannot be read is left out of its org\'s estate, so it never hides the other designs\' findings; until it is fixed, the shared users and org-wide sums are checked without it.',
    facts: [],
    checkEstate: leftOut,
  },
  {
    id: 'estate-allocation-approaching',
    title: 'Org-wide allocation approaching',
    category: 'estate',
    defaultSeverity: 'warning',
    rationale: `The designs of one org count together against the org's daily allocations. From ${formatFactValue(fact('risk-threshold'))} of an allocation the sum is reported in every design that contributes, as the estate risk register lists it.`,
    facts: ['risk-threshold', 'api-requests-daily-allocation', 'event-delivery-allocation'],
    checkEstate: (ctx) => allocationFindings(ctx, false),
  },
  {
    id: 'estate-allocation-exceeded',
    title: 'Org-wide allocation exceeded',
    category: 'estate',
    defaultSeverity: 'error',
    rationale: 'The designs of one org together reach or pass one of the org\'s daily allocations, although each may stay under it alone. Past the allocation, calls or event deliveries fail for every integration of the org.',
    facts: ['api-requests-daily-allocation', 'event-delivery-allocation'],
    checkEstate: (ctx) => allocationFindings(ctx, true),
  },
  {
    id: 'org-file-duplicate',
    title: 'Two org files for one org',
    category: 'estate',
    defaultSeverity: 'error',
    rationale: 'An org is described once. With two files for one id the estate reads the first (by path) and ignores the other, which is then easy to edit to no effect.',
    facts: [],
    checkOrgFiles(ctx) {
      for (const [org, files] of byOrg(ctx.orgFiles)) {
        if (files.length < 2) continue;
        for (const file of files) {
          const others = files.filter((f) => f !== file);
          const read = file === files[0] ? 'This one is read; the others are ignored' : `Only ${ctx.where(file.uri, files[0].uri)} is read; this one is ignored`;
          ctx.report({
            uri: file.uri,
            range: file.org!.range,
            message: `Org '${org}' is also described by ${listNamed(others.map((f) => ctx.where(file.uri, f.uri)))}. ${read}. Keep one file per org and merge the figures into it.`,
            related: others.map((f) => ({ uri: f.uri, range: f.org!.range, message: `Also describes org '${org}'` })),
          });
        }
      }
    },
  },
  {
    id: 'org-allocations-cycle',
    title: 'allocations_from goes round in a cycle',
    category: 'estate',
    defaultSeverity: 'error',
    rationale: 'allocations_from names the production org whose allocations a sandbox gets. Followed from org to org it must end at an org that states its own; a chain that comes back to itself names no production org, and is not followed.',
    facts: ['sandbox-same-allocations'],
    checkOrgFiles(ctx) {
      const described = byOrg(ctx.orgFiles);
      for (const [, files] of described) {
        const file = files[0];
        if (!file.allocationsFrom) continue;
        const { chain, cycle } = allocationsChain(file, described);
        if (!cycle) continue;
        const loop = chain.map((f) => f.org!.value);
        ctx.report({
          uri: file.uri,
          range: file.allocationsFrom.range,
          message: `allocations_from goes round in a cycle: ${[...loop, chain.find((f) => f.org!.value === chain[chain.length - 1].allocationsFrom!.value)!.org!.value].join(' → ')}. A sandbox names its production org, and a production org names none. Remove allocations_from from the production org.`,
          related: chain.filter((f) => f !== file).map((f) => ({ uri: f.uri, range: f.allocationsFrom!.range, message: `${f.org!.value} gets its allocations from ${f.allocationsFrom!.value}` })),
        });
      }
    },
  },
  {
    id: 'org-allocations-unknown',
    title: 'allocations_from names an org no file describes',
    category: 'estate',
    defaultSeverity: 'error',
    rationale: 'allocations_from names the production org whose allocations a sandbox gets; its figures are read from that org\'s file. When no org file describes it, the sandbox\'s allocations are unknown.',
    facts: ['sandbox-same-allocations'],
    checkOrgFiles(ctx) {
      const described = byOrg(ctx.orgFiles);
      for (const [, files] of described) {
        const from = files[0].allocationsFrom;
        if (!from || described.has(from.value)) continue;
        ctx.report({
          uri: files[0].uri,
          range: from.range,
          message: `allocations_from names org '${from.value}', but no org file says 'org: ${from.value}'. The allocations this file does not state are unknown. Describe '${from.value}' in its own org file, or correct the id.`,
        });
      }
    },
  },
  {
    id: 'org-allocations-not-sandbox',
    title: 'allocations_from on an org that is not a sandbox',
    category: 'estate',
    defaultSeverity: 'warning',
    rationale: 'Sandboxes get the same allocations as their production org; other orgs have their own. allocations_from on a production, developer or scratch org is a mistake in the org type or in the key.',
    facts: ['sandbox-same-allocations'],
    checkOrgFiles(ctx) {
      for (const file of ctx.orgFiles) {
        const type = file.figures.get('org_type');
        if (!file.allocationsFrom || file.leftOut || !type || type.value === 'sandbox') continue;
        ctx.report({
          uri: file.uri,
          range: file.allocationsFrom.range,
          message: `allocations_from is for sandboxes, but this org's org_type is '${type.value}'. ${fact('sandbox-same-allocations').statement} Set org_type to sandbox, or remove allocations_from.`,
          related: [{ uri: file.uri, range: type.range, message: `org_type: ${type.value}` }],
        });
      }
    },
  },
];
