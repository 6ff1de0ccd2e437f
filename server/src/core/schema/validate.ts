import type { Finding, Severity } from '../findings';
import { formatPath, describeKind, type MapNode, type ModelNode, type NodePath } from '../model/node';
import type { Design } from '../model/design';
import { parseCount, parseDuration } from '../format/quantities';
import { closest, listWords } from '../format/suggest';
import { DESIGN_SCHEMA, refKind, resolve, type SchemaNode } from './schema';

/** Rule ids of the structural checks the schema drives. */
export const SCHEMA_RULE_IDS = {
  unknownKey: 'unknown-key',
  missingRequired: 'missing-required',
  wrongType: 'wrong-type',
  invalidValue: 'invalid-value',
  invalidDuration: 'invalid-duration',
  invalidNumber: 'invalid-number',
} as const;

export interface SchemaResult {
  readonly design: Design | undefined;
  readonly findings: readonly Finding[];
}

const BOOLEAN_WORDS: Record<string, boolean> = { yes: true, no: false, on: true, off: false, y: true, n: false, True: true, False: false, TRUE: true, FALSE: false };

/**
 * Validates the node tree against the JSON Schema and builds the typed view rules read.
 * `noun` names the document in messages ("design", "org file").
 */
export function validateAgainstSchema(root: ModelNode | undefined, schema: SchemaNode = DESIGN_SCHEMA, noun = 'design'): SchemaResult {
  const findings: Finding[] = [];
  if (!root || (root.kind === 'scalar' && root.value === null)) {
    findings.push({
      ruleId: SCHEMA_RULE_IDS.missingRequired, severity: 'error', range: { start: 0, end: 0 },
      message: `Empty ${noun}: start with ${listWords((schema.required ?? []).map((k) => `'${k}'`), 'and')}.`,
    });
    return { design: undefined, findings };
  }
  const validator = new Validator(findings, `The ${noun}`);
  const design = validator.visit(root, schema, undefined) as Design | undefined;
  return { design: design && typeof design === 'object' && '$node' in design ? design : undefined, findings };
}

class Validator {
  constructor(private readonly findings: Finding[], private readonly documentName: string) {}

  visit(node: ModelNode, original: SchemaNode, parentKey: string | undefined): unknown {
    const kind = refKind(original);
    const schema = resolve(original);
    if (kind === 'duration') return this.quantity(node, parseDuration(node.kind === 'scalar' ? node.value : undefined), SCHEMA_RULE_IDS.invalidDuration, parentKey);
    if (kind === 'count') return this.quantity(node, parseCount(node.kind === 'scalar' ? node.value : undefined), SCHEMA_RULE_IDS.invalidNumber, parentKey);
    if (schema.oneOf) return this.oneOf(node, schema, parentKey);
    switch (schema.type) {
      case 'object': return this.object(node, schema, parentKey);
      case 'array': return this.array(node, schema, parentKey);
      default: return this.scalar(node, schema, parentKey);
    }
  }

  private object(node: ModelNode, schema: SchemaNode, parentKey: string | undefined): unknown {
    if (node.kind !== 'map') {
      this.typeError(node, 'a mapping of keys', parentKey);
      return undefined;
    }
    const view: Record<string, unknown> = { $node: node };
    const known = Object.keys(schema.properties ?? {});
    for (const [key, child] of node.entries) {
      const childSchema = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (!childSchema) {
        this.unknownKey(node, key, child, known);
        continue;
      }
      const value = this.visit(child, childSchema, key);
      if (value !== undefined) view[key] = value;
    }
    const missing = (schema.required ?? []).filter((k) => !node.entries.has(k));
    if (missing.length > 0) {
      const where = node.keyRange ?? { start: node.range.start, end: node.range.start };
      this.push(SCHEMA_RULE_IDS.missingRequired, 'error', where,
        `${node.path.length ? `'${formatPath(node.path)}'` : this.documentName} is missing ${listWords(missing.map((k) => `'${k}'`), 'and')}.`);
    }
    return view;
  }

