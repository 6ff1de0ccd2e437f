import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv';
import { TempRepo } from '../helpers/gitRepo';
import { ROOT, runCli } from './helpers';

const BASE = readFileSync(join(ROOT, 'test/unit/review/fixtures/base.integration.yaml'), 'utf8');
const CANVAS = readFileSync(join(ROOT, 'examples/paths/canvas.integration.yaml'), 'utf8');
const POC = readFileSync(join(ROOT, 'examples/poc-demo.integration.yaml'), 'utf8');
const SHELL_NAME = 'designs/$(touch PWNED);`touch PWNED2`.integration.yaml';

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'docs/schemas/decision.schema.json'), 'utf8')) as object);
const validateReview = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'docs/schemas/review.schema.json'), 'utf8')) as object);

interface Review {
  base: string;
  designs: { file: string; status: string; findings: Record<'added' | 'resolved' | 'unchanged', { ruleId: string; designPath: string; severity: string }[]>; decision: { pathChanged: boolean } }[];
  summary: { newErrors: number; designs: number };
}

function parseReview(stdout: string): Review {
  const review = JSON.parse(stdout) as Review;
  assert.ok(validateReview(review), JSON.stringify(validateReview.errors, null, 2));
  return review;
}

describe('integration-lint diff --git', () => {
  const repo = new TempRepo();
  before(() => {
    repo.write('designs/orders.integration.yaml', BASE);
    repo.write('designs/poc.integration.yaml', POC);
    repo.write('notes.yaml', 'not: a design\n');
    repo.commit('first');
    repo.write('designs/orders.integration.yaml', `# Comments shift every line.\n\n${BASE.replace('plan: enterprise', 'plan: demo')}`);
    repo.remove('designs/poc.integration.yaml');
    repo.write('designs/canvas.integration.yaml', CANVAS);
    repo.write(SHELL_NAME, CANVAS);
    repo.write('notes.yaml', 'still: not a design\n');
    repo.commit('second');
    repo.write('wip.integration.yaml', CANVAS); // untracked, in the working tree
  });
  after(() => repo.dispose());

  it('compares the working tree with a ref: changed, added (committed or untracked) and deleted designs', async () => {
    const r = await runCli(['diff', '--git', 'HEAD~1', '--format', 'json'], { cwd: repo.dir });
    assert.equal(r.code, 1, r.stderr);
    const review = parseReview(r.stdout);
    assert.equal(review.base, 'HEAD~1');
    assert.deepEqual(review.designs.map((d) => `${d.file} ${d.status}`), [
      `${SHELL_NAME} added`,
      'designs/canvas.integration.yaml added',
      'designs/orders.integration.yaml modified',
      'designs/poc.integration.yaml removed',
      'wip.integration.yaml added',
    ]);
    const orders = review.designs.find((d) => d.file === 'designs/orders.integration.yaml')!;
    assert.ok(orders.findings.added.some((f) => f.ruleId === 'connect-demo-in-production' && f.designPath === 'paths.heroku_connect.plan' && f.severity === 'error'));
    assert.equal(orders.findings.resolved.length, 0, 'the comments above moved every finding; none counts as resolved');
    assert.equal(orders.findings.unchanged.length, 4);
    const poc = review.designs.find((d) => d.status === 'removed')!;
    assert.ok(poc.findings.resolved.length > 0 && poc.findings.added.length === 0);
    assert.ok(!existsSync(join(repo.dir, 'PWNED')) && !existsSync(join(repo.dir, 'PWNED2')) && !existsSync(join(ROOT, 'PWNED')), 'a file name is never run as shell code');
  });

  it('the working tree against HEAD: only the uncommitted change', async () => {
    const r = await runCli(['diff', '--git', 'HEAD', '--format', 'json'], { cwd: repo.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(parseReview(r.stdout).designs.map((d) => `${d.file} ${d.status}`), ['wip.integration.yaml added']);
  });

  it('limits the comparison to the paths given, relative to the working directory', async () => {
    const named = await runCli(['diff', '--git', 'HEAD~1', '--format', 'json', 'designs/poc.integration.yaml'], { cwd: repo.dir });
    assert.equal(named.code, 0, named.stderr);
    assert.deepEqual(parseReview(named.stdout).designs.map((d) => d.file), ['designs/poc.integration.yaml']);
    const inside = await runCli(['diff', '--git', 'HEAD~1', '--format', 'json', '.'], { cwd: join(repo.dir, 'designs') });
    assert.deepEqual(parseReview(inside.stdout).designs.map((d) => d.file), [SHELL_NAME.replace('designs/', ''), 'canvas.integration.yaml', 'orders.integration.yaml', 'poc.integration.yaml']);
  });

  it('takes paths literally: pathspec magic is a file name', async () => {
    const r = await runCli(['diff', '--git', 'HEAD~1', '--format', 'json', '--', ':(exclude)designs'], { cwd: repo.dir });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(parseReview(r.stdout).designs, [], 'without --literal-pathspecs this would compare wip.integration.yaml');
  });

  it('refuses refs that would be options, and never runs a ref as shell code', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'integration-lint-ref-'));
    try {
      const marker = join(outside, 'written');
      for (const ref of [`--output=${marker}`, '-p']) {
        const r = await runCli(['diff', `--git=${ref}`], { cwd: repo.dir });
        assert.equal(r.code, 2, ref);
        assert.match(r.stderr, /git refs cannot start with '-'/);
      }
      const ambiguous = await runCli(['diff', '--git', `--output=${marker}`], { cwd: repo.dir });
      assert.equal(ambiguous.code, 2);
      const shell = await runCli(['diff', '--git', `HEAD; touch ${marker}`], { cwd: repo.dir });
      assert.equal(shell.code, 2);
      assert.match(shell.stderr, /git: 'HEAD; touch .*' is not a commit in this repository/);
      assert.ok(!existsSync(marker), 'nothing was written');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('fails with exit code 2 outside a git repository', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'integration-lint-nogit-'));
    try {
      const r = await runCli(['diff', '--git', 'HEAD'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^integration-lint: git: not a git repository/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('markdown for the job summary', async () => {
    const r = await runCli(['diff', '--git', 'HEAD~1', '--format', 'markdown', 'designs/orders.integration.yaml'], { cwd: repo.dir });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^## Integration design review\n\nCompared with `HEAD~1`\. 1 design compared: \*\*2 new errors\*\*/);
    assert.match(r.stdout, /\| added \| \*\*error\*\* \| `connect-demo-in-production` \| `paths\.heroku_connect\.plan` \| 29 \|/);
  });
});

describe('integration-lint diff <old> <new>', () => {
  const dir = mkdtempSync(join(tmpdir(), 'integration-lint-diff-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: { name: string; after: string; code: number; text: RegExp }[] = [
    { name: 'keys and mappings reordered', after: BASE.replace('  rest_api:\n    auth_flow: web-server\n    token_holders: 3\n', '').replace('paths:\n', 'paths:\n  rest_api:\n    token_holders: 3\n    auth_flow: web-server\n'), code: 0, text: /^new\.integration\.yaml: modified\n  4 findings unchanged\nCompared with old\.integration\.yaml: 1 design compared: no new errors; 0 findings added, 0 resolved, 4 unchanged\.\n$/ },
    { name: 'a path renamed', after: BASE.replace('  rest_api:', '  apex_callout:'), code: 1, text: /^  - info rest-interactive-auth-flow paths\.rest_api\.auth_flow \(was 35:16\) /m },
    { name: 'a new error', after: BASE.replace('plan: enterprise', 'plan: demo'), code: 1, text: /^  \+ error connect-demo-in-production paths\.heroku_connect\.plan \(27:11\) .*\n[\s\S]*^  limit reached 50% and 100%: Rows synced across all mappings vs the demo plan cap \(not measured -> 12,000%\)$/m },
    { name: 'an error fixed', after: BASE.replace('      - { object: KnowledgeArticleVersion, rows: 200_000 }\n', ''), code: 0, text: /^  - error connect-unmappable-object paths\.heroku_connect\.mappings\[object=KnowledgeArticleVersion\].object \(was 33:19\) /m },
    { name: 'the recommendation changed', after: BASE.replace('heroku_needs_local_copy: true', 'heroku_needs_local_copy: false'), code: 0, text: /^  recommendation: Heroku Connect \(enterprise plan\) and Heroku → Salesforce REST API -> Heroku → Salesforce REST API$/m },
  ];
  for (const c of cases) {
    it(`${c.name}: exit ${c.code}`, async () => {
      const r = await runCli(['diff', file('old.integration.yaml', BASE), file('new.integration.yaml', c.after)], { cwd: dir });
      assert.equal(r.code, c.code, r.stderr);
      assert.match(r.stdout, c.text);
    });
  }

  it('json matches its schema', async () => {
    const r = await runCli(['diff', '-f', 'json', file('old.integration.yaml', BASE), file('new.integration.yaml', BASE.replace('plan: enterprise', 'plan: demo'))], { cwd: dir });
    assert.equal(r.code, 1);
    assert.equal(parseReview(r.stdout).summary.newErrors, 2);
  });

  it('--rule applies to both sides', async () => {
    const r = await runCli(['diff', '--rule', 'connect-demo-in-production=warning', '--rule', 'connect-demo-row-limit=off', file('old.integration.yaml', BASE), file('new.integration.yaml', BASE.replace('plan: enterprise', 'plan: demo'))], { cwd: dir });
    assert.equal(r.code, 0, 'no error added once the rules are toned down');
    assert.match(r.stdout, /^  \+ warning connect-demo-in-production /m);
    assert.doesNotMatch(r.stdout, /connect-demo-row-limit/);
  });

  const usage: { args: string[]; message: RegExp }[] = [
    { args: ['diff', 'only-one.integration.yaml'], message: /diff takes two design files \(old, then new\), or --git <base-ref>/ },
    { args: ['diff', 'a', 'b', 'c'], message: /diff takes two design files, not 3/ },
    { args: ['diff', 'missing.integration.yaml', 'old.integration.yaml'], message: /cannot read 'missing\.integration\.yaml': / },
    { args: ['diff', '--format', 'sarif', 'a', 'b'], message: /unknown format 'sarif': use text, json, markdown/ },
    { args: ['diff', '--rule', 'nope=off', 'a', 'b'], message: /unknown rule 'nope'/ },
  ];
  for (const u of usage) {
    it(`usage error, exit 2: ${u.args.slice(1).join(' ')}`, async () => {
      file('old.integration.yaml', BASE);
      const r = await runCli(u.args, { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, u.message);
      assert.equal(r.stdout, '');
    });
  }

  it('is listed in --help, with its own help', async () => {
    assert.match((await runCli(['--help'])).stdout, /^ {2}diff +Review a change/m);
    const help = await runCli(['help', 'diff']);
    assert.equal(help.code, 0);
    for (const part of [/^Usage: integration-lint diff <old\.yaml> <new\.yaml> \[options\]$/m, /^Exit codes:\n  0 .*\n  1 .*\n  2 /m, /^Examples:$/m, /--git <base-ref>/]) assert.match(help.stdout, part);
  });
});
