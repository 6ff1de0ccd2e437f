import type { TextRange } from '../text';

export type PathSegment = string | number;
export type NodePath = readonly PathSegment[];

interface NodeBase {
  readonly path: NodePath;
  /** Range of the value (for a map entry, not including its key). */
  readonly range: TextRange;
  /** Range of the key, for values of a mapping. */
  readonly keyRange?: TextRange;
  /** Range of the whole `key: value` pair, for values of a mapping. */
  readonly pairRange?: TextRange;
}

export interface MapNode extends NodeBase {
  readonly kind: 'map';
  /** First occurrence of each key; duplicates are reported, not kept. */
  readonly entries: ReadonlyMap<string, ModelNode>;
  /** True for `{ a: 1 }` style. */
  readonly flow: boolean;
}

export interface SeqNode extends NodeBase {
  readonly kind: 'seq';
  readonly items: readonly ModelNode[];
  readonly flow: boolean;
}

export interface ScalarNode extends NodeBase {
  readonly kind: 'scalar';
  /** string, number, boolean or null as YAML 1.2 resolves it. */
  readonly value: string | number | boolean | null;
  /** The source text of the scalar (quotes included). */
  readonly source: string;
  /** 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'. */
  readonly style: string;
}

export type ModelNode = MapNode | SeqNode | ScalarNode;

export function describeKind(node: ModelNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  const v = node.value;
  if (v === null) return 'an empty value';
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (typeof v === 'number') return `the number ${v}`;
  return `the text '${v.length > 40 ? `${v.slice(0, 40)}…` : v}'`;
}

export function formatPath(path: NodePath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(document)';
}
