import type { FactId } from '../knowledge/facts';
import type { NodePath } from '../model/node';
import { DESIGN_SCHEMA, refKind, resolve, schemaAt, type SchemaNode, type ValueKind } from '../schema/schema';

/** Schema facts about one key, as editing features need them. */
export interface KeyInfo {
  /** The key's schema with `$ref` followed (own description and x-facts kept). */
  readonly schema: SchemaNode;
  /** duration / count for the format's value types. */
  readonly valueKind: ValueKind;
}

/**
 * The schema of the value at `path` plus what its `$ref` named; undefined where the schema says
 * nothing. `root` is the document's schema (a design's by default, or an org file's).
 */
export function keyInfo(path: NodePath, root: SchemaNode = DESIGN_SCHEMA): KeyInfo | undefined {
  if (path.length === 0) return { schema: root, valueKind: undefined };
  const parent = schemaAt(path.slice(0, -1), root);
  const last = path[path.length - 1];
  let raw: SchemaNode | undefined;
  if (parent) {
    if (typeof last === 'number') raw = parent.items ?? parent.oneOf?.map(resolve).find((o) => o.type === 'array')?.items;
    else raw = parent.properties?.[last] ?? (typeof parent.additionalProperties === 'object' ? parent.additionalProperties : undefined);
  }
  if (!raw) return undefined;
  return { schema: resolve(raw), valueKind: refKind(raw) };
}

/** True when the value is a mapping of keys (an object section). */
export function isObjectSchema(schema: SchemaNode): boolean {
  return schema.type === 'object' || schema.properties !== undefined;
}

/** The array option of a schema: itself, or the array branch of a one-or-list `oneOf`. */
export function arraySchema(schema: SchemaNode): SchemaNode | undefined {
  if (schema.type === 'array') return schema;
  return schema.oneOf?.map(resolve).find((o) => o.type === 'array');
}

/** Allowed scalar values with their descriptions (enum, or the enum of a list's items / oneOf). */
export function allowedValues(schema: SchemaNode): { value: string | number; description?: string }[] {
  const candidates: SchemaNode[] = [schema, ...(schema.oneOf ?? []).map(resolve)];
  const array = arraySchema(schema);
  if (array?.items) candidates.push(resolve(array.items));
  for (const c of candidates) {
    if (c.enum) return c.enum.map((value, i) => ({ value, description: c.enumDescriptions?.[i] }));
  }
  if (candidates.some((c) => c.type === 'boolean')) return [{ value: 'true' }, { value: 'false' }];
  return [];
}

export function xFacts(schema: SchemaNode): readonly FactId[] {
  return schema['x-facts'] ?? [];
}

export function valueFacts(schema: SchemaNode, value: unknown): readonly FactId[] {
  return schema['x-valueFacts']?.[String(value)] ?? [];
}

export function definitionDescription(kind: ValueKind): string | undefined {
  if (!kind) return undefined;
  return DESIGN_SCHEMA.definitions?.[kind]?.description;
}
