import type { Analysis } from '../analysis';
import type { Contribution, EstateConnect, EstateDesign, EstateOrgFile, EstateUser, LeftOutDesign, Located } from '../estateModel';
import { fileNameOf } from '../files';
import { formatNumber } from '../format/numbers';
import { chosenPaths, integrationUsers, isSection, type Design } from '../model/design';
import type { ModelNode } from '../model/node';
import type { OrgDescription } from '../model/org';
import { SYNTAX_RULE_IDS } from '../model/parse';
import type { Suppression } from '../rules/suppressions';
import type { LineIndex } from '../text';
import type { DocumentKind } from '../vocabulary';
import { connectAddOn, loginConsumer, pathAppName } from '../model/addOns';
import { ALLOCATIONS_BY_ID, SHARED_FIGURE_KEYS, type ContributionExtractor } from './allocations';
import { CONTRIBUTION_EXTRACTORS } from './extractors';

/**
 * One document reduced to what the estate needs: small, so the estate of a whole workspace is
 * kept in memory without the documents' trees, and compared cheaply when a document changes.
 */
export interface DocumentSummary {
  readonly uri: string;
  readonly kind: DocumentKind;
  readonly lines: LineIndex;
  /** A design that names an org and can be read. */
  readonly design?: EstateDesign;
  /** A design that names an org but cannot be read: left out of the estate. */
  readonly leftOut?: LeftOutDesign;
  /** An org file (its `leftOut` says when it cannot be read). */
  readonly orgFile?: EstateOrgFile;
  readonly suppressions: readonly Suppression[];
  /** Equal for two summaries the estate would treat alike (offsets included). */
  readonly fingerprint: string;
}

/** The org a summary belongs to, if any. */
export function orgOfSummary(summary: DocumentSummary): string | undefined {
  return summary.design?.org.value ?? summary.leftOut?.org.value ?? summary.orgFile?.org?.value;
}

/** Parser findings that mean the text was not read as written: such a document is left out. */
const UNREADABLE = new Set<string>([SYNTAX_RULE_IDS.syntax, SYNTAX_RULE_IDS.tooLarge, SYNTAX_RULE_IDS.tooDeep]);

export function summarize(uri: string, analysis: Analysis, extractors: readonly ContributionExtractor[] = CONTRIBUTION_EXTRACTORS): DocumentSummary {
  const { model } = analysis;
  const lines = model.lines;
  const broken = analysis.findings.filter((f) => UNREADABLE.has(f.ruleId));
  const reason = broken.length === 0 ? undefined : unreadableReason(broken.length, lines.positionAt(broken[0].range.start).line + 1, broken[0].ruleId);
  const { suppressions } = analysis;
  const base = { uri, kind: analysis.kind, lines, suppressions };
  if (analysis.kind === 'org') {
    const orgFile = orgFileOf(uri, lines, analysis.org, reason);
    return { ...base, orgFile, fingerprint: fingerprintOf({ orgFile: { ...orgFile, lines: undefined, figures: [...orgFile.figures] }, suppressions }) };
  }
  const design = analysis.design;
  const org = located(design?.salesforce?.org);
  if (!design || !org) return { ...base, fingerprint: '' };
  const name = design.name?.value.trim() || fileNameOf(uri);
  if (reason) {
    const leftOut: LeftOutDesign = { uri, name, lines, org, reason };
    return { ...base, leftOut, fingerprint: fingerprintOf({ leftOut: { ...leftOut, lines: undefined }, suppressions }) };
  }
  const estateDesign: EstateDesign = {
    uri, name, lines, org,
    paths: chosenPaths(design),
    users: usersOf(uri, design),
    figures: designFigures(design),
    contributions: contributionsOf(design, extractors),
    connect: connectOf(design),
  };
  return { ...base, design: estateDesign, fingerprint: fingerprintOf({ design: { ...estateDesign, lines: undefined, figures: [...estateDesign.figures] }, suppressions }) };
}

function unreadableReason(count: number, line: number, ruleId: string): string {
  if (ruleId === SYNTAX_RULE_IDS.tooLarge) return 'it is too large to read';
  if (ruleId === SYNTAX_RULE_IDS.tooDeep) return `its YAML is nested too deeply to read (line ${line})`;
  return `its YAML has ${count === 1 ? 'a syntax error' : `${formatNumber(count)} syntax errors`} (${count === 1 ? '' : 'the first '}on line ${line})`;
}

function located<T>(field: { value: T; node: ModelNode } | undefined): Located<T> | undefined {
  return field ? { value: field.value, range: field.node.range } : undefined;
}

function usersOf(uri: string, design: Design): EstateUser[] {
  const out: EstateUser[] = [];
  for (const [id, user] of integrationUsers(design)) {
    const username = located(user.username);
    const usedBy = user.used_by?.value ?? [];
    // An add-on the design names fully is known across designs; any other path is this design's own.
    const consumers = [...new Set(usedBy.map((path) => loginConsumer(design, path)?.key ?? `${uri}#${path}`))].sort();
    if (username) out.push({ id, username, usedBy, consumers: consumers.length ? consumers : [`${uri}#${id}`] });
  }
  return out;
}

function connectOf(design: Design): EstateConnect | undefined {
  const connect = design.paths?.heroku_connect;
  return connect ? { addOn: connectAddOn(design), app: pathAppName(design, 'heroku_connect'), database: located(connect.database?.name) } : undefined;
}

/** The org figures a design states under `salesforce:`. */
function designFigures(design: Design): Map<string, Located<string | number>> {
  const section = design.salesforce as Record<string, unknown> | undefined;
  const out = new Map<string, Located<string | number>>();
  for (const key of SHARED_FIGURE_KEYS) {
    const field = section?.[key];
    if (isField(field)) out.set(key, { value: field.value, range: field.node.range });
  }
  return out;
}

function contributionsOf(design: Design, extractors: readonly ContributionExtractor[]): Contribution[] {
  return extractors.flatMap((extract) => extract(design)).filter((c) => ALLOCATIONS_BY_ID.has(c.allocation) && Number.isFinite(c.amount));
}

/** The figures an org file states, by key: top-level ones, then `licenses.<kind>` and `add_ons.<name>`. */
function orgFileOf(uri: string, lines: LineIndex, org: OrgDescription | undefined, leftOut: string | undefined): EstateOrgFile {
  const figures = new Map<string, Located<string | number>>();
  const add = (prefix: string, section: object | undefined) => {
    for (const [key, value] of Object.entries(section ?? {})) {
      // What the org is (its id, name, production org, the format's version), not a figure of it.
      if (key === '$node' || key === 'org' || key === 'name' || key === 'allocations_from' || key === 'version') continue;
      if (isField(value)) figures.set(`${prefix}${key}`, { value: value.value, range: value.node.range });
      else if (isSection(value) && prefix === '') add(`${key}.`, value);
    }
  };
  add('', org);
  return {
    uri, lines, org: located(org?.org), name: org?.name?.value,
    allocationsFrom: located(org?.allocations_from), figures, leftOut,
  };
}

function isField(value: unknown): value is { value: string | number; node: ModelNode } {
  return typeof value === 'object' && value !== null && 'node' in value && 'value' in value
    && (typeof (value as { value: unknown }).value === 'string' || typeof (value as { value: unknown }).value === 'number');
}

function fingerprintOf(value: unknown): string {
  return JSON.stringify(value);
}
