import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv';
import { ROOT, runCli } from './helpers';

// The schema is written from GitLab's documentation of the Code Quality report (see its description).
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(__dirname, 'fixtures/gitlab-code-quality.schema.json'), 'utf8')) as object);

interface Issue { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }

async function gitlab(args: string[], cwd = ROOT): Promise<{ code: number | null; issues: Issue[] }> {
  const r = await runCli(['--format', 'gitlab', ...args], { cwd });
  assert.ok(!r.stdout.startsWith('\uFEFF'), 'GitLab refuses a byte-order mark');
  const issues = JSON.parse(r.stdout) as Issue[];
  assert.ok(validate(issues), JSON.stringify(validate.errors, null, 2));
  return { code: r.code, issues };
}

describe('gitlab output (Code Quality report)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'integration-lint-gitlab-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('matches the documented format, one issue per finding, with lint\'s exit code', async () => {
    const [{ code, issues }, json] = await Promise.all([gitlab(['examples/']), runCli(['--format', 'json', 'examples/'])]);
    const files = JSON.parse(json.stdout) as { file: string; findings: { ruleId: string; line: number; message: string; severity: string }[] }[];
    assert.equal(code, json.code);
    assert.deepEqual(issues.map((i) => `${i.location.path}:${i.location.lines.begin} ${i.check_name} ${i.description}`), files.flatMap((f) => f.findings.map((x) => `${f.file}:${x.line} ${x.ruleId} ${x.message}`)));
    const severities = new Map(files.flatMap((f) => f.findings.map((x) => [x.severity, issues.find((i) => i.check_name === x.ruleId)!.severity] as const)));
    assert.deepEqual(Object.fromEntries(severities), { error: 'major', warning: 'minor', info: 'info', hint: 'info' });
  });

  it('fingerprints are unique, and survive lines moving (not a new finding in the merge request)', async () => {
    const text = readFileSync(join(ROOT, 'examples/gotchas.integration.yaml'), 'utf8');
    writeFileSync(join(dir, 'design.integration.yaml'), text);
    const before = (await gitlab(['design.integration.yaml'], dir)).issues;
    assert.equal(new Set(before.map((i) => i.fingerprint)).size, before.length, 'GitLab shows issues with one fingerprint once');
    writeFileSync(join(dir, 'design.integration.yaml'), `# A comment added above.\n\n${text}`);
    const moved = (await gitlab(['design.integration.yaml'], dir)).issues;
    assert.deepEqual(moved.map((i) => i.location.lines.begin), before.map((i) => i.location.lines.begin + 2));
    assert.deepEqual(moved.map((i) => i.fingerprint), before.map((i) => i.fingerprint));
    writeFileSync(join(dir, 'design.integration.yaml'), text.replace('plan: demo', 'plan: enterprise'));
    const fixed = new Set((await gitlab(['design.integration.yaml'], dir)).issues.map((i) => i.fingerprint));
    const gone = before.filter((i) => !fixed.has(i.fingerprint)).map((i) => i.check_name);
    assert.ok(gone.includes('connect-demo-row-limit') && gone.includes('connect-demo-in-production'), gone.join(', '));
  });

  it('an empty report is an empty array', async () => {
    assert.deepEqual((await gitlab(['examples/paths/canvas.integration.yaml'])).issues, []);
  });
});
