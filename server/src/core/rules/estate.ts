import { fact, formatFactValue, ruleOfThumbNote } from '../knowledge/facts';
import { listSome, listWords } from '../format/suggest';
import { formatNumber, formatShare } from '../format/numbers';
import { PATH_NAMES } from '../vocabulary';
import type { AllocationUse, EstateConnect, EstateContribution, EstateDesign, EstateOrgFile, EstateRuleContext, EstateUser, Located } from '../estateModel';
import type { RelatedLocation, Severity } from '../findings';
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

/** At most this many other documents are named in a message ("a, b, c, d and 7 more"); five are named in full. */
export const NAMED_DOCUMENTS = 4;

/**
 * How many other documents a message names and its related locations point at: all of them up to
 * NAMED_DOCUMENTS + 1, otherwise NAMED_DOCUMENTS. An org's sum may concern hundreds of designs;
 * pointing each at every other would make the Problems view list them all in every design, and
 * every keystroke carry them. The estate risk register lists them all.
 */
function shownCount(total: number): number {
  return total <= NAMED_DOCUMENTS + 1 ? total : NAMED_DOCUMENTS;
}

/** "a, b and c", or "a, b, c, d and 7 more": `items` are the first names of `total` (at least shownCount(total) of them). */
function listNamed(items: readonly string[], total = items.length): string {
  return listSome(items, NAMED_DOCUMENTS + 1, total);
}

/** The locations in the first shownCount(documents) documents, in the given order. */
function relatedOfNamedDocuments<T>(items: readonly T[], documents: number, uriOf: (item: T) => string, locate: (item: T) => RelatedLocation): RelatedLocation[] {
  const limit = shownCount(documents);
  const seen = new Set<string>();
  const related: RelatedLocation[] = [];
  for (const item of items) {
    const uri = uriOf(item);
    if (!seen.has(uri)) {
      if (seen.size === limit) break;
      seen.add(uri);
    }
    related.push(locate(item));
  }
  return related;
}

/** Added to a message that names only some of the other documents. */
function unnamedNote(documents: number): string {
  return shownCount(documents) < documents ? ` Its related locations point at the ${NAMED_DOCUMENTS} named; the estate risk register lists all ${formatNumber(documents)}.` : '';
}

/** Two descriptions of the same consumer (one Connect add-on in two designs): the same add-ons log in, nothing else. */
function sameConsumer(a: EstateUser, b: EstateUser): boolean {
  return a.consumers.length === b.consumers.length && a.consumers.every((c, i) => c === b.consumers[i]);
}