  private unknownKey(parent: MapNode, key: string, child: ModelNode, known: readonly string[]): void {
    const suggestion = closest(key, known.filter((k) => !parent.entries.has(k)));
    const where = parent.path.length ? ` in '${formatPath(parent.path)}'` : ' at the top level';
    const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
    const range = child.keyRange ?? child.range;
    this.findings.push({
      ruleId: SCHEMA_RULE_IDS.unknownKey, severity: 'error', range,
      message: suggestion
        ? `Unknown key '${shown}'${where}. Did you mean '${suggestion}'?`
        : `Unknown key '${shown}'${where}. Allowed: ${listWords(known.map((k) => `'${k}'`))}.`,
      fix: suggestion ? { title: `Rename to '${suggestion}'`, edits: [{ range, newText: suggestion }] } : undefined,
    });
  }

  private array(node: ModelNode, schema: SchemaNode, parentKey: string | undefined): unknown {
    if (node.kind !== 'seq') {
      this.typeError(node, 'a list', parentKey);
      return undefined;
    }
    const itemSchema = schema.items ?? {};
    const itemType = resolve(itemSchema).type;
    if (itemType === 'object') {
      const items = node.items.map((item) => this.visit(item, itemSchema, parentKey)).filter((v) => v !== undefined);
      return { items, node };
    }
    const value: unknown[] = [];
    const nodes: ModelNode[] = [];
    const seen = new Map<unknown, ModelNode>();
    for (const item of node.items) {
      const field = this.visit(item, itemSchema, parentKey) as { value: unknown } | undefined;
      if (!field) continue;
      const earlier = seen.get(field.value);
      if (schema.uniqueItems && earlier) {
        this.findings.push({
          ruleId: SCHEMA_RULE_IDS.invalidValue, severity: 'warning', range: item.range,
          message: `'${String(field.value)}' is listed twice in '${parentKey ?? formatPath(node.path)}'.`,
          related: [{ range: earlier.range, message: 'First listed here' }],
        });
        continue;
      }
      seen.set(field.value, item);
      value.push(field.value);
      nodes.push(item);
    }
    return { value, nodes, node };
  }

  /** Only "one value or a list of them" is used; the view is always a list. */
  private oneOf(node: ModelNode, schema: SchemaNode, parentKey: string | undefined): unknown {
    const options = (schema.oneOf ?? []).map(resolve);
    const arrayOption = options.find((o) => o.type === 'array');
    const scalarOption = options.find((o) => o.type !== 'array' && o.type !== 'object');
    if (node.kind === 'seq' && arrayOption) {
      const list = this.array(node, arrayOption, parentKey) as { value: unknown[] } | undefined;
      return list ? { value: list.value, node } : undefined;
    }
    if (node.kind === 'scalar' && scalarOption) {
      const field = this.scalar(node, { ...scalarOption, description: schema.description }, parentKey) as { value: unknown } | undefined;
      return field ? { value: arrayOption ? [field.value] : field.value, node } : undefined;
    }
    this.typeError(node, arrayOption ? 'one value or a list' : 'a value', parentKey);
    return undefined;
  }

