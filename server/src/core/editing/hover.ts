import type { Finding } from '../findings';
import type { FactId } from '../knowledge/facts';
import type { NodePath } from '../model/node';
import type { TextRange } from '../text';
import type { Analysis } from '../analysis';
import { RULES_BY_ID } from '../rules/registry';
import { citedFacts } from '../rule';
import { describeDuration, formatCount, parseCount, parseDuration } from '../format/quantities';
import { targetAt, type Target } from './locate';
import { code, escapeMarkdown, factsTable, unconfirmedNote } from './markdown';
import { allowedValues, definitionDescription, keyInfo, valueFacts, xFacts, type KeyInfo } from './schemaInfo';
import { DESIGN_SCHEMA, schemaFor, type SchemaNode } from '../schema/schema';

export interface HoverOptions {
  /** Where a rule's documentation can be opened (a file: or https: URL). */
  readonly ruleDocUrl: (ruleId: string) => string;
  /** The findings the user sees (after severity settings); the analysis's own by default. */
  readonly findings?: readonly Finding[];
}

export interface HoverResult {
  readonly markdown: string;
  readonly range: TextRange;
}

/** More values than this are listed inline without their descriptions. */
const MAX_DESCRIBED_VALUES = 8;
const SEPARATOR = '\n\n---\n\n';

/**
 * The hover at an offset: the rules flagging it (title, rationale, docs, facts), then the
 * key (description, values, default, facts) or the value (its meaning and the limits it
 * brings). Short by design; the docs link carries the rest.
 */
export function hoverAt(analysis: Analysis, offset: number, options: HoverOptions): HoverResult | undefined {
  const flagged = findingsAt(options.findings ?? analysis.findings, offset);
  const target = targetAt(analysis.model.root, offset);
  const root = schemaFor(analysis.kind);
  const targetPart = target ? targetHover(target, root) : undefined;
  // Facts the value's own table lists are not repeated under each rule.
  const shown = new Set<FactId>(target?.kind === 'value' ? valueFacts(keyInfo(target.path, root)?.schema ?? {}, target.node.value) : []);
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const finding of flagged) {
    if (seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    const part = ruleHover(finding.ruleId, options, shown);
    if (part) parts.push(part);
  }
  if (targetPart) parts.push(targetPart);
  if (parts.length === 0) return undefined;
  const range = target?.range ?? flagged[0].range;
  return { markdown: parts.join(SEPARATOR), range };
}

function findingsAt(findings: readonly Finding[], offset: number): Finding[] {
  return findings.filter((f) => offset >= f.range.start && (offset < f.range.end || (offset === f.range.end && f.range.end > f.range.start) || (f.range.start === f.range.end && offset === f.range.start)));
}

/** Rule title, id and docs link, its rationale, and the facts it relies on. */
export function ruleHover(ruleId: string, options: HoverOptions, shown: Set<FactId> = new Set()): string | undefined {
  const rule = RULES_BY_ID.get(ruleId);
  if (!rule) return undefined;
  const lines = [`**${escapeMarkdown(rule.title)}** · ${code(rule.id)} · [Documentation](${options.ruleDocUrl(rule.id)})`, escapeMarkdown(rule.rationale)];
  if (rule.fix) lines.push(`Quick fix: ${escapeMarkdown(rule.fix)}`);
  const cited = citedFacts(rule);
  const facts = cited.filter((id) => !shown.has(id));
  const table = factsTable(facts);
  if (table) lines.push(table);
  if (facts.length < cited.length) lines.push(facts.length === 0 ? 'The facts it uses are in the table below.' : 'Further facts it uses are in the table below.');
  const note = unconfirmedNote(facts);
  if (note) lines.push(note);
  for (const id of facts) shown.add(id);
  return lines.join('\n\n');
}

function targetHover(target: Target, root: SchemaNode): string | undefined {
  if (target.kind === 'key') return keyHover(target.path, { values: true }, root);
  return valueHover(target.path, target.node.value, target.node.source, root);
}

/** Description, allowed values, default and the facts behind a key. */
export function keyHover(path: NodePath, show: { values: boolean } = { values: true }, root: SchemaNode = DESIGN_SCHEMA): string | undefined {
  const info = keyInfo(path, root);
  if (!info) return undefined;
  const { schema } = info;
  const name = keyName(path);
  const lines: string[] = [];
  lines.push(`${code(name)}${schema.description ? ` — ${schema.description}` : ''}`);
  const kindNote = definitionDescription(info.valueKind);
  if (kindNote) lines.push(kindNote);
  const values = show.values ? valuesSection(info) : undefined;
  if (values) lines.push(values);
  if (schema.default !== undefined && !(values && allowedValues(schema).some((v) => String(v.value) === String(schema.default)))) {
    lines.push(`Default: ${code(String(schema.default))}`);
  }
  const facts = xFacts(schema);
  if (facts.length > 0) {
    lines.push(factsTable(facts));
    const note = unconfirmedNote(facts);
    if (note) lines.push(note);
  }
  return lines.join('\n\n');
}

function valuesSection(info: KeyInfo): string | undefined {
  const values = allowedValues(info.schema);
  if (values.length === 0 || (values.length === 2 && values.every((v) => v.value === 'true' || v.value === 'false'))) return undefined;
  const isDefault = (v: string | number) => info.schema.default !== undefined && String(info.schema.default) === String(v);
  const described = values.some((v) => v.description);
  if (!described || values.length > MAX_DESCRIBED_VALUES) {
    return `Values: ${values.map((v) => `${code(v.value)}${isDefault(v.value) ? ' (default)' : ''}`).join(', ')}`;
  }
  return ['Values:', ...values.map((v) => `- ${code(v.value)}${isDefault(v.value) ? ' *(default)*' : ''}${v.description ? ` — ${escapeMarkdown(v.description)}` : ''}`)].join('\n');
}

/** What a value means: its description, the limits it brings (x-valueFacts), or its parsed quantity. */
export function valueHover(path: NodePath, value: unknown, source: string, root: SchemaNode = DESIGN_SCHEMA): string | undefined {
  const info = keyInfo(path, root);
  if (!info) return undefined;
  const name = keyName(path);
  const lines: string[] = [];
  const described = allowedValues(info.schema).find((v) => String(v.value) === String(value));
  if (described?.description) lines.push(`${code(source || String(value))} — ${escapeMarkdown(described.description)}`);
  if (info.valueKind === 'duration') {
    const parsed = parseDuration(value);
    if (parsed.ok) lines.push(`${code(source)} = ${describeDuration(parsed.value)}`);
  } else if (info.valueKind === 'count') {
    const parsed = parseCount(value);
    if (parsed.ok && String(value) !== String(parsed.value)) lines.push(`${code(source)} = ${formatCount(parsed.value)}`);
  }
  const facts: readonly FactId[] = valueFacts(info.schema, value);
  if (facts.length > 0) {
    lines.push(`Limits of ${code(`${name}: ${String(value)}`)}:`);
    lines.push(factsTable(facts));
    lines.push(unconfirmedNote(facts) || 'All confirmed by official sources.');
  }
  if (facts.length === 0) {
    // No limits tied to this value: the key's own description and facts help most (its
    // value list only when this value was not described above).
    const key = keyHover(path, { values: !described?.description }, root);
    if (key) lines.push(key);
  }
  return lines.length ? lines.join('\n\n') : undefined;
}

function keyName(path: NodePath): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return String(path[i]);
  return '(document)';
}