/** An add-on logs in as the user (Heroku Connect, AppLink): two designs may describe the same one. */
function usesAddOn(user: EstateUser): boolean {
  return user.usedBy.some((p) => p === 'heroku_connect' || p === 'heroku_applink');
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
      // The same add-on described in several designs is one consumer: it shares the user with no one.
      const others = entries.filter((o) => o.design.uri !== entry.design.uri && !sameConsumer(o.user, entry.user));
      if (others.length === 0) continue;
      const otherDesigns = [...new Set(others.map((o) => o.design.uri))];
      const named = otherDesigns.slice(0, shownCount(otherDesigns.length)).map((uri) => {
        const theirs = others.filter((o) => o.design.uri === uri);
        return `${ctx.where(entry.design.uri, uri)} (${listWords(theirs.map((o) => pathsOf(o.user)), 'and')}, line ${ctx.line(uri, theirs[0].user.username.range.start)})`;
      });
      ctx.report({
        uri: entry.design.uri,
        range: entry.user.username.range,
        message: `Integration user '${entry.user.username.value}' (used here by ${pathsOf(entry.user)}) is also used by ${otherDesigns.length === 1 ? 'another design' : `${formatNumber(otherDesigns.length)} other designs`} of org '${ctx.estate.org}': ${listNamed(named, otherDesigns.length)}. `
          + `Salesforce recommends one user per integration, and the skill document one integration user per add-on (a rule of thumb: no official source says per add-on). `
          + `Many clients logging in as the same user raise the risk of query-limit errors, and a connected app keeps at most ${approvals()} (refresh tokens) per user, revoking the oldest when another is granted: add-ons and apps that authorize this user through the same connected app can revoke each other's tokens. Give each design its own integration user`
          + `${usesAddOn(entry.user) && others.some((o) => usesAddOn(o.user)) ? ' (or, if the designs describe the same add-on, name it in each with the same app and addon: one add-on is one consumer)' : ''}.${unnamedNote(otherDesigns.length)}`,
        related: relatedOfNamedDocuments(others, otherDesigns.length, (o) => o.design.uri, (o) => ({ uri: o.design.uri, range: o.user.username.range, message: `Also used by ${o.design.name} (${pathsOf(o.user)})` })),
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
        + `Its edition, licenses and daily allocations are unknown, so the designs' shared sums can only be checked against the defaults of an Enterprise Edition org, which may not be its figures. `
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

/** What to do about a use near or over its figure: first state the org's real figure, when only a default is known. */
export function mitigationFor(use: AllocationUse): string {
  const { definition } = use;
  const state = use.limit?.default && definition.key && definition.readFigure ? `${definition.readFigure} and state it in ${definition.key} in the org file. ` : '';
  return `${state}${definition.mitigation}`;
}

/** Designs that add to a use (what they add counted at least in part). */
function contributingDesigns(use: AllocationUse): string[] {
  return [...new Set(use.contributions.filter((c) => c.counted > 0).map((c) => c.uri))];
}

/**
 * Whether the estate reports a use: from the risk threshold on, and only sums of several designs
 * when a design's own rule reports it alone (with the same figure: the design reads its estate's).
 */
function reported(use: AllocationUse, over: boolean): boolean {
  if (use.ratio === undefined || !use.limit) return false;
  if ((use.ratio >= 1) !== over || (!over && use.ratio < riskThreshold())) return false;
  return contributingDesigns(use).length >= (use.definition.designRule ? 2 : 1);
}

/**
 * An exceeded limit is an error when the sum and the figure are certain: the figure stated, or a
 * confirmed default that is not just a starting point, and every use counted by a confirmed fact
 * (PushTopics of accelerated mappings are an inference).
 */
function exceededSeverity(use: AllocationUse): Severity {
  if (use.contributions.some((c) => c.counted > 0 && c.fact && !fact(c.fact).confirmed)) return 'warning';
  const byDefault = use.limit?.default;
  if (!byDefault) return 'error';
  return fact(byDefault.fact).confirmed && !byDefault.floor ? 'error' : 'warning';
}

/**
 * A use's share of its figure, reported once in every design that adds to it, at its line, with the
 * others' lines (the largest first). Linear in the designs but for naming the others: an org's sum
 * may concern every design of a large estate.
 */
function allocationFindings(ctx: EstateRuleContext, over: boolean): void {
  for (const use of ctx.estate.allocations) {
    if (!reported(use, over)) continue;
    const limit = use.limit!;
    const byDesign = new Map<string, EstateContribution[]>();
    for (const c of use.contributions) {
      const list = byDesign.get(c.uri);
      if (list) list.push(c);
      else byDesign.set(c.uri, [c]);
    }
    const added = new Map([...byDesign].map(([uri, mine]) => [uri, mine.reduce((sum, c) => sum + c.counted, 0)]));
    // The largest contributors first (a stable sort: equal ones in the estate's order).
    const ranked = [...byDesign.keys()].sort((a, b) => added.get(b)! - added.get(a)!);
    const rankedContributions = ranked.flatMap((uri) => byDesign.get(uri)!);
    const notes = [...new Set([use.definition.fact, ...(limit.default ? [limit.default.fact] : []), ...use.contributions.flatMap((c) => (c.fact ? [c.fact] : []))].map(ruleOfThumbNote).filter((n) => n !== ''))];
    const figure = limitLocations(use);
    for (const [uri, mine] of byDesign) {
      const otherUris = ranked.filter((other) => other !== uri);
      const named = otherUris.slice(0, shownCount(otherUris.length)).map((other) => `${ctx.where(uri, other)} ${formatNumber(added.get(other)!)}`);
      const parts = mine.map((c) => `${c.label}${c.countedWith ? `; ${formatNumber(c.amount - c.counted)} already counted with ${ctx.where(uri, c.countedWith)}, which describes the same add-on` : ''}`);
      ctx.report({
        uri,
        range: mine[0].range,
        severity: over ? exceededSeverity(use) : undefined,
        message: `${describeUse(ctx, uri, use)} This design adds ${formatNumber(added.get(uri)!)} (${parts.join('; ')}); ${otherUris.length ? `the others: ${listNamed(named, otherUris.length)}` : 'no other design adds to it'}. ${use.definition.impact} ${mitigationFor(use)}${notes.join('')}${unnamedNote(otherUris.length)}`,
        related: [
          ...mine.slice(1).map((c) => ({ range: c.range, message: `Adds ${formatNumber(c.counted)} (${c.label})` })),
          ...relatedOfNamedDocuments(rankedContributions.filter((o) => o.uri !== uri), otherUris.length, (o) => o.uri, (o) => ({ uri: o.uri, range: o.range, message: `Adds ${formatNumber(o.counted)} (${o.label})` })),
          ...figure,
        ],
      });
    }
  }
}

/** Where the figure comes from, as related locations: the stated figure, or what its default rests on. */
function limitLocations(use: AllocationUse): RelatedLocation[] {
  const limit = use.limit;
  if (!limit) return [];
  if (limit.stated) return [{ uri: limit.stated.uri, range: limit.stated.range, message: `The org's ${use.definition.label}: ${formatNumber(limit.value)}` }];
  return (limit.default?.from ?? []).map((f) => ({ uri: f.uri, range: f.range, message: `${f.key}: ${show(f.value)} (${use.definition.label}: ${formatNumber(limit.value)}, ${limit.default!.basis})` }));
}

/** "Together the designs of org 'acme-prod' use 104% of its API requests per 24 hours (730,000 of 700,000 …, stated in …)." */
function describeUse(ctx: EstateRuleContext, from: string, use: AllocationUse): string {
  const share = formatShare(use.ratio ?? 0);
  const limit = use.limit!;
  const source = limit.stated
    ? `stated in ${ctx.where(from, limit.stated.uri)}, line ${ctx.line(limit.stated.uri, limit.stated.range.start)}${limit.stated.via ? `, production org '${limit.stated.via}'` : ''}`
    : limit.default!.basis;
  const amounts = `${formatNumber(use.total)} of ${formatNumber(limit.value)} ${use.definition.unit}, ${source}`;
  return use.addOn
    ? `Together the designs of org '${ctx.estate.org}' that use ${use.addOn.label} use ${share} of its ${use.definition.label} (${amounts}).`
    : `Together the designs of org '${ctx.estate.org}' use ${share} of its ${use.definition.label} (${amounts}).`;
}

/** Two Connect add-ons known to be different: on different apps, or with different names. */
function differentAddOns(a: EstateConnect, b: EstateConnect): boolean {
  if (a.addOn && b.addOn) return a.addOn.key !== b.addOn.key;
  return a.app !== undefined && b.app !== undefined && a.app !== b.app;
}

function sharedDatabase(ctx: EstateRuleContext): void {
  const withDatabase = ctx.estate.designs.filter((d) => d.connect?.database);
  for (const design of withDatabase) {
    const connect = design.connect!;
    const name = connect.database!.value.toLowerCase();
    const others = withDatabase.filter((o) => o.uri !== design.uri && o.connect!.database!.value.toLowerCase() === name && differentAddOns(connect, o.connect!));
    if (others.length === 0) continue;
    const described = (d: EstateDesign) => d.connect!.addOn?.label ?? `the Heroku Connect add-on on app '${d.connect!.app}'`;
    ctx.report({
      uri: design.uri,
      range: connect.database!.range,
      message: `Heroku Postgres database '${connect.database!.value}' is also behind ${listNamed(others.map((o) => `${described(o)} (${ctx.where(design.uri, o.uri)}, line ${ctx.line(o.uri, o.connect!.database!.range.start)})`))}, for the same org '${ctx.estate.org}' as ${described(design)} here. `
        + `Each Heroku Connect add-on connects one database to one org, so two add-ons connecting the same org to the same database are two connections doing one job: they sync the same records twice (each counting its rows) and write back through two trigger logs, each processed on its own. `
        + `Give each connection its own database, or let one connection map the objects of both. If the designs describe the same add-on, name it in each with the same app and addon.${ruleOfThumbNote('connect-two-addons-one-database')}`,
      related: others.map((o) => ({ uri: o.uri, range: o.connect!.database!.range, message: `Also synced by ${described(o)} (${o.name})` })),
    });
  }
}

function sameValue(a: string | number, b: string | number): boolean {
  return typeof a === 'string' && typeof b === 'string' ? a.trim().toLowerCase() === b.trim().toLowerCase() : a === b;
}

function show(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : `'${value}'`;
}

/** Org files that say `org: <id>` (and can be read), by id, in URI order. */
export function byOrg(orgFiles: readonly EstateOrgFile[]): Map<string, EstateOrgFile[]> {
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
    id: 'estate-connect-database-shared',
    title: 'One database behind two Connect add-ons of one org',
    category: 'estate',
    defaultSeverity: 'warning',
    rationale: 'Each Heroku Connect add-on connects one Postgres database to one org. Two add-ons (on different apps, or with different names) that connect the same org to the same database (`paths.heroku_connect.database.name`) are two connections doing one job: they sync the same records twice and write back through two trigger logs. The same add-on described in two designs (the same app and addon) is one connection, and not reported.',
    facts: ['connect-one-db-one-org', 'connect-two-addons-one-database', 'connect-trigger-log-semantics'],
    checkEstate: sharedDatabase,
  },
  {
    id: 'estate-allocation-approaching',
    title: 'Shared allocation approaching',
    category: 'estate',
    defaultSeverity: 'warning',
    rationale: `The designs of one org count together against the org's allocations (API requests, event and PushTopic deliveries, PushTopics, Canvas calls), and the designs that use one Heroku add-on against its rate (External Objects, AppLink's Platform API). From ${formatFactValue(fact('risk-threshold'))} of an allocation the sum of several designs is reported in every design that contributes, as the estate risk register lists it; one design alone is reported by its own rules, against the same figure. The figure is the one the org states, else its edition's (or licenses') default.`,
    facts: ['risk-threshold', 'api-daily-requests-paid-base', 'event-delivery-shared', 'pushtopics-per-org-enterprise', 'pushtopic-deliveries-enterprise', 'generic-streaming-deliveries-enterprise', 'canvas-calls-per-day', 'external-objects-rate-limit', 'applink-platform-api-rate'],
    mentions: ['event-delivery-allocation', 'event-delivery-allocation-enterprise', 'api-daily-requests-formula', 'connect-accelerated-counts-pushtopic-allocations', 'connect-soap-calls-not-counted', 'connect-bulk-calls-counting-unknown'],
    checkEstate: (ctx) => allocationFindings(ctx, false),
  },
  {
    id: 'estate-allocation-exceeded',
    title: 'Shared allocation exceeded',
    category: 'estate',
    defaultSeverity: 'error',
    rationale: 'The designs of one org together (or the designs that use one Heroku add-on) reach or pass an allocation they share, although each may stay under it alone. Past it, calls or event deliveries fail for every integration that shares it. An error against the figure the org states or a confirmed default; a warning against a default that is unconfirmed or only a starting point (the daily API requests paid editions start at).',
    facts: ['api-daily-requests-paid-base', 'event-delivery-shared', 'pushtopics-per-org-enterprise', 'pushtopic-deliveries-enterprise', 'generic-streaming-deliveries-enterprise', 'canvas-calls-per-day', 'external-objects-rate-limit', 'applink-platform-api-rate'],
    mentions: ['event-delivery-allocation', 'event-delivery-allocation-enterprise', 'api-daily-requests-formula', 'connect-accelerated-counts-pushtopic-allocations', 'connect-soap-calls-not-counted', 'connect-bulk-calls-counting-unknown'],
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
          message: `allocations_from goes round in a cycle: ${[...loop, chain[chain.length - 1].allocationsFrom!.value].join(' → ')}. A sandbox names its production org, and a production org names none. Remove allocations_from from the production org.`,
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
