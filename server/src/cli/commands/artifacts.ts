import { parseArgs } from 'node:util';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateAllArtifacts, generateArtifact, type ArtifactKind } from '../../core/artifacts/index';
import { estateViewOf } from '../../core/estate';
import type { Analysis } from '../../core/analysis';
import { decisionReport } from '../../core/decision/report';
import type { Command } from '../command';
import { cannotRead, complain, EXIT, PROGRAM, RISK_THRESHOLD, UsageError, usageFailure, type CliContext } from '../context';
import { readInputs, type ReadDocument } from '../lintRun';
import { checkOrWrite, emptyTally, exitCodeOf, parseFolderArgs, writeAll } from '../folderWrite';

/*
 * `integration-lint recommendation|runbook|risks <design> [-o file]` and
 * `integration-lint artifacts <design…> [--out-dir dir] [--force] [--check]`.
 * Generation itself is the core's; this file reads, writes and reports.
 */

const KIND_SUMMARIES: Record<ArtifactKind, string> = {
  recommendation: 'Print the decision recommendation of a design (Markdown)',
  runbook: 'Print the connection runbook of a design (Markdown)',
  risks: 'Print the risk register of a design (Markdown)',
};

const KIND_DESCRIPTIONS: Record<ArtifactKind, string> = {
  recommendation: 'The decision recommendation: the integration in one sentence, the chosen paths against\nthe decision table, the plan tier, the integration-user model and the regions.',
  runbook: 'The connection runbook: a numbered procedure per chosen path (integration user, plan,\nregions, authorization, rotation, sandbox refresh, trigger-log retention), monitoring, and\nrollback; what the design leaves open is listed as an open decision.',
  risks: `The risk register: every limit the design reaches ${RISK_THRESHOLD} or more of, with impact, mitigation\nand source, then the open findings by severity.`,
};

/** `recommendation --format json`: the decision as data (docs/decision-json.md) instead of Markdown. */
const JSON_KINDS: readonly ArtifactKind[] = ['recommendation'];

function singleCommand(kind: ArtifactKind): Command {
  const json = JSON_KINDS.includes(kind);
  const usage = `${PROGRAM} ${kind} <design.yaml> [-o <file>] [--force]${json ? ' [--format markdown|json]' : ''}`;
  return {
    name: kind,
    summary: KIND_SUMMARIES[kind],
    help: `Usage: ${usage}

${KIND_DESCRIPTIONS[kind]}

Writes Markdown to standard output, or to <file> with -o. A design with errors still
generates, with the errors listed at the top. Every number carries its source. A design that
names its org (salesforce.org) is checked with the org files beside it.

Options:
  -o, --output <file>  Write to <file> instead of standard output. An existing file that was
                       edited by hand (or was not generated) is not overwritten without --force.
      --force          Overwrite <file> even if it was edited by hand
${json ? `  -f, --format <markdown|json>
                       markdown (default), or json: the deciding row, the recommended path
                       and plan tier, the reasons, the other matching rows and how the
                       design's chosen paths differ, as one versioned object
                       (docs/decision-json.md); json is written to standard output only
` : ''}  -h, --help           Show this help

Exit codes:
  0  written
  1  <file> was edited by hand and --force was not given (nothing written)
  2  usage error, an unreadable design, or <file> could not be written

Examples:
  ${PROGRAM} ${kind} orders.integration.yaml
  ${PROGRAM} ${kind} orders.integration.yaml -o docs/orders.${kind}.md
${json ? `  ${PROGRAM} ${kind} --format json orders.integration.yaml
` : ''}`,
    async run(args, context) {
      let parsed;
      try {
        parsed = parseArgs({
          args: [...args], allowPositionals: true, strict: true,
          options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean' }, ...(json ? { format: { type: 'string', short: 'f' } } : {}) },
        });
        if (parsed.positionals.length !== 1) throw new UsageError(parsed.positionals.length === 0 ? 'no design file given.' : `${kind} takes one design file; use '${PROGRAM} artifacts' for several.`);
        const format = parsed.values.format;
        if (format !== undefined && format !== 'markdown' && format !== 'json') throw new UsageError(`unknown format '${format}': use markdown or json.`);
        if (format === 'json' && parsed.values.output !== undefined) throw new UsageError('--format json writes to standard output; redirect it to a file instead of -o.');
      } catch (error) {
        return usageFailure(context, error, usage, kind);
      }
      const path = resolve(context.cwd, parsed.positionals[0]);
      const run = readInputs([parsed.positionals[0]], context.cwd);
      const design = run.documents.find((d) => !d.input.context);
      if (!design) {
        for (const problem of run.problems) complain(context, cannotRead(problem.display, problem.reason));
        return EXIT.usage;
      }
      if (design.input.kind === 'org') {
        complain(context, `'${parsed.positionals[0]}' is an org file, not a design: '${PROGRAM} estate ${parsed.positionals[0]}' writes the risk register of its org's estate.`);
        return EXIT.usage;
      }
      if (parsed.values.format === 'json') {
        context.stdout.write(`${JSON.stringify(decisionReport(design.analysis.decision, design.analysis.design), null, 2)}\n`);
        return EXIT.ok;
      }
      const artifact = generateArtifact(kind, design.text, basename(path), design.analysis, estateViewOf(run.estates, design.uri));
      const output = parsed.values.output;
      if (output === undefined) {
        context.stdout.write(artifact.content);
        return EXIT.ok;
      }
      // -o names the file itself: write the artifact under that name.
      const target = resolve(context.cwd, output);
      const report = await writeAll([{ ...artifact, fileName: basename(target) }], pathToFileURL(dirname(target)).href, parsed.values.force ?? false, context);
      return report.failure ? EXIT.usage : report.outcomes.some((o) => o.status === 'kept') ? EXIT.problems : EXIT.ok;
    },
  };
}

