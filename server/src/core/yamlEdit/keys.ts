import type { MapNode } from '../model/node';
import type { ModelDocument } from '../model/parse';
import type { TextEdit } from '../text';
import { replaceValue } from './scalar';

/** Adds `key: value` to a mapping, after its last entry and at its indentation. */
export function insertKey(model: ModelDocument, map: MapNode, key: string, valueText: string): TextEdit {
  const entries = [...map.entries.values()];
  if (map.flow || entries.length === 0) {
    const close = model.text.lastIndexOf('}', map.range.end);
    if (map.flow && close >= map.range.start) {
      const empty = entries.length === 0;
      if (empty) return { range: { start: map.range.start + 1, end: close }, newText: ` ${key}: ${valueText} ` };
      let at = close;
      while (at > map.range.start && /\s/.test(model.text[at - 1])) at--;
      return { range: { start: at, end: at }, newText: `, ${key}: ${valueText}` };
    }
  }
  const first = entries[0];
  const indent = first?.keyRange ? ' '.repeat(model.lines.positionAt(first.keyRange.start).character) : '  ';
  const last = entries[entries.length - 1];
  const lastLine = model.lines.positionAt(Math.max((last?.pairRange ?? map.range).end - 1, map.range.start)).line;
  const at = model.lines.lineEnd(lastLine);
  return { range: { start: at, end: at }, newText: `${model.lines.eol}${indent}${key}: ${valueText}` };
}

/** Sets `key` in `map` to `valueText`: replaces the value if present, inserts it if not. */
export function setKey(model: ModelDocument, map: MapNode, key: string, valueText: string): TextEdit {
  const existing = map.entries.get(key);
  return existing && existing.kind === 'scalar' ? replaceValue(model, existing, valueText) : insertKey(model, map, key, valueText);
}

/**
 * `key:` with child lines indented by `step` after the last entry of a block mapping; in a
 * flow or empty mapping, or without child lines, `key: { a, b }` (`key: {}`) instead.
 */
export function insertBlockKey(model: ModelDocument, map: MapNode, key: string, childLines: readonly string[], step = 2): TextEdit {
  if (map.flow || map.entries.size === 0 || childLines.length === 0) {
    return insertKey(model, map, key, childLines.length ? `{ ${childLines.join(', ')} }` : '{}');
  }
  const at = insertKey(model, map, key, '');
  const eol = model.lines.eol;
  const indent = /^(?:\r?\n)( *)/.exec(at.newText)?.[1] ?? '';
  return { range: at.range, newText: `${eol}${indent}${key}:${childLines.map((l) => `${eol}${indent}${' '.repeat(step)}${l}`).join('')}` };
}

/** Inserts a top-level `key: value` on the line after `after` (block documents), else at the end. */
export function insertTopLevelAfter(model: ModelDocument, after: string, key: string, valueText: string): TextEdit | undefined {
  const root = model.root;
  if (!root || root.kind !== 'map') return undefined;
  const anchor = root.entries.get(after);
  if (root.flow || !anchor?.pairRange || !anchor.keyRange) return insertKey(model, root, key, valueText);
  const line = model.lines.positionAt(Math.max(anchor.pairRange.end - 1, anchor.pairRange.start)).line;
  const at = model.lines.lineEnd(line);
  const indent = ' '.repeat(model.lines.positionAt(anchor.keyRange.start).character);
  return { range: { start: at, end: at }, newText: `${model.lines.eol}${indent}${key}: ${valueText}` };
}

/**
 * Inserts whole lines (a new top-level section) right before the top-level key `before`, in a
 * block document whose `before` starts its line; undefined otherwise.
 */
export function insertTopLevelBefore(model: ModelDocument, before: string, lines: readonly string[]): TextEdit | undefined {
  const root = model.root;
  if (!root || root.kind !== 'map' || root.flow) return undefined;
  const anchor = root.entries.get(before);
  if (!anchor?.keyRange) return undefined;
  const position = model.lines.positionAt(anchor.keyRange.start);
  if (position.character !== 0) return undefined;
  const start = model.lines.lineStart(position.line);
  return { range: { start, end: start }, newText: lines.map((l) => `${l}${model.lines.eol}`).join('') };
}

/**
 * Removes `key: value` from a block mapping: its whole lines, with a comment on them.
 * Undefined when the key is absent, the mapping is in flow style, the key is the mapping's only
 * entry (removing it would leave the parent key without a value) or shares its line with
 * another entry.
 */
export function removeKey(model: ModelDocument, map: MapNode, key: string): TextEdit | undefined {
  const node = map.entries.get(key);
  if (!node?.pairRange || !node.keyRange || map.flow || map.entries.size < 2) return undefined;
  const lines = model.lines;
  const first = lines.positionAt(node.pairRange.start).line;
  const last = lines.positionAt(Math.max(node.pairRange.end - 1, node.pairRange.start)).line;
  if (lines.lineText(first).trim().indexOf(key) !== 0) return undefined;
  const sharesLastLine = [...map.entries.values()].some((other) => other !== node && other.keyRange && lines.positionAt(other.keyRange.start).line === last);
  if (sharesLastLine) return undefined;
  const start = lines.lineStart(first);
  const end = last + 1 < lines.lineCount ? lines.lineStart(last + 1) : model.text.length;
  return { range: { start, end }, newText: '' };
}
