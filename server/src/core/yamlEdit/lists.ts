import type { ModelNode, SeqNode } from '../model/node';
import type { ModelDocument } from '../model/parse';
import type { TextEdit } from '../text';

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

/** Deletes one item of a list with its separator; undefined when it is the only item (an empty block list is not valid). */
export function removeListItem(model: ModelDocument, seq: SeqNode, item: ModelNode): TextEdit | undefined {
  const index = seq.items.indexOf(item);
  if (index < 0 || seq.items.length < 2) return undefined;
  if (seq.flow) {
    return index < seq.items.length - 1
      ? { range: { start: item.range.start, end: seq.items[index + 1].range.start }, newText: '' }
      : { range: { start: seq.items[index - 1].range.end, end: item.range.end }, newText: '' };
  }
  const line = model.lines.positionAt(item.range.start).line;
  const endLine = model.lines.positionAt(Math.max(item.range.start, item.range.end - 1)).line;
  if (!/^\s*-\s/.test(model.lines.lineText(line))) return undefined;
  const start = model.lines.lineStart(line);
  const end = endLine + 1 < model.lines.lineCount ? model.lines.lineStart(endLine + 1) : model.lines.lineEnd(endLine);
  return { range: { start, end }, newText: '' };
}
