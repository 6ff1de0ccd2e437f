import type { Severity } from '../../core/findings';
import { lineColumn, relatedDocument, type Counts, type LintRun } from '../lintRun';

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m' } as const;
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue, hint: ANSI.dim };

/**
 * One line per finding, `file:line:column severity rule-id message`, then a summary line.
 * Stable and grep-friendly: no colour unless asked, control characters escaped. The summary
 * counts every finding, also those `--quiet` leaves out. A finding that points into other files
 * (the rules that compare documents) is followed by one indented line per location there,
 * `  file:line:column message`.
 */
export function formatText(run: LintRun, options: { color: boolean; linted: number; counts: Counts }): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const out: string[] = [];
  for (const file of run.files) {
    for (const f of file.findings) {
      const { line, column } = lineColumn(file.lines, f.range.start);
      out.push(`${paint(ANSI.bold, `${oneLine(file.input.display)}:${line}:${column}`)} ${paint(SEVERITY_COLOR[f.severity], f.severity)} ${paint(ANSI.dim, f.ruleId)} ${oneLine(f.message)}`);
      for (const r of f.related ?? []) {
        if (r.uri === undefined || r.uri === file.uri) continue;
        const at = relatedDocument(run, file, r.uri);
        const p = lineColumn(at.lines, r.range.start);
        out.push(`  ${paint(ANSI.dim, `${oneLine(at.display)}:${p.line}:${p.column}`)} ${oneLine(r.message)}`);
      }
    }
  }
  out.push(summary(options.counts, options.linted, run.problems.length));
  return `${out.join('\n')}\n`;
}

function summary(c: Counts, linted: number, unreadable: number): string {
  const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning'), plural(c.info, 'info', 'info'), plural(c.hint, 'hint')];
  const tail = unreadable ? `; ${plural(unreadable, 'input')} could not be read` : '';
  return `${plural(linted, 'file')} linted: ${parts.join(', ')}${tail}`;
}

/** Messages stay on one line, and a hostile file cannot send escape sequences to the terminal. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`); // also line separators and bidi overrides ("Trojan Source")
}
