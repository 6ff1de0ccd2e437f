import assert from 'node:assert/strict';
import { PATH_KEYS } from '../../server/src/core/vocabulary';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli } from './helpers';

interface JsonFile { file: string; findings: { ruleId: string; severity: string; line: number; message: string }[] }

async function lintJson(files: string[]): Promise<JsonFile[]> {
  const r = await runCli(['--format', 'json', ...files]);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return JSON.parse(r.stdout) as JsonFile[];
}

const describeFindings = (file: JsonFile) => file.findings.map((f) => `${file.file}:${f.line} ${f.severity} ${f.ruleId} ${f.message}`).join('\n');

/** Rules the gotchas example is written to trip, one commented line each (a sample across categories). */
const GOTCHAS_MUST_TRIP = [
  'unknown-key', 'invalid-value', 'wrong-type', 'invalid-duration', 'invalid-number', 'duplicate-key',
  'decision-path-mismatch', 'cross-org-passthrough', 'summary-missing',
  'connect-demo-row-limit', 'connect-demo-in-production', 'connect-demo-polling-interval', 'connect-trigger-log-retention',
  'connect-connection-pooling', 'connect-postgres-fdw', 'connect-unmappable-object', 'connect-sandbox-refresh',
  'connect-user-missing-view-all', 'connect-region-differs-from-app',
  'integration-user-shared', 'integration-user-is-person', 'integration-user-missing-api-enabled',
  'region-not-colocated', 'region-app-postgres-mismatch',
  'applink-router-timeout', 'external-objects-odata2-writable', 'events-retention', 'events-delivery-allocation',
  'rest-token-approvals', 'rest-new-connected-app', 'apex-callout-limit', 'apex-callout-from-trigger',
  'canvas-auth-mixed', 'secret-in-design', 'unused-suppression',
];
const GOTCHAS_MIN_DISTINCT_RULES = 40;

describe('examples', () => {
  it('orders-production has no error or warning (exit code 0)', async () => {
    const r = await runCli(['examples/orders-production.integration.yaml', '--max-warnings', '0']);
    assert.equal(r.code, 0, r.stdout);
    const [file] = await lintJson(['examples/orders-production.integration.yaml']);
    assert.deepEqual(file.findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), [], describeFindings(file));
  });

  it('poc-demo has at most information', async () => {
    const [file] = await lintJson(['examples/poc-demo.integration.yaml']);
    assert.deepEqual(file.findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), [], describeFindings(file));
  });

  it('every per-path example is clean (no error or warning)', async () => {
    const names = readdirSync(join(ROOT, 'examples/paths')).filter((n) => n.endsWith('.integration.yaml'));
    assert.equal(names.length, PATH_KEYS.length, 'one example per path');
    for (const file of await lintJson(names.map((n) => `examples/paths/${n}`))) {
      assert.deepEqual(file.findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), [], describeFindings(file));
    }
  });

  it(`gotchas trips at least ${GOTCHAS_MIN_DISTINCT_RULES} distinct rules, including the ones its comments name`, async () => {
    const [file] = await lintJson(['examples/gotchas.integration.yaml']);
    const tripped = new Set(file.findings.map((f) => f.ruleId));
    const missing = GOTCHAS_MUST_TRIP.filter((id) => !tripped.has(id));
    assert.deepEqual(missing, [], `gotchas no longer trips these rules:\n${describeFindings(file)}`);
    assert.ok(tripped.size >= GOTCHAS_MIN_DISTINCT_RULES, `only ${tripped.size} distinct rules: ${[...tripped].join(', ')}`);
    assert.ok(!tripped.has('internal-error'), describeFindings(file));
  });
});
