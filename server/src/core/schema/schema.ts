import schemaJson from '../../../schema/integration.schema.json';
import orgSchemaJson from '../../../schema/salesforce-org.schema.json';
import type { FactId } from '../knowledge/facts';
import type { NodePath } from '../model/node';
import type { DocumentKind } from '../vocabulary';

/** The subset of JSON Schema draft-07 the format uses, plus our annotations. */
export interface SchemaNode {
  readonly $ref?: string;
  readonly type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly required?: readonly string[];
  readonly items?: SchemaNode;
  readonly enum?: readonly (string | number)[];
  readonly enumDescriptions?: readonly string[];
  readonly oneOf?: readonly SchemaNode[];
  readonly pattern?: string;
  readonly minimum?: number;
  readonly minLength?: number;
  readonly uniqueItems?: boolean;
  readonly default?: unknown;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  /** Knowledge-base facts that explain this key. */
  readonly 'x-facts'?: readonly FactId[];
  /** Facts that apply when the key has a given value (e.g. plan: demo). */
  readonly 'x-valueFacts'?: Readonly<Record<string, readonly FactId[]>>;
}

export const DESIGN_SCHEMA = schemaJson as unknown as SchemaNode;
/**
 * The org file's schema. Its nodes marked `x-sameAs` are copies of the design schema's (made by
 * `npm run manifest`), so a `$ref` means the same in both and one table of definitions serves both.
 */
export const ORG_SCHEMA = orgSchemaJson as unknown as SchemaNode;

/** The schema that validates, completes and explains a kind of document. */
export function schemaFor(kind: DocumentKind): SchemaNode {
  return kind === 'org' ? ORG_SCHEMA : DESIGN_SCHEMA;
}

const DEFINITIONS: Readonly<Record<string, SchemaNode>> = { ...ORG_SCHEMA.definitions, ...DESIGN_SCHEMA.definitions };

/** What a `$ref` names: our two value types get their own parsing and messages. */
export type ValueKind = 'duration' | 'count' | undefined;

export function refKind(node: SchemaNode): ValueKind {
  if (node.$ref === '#/definitions/duration') return 'duration';
  if (node.$ref === '#/definitions/count') return 'count';
  return undefined;
}

/** Follows `$ref`, keeping the referring node's own annotations (description, x-facts). */
export function resolve(node: SchemaNode): SchemaNode {
  if (!node.$ref) return node;
  // The schema never changes: resolve each referring node once (validation asks per value).
  let resolved = RESOLVED.get(node);
  if (!resolved) {
    const name = node.$ref.replace('#/definitions/', '');
    const target = DEFINITIONS[name];
    if (!target) throw new Error(`Unknown schema reference ${node.$ref}`);
    const { $ref: _ref, ...own } = node;
    resolved = { ...resolve(target), ...own, description: own.description ?? target.description };
    RESOLVED.set(node, resolved);
  }
  return resolved;
}

const RESOLVED = new WeakMap<SchemaNode, SchemaNode>();

/** The schema of the value at a path, or undefined where the schema says nothing. */
export function schemaAt(path: NodePath, root: SchemaNode = DESIGN_SCHEMA): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    const resolved = resolve(node);
    if (typeof segment === 'number') {
      node = resolved.items ?? resolved.oneOf?.map(resolve).find((n) => n.type === 'array')?.items;
    } else {
      node = resolved.properties?.[segment] ?? (typeof resolved.additionalProperties === 'object' ? resolved.additionalProperties : undefined);
    }
  }
  return node ? resolve(node) : undefined;
}

/** Allowed values of a schema node: its enum, or its array-or-single oneOf's enum. */
export function enumValues(node: SchemaNode): readonly (string | number)[] | undefined {
  const resolved = resolve(node);
  if (resolved.enum) return resolved.enum;
  for (const option of resolved.oneOf ?? []) {
    const o = resolve(option);
    if (o.enum) return o.enum;
    if (o.items && resolve(o.items).enum) return resolve(o.items).enum;
  }
  if (resolved.items) return resolve(resolved.items).enum;
  return undefined;
}
