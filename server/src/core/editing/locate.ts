import type { ModelNode, NodePath, ScalarNode } from '../model/node';
import type { TextRange } from '../text';

/** What the cursor is on, as the document tree sees it. */
export type Target =
  | { readonly kind: 'key'; readonly key: string; readonly node: ModelNode; readonly path: NodePath; readonly range: TextRange }
  | { readonly kind: 'value'; readonly node: ScalarNode; readonly path: NodePath; readonly range: TextRange };

/**
 * The key or scalar value at an offset. A position touching the end of a word counts
 * (the cursor just after `plan` is on `plan`), as editors place it there.
 */
export function targetAt(root: ModelNode | undefined, offset: number): Target | undefined {
  let node = root;
  while (node) {
    if (node.kind === 'scalar') {
      return node.range.end > node.range.start && within(node.range, offset) ? { kind: 'value', node, path: node.path, range: node.range } : undefined;
    }
    let next: ModelNode | undefined;
    if (node.kind === 'map') {
      for (const [key, child] of node.entries) {
        if (child.keyRange && within(child.keyRange, offset) && child.keyRange.end > child.keyRange.start && !sameRange(child.keyRange, node.range)) {
          return { kind: 'key', key, node: child, path: child.path, range: child.keyRange };
        }
        if (within(child.range, offset) && !sameRange(child.range, node.range)) {
          next = child;
          break;
        }
      }
    } else {
      next = node.items.find((item) => within(item.range, offset) && !sameRange(item.range, node!.range));
    }
    node = next;
  }
  return undefined;
}

/** The node at a path, if the document has one there. */
export function nodeAtPath(root: ModelNode | undefined, path: NodePath): ModelNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.kind === 'map' && typeof segment === 'string') node = node.entries.get(segment);
    else if (node.kind === 'seq' && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

function within(range: TextRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}

function sameRange(a: TextRange, b: TextRange): boolean {
  return a.start === b.start && a.end === b.end;
}