export const recommendationCommand = singleCommand('recommendation');
export const runbookCommand = singleCommand('runbook');
export const risksCommand = singleCommand('risks');

const ARTIFACTS_USAGE = `${PROGRAM} artifacts <design.yaml|directory>... [--out-dir <dir>] [--force] [--check]`;

export const artifactsCommand: Command = {
  name: 'artifacts',
  summary: 'Write (or --check) the recommendation, runbook and risk register beside each design',
  help: `Usage: ${ARTIFACTS_USAGE}

Writes the three artifacts of each design beside it:
  <design>.recommendation.md  <design>.runbook.md  <design>.risks.md
(orders.integration.yaml gives orders.integration.recommendation.md, …). A directory is
searched for integration.yaml and *.integration.yaml files. Designs that name the same org are
checked together (their risk registers show the org's estate); name the folder to take them all.

Each file starts with a header naming the design and a hash of its content. A file whose
content no longer matches its hash was edited by hand: it is not overwritten unless --force
is given. An unedited generated file is replaced. Files are written to a temporary file and
renamed, so a failed write leaves the existing file as it was.

Options:
      --out-dir <dir>  Write (or check) the artifacts in <dir> instead of beside each design
      --force          Overwrite artifacts even if they were edited by hand
      --check          Write nothing; exit 1 if any artifact is missing, edited or out of date
                       with its design (for CI)
  -h, --help           Show this help

Exit codes:
  0  all artifacts written (or, with --check, all up to date)
  1  an edited artifact was left alone (without --force), or --check found artifacts to update
  2  usage error, an unreadable design, or a file that could not be written

Examples:
  ${PROGRAM} artifacts examples/
  ${PROGRAM} artifacts --check examples/*.integration.yaml
`,
  async run(args, context) {
    let parsed;
    try {
      parsed = parseFolderArgs(args);
    } catch (error) {
      return usageFailure(context, error, ARTIFACTS_USAGE, 'artifacts');
    }
    const run = readInputs(parsed.positionals, context.cwd);
    for (const p of run.problems) complain(context, cannotRead(p.display, p.reason));
    const outDir = parsed.values['out-dir'] === undefined ? undefined : resolve(context.cwd, parsed.values['out-dir']);
    const tally = emptyTally(run.problems.length);
    const staleDesigns: string[] = [];
    for (const document of run.documents) {
      if (document.input.kind !== 'design' || document.input.context) continue;
      const { input } = document;
      const folder = pathToFileURL(outDir ?? dirname(input.path)).href;
      const artifacts = generateAllArtifacts(document.text, basename(input.path), document.analysis, estateViewOf(run.estates, document.uri));
      const stale = await checkOrWrite(artifacts, folder, document.text, parsed.values, context, tally);
      if (stale) staleDesigns.push(input.display);
      if (!parsed.values.check) warnAboutErrors(document, context);
    }
    if (parsed.values.check) {
      if (tally.stale > 0) {
        const command = `${PROGRAM} artifacts${outDir ? ` --out-dir ${parsed.values['out-dir']}` : ''} ${staleDesigns.join(' ')}`;
        context.stdout.write(`\n${tally.stale} of ${tally.checked} artifacts need updating. Regenerate them with '${command}' (add --force where an artifact was edited by hand, after moving the edits into the design) and commit the result.\n`);
      } else if (tally.failed === 0) {
        context.stdout.write(`${tally.checked} artifacts up to date.\n`);
      }
    }
    return exitCodeOf(tally);
  },
};

/** Generating from a design with errors works, but the user should know. */
function warnAboutErrors(document: ReadDocument, context: CliContext): void {
  const display = document.input.display;
  const errors = errorCount(document.analysis);
  if (errors > 0) complain(context, `warning: '${display}' has ${errors} error${errors === 1 ? '' : 's'}; the artifacts list ${errors === 1 ? 'it' : 'them'} at the top. Run '${PROGRAM} ${display}' to see ${errors === 1 ? 'it' : 'them'}.`);
}

function errorCount(analysis: Analysis): number {
  return analysis.findings.filter((f) => f.severity === 'error').length;
}
