import type { ModelDocument } from '../model/parse';
import type { TextEdit } from '../text';
import { parseSuppressions, SUPPRESSION_PREFIX, UNUSED_SUPPRESSION_RULE_ID } from './suppressions';

/**
 * Edits that write suppression comments for a rule, the way a user would: a directive
 * above the line at its indentation, or the id appended to a directive already there.
 * Nothing else in the document changes.
 */

/** Whether findings of a rule can be suppressed by a comment at all. */
export function isSuppressible(ruleId: string): boolean {
  return ruleId !== UNUSED_SUPPRESSION_RULE_ID;
}

/** `# integration-lint-disable-next-line <rule>` above `line`, or `, <rule>` on the directive covering it. */
export function disableForLineEdit(model: ModelDocument, ruleId: string, line: number): TextEdit {
  const existing = parseSuppressions(model).find((s) => s.scope === 'next-line' && s.line === line && s.rules.length > 0);
  if (existing) {
    if (existing.rules.some((r) => r.id === ruleId)) return { range: { start: existing.range.end, end: existing.range.end }, newText: '' };
    const last = existing.rules[existing.rules.length - 1];
    return { range: { start: last.range.end, end: last.range.end }, newText: `, ${ruleId}` };
  }
  const lineText = model.lines.lineText(line);
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const at = model.lines.lineStart(line);
  return { range: { start: at, end: at }, newText: `${indent}# ${SUPPRESSION_PREFIX}-next-line ${ruleId}${model.lines.eol}` };
}

/**
 * `# integration-lint-disable <rule>` at the top of the file (after a leading comment block
 * or `---`), or `, <rule>` on an existing file-wide directive.
 */
export function disableForFileEdit(model: ModelDocument, ruleId: string): TextEdit {
  const existing = parseSuppressions(model).find((s) => s.scope === 'file' && s.ownLine && s.rules.length > 0);
  if (existing) {
    if (existing.rules.some((r) => r.id === ruleId)) return { range: { start: existing.range.end, end: existing.range.end }, newText: '' };
    const last = existing.rules[existing.rules.length - 1];
    return { range: { start: last.range.end, end: last.range.end }, newText: `, ${ruleId}` };
  }
  const { lines } = model;
  let after = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line).trim();
    if (text.startsWith('#') || text === '---' || text.startsWith('%')) after = line;
    else if (text !== '') break;
  }
  const directive = `# ${SUPPRESSION_PREFIX} ${ruleId}`;
  if (after < 0) return { range: { start: 0, end: 0 }, newText: `${directive}${lines.eol}` };
  if (after + 1 < lines.lineCount) {
    const at = lines.lineStart(after + 1);
    return { range: { start: at, end: at }, newText: `${directive}${lines.eol}` };
  }
  // The file is only comments: add a line at its end.
  const end = lines.lineEnd(after);
  return { range: { start: end, end }, newText: `${lines.eol}${directive}` };
}
