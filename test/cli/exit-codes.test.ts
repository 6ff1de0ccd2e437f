import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findingHeads, findingLines, ROOT, runCli } from './helpers';

const CLEAN = 'examples/orders-production.integration.yaml';
const ERRORS = 'test/cli/fixtures/duplicate-key.integration.yaml';

/** A design with warnings but no error: Connect with no integration user, in production. */
const WARNINGS_ONLY = `version: 1
name: Warnings only
summary: Salesforce accounts mirrored into Heroku Postgres.
environment: production
requirements:
  direction: salesforce-to-heroku
  source_of_truth: salesforce
  heroku_needs_local_copy: true
regions:
  heroku_app: us
  heroku_postgres: us
  heroku_connect: us
  salesforce: us-east
paths:
  heroku_connect:
    plan: enterprise
    contracted_rows: 1_000_000
    recovery_objective: 7d
    mappings:
      - object: Account
        rows: 1_000
`;

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'integration-lint-'));
  writeFileSync(join(dir, 'warnings.integration.yaml'), WARNINGS_ONLY);
  mkdirSync(join(dir, 'tree/nested/deeper'), { recursive: true });
  mkdirSync(join(dir, 'tree/node_modules/pkg'), { recursive: true });
  mkdirSync(join(dir, 'tree/empty'), { recursive: true });
  writeFileSync(join(dir, 'tree/integration.yaml'), WARNINGS_ONLY);
  writeFileSync(join(dir, 'tree/nested/deeper/b.integration.yaml'), 'version: 1\nname: B\nname: B again\npaths: {}\n');
  writeFileSync(join(dir, 'tree/nested/notes.yaml'), 'not: a design\n');
  writeFileSync(join(dir, 'tree/node_modules/pkg/integration.yaml'), 'version: 1\nname: dependency\nname: twice\npaths: {}\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('exit codes', () => {
  it('0 for a clean design', async () => {
    const r = await runCli([CLEAN]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stderr, '');
  });

  it('1 when a design has errors', async () => {
    assert.equal((await runCli([ERRORS])).code, 1);
  });

  it('0 with warnings only; 1 with more warnings than --max-warnings; 0 at exactly the maximum', async () => {
    const file = join(dir, 'warnings.integration.yaml');
    const plain = await runCli([file]);
    assert.equal(plain.code, 0, plain.stdout);
    const warnings = findingLines(plain.stdout).filter((l) => / warning /.test(l)).length;
    assert.ok(warnings >= 1, `the fixture has warnings:\n${plain.stdout}`);
    assert.ok(!findingLines(plain.stdout).some((l) => / error /.test(l)), `the fixture has no errors:\n${plain.stdout}`);
    const over = await runCli(['--max-warnings', String(warnings - 1), file]);
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`integration-lint: ${warnings} warnings?, more than --max-warnings ${warnings - 1}`));
    assert.equal((await runCli(['--max-warnings', String(warnings), file])).code, 0);
  });

  it('2 for a missing file, naming it and the reason on stderr, while still linting the others', async () => {
    const r = await runCli(['missing.integration.yaml', ERRORS]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, "integration-lint: cannot read 'missing.integration.yaml': no such file or directory\n");
    assert.ok(findingHeads(r.stdout).includes(`${ERRORS}:4:1 error duplicate-key`), 'the readable file is still linted');
    assert.match(r.stdout, /1 file linted: .*; 1 input could not be read\n$/);
  });

  it('2 when a path runs through a file, or a design in a directory is a dangling link', async () => {
    const through = await runCli([`${ERRORS}/design.integration.yaml`]);
    assert.equal(through.code, 2);
    assert.match(through.stderr, /cannot read '.*duplicate-key\.integration\.yaml\/design\.integration\.yaml': a part of the path is not a directory/);
    mkdirSync(join(dir, 'links'));
    writeFileSync(join(dir, 'links/good.integration.yaml'), WARNINGS_ONLY);
    symlinkSync(join(dir, 'links/nowhere.yaml'), join(dir, 'links/dangling.integration.yaml'));
    const r = await runCli(['links'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `integration-lint: cannot read '${join('links', 'dangling.integration.yaml')}': no such file or directory\n`);
    assert.match(r.stdout, /^1 file linted: /m, 'the good design is still linted');
  });

  it('2 for an unreadable file', { skip: process.getuid?.() === 0 ? 'root reads any file' : false }, async () => {
    const file = join(dir, 'locked.integration.yaml');
    writeFileSync(file, WARNINGS_ONLY);
    chmodSync(file, 0o000);
    const r = await runCli([file]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read '.*locked\.integration\.yaml': permission denied/);
  });

  it('2 for usage errors, with a pointer to --help', async () => {
    for (const args of [[], ['lint'], ['--format', 'xml', CLEAN], ['--nope', CLEAN], ['--max-warnings', 'many', CLEAN], ['--rule', 'no-such-rule=off', CLEAN], ['--rule', 'unknown-key=loud', CLEAN], ['--rule', 'unknown-key', CLEAN]]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /integration-lint/, args.join(' '));
      assert.equal(r.stdout, '', `${args.join(' ')} prints nothing on stdout`);
    }
    assert.match((await runCli(['--format', 'xml', CLEAN])).stderr, /unknown format 'xml': use text, json, sarif/);
    assert.match((await runCli(['--rule', 'unknown-kye=off', CLEAN])).stderr, /unknown rule 'unknown-kye' in --rule \(did you mean 'unknown-key'\?\)/);
    assert.match((await runCli(['--rule', 'unknown-key=loud', CLEAN])).stderr, /unknown severity 'loud' for rule 'unknown-key': use off, error, warning, info, hint/);
  });
});

