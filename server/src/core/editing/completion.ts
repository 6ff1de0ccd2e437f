import { isPathKey, PATH_NAMES } from '../vocabulary';
import { TOOL_LIMITS } from '../limits';
import type { NodePath } from '../model/node';
import { LineIndex, type TextRange } from '../text';
import { DESIGN_SCHEMA, resolve, type SchemaNode } from '../schema/schema';
import { cursorContext, type KeyPosition, type ValuePosition } from './cursor';
import { keyHover } from './hover';
import { escapeMarkdown, factsTable } from './markdown';
import { allowedValues, arraySchema, isObjectSchema, keyInfo, valueFacts } from './schemaInfo';
import { keySnippet, type Layout } from './snippets';

export type CandidateKind = 'key' | 'section' | 'value';

/** One completion, editor-agnostic: the LSP layer only converts it. */
export interface CompletionCandidate {
  readonly label: string;
  readonly kind: CandidateKind;
  /** Snippet syntax when `isSnippet`; otherwise plain text. */
  readonly insertText: string;
  /** The same text without tab stops, for clients without snippet support. */
  readonly plainText: string;
  readonly isSnippet: boolean;
  /** The text the completion replaces. */
  readonly replace: TextRange;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly sortText: string;
  readonly filterText?: string;
  readonly preselect?: boolean;
}

/**
 * Completions at an offset: keys from the schema at the cursor's path, or allowed values. `root` is
 * the document's schema (a design's by default, or an org file's).
 */
export function completionsAt(text: string, offset: number, lines: LineIndex = new LineIndex(text), root: SchemaNode = DESIGN_SCHEMA): CompletionCandidate[] {
  if (text.length > TOOL_LIMITS.maxDocumentChars) return []; // not read (document-too-large): scanning 50 MB took seconds per request
  const context = cursorContext(text, offset, lines);
  if (context.kind === 'key') return keyCompletions(context, root);
  if (context.kind === 'value') return valueCompletions(context, root);
  return [];
}

function keyCompletions(context: KeyPosition, root: SchemaNode): CompletionCandidate[] {
  const container = keyInfo(context.path, root);
  if (!container) return [];
  const schema = container.schema;
  const last = context.path[context.path.length - 1];
  // A list item of scalars (`- |` under `permissions:`): complete the item's value.
  if (typeof last === 'number' && !isObjectSchema(schema)) {
    return valueCandidates(context.path, schema, context.replace, context.existingItems, { prefixSpace: false, wrapInList: false });
  }
  if (!isObjectSchema(schema) || !schema.properties) return [];
  const layout: Layout = { eol: context.eol, unit: context.indentUnit };
  const out: CompletionCandidate[] = [];
  Object.keys(schema.properties).forEach((key, index) => {
    if (context.existingKeys.has(key)) return;
    const path = [...context.path, key];
    out.push(keyCandidate(path, key, index, context, layout, root));
  });
  // At the top level of a design without a `paths` section, typing a path's name offers the whole path.
  if (root === DESIGN_SCHEMA && context.path.length === 0 && !context.existingKeys.has('paths')) {
    const paths = keyInfo(['paths'])?.schema.properties ?? {};
    Object.keys(paths).forEach((key, index) => {
      const snippet = keySnippet(['paths'], context.column, layout);
      const inner = keySnippet(['paths', key], context.column + layout.unit, layout);
      const pad = `${context.eol}${' '.repeat(context.column + layout.unit)}`;
      // `paths:` plus its path section; the inner snippet's tab stops are kept.
      const head = snippet.plain.split(/\r?\n/)[0];
      out.push({
        label: key, kind: 'section', isSnippet: true, replace: context.replace,
        insertText: `${head}${pad}${inner.snippet}`, plainText: `${head}${pad}${inner.plain}`,
        detail: `paths › ${isPathKey(key) ? PATH_NAMES[key] : key}`,
        documentation: keyHover(['paths', key]),
        sortText: `2-${String(index).padStart(3, '0')}`,
        filterText: key,
      });
    });
  }
  return out;
}

