#!/usr/bin/env node
// The GitHub Action's work (action.yml runs it after building the CLI in the action's own
// checkout). Reads its inputs from the environment (action.yml passes them through `env:`,
// never into a shell line), then, in $GITHUB_WORKSPACE:
//   1. lints the designs (text in the log, SARIF to the sarif-file input, for code scanning);
//   2. reviews the change against the base ref (`diff --git <base> --format markdown`) and
//      appends the Markdown to $GITHUB_STEP_SUMMARY. Without a usable base, the designs are
//      compared with git's empty tree: every design, and every finding, counts as new;
//   3. writes `exit-code` and `sarif-file` to $GITHUB_OUTPUT. It exits 0 itself, so the SARIF
//      upload still runs; action.yml's last step fails the job with `exit-code`.
// The CLI runs with an argument array (no shell), paths after `--`; its output is printed
// between ::stop-commands:: markers, so a design cannot issue workflow commands.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FAIL_ON = ['new-errors', 'errors', 'never'];
const NO_COMMIT = /^0+$/;

const env = process.env;
const actionPath = env.GITHUB_ACTION_PATH || fileURLToPath(new URL('..', import.meta.url));
const workspace = env.GITHUB_WORKSPACE || process.cwd();
const cli = join(actionPath, 'dist/cli/main.js');

function fail(message) {
  console.log(`::error title=integration-lint::${escapeCommandData(message)}`);
  process.exit(2);
}

/** Workflow-command data: %, CR and LF are escaped (GitHub's toolkit does the same). */
function escapeCommandData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** One path per line; a single line may list several, separated by spaces. */
export function parsePaths(input) {
  const text = (input ?? '').trim();
  if (text === '') return ['.'];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  return lines.length === 1 ? lines[0].split(/\s+/) : lines;
}

function runCli(args) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: workspace, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...env, NO_COLOR: '1' } });
  if (result.error) fail(`could not run ${cli}: ${result.error.message}`);
  return { code: result.status ?? 2, stdout: result.stdout, stderr: result.stderr };
}

/** Prints text to the log with workflow commands switched off (a design may contain `::`). */
function printVerbatim(text) {
  if (!text) return;
  const token = randomBytes(16).toString('hex');
  process.stdout.write(`::stop-commands::${token}\n${text.endsWith('\n') ? text : `${text}\n`}::${token}::\n`);
}

function git(args) {
  return spawnSync('git', args, { cwd: workspace, encoding: 'utf8', env: { ...env, GIT_TERMINAL_PROMPT: '0' } });
}

/** The base to compare with: the input if git has it, else the empty tree (all designs new), with the reason. */
function chooseBase(input) {
  const wanted = (input ?? '').trim();
  const emptyTree = git(['hash-object', '-t', 'tree', '--stdin']).stdout?.trim();
  if (wanted === '' || NO_COMMIT.test(wanted)) return { ref: emptyTree, note: 'No base ref to compare with (not a pull request, or the first push of a branch): every design and every finding counts as new.' };
  if (wanted.startsWith('-')) fail(`base-ref cannot start with '-': '${wanted}'`);
  const known = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${wanted}^{commit}`]);
  if (known.status === 0) return { ref: wanted };
  console.log(`::warning title=integration-lint::${escapeCommandData(`base ref '${wanted}' is not in this clone (check out with fetch-depth: 0); comparing with nothing, so every finding counts as new.`)}`);
  return { ref: emptyTree, note: `The base ref \`${wanted.replace(/[^0-9A-Za-z._/-]/g, '')}\` is not in this clone (check out with fetch-depth: 0): every design and every finding counts as new.` };
}

function main() {
  if (Number(process.versions.node.split('.')[0]) < 20) fail(`integration-lint needs Node 20 or later; this runner has ${process.version}.`);
  if (!existsSync(cli)) fail(`${cli} is missing: the build step did not run.`);
  const failOn = (env.INPUT_FAIL_ON || 'new-errors').trim();
  if (!FAIL_ON.includes(failOn)) fail(`fail-on must be one of ${FAIL_ON.join(', ')}, not '${failOn}'.`);
  const paths = parsePaths(env.INPUT_PATHS);
  const sarifFile = resolve(workspace, (env.INPUT_SARIF_FILE || 'integration-lint.sarif').trim());

  const text = runCli(['lint', '--', ...paths]);
  printVerbatim(text.stdout);
  printVerbatim(text.stderr);
  const sarif = runCli(['lint', '--format', 'sarif', '--', ...paths]);
  writeFileSync(sarifFile, sarif.stdout);

  const base = chooseBase(env.INPUT_BASE_REF);
  const review = runCli(['diff', '--git', base.ref, '--format', 'markdown', '--', ...paths]);
  printVerbatim(review.stderr);
  if (env.GITHUB_STEP_SUMMARY) {
    const markdown = review.code === 2 ? '## Integration design review\n\nThe review could not run; see the job log.\n' : review.stdout;
    appendFileSync(env.GITHUB_STEP_SUMMARY, `${markdown}${base.note ? `\n> ${base.note}\n` : ''}\n`);
  }

  let exitCode = 0;
  if (text.code === 2 || review.code === 2) exitCode = 2;
  else if (failOn === 'new-errors' && review.code === 1) exitCode = 1;
  else if (failOn === 'errors' && text.code === 1) exitCode = 1;
  if (env.GITHUB_OUTPUT) {
    const shown = relative(workspace, sarifFile);
    appendFileSync(env.GITHUB_OUTPUT, `exit-code=${exitCode}\nsarif-file=${shown.startsWith('..') || isAbsolute(shown) ? sarifFile : shown}\n`);
  }
  console.log(exitCode === 0 ? 'integration-lint: passed.' : `integration-lint: failing with exit code ${exitCode} (fail-on: ${failOn}).`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