describe('directories', () => {
  it('lints integration.yaml and *.integration.yaml recursively, skipping node_modules and other files', async () => {
    const r = await runCli(['--format', 'json', join(dir, 'tree')], { cwd: dir });
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file);
    assert.deepEqual(files, [join('tree', 'integration.yaml'), join('tree', 'nested', 'deeper', 'b.integration.yaml')]);
    assert.equal(r.code, 1, 'b.integration.yaml has a duplicate key');
  });

  it('reports a directory without designs as a usage problem (exit 2)', async () => {
    const r = await runCli([join(dir, 'tree/empty')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read '.*empty': no integration\.yaml, \*\.integration\.yaml or \*\.salesforce-org\.yaml files in this directory/);
  });

  it('lints the repository examples with a directory argument', async () => {
    const r = await runCli(['--format', 'json', 'examples'], { cwd: ROOT });
    const files = (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file);
    assert.ok(files.includes(join('examples', 'gotchas.integration.yaml')));
    assert.ok(files.includes(join('examples', 'paths', 'canvas.integration.yaml')));
    assert.equal(r.code, 1, 'gotchas has errors');
  });
});

describe('options', () => {
  it('--rule turns a rule off or changes its severity', async () => {
    const base = await runCli([ERRORS]);
    assert.ok(findingHeads(base.stdout).includes(`${ERRORS}:4:1 error duplicate-key`));
    const off = await runCli(['--rule', 'duplicate-key=off', ERRORS]);
    assert.ok(!findingHeads(off.stdout).some((h) => h.endsWith(' duplicate-key')), off.stdout);
    assert.equal(off.code, 0, 'no error left');
    const warn = await runCli(['--rule=duplicate-key=warning', '--rule', 'requirements-missing=off', ERRORS]);
    assert.ok(findingHeads(warn.stdout).includes(`${ERRORS}:4:1 warning duplicate-key`), warn.stdout);
    assert.ok(!findingHeads(warn.stdout).some((h) => h.endsWith(' requirements-missing')));
    assert.equal(warn.code, 0);
    assert.equal((await runCli(['--rule', 'duplicate-key=warning', '--max-warnings', '0', ERRORS])).code, 1);
  });

  it('the lint command name is optional', async () => {
    const a = await runCli([ERRORS]);
    const b = await runCli(['lint', ERRORS]);
    assert.deepEqual(b, a);
  });

  it('--version prints the package version; --help lists the commands and options', async () => {
    const { version } = JSON.parse((await import('node:fs')).readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const v = await runCli(['--version']);
    assert.equal(v.stdout, `${version}\n`);
    assert.equal(v.code, 0);
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    for (const text of ['Commands:', 'lint', '--format <text|json|sarif|gitlab>', '--rule <id>=<severity>', '--max-warnings <n>', '--quiet', '--docs-base-url', 'integration.yaml or *.integration.yaml', 'node_modules', 'Exit codes:']) {
      assert.ok(help.stdout.includes(text), `--help mentions ${text}`);
    }
    assert.equal((await runCli(['help', 'lint'])).stdout, (await runCli(['lint', '--help'])).stdout);
  });

  it('reads UTF-8 with a byte-order mark as if it had none', async () => {
    const text = 'version: 1\nname: BOM\nname: twice\npaths: {}\n';
    writeFileSync(join(dir, 'bom.integration.yaml'), `\uFEFF${text}`);
    writeFileSync(join(dir, 'plain.integration.yaml'), text);
    const bom = await runCli(['--format', 'json', 'bom.integration.yaml'], { cwd: dir });
    const plain = await runCli(['--format', 'json', 'plain.integration.yaml'], { cwd: dir });
    const strip = (out: string) => (JSON.parse(out) as { findings: unknown[] }[])[0].findings;
    assert.deepEqual(strip(bom.stdout), strip(plain.stdout));
    assert.ok(findingHeads((await runCli(['bom.integration.yaml'], { cwd: dir })).stdout).includes('bom.integration.yaml:3:1 error duplicate-key'));
  });

  it('does not crash on binary input: the core reports it and the exit code says so', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x1b, 0x5b, 0x33, 0x31, 0x6d]);
    writeFileSync(join(dir, 'image.integration.yaml'), bytes);
    const r = await runCli(['image.integration.yaml'], { cwd: dir });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
    assert.ok(findingLines(r.stdout).length >= 1);
    assert.doesNotMatch(r.stdout, /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/, 'control characters from the file are escaped, not printed');
  });
});
