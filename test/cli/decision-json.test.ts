import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { ROOT, runCli } from './helpers';

const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(ROOT, 'docs/schemas/decision.schema.json'), 'utf8')) as object);
const PRODUCTION = 'examples/orders-production.integration.yaml';

describe('recommendation --format json', () => {
  it('prints the decision as one versioned object that matches its schema', async () => {
    const r = await runCli(['recommendation', '--format', 'json', PRODUCTION]);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { schemaVersion: number; recommendedPath: string; planTier: string; decidingRow: { id: string; number: number }; design: { differs: boolean } };
    assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.recommendedPath, 'heroku_connect');
    assert.equal(report.planTier, 'enterprise');
    assert.deepEqual([report.decidingRow.id, report.decidingRow.number], ['production-scale-connect', 9]);
    assert.equal(report.design.differs, false);
  });

  it('is the same object as `decision` in the lint JSON of each file', async () => {
    const [single, lint] = await Promise.all([runCli(['recommendation', '-f', 'json', 'examples/gotchas.integration.yaml']), runCli(['--format', 'json', 'examples/'])]);
    const files = JSON.parse(lint.stdout) as { file: string; decision: unknown }[];
    for (const f of files) {
      // An org file (examples/estate/) is no design: it has no decision.
      if (f.file.endsWith('.salesforce-org.yaml')) assert.equal(f.decision, undefined, f.file);
      else assert.ok(validate(f.decision), `${f.file}: ${JSON.stringify(validate.errors)}`);
    }
    assert.deepEqual(files.find((f) => f.file === 'examples/gotchas.integration.yaml')?.decision, JSON.parse(single.stdout));
  });

  it('markdown stays the default; json goes to standard output only', async () => {
    assert.match((await runCli(['recommendation', '--format', 'markdown', PRODUCTION])).stdout, /^<!-- /);
    const both = await runCli(['recommendation', '--format', 'json', '-o', 'x.json', PRODUCTION]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /--format json writes to standard output/);
    const other = await runCli(['recommendation', '--format', 'yaml', PRODUCTION]);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /unknown format 'yaml': use markdown or json/);
    assert.equal((await runCli(['runbook', '--format', 'json', PRODUCTION])).code, 2, 'only the recommendation has a JSON form');
  });
});