  private scalar(node: ModelNode, schema: SchemaNode, parentKey: string | undefined): unknown {
    if (node.kind !== 'scalar') {
      this.typeError(node, schema.enum ? `one of ${listWords(schema.enum.map((v) => `'${v}'`))}` : expected(schema.type), parentKey);
      return undefined;
    }
    const raw = node.value;
    let value: unknown = raw;
    if (raw === null) {
      this.push(SCHEMA_RULE_IDS.wrongType, 'error', emptyRange(node),
        `'${parentKey ?? formatPath(node.path)}' needs a value: ${schema.enum ? listWords(schema.enum.map((v) => `'${v}'`)) : expected(schema.type)}.`);
      return undefined;
    }
    switch (schema.type) {
      case 'boolean':
        if (typeof raw !== 'boolean') {
          const word = typeof raw === 'string' ? BOOLEAN_WORDS[raw] : undefined;
          this.findings.push({
            ruleId: SCHEMA_RULE_IDS.wrongType, severity: 'error', range: node.range,
            message: `'${parentKey}' must be true or false, not ${describeKind(node)}.`,
            fix: word === undefined ? undefined : { title: `Change to ${word}`, edits: [{ range: node.range, newText: String(word) }] },
          });
          return undefined;
        }
        break;
      case 'integer':
      case 'number':
        if (typeof raw !== 'number' || (schema.type === 'integer' && !Number.isInteger(raw))) {
          this.typeError(node, expected(schema.type), parentKey);
          return undefined;
        }
        break;
      case 'string':
        if (typeof raw !== 'string') {
          if (node.style !== 'PLAIN') return undefined;
          value = node.source; // e.g. odata_version: 4.0 is meant as the text "4.0"
        }
        if (schema.minLength && String(value).trim().length < schema.minLength) {
          this.push(SCHEMA_RULE_IDS.wrongType, 'error', emptyRange(node), `'${parentKey}' must not be empty.`);
          return undefined;
        }
        // Names that go on a command line (apps, add-ons, API names) have a form: a value
        // outside it is reported and left out of the typed view, so no command gets it.
        if (schema.pattern && !patternOf(schema.pattern).test(String(value))) {
          const shown = String(value).length > 40 ? `${String(value).slice(0, 40)}…` : String(value);
          this.push(SCHEMA_RULE_IDS.invalidValue, 'error', node.range, `'${shown}' is not a valid ${parentKey ?? 'value'}. ${schema.description ?? ''}`.trim());
          return undefined;
        }
        break;
    }
    if (schema.enum && !schema.enum.some((allowed) => allowed === value || String(allowed) === String(value))) {
      const options = schema.enum.map(String);
      const suggestion = closest(String(value), options);
      this.findings.push({
        ruleId: SCHEMA_RULE_IDS.invalidValue, severity: 'error', range: node.range,
        message: `'${String(value)}' is not a valid ${parentKey ?? 'value'}: use ${listWords(options.map((o) => `'${o}'`))}.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
        fix: suggestion ? { title: `Change to '${suggestion}'`, edits: [{ range: node.range, newText: quoteIfNeeded(suggestion) }] } : undefined,
      });
      return undefined;
    }
    if (schema.enum) value = schema.enum.find((allowed) => String(allowed) === String(value));
    return { value, node };
  }

  private quantity(node: ModelNode, parsed: { ok: true; value: number } | { ok: false; reason: string }, ruleId: string, parentKey: string | undefined): unknown {
    if (node.kind !== 'scalar') {
      this.typeError(node, ruleId === SCHEMA_RULE_IDS.invalidDuration ? 'a duration such as 10m' : 'a number', parentKey);
      return undefined;
    }
    if (node.value === null) {
      this.push(SCHEMA_RULE_IDS.wrongType, 'error', emptyRange(node), `'${parentKey}' needs a value.`);
      return undefined;
    }
    if (!parsed.ok) {
      this.push(ruleId, 'error', node.range, `'${parentKey}': ${parsed.reason}.`);
      return undefined;
    }
    return { value: parsed.value, node };
  }

  private typeError(node: ModelNode, wanted: string, parentKey: string | undefined): void {
    const name = parentKey ? `'${parentKey}'` : node.path.length ? `'${formatPath(node.path)}'` : this.documentName;
    this.push(SCHEMA_RULE_IDS.wrongType, 'error', node.kind === 'scalar' ? node.range : node.keyRange ?? node.range,
      `${name} must be ${wanted}, not ${describeKind(node)}.`);
  }

  private push(ruleId: string, severity: Severity, range: { start: number; end: number }, message: string): void {
    this.findings.push({ ruleId, severity, range, message });
  }
}

function expected(type: SchemaNode['type']): string {
  switch (type) {
    case 'boolean': return 'true or false';
    case 'integer': return 'a whole number';
    case 'number': return 'a number';
    case 'string': return 'text';
    case 'array': return 'a list';
    case 'object': return 'a mapping of keys';
    default: return 'a value';
  }
}

/** An empty value has no width; point at its key instead so the squiggle is visible. */
function emptyRange(node: ModelNode): { start: number; end: number } {
  return node.range.end > node.range.start ? node.range : node.keyRange ?? node.range;
}

function quoteIfNeeded(value: string): string {
  return /^[0-9.]+$/.test(value) ? `"${value}"` : value;
}

export type { NodePath };

const PATTERNS = new Map<string, RegExp>();

/** The schema's patterns, compiled once. */
function patternOf(source: string): RegExp {
  let pattern = PATTERNS.get(source);
  if (!pattern) PATTERNS.set(source, (pattern = new RegExp(source)));
  return pattern;
}
