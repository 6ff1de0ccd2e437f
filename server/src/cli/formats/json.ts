import type { DecisionReport } from '../../core/decision/report';
import type { Finding, RelatedLocation } from '../../core/findings';
import type { LineIndex, TextRange } from '../../core/text';
import { lineColumn, relatedDocument, type LintRun } from '../lintRun';

/**
 * `--format json`: an array with one entry per linted file: its findings and its decision. Ranges are 0-based like LSP
 * (`range.start.line`, `range.start.character`); `line`/`column`/`endLine`/`endColumn` are the
 * same positions 1-based, as the text output shows them. Characters are UTF-16 code units.
 */
export interface JsonFileReport {
  readonly file: string;
  readonly findings: readonly JsonFinding[];
  /** What the decision table recommends for this design (docs/decision-json.md); absent for an org file. */
  readonly decision?: DecisionReport;
}

export interface JsonLocation {
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface JsonFinding extends JsonLocation {
  readonly ruleId: string;
  readonly severity: Finding['severity'];
  readonly message: string;
  /** `file` is set when the location is in another design or org file (the rules that compare documents). */
  readonly related: readonly (JsonLocation & { readonly file?: string; readonly message: string })[];
}

export function formatJson(run: LintRun): string {
  const report: JsonFileReport[] = run.files.map((file) => ({
    file: file.input.display,
    findings: file.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      ...location(file.lines, f.range),
      related: (f.related ?? []).map((r: RelatedLocation) => {
        const at = relatedDocument(run, file, r.uri);
        const other = r.uri !== undefined && r.uri !== file.uri;
        return { ...(other ? { file: at.display } : {}), message: r.message, ...location(at.lines, r.range) };
      }),
    })),
    ...(file.decision ? { decision: file.decision } : {}),
  }));
  return `${JSON.stringify(report, null, 2)}\n`;
}

function location(lines: LineIndex, range: TextRange): JsonLocation {
  const start = lines.positionAt(range.start);
  const end = lines.positionAt(range.end);
  const s = lineColumn(lines, range.start);
  const e = lineColumn(lines, range.end);
  return { range: { start, end }, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}
