import type { ModelDocument } from '../model/parse';
import type { TextEdit, TextRange } from '../text';

/** Removes a comment: a whole-line comment with its line, a trailing one with the spaces before it. */
export function removeCommentEdit(model: ModelDocument, comment: TextRange, ownLine: boolean): TextEdit {
  if (ownLine) {
    const line = model.lines.positionAt(comment.start).line;
    const next = line + 1 < model.lines.lineCount ? model.lines.lineStart(line + 1) : model.lines.lineEnd(line);
    return { range: { start: model.lines.lineStart(line), end: next }, newText: '' };
  }
  let start = comment.start;
  while (start > 0 && (model.text[start - 1] === ' ' || model.text[start - 1] === '\t')) start--;
  return { range: { start, end: comment.end }, newText: '' };
}

/** Removes one word of a comma- or space-separated list in a comment (a rule id), with what joins it to its neighbours. */
export function removeListedWordEdit(text: string, range: TextRange): TextEdit {
  let end = range.end;
  while (end < text.length && /[ ,]/.test(text[end]) && text[end] !== '\n') end++;
  if (end < text.length && text[end] !== '\n' && text[end] !== '\r') return { range: { start: range.start, end }, newText: '' };
  let start = range.start;
  while (start > 0 && /[ ,]/.test(text[start - 1])) start--;
  return { range: { start, end: range.end }, newText: '' };
}
