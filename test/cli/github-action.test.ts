import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { TempRepo } from '../helpers/gitRepo';
import { ROOT } from './helpers';

const SCRIPT = join(ROOT, 'scripts/github-action.mjs');
const BASE = readFileSync(join(ROOT, 'test/unit/review/fixtures/base.integration.yaml'), 'utf8');
const CANVAS = readFileSync(join(ROOT, 'examples/paths/canvas.integration.yaml'), 'utf8');

interface Step { name?: string; id?: string; run?: string; uses?: string; with?: Record<string, string>; env?: Record<string, string>; if?: string }
interface Action { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } }

describe('action.yml', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
  const steps = action.runs.steps;

  it('is a composite action whose run lines contain no ${{ }}: inputs reach them through env', () => {
    assert.equal(action.runs.using, 'composite');
    const runs = steps.filter((s) => s.run !== undefined);
    assert.ok(runs.length >= 3);
    for (const s of runs) assert.doesNotMatch(s.run!, /\$\{\{/, `${s.name}: an expression inside run: is spliced into the script before the shell sees it`);
    const lint = steps.find((s) => s.id === 'lint')!;
    for (const input of ['paths', 'base-ref', 'fail-on', 'sarif-file']) {
      assert.ok(input in action.inputs, input);
      assert.equal(lint.env?.[`INPUT_${input.toUpperCase().replace(/-/g, '_')}`], `\${{ inputs.${input} }}`);
    }
    assert.equal(lint.run, 'node "$GITHUB_ACTION_PATH/scripts/github-action.mjs"');
  });

  it('downloads npm packages only, and uses one action: upload-sarif', () => {
    const build = steps[0].run!.trim().split('\n').map((l) => l.trim());
    assert.deepEqual(build, ['cd "$GITHUB_ACTION_PATH"', 'npm ci --ignore-scripts --no-audit --no-fund --loglevel=error', 'node scripts/build.mjs']);
    assert.deepEqual(steps.filter((s) => s.uses).map((s) => s.uses!.replace(/@.*/, '')), ['github/codeql-action/upload-sarif']);
    assert.equal(steps.find((s) => s.uses)!.with?.sarif_file, '${{ steps.lint.outputs.sarif-file }}');
  });
});

interface ActionRun { code: number | null; stdout: string; summary: string; outputs: Record<string, string> }

describe('the action\'s script on a repository with two commits', () => {
  const repo = new TempRepo();
  let first = '';
  before(() => {
    repo.write('designs/orders.integration.yaml', BASE);
    repo.write('designs/canvas.integration.yaml', CANVAS);
    repo.write('README.md', 'designs\n');
    first = repo.commit('first');
    repo.write('designs/orders.integration.yaml', BASE.replace('plan: enterprise', 'plan: demo'));
    // No summary: one info finding, so lint prints the file's name.
    repo.write('designs/::error title=pwned::injected.integration.yaml', CANVAS.replace(/^summary:.*\n/m, ''));
    repo.commit('second');
  });
  after(() => repo.dispose());

  /** Runs scripts/github-action.mjs as the composite action does, with the runner's files. */
  function runAction(inputs: Record<string, string>): Promise<ActionRun> {
    const summaryFile = join(repo.dir, '.summary.md');
    const outputFile = join(repo.dir, '.output');
    writeFileSync(summaryFile, '');
    writeFileSync(outputFile, '');
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [SCRIPT], {
        cwd: repo.dir,
        env: { ...process.env, GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: repo.dir, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, ...inputs },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
      child.on('error', reject);
      child.on('close', (code) => {
        const outputs = Object.fromEntries(readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
        resolve({ code, stdout, summary: readFileSync(summaryFile, 'utf8'), outputs });
      });
    });
  }

  it('lints, writes SARIF, and puts the review in the job summary; a new error fails the job', async () => {
    const r = await runAction({ INPUT_BASE_REF: first, INPUT_PATHS: 'designs' });
    assert.equal(r.code, 0, 'the script leaves failing to the last step, so the SARIF upload runs');
    assert.deepEqual(r.outputs, { 'exit-code': '1', 'sarif-file': 'integration-lint.sarif' });
    const sarif = JSON.parse(readFileSync(join(repo.dir, 'integration-lint.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.some((x) => x.ruleId === 'connect-demo-in-production'));
    assert.match(r.summary, /^## Integration design review\n\nCompared with `[0-9a-f]{40}`\. 2 designs compared: \*\*2 new errors\*\*/);
    assert.match(r.summary, /\| added \| \*\*error\*\* \| `connect-demo-in-production` \| `paths\.heroku_connect\.plan` \|/);
    assert.doesNotMatch(r.summary, /canvas\.integration\.yaml`? \(/, 'an unchanged design is not in the review');
  });

  it('fail-on: errors fails on any error; never passes', async () => {
    const clean = await runAction({ INPUT_BASE_REF: 'HEAD', INPUT_PATHS: 'designs', INPUT_FAIL_ON: 'new-errors' });
    assert.equal(clean.outputs['exit-code'], '0', 'nothing changed since HEAD');
    assert.equal((await runAction({ INPUT_BASE_REF: 'HEAD', INPUT_PATHS: 'designs', INPUT_FAIL_ON: 'errors' })).outputs['exit-code'], '1');
    assert.equal((await runAction({ INPUT_BASE_REF: first, INPUT_PATHS: 'designs', INPUT_FAIL_ON: 'never' })).outputs['exit-code'], '0');
    const wrong = await runAction({ INPUT_FAIL_ON: 'sometimes' });
    assert.equal(wrong.code, 2);
    assert.match(wrong.stdout, /^::error title=integration-lint::fail-on must be one of new-errors, errors, never/m);
  });

  it('without a base (a push event\'s zero commit), every design is new', async () => {
    const r = await runAction({ INPUT_BASE_REF: '0000000000000000000000000000000000000000', INPUT_PATHS: 'designs/orders.integration.yaml' });
    assert.equal(r.outputs['exit-code'], '1');
    assert.match(r.summary, /\(new design\)/);
    assert.match(r.summary, /^> No base ref to compare with/m);
  });

  it('paths one per line', async () => {
    const r = await runAction({ INPUT_BASE_REF: first, INPUT_PATHS: 'designs/canvas.integration.yaml\ndesigns/orders.integration.yaml\n' });
    assert.equal(r.outputs['exit-code'], '1');
    assert.match(r.summary, /1 design compared/);
  });

  it('hostile inputs stay harmless: a ref is never shell code, an option-like ref is refused, design output cannot issue workflow commands', async () => {
    const injected = await runAction({ INPUT_BASE_REF: '$(touch PWNED)`touch PWNED2`', INPUT_PATHS: 'designs' });
    assert.ok(!existsSync(join(repo.dir, 'PWNED')) && !existsSync(join(repo.dir, 'PWNED2')));
    assert.match(injected.stdout, /^::warning title=integration-lint::base ref '\$\(touch PWNED\)`touch PWNED2`' is not in this clone/m);
    assert.match(injected.summary, /The base ref `touchPWNEDtouchPWNED2` is not in this clone/, 'only safe characters of the ref reach the summary');

    const option = await runAction({ INPUT_BASE_REF: '--output=/tmp/x', INPUT_PATHS: 'designs' });
    assert.equal(option.code, 2);
    assert.match(option.stdout, /^::error title=integration-lint::base-ref cannot start with '-'/m);

    // The design named "::error title=pwned::…" appears in lint's output only inside a stop-commands block.
    const r = await runAction({ INPUT_BASE_REF: first, INPUT_PATHS: 'designs' });
    let open: string | undefined;
    let seen = false;
    for (const line of r.stdout.split('\n')) {
      const start = /^::stop-commands::([0-9a-f]{32})$/.exec(line);
      if (start && !open) open = start[1];
      else if (open && line === `::${open}::`) open = undefined;
      else if (line.includes('::error title=pwned::')) {
        seen = true;
        assert.ok(open, `outside a stop-commands block: ${line}`);
      }
    }
    assert.ok(seen, 'the hostile file name was printed (the check saw it)');
  });
});
