import type { ModelNode } from '../model/node';
import type { TextRange } from '../text';
import { schemaAt } from '../schema/schema';

/**
 * Where a finding is in the design, as a key path that survives edits elsewhere: the deepest
 * node whose extent contains the finding's range, named by its keys
 * (`paths.heroku_connect.plan`). List items are named by what identifies them, not by their
 * position, so reordering a list is not a change:
 * - a mapping item by its first required key, from the JSON Schema (`mappings[object=Order__c]`);
 * - a scalar item by its value (`permissions[view-all-data]`);
 * - anything else by its index (`[2]`).
 * A second item with the same identity gets `#2`. A finding outside every node (a comment
 * before the first key, an empty document) has the empty path.
 */
export function designPathAt(root: ModelNode | undefined, range: TextRange): string {
  let node = root;
  let out = '';
  while (node && node.kind !== 'scalar') {
    let next: ModelNode | undefined;
    let segment = '';
    if (node.kind === 'map') {
      for (const [key, child] of node.entries) {
        if (contains(extent(child), range)) {
          next = child;
          segment = keySegment(key, out === '');
          break;
        }
      }
    } else {
      const index = node.items.findIndex((item) => contains(item.range, range));
      if (index >= 0) {
        next = node.items[index];
        segment = `[${itemIdentity(node.items, index)}]`;
      }
    }
    if (!next) break;
    out += segment;
    node = next;
  }
  return out;
}

/** The whole `key: value` pair of a mapping's value, or the value itself. */
function extent(node: ModelNode): TextRange {
  const start = Math.min(node.pairRange?.start ?? node.range.start, node.keyRange?.start ?? node.range.start, node.range.start);
  const end = Math.max(node.pairRange?.end ?? node.range.end, node.range.end);
  return { start, end };
}

function contains(outer: TextRange, inner: TextRange): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

const SIMPLE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `.key`, or `["odd key"]` for keys that are not plain words (so the path reads back unambiguously). */
function keySegment(key: string, first: boolean): string {
  if (SIMPLE_KEY.test(key)) return first ? key : `.${key}`;
  return `[${JSON.stringify(key)}]`;
}

/** `object=Order__c`, `view-all-data` or the index, with `#n` for the n-th item of the same identity. */
function itemIdentity(items: readonly ModelNode[], index: number): string {
  const own = identityOf(items[index]);
  if (own === undefined) return String(index);
  let occurrence = 1;
  for (let i = 0; i < index; i++) if (identityOf(items[i]) === own) occurrence++;
  return occurrence === 1 ? own : `${own}#${occurrence}`;
}

function identityOf(item: ModelNode): string | undefined {
  if (item.kind === 'scalar') return item.value === null ? undefined : valueText(item.value);
  if (item.kind !== 'map') return undefined;
  const required = schemaAt(item.path)?.required ?? [];
  for (const key of required) {
    const value = item.entries.get(key);
    if (value?.kind === 'scalar' && value.value !== null) return `${key}=${valueText(value.value)}`;
  }
  return undefined;
}

function valueText(value: string | number | boolean): string {
  return typeof value === 'string' && SIMPLE_KEY.test(value) ? value : JSON.stringify(value);
}
