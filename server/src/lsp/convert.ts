import type { Position, Range, TextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from './lspLibrary';
import type { Severity } from '../core/findings';
import type { LineIndex, TextEdit as CoreEdit, TextRange } from '../core/text';

/** Conversions between the core's UTF-16 offsets and LSP positions (also UTF-16). */

export function toRange(lines: LineIndex, range: TextRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}

export function toOffset(lines: LineIndex, position: Position): number {
  return lines.offsetAt(position);
}

export function toTextEdit(lines: LineIndex, edit: CoreEdit): TextEdit {
  return { range: toRange(lines, edit.range), newText: edit.newText };
}

export function toSeverity(severity: Severity): DiagnosticSeverity {
  switch (severity) {
    case 'error': return DiagnosticSeverity.Error;
    case 'warning': return DiagnosticSeverity.Warning;
    case 'info': return DiagnosticSeverity.Information;
    case 'hint': return DiagnosticSeverity.Hint;
  }
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
