import type { ModelNode } from '../model/node';
import type { ModelDocument } from '../model/parse';
import type { TextEdit, TextRange } from '../text';

/*
 * yamlEdit/: every minimal text edit the core makes to a design (quick fixes, the
 * walkthrough's Apply, suppression comments). Edits touch only the text that changes, so
 * comments, quoting and formatting elsewhere stay as the user wrote them. scalar.ts: values;
 * keys.ts: inserting keys; lists.ts: list items; entries.ts: writing many values at once;
 * suppressionComments.ts / commentRemoval.ts: suppression directives.
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

/** The end of a range without its trailing whitespace and line breaks. */
export function contentEnd(text: string, range: TextRange): number {
  let end = range.end;
  while (end > range.start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** A node's range without the line break a block value ends with. */
export function contentRange(text: string, range: TextRange): TextRange {
  return { start: range.start, end: contentEnd(text, range) };
}