function keyCandidate(path: NodePath, key: string, index: number, context: KeyPosition, layout: Layout, root: SchemaNode): CompletionCandidate {
  const info = keyInfo(path, root);
  const schema = info?.schema;
  const section = schema !== undefined && (isObjectSchema(schema) || isListOfSections(schema));
  const base = {
    label: key, kind: (section ? 'section' : 'key') as CandidateKind, replace: context.replace,
    detail: detailOf(path, schema, root), documentation: keyHover(path, { values: true }, root),
    // Required keys first, then the schema's order.
    sortText: `${isRequired(context.path, key, root) ? '0' : '1'}-${String(index).padStart(3, '0')}`,
  };
  if (context.keyHasColon) return { ...base, insertText: key, plainText: key, isSnippet: false };
  const snippet = keySnippet(path, context.column, layout, root);
  if (snippet.tabStops === 0) return { ...base, insertText: snippet.plain, plainText: snippet.plain, isSnippet: false };
  return { ...base, insertText: snippet.snippet, plainText: snippet.plain, isSnippet: true };
}

function isRequired(parent: NodePath, key: string, root: SchemaNode): boolean {
  return keyInfo(parent, root)?.schema.required?.includes(key) ?? false;
}

function isListOfSections(schema: SchemaNode): boolean {
  const array = arraySchema(schema);
  return array?.items !== undefined && isObjectSchema(resolve(array.items));
}

function detailOf(path: NodePath, schema: SchemaNode | undefined, root: SchemaNode): string | undefined {
  const key = String(path[path.length - 1]);
  if (root === DESIGN_SCHEMA && path[0] === 'paths' && path.length === 2) return isPathKey(key) ? PATH_NAMES[key] : 'path';
  if (!schema) return undefined;
  if (isObjectSchema(schema)) return 'section';
  if (isListOfSections(schema)) return 'list of sections';
  const info = keyInfo(path, root);
  if (info?.valueKind === 'duration') return 'duration, e.g. 10m';
  if (info?.valueKind === 'count') return 'number';
  const values = allowedValues(schema);
  if (values.length > 0) return values.map((v) => String(v.value)).join(' | ');
  return schema.type;
}

function valueCompletions(context: ValuePosition, root: SchemaNode): CompletionCandidate[] {
  const info = keyInfo(context.path, root);
  if (!info) return [];
  const array = arraySchema(info.schema);
  if (context.inFlowList && !array) return [];
  const itemSchema = context.inFlowList && array?.items ? resolve(array.items) : info.schema;
  return valueCandidates(context.path, itemSchema, context.replace, context.existingItems, {
    prefixSpace: context.needsSpace,
    // `from: |` where only a list is allowed: offer `[value]`.
    wrapInList: !context.inFlowList && info.schema.type === 'array',
  });
}

/** A value's description, then the limits it brings (from the knowledge base, with sources). */
function valueDocumentation(description: string | undefined, facts: ReturnType<typeof valueFacts>): string | undefined {
  const parts = [description ? escapeMarkdown(description) : '', factsTable(facts)].filter((p) => p !== '');
  return parts.length ? parts.join('\n\n') : undefined;
}

function valueCandidates(path: NodePath, schema: SchemaNode, replace: TextRange, exclude: ReadonlySet<string>, options: { prefixSpace: boolean; wrapInList: boolean }): CompletionCandidate[] {
  const values = allowedValues(schema.type === 'array' && schema.items ? resolve(schema.items) : schema);
  const def = schema.default === undefined ? undefined : String(schema.default);
  const keyName = [...path].reverse().find((s) => typeof s === 'string');
  return values.filter((v) => !exclude.has(String(v.value))).map((v, index) => {
    const value = String(v.value);
    const body = options.wrapInList ? `[${value}]` : value;
    const insert = `${options.prefixSpace ? ' ' : ''}${body}`;
    const isDefault = def === value;
    return {
      label: value, kind: 'value' as const, insertText: insert, plainText: insert, isSnippet: false, replace,
      detail: isDefault ? `default ${String(keyName ?? '')}`.trim() : undefined,
      documentation: valueDocumentation(v.description, valueFacts(schema, v.value)),
      sortText: `${isDefault ? '0' : '1'}-${String(index).padStart(3, '0')}`,
      filterText: value,
      preselect: isDefault || undefined,
    };
  });
}
