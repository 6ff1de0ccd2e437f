import type { Fix } from '../findings';
import type { MapNode, ModelNode, SeqNode } from '../model/node';
import type { ModelDocument } from '../model/parse';
import type { TextEdit } from '../model/text';

/**
 * Minimal text edits for quick fixes. They touch only the text that changes, so comments,
 * quoting and formatting elsewhere stay as the user wrote them.
 */

/** Replaces a scalar value (or fills an empty one). */
export function replaceValue(model: ModelDocument, node: ModelNode, newText: string): TextEdit {
  if (node.range.end > node.range.start) return { range: node.range, newText };
  // An empty value: write after the key's colon.
  const from = node.keyRange?.end ?? node.range.start;
  const colon = model.text.indexOf(':', from);
  const lineEnd = model.lines.lineEnd(model.lines.positionAt(from).line);
  if (colon >= 0 && colon < lineEnd) {
    let end = colon + 1;
    while (end < lineEnd && model.text[end] === ' ') end++;
    return { range: { start: colon + 1, end }, newText: ` ${newText}` };
  }
  return { range: node.range, newText };
}

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

/** Appends an item to a list, flow (`[a, b]`) or block (`- a`). */
export function appendListItem(model: ModelDocument, seq: SeqNode, itemText: string): TextEdit {
  if (seq.flow) {
    const close = model.text[seq.range.end - 1] === ']' ? seq.range.end - 1 : (seq.items[seq.items.length - 1]?.range.end ?? seq.range.start + 1); // unclosed `[a, b` while typing: after the last item (lastIndexOf gave -1 or another list's ']')
    return { range: { start: close, end: close }, newText: seq.items.length ? `, ${itemText}` : itemText };
  }
  const last = seq.items[seq.items.length - 1];
  const firstItem = seq.items[0];
  const lineOfFirst = model.lines.positionAt(firstItem.range.start).line;
  const lineText = model.lines.lineText(lineOfFirst);
  const dash = lineText.indexOf('-');
  const indent = ' '.repeat(Math.max(0, dash));
  const lastLine = model.lines.positionAt(Math.max(last.range.end - 1, last.range.start)).line;
  const at = model.lines.lineEnd(lastLine);
  return { range: { start: at, end: at }, newText: `${model.lines.eol}${indent}- ${itemText}` };
}

/** Sets `key` in `map` to `valueText`: replaces the value if present, inserts it if not. */
export function setKey(model: ModelDocument, map: MapNode, key: string, valueText: string): TextEdit {
  const existing = map.entries.get(key);
  return existing && existing.kind === 'scalar' ? replaceValue(model, existing, valueText) : insertKey(model, map, key, valueText);
}

export function fix(title: string, ...edits: TextEdit[]): Fix {
  return { title, edits };
}
