import { isPathKey, PATH_NAMES } from '../vocabulary';
import type { ModelNode } from '../model/node';
import type { ModelDocument } from '../model/parse';
import type { TextRange } from '../text';

export type OutlineKind = 'section' | 'path' | 'user' | 'mapping' | 'list' | 'property';

/** One entry of the document outline. `selection` lies within `range`. */
export interface OutlineSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: OutlineKind;
  readonly range: TextRange;
  readonly selection: TextRange;
  readonly children: readonly OutlineSymbol[];
}

/** Outlines stop growing here; a design has a few hundred lines. */
export const MAX_OUTLINE_SYMBOLS = 5_000;

/**
 * The outline: top-level sections, then their keys; paths are named as products, users by
 * their id (with the username), mappings by the object they map.
 */
export function documentOutline(model: ModelDocument): OutlineSymbol[] {
  const budget = { left: MAX_OUTLINE_SYMBOLS };
  const root = model.root;
  if (!root || root.kind !== 'map') return [];
  return entries(root, budget);
}

function entries(map: ModelNode & { kind: 'map' }, budget: { left: number }): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const [key, child] of map.entries) {
    if (budget.left-- <= 0) break;
    const keyRange = child.keyRange ?? child.range;
    const range = cover(child.pairRange ?? child.range, keyRange);
    out.push({
      name: key,
      detail: detailOf(child),
      kind: kindOf(child),
      range,
      selection: keyRange,
      children: childrenOf(child, budget),
    });
  }
  return out;
}

function kindOf(node: ModelNode): OutlineKind {
  const path = node.path;
  if (path.length === 2 && path[0] === 'paths') return 'path';
  if (path.length === 2 && path[0] === 'integration_users') return 'user';
  if (node.kind === 'map') return 'section';
  if (node.kind === 'seq') return 'list';
  return 'property';
}

function detailOf(node: ModelNode): string | undefined {
  const path = node.path;
  if (path.length === 2 && path[0] === 'paths') return isPathKey(path[1]) ? PATH_NAMES[path[1]] : undefined;
  if (path.length === 2 && path[0] === 'integration_users' && node.kind === 'map') {
    const username = node.entries.get('username');
    return username?.kind === 'scalar' && username.value !== null ? String(username.value) : undefined;
  }
  if (node.kind === 'scalar') return node.source || undefined;
  if (node.kind === 'seq' && node.items.every((i) => i.kind === 'scalar')) {
    return node.items.map((i) => (i.kind === 'scalar' ? i.source : '')).join(', ') || undefined;
  }
  return undefined;
}

function childrenOf(node: ModelNode, budget: { left: number }): OutlineSymbol[] {
  if (node.kind === 'map') return entries(node, budget);
  if (node.kind !== 'seq' || node.items.every((i) => i.kind === 'scalar')) return [];
  const out: OutlineSymbol[] = [];
  node.items.forEach((item, index) => {
    if (budget.left-- <= 0 || item.kind !== 'map') return;
    const object = item.entries.get('object');
    const named = object?.kind === 'scalar' && object.value !== null && object.source !== '';
    const mode = item.entries.get('mode');
    out.push({
      name: named ? String(object.value) : `${String(node.path[node.path.length - 1])}[${index}]`,
      detail: mode?.kind === 'scalar' && mode.value !== null ? String(mode.value) : undefined,
      kind: 'mapping',
      range: item.range,
      selection: named ? object.range : { start: item.range.start, end: item.range.start },
      children: entries(item, budget),
    });
  });
  return out;
}

function cover(a: TextRange, b: TextRange): TextRange {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
