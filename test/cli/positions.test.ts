import assert from 'node:assert/strict';
import { PATH_KEYS } from '../../server/src/core/vocabulary';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findingHeads, ROOT, runCli } from './helpers';

/**
 * Where each finding of the examples must be printed, stated by the text it points at rather
 * than by a column number: the test finds the token on the line itself (as a whole word), so
 * a wrong column, an off-by-one or a finding on the wrong line all fail.
 */
type Expected = readonly [ruleId: string, line: number, token: string];

const GOTCHAS: readonly Expected[] = [
  ['summary-missing', 5, 'name'],
  ['unknown-key', 12, 'instanse'],
  ['invalid-value', 15, 'both-ways'],
  ['wrong-type', 17, 'yes'],
  ['invalid-duration', 18, '30'],
  ['invalid-number', 20, '1.2M'],
  ['cross-org-passthrough', 28, 'true'],
  ['duplicate-key', 30, 'regulated_data'],
  ['region-not-colocated', 33, 'eu'],
  ['region-app-postgres-mismatch', 34, 'us'],
  ['region-not-colocated', 34, 'us'],
  ['connect-region-differs-from-app', 35, 'us'],
  ['integration-user-shared', 39, 'jane'],
  ['integration-user-is-person', 41, 'person'],
  ['connect-user-missing-view-all', 43, 'permissions'],
  ['integration-user-missing-api-enabled', 43, 'permissions'],
  ['integration-user-permissions-unstated', 45, 'events'],
  ['integration-user-shared', 45, 'events'],
  ['integration-user-license', 48, 'salesforce'],
  ['invalid-value', 55, 'data_loader'],
  ['connect-sandbox-refresh', 58, 'heroku_connect'],
  ['decision-path-mismatch', 58, 'heroku_connect'],
  ['connect-demo-in-production', 59, 'demo'],
  ['connect-demo-inactivity', 59, 'demo'],
  ['connect-demo-row-limit', 59, 'demo'],
  ['connect-shield-for-regulated-data', 59, 'demo'],
  ['connect-demo-polling-interval', 60, '2m'],
  ['connect-bulk-api-version', 61, '36.0'],
  ['connect-trigger-log-retention', 62, '14d'],
  ['connect-review-app-provisioning', 63, 'review-app'],
  ['connect-connection-pooling', 66, 'true'],
  ['connect-postgres-fdw', 67, 'true'],
  ['connect-unmappable-object', 73, 'KnowledgeArticleVersion'],
  ['connect-backlog-object', 75, '50_000'],
  ['connect-demo-polling-interval', 78, '1m'],
  ['applink-router-timeout', 83, '45s'],
  ['applink-platform-api-rate', 84, '6_000'],
  ['external-objects-odata2-writable', 87, '"2.0"'],
  ['external-objects-rate-limit', 89, '30_000'],
  ['external-objects-standard-reports', 90, 'true'],
  ['events-delivery-allocation', 95, '90_000'],
  ['events-retention', 97, '4d'],
  ['rest-interactive-auth-flow', 100, 'web-server'],
  ['rest-new-connected-app', 101, 'new-connected-app'],
  ['rest-token-approvals', 102, '8'],
  ['rest-long-running-requests', 103, '40'],
  ['apex-callout-named-credential', 105, 'apex_callout'],
  ['apex-callout-from-trigger', 106, 'trigger'],
  ['apex-callout-router-timeout', 108, '60s'],
  ['apex-callout-limit', 109, '150'],
  ['apex-callout-total-time', 109, '150'],
  ['canvas-auth-mixed', 113, '[signed-request, oauth-web-server]'],
  ['secret-in-design', 118, 'postgres://orders:hunter2hunter2@db.example.com:5432/orders'],
  ['unused-suppression', 120, 'region-unstated'],
];

const POC_DEMO: readonly Expected[] = [
  ['connect-user-modify-all-tip', 32, 'permissions'],
  ['connect-demo-inactivity', 37, 'demo'],
];

/** `file:line:col severity`-free head (`file:line:col rule-id`) the CLI must print for an expectation. */
function expectedHead(file: string, [ruleId, line, token]: Expected): string {
  const text = readFileSync(join(ROOT, file), 'utf8').split(/\r?\n/)[line - 1];
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = new RegExp(`(?<=^|[\\s=])${escaped}(?=$|[\\s,\\]:])`).exec(text);
  assert.ok(at, `'${token}' is not on line ${line} of ${file}: ${text}`);
  return `${file}:${line}:${at.index + 1} ${ruleId}`;
}

async function printedHeads(file: string): Promise<string[]> {
  const { stdout } = await runCli([file]);
  // `file:line:col severity rule-id` → `file:line:col rule-id`
  return findingHeads(stdout).map((head) => head.replace(/ (error|warning|info|hint) /, ' ')).sort();
}

describe('the CLI prints each finding of the examples at its line and column', () => {
  for (const [file, expected] of [['examples/gotchas.integration.yaml', GOTCHAS], ['examples/poc-demo.integration.yaml', POC_DEMO]] as const) {
    it(file, async () => {
      assert.deepEqual(await printedHeads(file), expected.map((e) => expectedHead(file, e)).sort());
    });
  }

  it('prints nothing for the clean production example and the per-path examples', async () => {
    const { stdout, code } = await runCli(['examples/orders-production.integration.yaml', 'examples/paths/']);
    assert.equal(code, 0, stdout);
    assert.match(stdout, new RegExp(`^${PATH_KEYS.length + 1} files linted: 0 errors, 0 warnings, 0 info, 0 hints$`, 'm'), 'the production example and every path example were read');
    assert.deepEqual(findingHeads(stdout), []);
  });
});
