import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addsErrors, reviewDesign, reviewReport, type DesignReview } from '../../core/review/compare';
import { formatReviewMarkdown } from '../../core/review/markdown';
import type { SeverityOverride } from '../../core/severities';
import { changedFiles, GitError, refProblem } from '../../node/git';
import type { Command } from '../command';
import { cannotRead, complain, EXIT, parseFormat, PROGRAM, RISK_THRESHOLD, UsageError, usageFailure, type CliContext } from '../context';
import { formatReviewText } from '../formats/reviewText';
import { displayPath, isDesignFileName, readDesign } from '../inputs';
import { parseRuleOptions } from '../ruleOptions';

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `${PROGRAM} diff <old.yaml> <new.yaml> [options]
       ${PROGRAM} diff --git <base-ref> [<path>...] [options]`;

export const diffCommand: Command = {
  name: 'diff',
  summary: `Review a change: findings added/resolved, limits crossing ${RISK_THRESHOLD}/100%, the recommendation`,
  help: `Usage: ${USAGE}

Compares two versions of a design, or every design changed since a git ref, and reports what
the change does: findings added, resolved and unchanged; limits whose share crossed the ${RISK_THRESHOLD}
(risk register) or 100% mark, up or down; and a change of the recommended path or plan.

Findings are matched by rule id and design path (the YAML key path of the node they are on,
e.g. paths.heroku_connect.plan; list items by their object or value, not their position),
never by line: moving keys, reordering mappings or adding comments is not a change.

With --git, the working tree (including uncommitted and untracked files) is compared with
<base-ref>, inside the given paths (default: the current directory). Only integration.yaml and
*.integration.yaml files count; a design added or deleted since <base-ref> is reported whole.

Options:
  -f, --format <text|json|markdown>  Output format (default: text)
                                       text:     one line per change, then a summary
                                       json:     {schemaVersion, base, designs, summary}
                                                 (docs/review.md)
                                       markdown: for a pull request's job summary or comment
      --git <base-ref>               Compare the working tree with this commit, branch or tag
      --rule <id>=<severity>         Change a rule's severity (off, hint, info, warning, error)
                                     on both sides. Repeat for several rules
  -h, --help                         Show this help

Exit codes:
  0  the change adds no error
  1  the change adds an error (a new finding, or one that became an error), for CI
  2  usage error, an unreadable file, or git failed (not a repository, unknown ref)

Examples:
  ${PROGRAM} diff old/orders.integration.yaml orders.integration.yaml
  ${PROGRAM} diff --git origin/main
  ${PROGRAM} diff --git HEAD~1 designs/ --format markdown >> "$GITHUB_STEP_SUMMARY"
`,
  async run(args, context) {
    let options: DiffOptions;
    try {
      options = parseDiffArgs(args);
    } catch (error) {
      return usageFailure(context, error, USAGE, 'diff');
    }
    const collected = options.gitRef === undefined ? compareFiles(options, context) : await compareWithGit(options, options.gitRef, context);
    if (!collected) return EXIT.usage;
    const report = reviewReport(collected.base, collected.designs);
    if (options.format === 'json') context.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (options.format === 'markdown') context.stdout.write(formatReviewMarkdown(report));
    else context.stdout.write(formatReviewText(report));
    return addsErrors(report) ? EXIT.problems : EXIT.ok;
  },
};

interface DiffOptions {
  readonly format: Format;
  readonly gitRef?: string;
  readonly paths: readonly string[];
  readonly severities: Record<string, SeverityOverride>;
}

function parseDiffArgs(args: readonly string[]): DiffOptions {
  // parseArgs's own errors (ERR_PARSE_ARGS_*) are usage errors too (usageFailure).
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string', short: 'f' }, git: { type: 'string' }, rule: { type: 'string', multiple: true } },
  });
  const format = parseFormat(values.format, FORMATS);
  const severities = parseRuleOptions(values.rule ?? []);
  if (values.git !== undefined) {
    const problem = refProblem(values.git);
    if (problem) throw new UsageError(`${problem}.`);
    return { format, gitRef: values.git, paths: positionals, severities };
  }
  if (positionals.length !== 2) throw new UsageError(positionals.length < 2 ? 'diff takes two design files (old, then new), or --git <base-ref>.' : `diff takes two design files, not ${positionals.length}; use --git <base-ref> [<path>...] for more.`);
  return { format, paths: positionals, severities };
}

interface Collected {
  readonly base: string;
  readonly designs: DesignReview[];
}

function compareFiles(options: DiffOptions, context: CliContext): Collected | undefined {
  const [oldArg, newArg] = options.paths;
  const texts: string[] = [];
  for (const arg of [oldArg, newArg]) {
    const read = readDesign(resolve(context.cwd, arg));
    if (!read.ok) {
      complain(context, cannotRead(arg, read.reason));
      return undefined;
    }
    texts.push(read.text);
  }
  const file = displayPath(context.cwd, resolve(context.cwd, newArg));
  return { base: displayPath(context.cwd, resolve(context.cwd, oldArg)), designs: [reviewDesign({ file, before: texts[0], after: texts[1] }, options.severities)] };
}

async function compareWithGit(options: DiffOptions, ref: string, context: CliContext): Promise<Collected | undefined> {
  let changed;
  try {
    changed = await changedFiles(context.cwd, ref, options.paths, (repoPath) => isDesignFileName(basename(repoPath)));
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    complain(context, `git: ${error.message}`);
    return undefined;
  }
  const designs: DesignReview[] = [];
  let unreadable = false;
  for (const file of changed) {
    const display = displayPath(context.cwd, file.absolutePath);
    let after: string | undefined;
    if (existsSync(file.absolutePath)) {
      const read = readDesign(file.absolutePath);
      if (!read.ok) {
        complain(context, cannotRead(display, read.reason));
        unreadable = true;
        continue;
      }
      after = read.text;
    }
    if (file.before === undefined && after === undefined) continue;
    designs.push(reviewDesign({ file: display, before: file.before, after }, options.severities));
  }
  return unreadable ? undefined : { base: ref, designs };
}
