import { analyze } from '../core/analysis';
import { applySeverities, type SeverityOverride } from '../core/severities';
import type { Finding } from '../core/findings';
import type { LineIndex } from '../core/text';
import type { ModelNode } from '../core/model/node';
import { decisionReport, type DecisionReport } from '../core/decision/report';
import { collectInputs, readDesign, type Input, type InputProblem } from './inputs';

/** One linted design. */
export interface LintedFile {
  readonly input: Input;
  readonly lines: LineIndex;
  /** Sorted by position (the engine's order). */
  readonly findings: readonly Finding[];
  /** The document tree, to name where a finding is (`designPathAt`). */
  readonly root: ModelNode | undefined;
  /** The decision table's verdict on this design, as `--format json` prints it. */
  readonly decision: DecisionReport;
}

/** Everything a formatter needs: the linted files and the inputs that could not be used. */
export interface LintRun {
  readonly files: readonly LintedFile[];
  readonly problems: readonly InputProblem[];
  readonly severities: Readonly<Record<string, SeverityOverride>>;
}

/** Lints every design the arguments name; an unreadable one is a problem, not a stop. */
export function lintPaths(args: readonly string[], cwd: string, severities: Readonly<Record<string, SeverityOverride>>): LintRun {
  const { inputs, problems } = collectInputs(args, cwd);
  const files: LintedFile[] = [];
  const allProblems = [...problems];
  for (const input of inputs) {
    const read = readDesign(input.path);
    if (!read.ok) {
      allProblems.push({ display: input.display, reason: read.reason });
      continue;
    }
    try {
      const analysis = analyze(read.text);
      files.push({ input, lines: analysis.model.lines, findings: applySeverities(analysis.findings, severities), root: analysis.model.root, decision: decisionReport(analysis.decision, analysis.design) });
    } catch (error) {
      // The engine guards each rule; this is a defect in parsing or validation itself.
      allProblems.push({ display: input.display, reason: `internal error while linting (please report it): ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return { files, problems: allProblems, severities };
}

export interface Counts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly hint: number;
}

export function countFindings(files: readonly LintedFile[]): Counts {
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of files) for (const f of file.findings) counts[f.severity]++;
  return counts;
}

/** `--quiet`: keep errors only. */
export function errorsOnly(run: LintRun): LintRun {
  return { ...run, files: run.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) };
}

/** 1-based line and column (UTF-16 code units) of an offset, as editors and SARIF show them. */
export function lineColumn(lines: LineIndex, offset: number): { line: number; column: number } {
  const p = lines.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}
