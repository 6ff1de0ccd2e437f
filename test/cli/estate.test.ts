// The example estate on the command line: three designs of one org and its org file, checked
// together. Golden files hold the text, JSON and SARIF output (test/golden/estate/lint.*, the SARIF
// results only):
//   UPDATE_GOLDEN=1 node --import tsx --test test/cli/estate.test.ts   rewrites them (after npm run build)
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findingHeads, ROOT, runCli } from './helpers';
import { checkGolden } from '../helpers/golden';

const GOLDEN = join(ROOT, 'test/golden/estate');

function golden(name: string, actual: string): void {
  checkGolden(join(GOLDEN, name), actual, 'test/cli/estate.test.ts');
}

describe('the example estate on the command line', () => {
  it('reports the shared user and the API requests over the org\'s allocation together in both designs, each pointing at the other (text)', async () => {
    const r = await runCli(['examples/estate/']);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(findingHeads(r.stdout), [
      'examples/estate/contract-lookups.integration.yaml:34:27 error estate-allocation-exceeded',
      'examples/estate/contract-lookups.integration.yaml:34:27 warning limit-approaching',
      'examples/estate/fulfilment-events.integration.yaml:26:15 warning estate-integration-user-shared',
      'examples/estate/fulfilment-events.integration.yaml:48:27 error estate-allocation-exceeded',
      'examples/estate/fulfilment-events.integration.yaml:48:27 warning limit-approaching',
      'examples/estate/orders-mirror.integration.yaml:30:15 warning estate-integration-user-shared',
    ]);
    assert.match(r.stdout, /\n {2}examples\/estate\/orders-mirror\.integration\.yaml:30:15 Also used by Orders mirror \(Heroku Connect\)\n/);
    assert.match(r.stdout, /use 104% of its API requests per 24 hours \(730,000 of 700,000 requests per 24 hours, stated in acme-prod\.salesforce-org\.yaml, line 14\)\. This design adds 380,000 .*\n {2}examples\/estate\/fulfilment-events\.integration\.yaml:48:27 Adds 350,000 .*\n {2}examples\/estate\/acme-prod\.salesforce-org\.yaml:14:21 The org's API requests per 24 hours: 700,000\n/);
    golden('lint.txt', r.stdout);
  });

  it('each design alone stays under the org\'s allocation: no finding across designs, and its own share against the org file\'s figure', async () => {
    const alone = { 'orders-mirror': [], 'fulfilment-events': ['50%'], 'contract-lookups': ['54%'] };
    for (const [name, shares] of Object.entries(alone)) {
      const r = await runCli([`examples/estate/${name}.integration.yaml`]);
      assert.equal(r.code, 0, r.stdout + r.stderr);
      const heads = findingHeads(r.stdout);
      assert.deepEqual(heads.map((h) => h.replace(/^\S+ /, '')), shares.map(() => 'warning limit-approaching'), `${name} alone: ${heads.join('\n')}`);
      for (const share of shares) assert.match(r.stdout, new RegExp(`At ${share} of API requests to Salesforce per day \\(REST API\\) vs the org's stated allocation \\(daily_api_requests in acme-prod\\.salesforce-org\\.yaml, line 14\\)`));
    }
  });

  it('carries the related locations in the other file in JSON', async () => {
    const r = await runCli(['--format', 'json', 'examples/estate/']);
    const report = JSON.parse(r.stdout) as { file: string; findings: { ruleId: string; related: { file?: string; line: number; column: number; message: string }[] }[] }[];
    const events = report.find((f) => f.file === 'examples/estate/fulfilment-events.integration.yaml')!;
    assert.deepEqual(events.findings.find((f) => f.ruleId === 'estate-integration-user-shared')!.related, [{
      file: 'examples/estate/orders-mirror.integration.yaml', message: 'Also used by Orders mirror (Heroku Connect)',
      range: { start: { line: 29, character: 14 }, end: { line: 29, character: 33 } }, line: 30, column: 15, endLine: 30, endColumn: 34,
    }]);
    assert.deepEqual(events.findings.find((f) => f.ruleId === 'estate-allocation-exceeded')!.related.map((x) => [x.file, x.line, x.message]), [
      ['examples/estate/contract-lookups.integration.yaml', 34, 'Adds 380,000 (Salesforce API requests a day through the REST API)'],
      ['examples/estate/acme-prod.salesforce-org.yaml', 14, 'The org\'s API requests per 24 hours: 700,000'],
    ]);
    golden('lint.json', r.stdout);
  });

  it('carries them in SARIF, with the other file as the artifact location', async () => {
    const r = await runCli(['--format', 'sarif', 'examples/estate/']);
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; relatedLocations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number } } }[] }[] }[] };
    const where = (ruleId: string) => log.runs[0].results.filter((x) => x.ruleId === ruleId).map((x) => [x.locations[0].physicalLocation.artifactLocation.uri, x.relatedLocations.map((l) => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.artifactLocation.uriBaseId, l.physicalLocation.region.startLine])]);
    assert.deepEqual(where('estate-integration-user-shared'), [
      ['examples/estate/fulfilment-events.integration.yaml', [['examples/estate/orders-mirror.integration.yaml', '%SRCROOT%', 30]]],
      ['examples/estate/orders-mirror.integration.yaml', [['examples/estate/fulfilment-events.integration.yaml', '%SRCROOT%', 26]]],
    ]);
    assert.deepEqual(where('estate-allocation-exceeded'), [
      ['examples/estate/contract-lookups.integration.yaml', [['examples/estate/fulfilment-events.integration.yaml', '%SRCROOT%', 48], ['examples/estate/acme-prod.salesforce-org.yaml', '%SRCROOT%', 14]]],
      ['examples/estate/fulfilment-events.integration.yaml', [['examples/estate/contract-lookups.integration.yaml', '%SRCROOT%', 34], ['examples/estate/acme-prod.salesforce-org.yaml', '%SRCROOT%', 14]]],
    ]);
    // The results only: the driver's rule list changes with every new rule and is tested in sarif.test.ts.
    golden('lint.sarif.results.json', `${JSON.stringify(log.runs[0].results, null, 2)}\n`);
  });

  it('the committed estate risk register is up to date (estate --check)', async () => {
    const r = await runCli(['estate', '--check', 'examples/estate/']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /1 estate register up to date/);
  });
});

