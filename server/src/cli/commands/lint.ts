import { parseArgs } from 'node:util';
import type { SeverityOverride } from '../../core/severities';
import type { Command } from '../command';
import { cannotRead, complain, EXIT, parseFormat, PROGRAM, UsageError, usageFailure, useColor, type CliContext } from '../context';
import { SKIPPED_DIRECTORIES } from '../inputs';
import { parseRuleOptions } from '../ruleOptions';
import { countFindings, errorsOnly, lintPaths } from '../lintRun';
import { formatJson } from '../formats/json';
import { formatGitlab } from '../formats/gitlab';
import { formatSarif } from '../formats/sarif';
import { formatText } from '../formats/text';

const FORMATS = ['text', 'json', 'sarif', 'gitlab'] as const;
type Format = (typeof FORMATS)[number];

export const LINT_USAGE = `${PROGRAM} [lint] <file|directory>... [options]`;

export const lintCommand: Command = {
  name: 'lint',
  summary: 'Check designs and report findings (the default command)',
  help: `Usage: ${LINT_USAGE}

Checks Heroku ↔ Salesforce integration designs (integration.yaml) with the same rules as
the editor and prints what it finds.

A directory is searched recursively for files named integration.yaml or *.integration.yaml,
and for org files (*.salesforce-org.yaml; ${SKIPPED_DIRECTORIES.join(' and ')} are skipped). A file named
explicitly is linted whatever its name. Files are read as UTF-8; a leading byte-order mark is ignored.

Designs that name the same org (salesforce.org: <id>) are checked together with the org's file:
shared integration users and org-wide sums are reported in every design involved, pointing at
the others. Only the designs given are compared, so name the folder to take a whole estate; the
org files beside each design named are read too. 'integration-lint estate' writes the register.

Options:
  -f, --format <text|json|sarif|gitlab>
                                  Output format (default: text)
                                    text:   file:line:column severity rule-id message, then a summary
                                            (1-based lines and columns; columns count UTF-16 code units)
                                    json:   [{file, findings: [{ruleId, severity, message, range, line,
                                            column, endLine, endColumn, related}], decision}]
                                            (range is 0-based; decision: docs/decision-json.md;
                                            a related location in another file has its file)
                                    sarif:  SARIF 2.1.0, for GitHub code scanning and other viewers
                                    gitlab: GitLab Code Quality report, for merge requests
                                            (error: major, warning: minor, info and hint: info)
      --rule <id>=<severity>      Change a rule's severity: off, hint, info, warning or error.
                                  Repeat for several rules. Rule ids: docs/rules.md
      --max-warnings <n>          Also fail (exit 1) when there are more than n warnings
  -q, --quiet                     Print errors only (warnings still count for --max-warnings)
      --docs-base-url <url>       In SARIF, link rule docs as <url>/<rule-id>.md
                                  (default: file: links to the docs installed with this tool)
  -h, --help                      Show this help
  -v, --version                   Show the version

Exit codes:
  0  no errors, and no more warnings than --max-warnings
  1  errors found, or more warnings than --max-warnings
  2  usage error, or an input that is missing, unreadable or has no designs
     (the other inputs are still linted and reported)

Inline suppression (in the design): # integration-lint-disable-next-line <rule-id> -- reason

Examples:
  ${PROGRAM} examples/
  ${PROGRAM} --format sarif . > integration-lint.sarif
  ${PROGRAM} --format gitlab . > gl-code-quality-report.json
  ${PROGRAM} --rule connect-demo-row-limit=warning --max-warnings 0 orders.integration.yaml
`,
  run(args, context) {
    let options: LintOptions;
    try {
      options = parseLintArgs(args);
    } catch (error) {
      return usageFailure(context, error, LINT_USAGE);
    }
    return lint(options, context);
  },
};

interface LintOptions {
  readonly paths: readonly string[];
  readonly format: Format;
  readonly severities: Record<string, SeverityOverride>;
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  readonly docsBaseUrl?: string;
}

function parseLintArgs(args: readonly string[]): LintOptions {
  // parseArgs's own errors (ERR_PARSE_ARGS_*) are usage errors too (usageFailure).
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      rule: { type: 'string', multiple: true },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      'docs-base-url': { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('no files or directories to lint.');
  const format = parseFormat(values.format, FORMATS);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings takes a whole number of 0 or more, not '${raw}'.`);
    maxWarnings = Number(raw);
  }
  const docsBaseUrl = values['docs-base-url'];
  if (docsBaseUrl !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(docsBaseUrl)) {
    throw new UsageError(`--docs-base-url takes an absolute URL (https://…), not '${docsBaseUrl}'.`);
  }
  return { paths: positionals, format, severities: parseRuleOptions(values.rule ?? []), maxWarnings, quiet: values.quiet ?? false, docsBaseUrl };
}

function lint(options: LintOptions, context: CliContext): number {
  const run = lintPaths(options.paths, context.cwd, options.severities);
  for (const problem of run.problems) complain(context, cannotRead(problem.display, problem.reason));
  const counts = countFindings(run.files);
  const shown = options.quiet ? errorsOnly(run) : run;
  if (options.format === 'json') context.stdout.write(formatJson(shown));
  else if (options.format === 'sarif') context.stdout.write(formatSarif(shown, { cwd: context.cwd, docsBaseUrl: options.docsBaseUrl }));
  else if (options.format === 'gitlab') context.stdout.write(formatGitlab(shown));
  else context.stdout.write(formatText(shown, { color: useColor(context), linted: run.files.length, counts }));
  if (run.problems.length > 0) return EXIT.usage;
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  if (tooManyWarnings) complain(context, `${counts.warning} warnings, more than --max-warnings ${options.maxWarnings}.`);
  return counts.error > 0 || tooManyWarnings ? EXIT.problems : EXIT.ok;
}
