import { parseArgs } from 'node:util';
import { isCalendarDate, knowledgeEntries, renderKnowledgeJson, renderKnowledgeMarkdown, renderKnowledgeText, staleEntries } from '../../core/knowledgeReport';
import type { Command } from '../command';
import { EXIT, parseFormat, PROGRAM, UsageError, usageFailure } from '../context';

/*
 * `integration-lint facts [--format text|json|markdown] [--stale <months>] [--as-of <date>]`:
 * what the rules believe, and how sure we are. Listing is the core's (knowledgeReport.ts).
 */

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `${PROGRAM} facts [--format text|json|markdown] [--stale <months>] [--as-of <YYYY-MM-DD>]`;

export const factsCommand: Command = {
  name: 'facts',
  summary: 'List the knowledge base: every fact with its value, source, confirmed flag and checked date',
  help: `Usage: ${USAGE}

Lists every fact the rules, hovers and generated documents use: its value and unit, what
the source says, the source, whether an official Heroku or Salesforce page confirms it
(an unconfirmed fact is a rule of thumb; a historical one comes from a dated official page),
when it was last checked against its source, and the rules that rely on it.

Options:
  -f, --format <text|json|markdown>  Output format (default: text); markdown is what
                                     docs/knowledge.md is generated from
      --stale <months>               List only the facts last checked <months> months or more
                                     ago, and exit 1 when there are any (for CI)
      --as-of <YYYY-MM-DD>           The day --stale counts from (default: today, UTC)
  -h, --help                         Show this help

Exit codes:
  0  listed (with --stale: no fact is that old)
  1  --stale found facts last checked that long ago (they are listed)
  2  usage error

Examples:
  ${PROGRAM} facts
  ${PROGRAM} facts --format json > facts.json
  ${PROGRAM} facts --stale 6
`,
  run(args, context) {
    let format: Format;
    let months: number | undefined;
    let asOf: string;
    try {
      const parsed = parseArgs({ args: [...args], allowPositionals: false, strict: true, options: { format: { type: 'string', short: 'f' }, stale: { type: 'string' }, 'as-of': { type: 'string' } } });
      format = parseFormat(parsed.values.format, FORMATS);
      months = parsed.values.stale === undefined ? undefined : parseMonths(parsed.values.stale);
      asOf = parsed.values['as-of'] ?? new Date().toISOString().slice(0, 10);
      if (!isCalendarDate(asOf)) throw new UsageError(`--as-of needs a date written YYYY-MM-DD, not '${asOf}'.`);
      if (parsed.values['as-of'] !== undefined && months === undefined) throw new UsageError('--as-of only counts with --stale.');
    } catch (error) {
      return usageFailure(context, error, USAGE, 'facts');
    }
    const all = knowledgeEntries();
    const listed = months === undefined ? all : staleEntries(all, asOf, months);
    const staleNote = months === undefined ? undefined : `Facts last checked ${months} month${months === 1 ? '' : 's'} or more before ${asOf}: ${listed.length} of ${all.length}.`;
    context.stdout.write(render(format, listed, staleNote, months === undefined ? {} : { asOf, staleMonths: months }));
    return months !== undefined && listed.length > 0 ? EXIT.problems : EXIT.ok;
  },
};

function render(format: Format, entries: ReturnType<typeof knowledgeEntries>, staleNote: string | undefined, extra: Record<string, unknown>): string {
  switch (format) {
    case 'json': return renderKnowledgeJson(entries, extra);
    case 'markdown': return renderKnowledgeMarkdown(entries, { preamble: staleNote ? [staleNote] : [] });
    case 'text': return staleNote ? `${staleNote}\n\n${entries.length ? renderKnowledgeText(entries) : ''}` : renderKnowledgeText(entries);
  }
}

function parseMonths(value: string): number {
  if (!/^\d{1,4}$/.test(value)) throw new UsageError(`--stale needs a whole number of months, not '${value}'.`);
  return Number(value);
}