describe('the estate command and broken input', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'estate-cli-'));
    cpSync(join(ROOT, 'examples/estate'), dir, { recursive: true });
    rmSync(join(dir, 'acme-prod.estate.risks.md'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes <org>.estate.risks.md beside the org file, then finds it up to date, then stale when a design changes', async () => {
    const written = await runCli(['estate', '.'], { cwd: dir });
    assert.equal(written.code, 0, written.stderr);
    assert.equal(written.stdout, 'wrote acme-prod.estate.risks.md\n');
    const register = readFileSync(join(dir, 'acme-prod.estate.risks.md'), 'utf8');
    assert.match(register, /^<!-- generated by integration-lint from estate acme-prod \(3 designs, 1 org file\); edit the design, not this file -->\n<!-- integration-lint artifact=estate /);
    assert.match(register, /\| Orders mirror \| `orders-mirror\.integration\.yaml` \| Heroku Connect \| `sf-connect@acme\.com` \| 1 \|/);
    assert.equal((await runCli(['estate', '--check', '.'], { cwd: dir })).code, 0);
    writeFileSync(join(dir, 'contract-lookups.integration.yaml'), readFileSync(join(dir, 'contract-lookups.integration.yaml'), 'utf8').replace('sf-portal@acme.com', 'sf-connect@acme.com'));
    const stale = await runCli(['estate', '--check', '.'], { cwd: dir });
    assert.equal(stale.code, 1);
    assert.match(stale.stdout, /acme-prod\.estate\.risks\.md: out of date: a document of the estate changed since it was generated/);
  });

  it('a broken design is left out with a note and never hides the others\' findings; an unreadable one is reported, the rest still linted', async () => {
    writeFileSync(join(dir, 'broken.integration.yaml'), 'version: 1\nname: Broken\nsalesforce:\n  org: acme-prod\nsummary: "never closed\npaths: {}\n');
    symlinkSync(join(dir, 'missing-target.yaml'), join(dir, 'gone.integration.yaml'));
    const r = await runCli(['.'], { cwd: dir });
    assert.equal(r.code, 2, 'an unreadable input is a usage problem');
    assert.match(r.stderr, /cannot read 'gone\.integration\.yaml'/);
    const heads = findingHeads(r.stdout);
    assert.ok(heads.includes('orders-mirror.integration.yaml:30:15 warning estate-integration-user-shared'), heads.join('\n'));
    assert.ok(heads.includes('contract-lookups.integration.yaml:34:27 error estate-allocation-exceeded'), heads.join('\n'));
    assert.ok(heads.includes('broken.integration.yaml:4:8 info estate-design-left-out'), heads.join('\n'));
    const estate = await runCli(['estate', '--force', '.'], { cwd: dir });
    assert.equal(estate.code, 2);
    const register = readFileSync(join(dir, 'acme-prod.estate.risks.md'), 'utf8');
    assert.match(register, /## Left out\n\n- `broken\.integration\.yaml`: left out because its YAML has a syntax error \(on line 5\)\. Fix it to count it in the sums above\.\n- `gone\.integration\.yaml`: could not be read \(no such file or directory\); it may belong to this org\./);
  });

  it('says so when no design names an org', async () => {
    const r = await runCli(['estate', 'examples/orders-production.integration.yaml']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no design among the inputs names its org/);
  });
});
