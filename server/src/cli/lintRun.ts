import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentKindOfName } from '../core/vocabulary';
import { analyze, type Analysis } from '../core/analysis';
import { analysisInEstate, analyzeEstates, type EstateWorkspace } from '../core/estate';
import { compareFindings, type Finding } from '../core/findings';
import { applySeverities, type SeverityOverride } from '../core/severities';
import type { LineIndex } from '../core/text';
import type { ModelNode } from '../core/model/node';
import { decisionReport, type DecisionReport } from '../core/decision/report';
import { collectInputs, readDesign, type Input, type InputProblem } from './inputs';

/** A document the run read: a design or an org file, with its analysis. */
export interface ReadDocument {
  readonly input: Input;
  readonly uri: string;
  readonly text: string;
  readonly analysis: Analysis;
}

/** One linted document. */
export interface LintedFile {
  readonly input: Input;
  readonly uri: string;
  readonly lines: LineIndex;
  /** Its own findings and those of the rules that compare documents (its estate's), sorted by position. */
  readonly findings: readonly Finding[];
  /** The document tree, to name where a finding is (`designPathAt`). */
  readonly root: ModelNode | undefined;
  /** The decision table's verdict on this design, as `--format json` prints it; none for an org file. */
  readonly decision?: DecisionReport;
}

/** Everything a formatter needs: the linted files and the inputs that could not be used. */
export interface LintRun {
  readonly files: readonly LintedFile[];
  readonly problems: readonly InputProblem[];
  readonly severities: Readonly<Record<string, SeverityOverride>>;
  /** Every document read (also the org files read as context), by URI: where related locations point. */
  readonly documents: ReadonlyMap<string, { readonly display: string; readonly lines: LineIndex }>;
}

/** The documents the arguments name, read and analysed, and the estates they form. */
export interface ReadRun {
  readonly documents: readonly ReadDocument[];
  readonly problems: readonly InputProblem[];
  /** Inputs that could not be read, with their URIs (the estate register notes them). */
  readonly unreadable: readonly { readonly uri: string; readonly reason: string }[];
  readonly estates: EstateWorkspace;
}

/**
 * Reads and analyses every design and org file the arguments name (and the org files beside the
 * designs named), then checks the designs of each org together. An unreadable file is a problem,
 * not a stop: the others are still read, and the estates are formed without it.
 */
export function readInputs(args: readonly string[], cwd: string): ReadRun {
  const { inputs, problems } = collectInputs(args, cwd);
  const documents: ReadDocument[] = [];
  const allProblems = [...problems];
  // Design and org files found but not readable (a broken link): the estate registers note them.
  const unreadable: { uri: string; reason: string }[] = problems
    .filter((p) => documentKindOfName(basename(p.display)) !== undefined)
    .map((p) => ({ uri: pathToFileURL(resolve(cwd, p.display)).href, reason: p.reason }));
  for (const input of inputs) {
    const uri = pathToFileURL(input.path).href;
    const read = readDesign(input.path);
    if (!read.ok) {
      if (!input.context) allProblems.push({ display: input.display, reason: read.reason });
      unreadable.push({ uri, reason: read.reason });
      continue;
    }
    try {
      documents.push({ input, uri, text: read.text, analysis: analyze(read.text, { kind: input.kind }) });
    } catch (error) {
      // The engine guards each rule; this is a defect in parsing or validation itself.
      allProblems.push({ display: input.display, reason: `internal error while linting (please report it): ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const estates = analyzeEstates(documents.map((d) => ({ uri: d.uri, analysis: d.analysis })));
  // A design of an estate is checked against its org's figures (its org file's), as the estate is.
  const withOrg = documents.map((d) => ({ ...d, analysis: analysisInEstate(estates, d) }));
  return { documents: withOrg, problems: allProblems, unreadable, estates };
}

/** Lints every document the arguments name; an unreadable one is a problem, not a stop. */
export function lintPaths(args: readonly string[], cwd: string, severities: Readonly<Record<string, SeverityOverride>>): LintRun {
  const run = readInputs(args, cwd);
  const files: LintedFile[] = run.documents.filter((d) => !d.input.context).map((d) => ({
    input: d.input,
    uri: d.uri,
    lines: d.analysis.model.lines,
    findings: applySeverities([...d.analysis.findings, ...run.estates.findingsOf(d.uri)].sort(compareFindings), severities),
    root: d.analysis.model.root,
    decision: d.analysis.kind === 'design' ? decisionReport(d.analysis.decision, d.analysis.design) : undefined,
  }));
  const documents = new Map(run.documents.map((d) => [d.uri, { display: d.input.display, lines: d.analysis.model.lines }]));
  return { files, problems: run.problems, severities, documents };
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

/** Where a related location is: its document's display path and lines (the finding's own when it names no other). */
export function relatedDocument(run: LintRun, file: LintedFile, uri: string | undefined): { display: string; lines: LineIndex } {
  if (uri === undefined || uri === file.uri) return { display: file.input.display, lines: file.lines };
  return run.documents.get(uri) ?? { display: uri, lines: file.lines };
}
