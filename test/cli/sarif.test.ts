import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../../server/src/core/rules/registry';
import { ROOT, runCli } from './helpers';

/**
 * The official SARIF 2.1.0 JSON schema (draft-04), as Microsoft's SARIF SDK ships it in
 * @microsoft/jest-sarif (sarif-2.1.0-rtm.5.json: the 2.1.0 schema; SchemaStore serves the same).
 */
const SCHEMA = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// unicodeRegExp: false because the schema's `language` pattern is not valid with the u flag.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);

function assertValidSarif(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, `not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors?.slice(0, 10), null, 2)}`);
}

interface Region { startLine: number; startColumn: number; endLine: number; endColumn: number }
interface PhysicalLocation { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region }
interface SarifResult { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: PhysicalLocation }[]; relatedLocations?: { physicalLocation: PhysicalLocation; message: { text: string } }[]; fixes?: unknown[] }
interface SarifRule { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; helpUri: string; defaultConfiguration: { level: string } }
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: SarifRule[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string } }[]; ruleConfigurationOverrides?: unknown[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}

const sarif = async (args: string[]) => {
  const r = await runCli(['--format', 'sarif', ...args]);
  return { ...r, log: JSON.parse(r.stdout) as SarifLog };
};

describe('sarif output', () => {
  it('validates against the SARIF 2.1.0 schema, for designs with and without findings', async () => {
    const { log, code } = await sarif(['examples/gotchas.integration.yaml', 'examples/orders-production.integration.yaml', 'test/cli/fixtures/syntax-error.integration.yaml', 'test/cli/fixtures/utf16.integration.yaml']);
    assert.equal(code, 1);
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].results.length > 20);
  });

  it('the schema check can fail (a broken log is rejected)', async () => {
    const { log } = await sarif(['test/cli/fixtures/duplicate-key.integration.yaml']);
    (log.runs[0].results[0] as { level: string }).level = 'fatal';
    assert.equal(validate(log), false);
  });

  it('lists every registered rule in the driver, with descriptions, help and default level', async () => {
    const { log } = await sarif(['examples/paths/canvas.integration.yaml']);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.name, 'integration-lint');
    assert.deepEqual(driver.rules.map((r) => r.id), RULES.map((r) => r.id));
    for (const [i, rule] of RULES.entries()) {
      const d = driver.rules[i];
      assert.equal(d.shortDescription.text, rule.title);
      assert.equal(d.fullDescription.text, rule.rationale);
      assert.ok(d.help.text.startsWith(rule.rationale));
      assert.match(d.name, /^[A-Za-z0-9]+$/);
      assert.equal(d.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.defaultSeverity]);
    }
  });

  it('links each rule to its documentation installed with the package, or under --docs-base-url', async () => {
    const { log } = await sarif(['examples/paths/canvas.integration.yaml']);
    for (const rule of log.runs[0].tool.driver.rules) {
      assert.equal(rule.helpUri, pathToFileURL(join(ROOT, 'docs/rules', `${rule.id}.md`)).href);
      assert.ok(existsSync(fileURLToPath(rule.helpUri)), `${rule.helpUri} exists`);
    }
    const based = await sarif(['--docs-base-url', 'https://example.com/docs/rules/', 'examples/paths/canvas.integration.yaml']);
    assertValidSarif(based.log);
    assert.equal(based.log.runs[0].tool.driver.rules.find((r) => r.id === 'unknown-key')?.helpUri, 'https://example.com/docs/rules/unknown-key.md');
  });

  it('reports results with ruleIndex, level, a relative URI and 1-based regions in UTF-16 code units', async () => {
    const { log } = await sarif(['test/cli/fixtures/utf16.integration.yaml', 'examples/gotchas.integration.yaml']);
    const run = log.runs[0];
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(ROOT).href}/`);
    for (const result of run.results) {
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
    }
    const unknownKey = run.results.find((r) => r.ruleId === 'unknown-key' && r.locations[0].physicalLocation.artifactLocation.uri.endsWith('utf16.integration.yaml'));
    assert.deepEqual(unknownKey?.locations[0].physicalLocation, {
      artifactLocation: { uri: 'test/cli/fixtures/utf16.integration.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 35, endLine: 3, endColumn: 43 },
    });
    const info = run.results.find((r) => r.ruleId === 'connect-demo-inactivity');
    assert.equal(info?.level, 'note', 'info becomes note');
    const rowLimit = run.results.find((r) => r.ruleId === 'connect-demo-row-limit');
    assert.ok((rowLimit?.relatedLocations?.length ?? 0) >= 2, 'related locations are kept');
    assert.ok(rowLimit?.fixes?.length, 'the quick fix is carried as a SARIF fix');
  });

  it('records unreadable inputs and --rule overrides in the invocation', async () => {
    const { log, code } = await sarif(['--rule', 'requirements-missing=off', 'missing.integration.yaml', 'test/cli/fixtures/duplicate-key.integration.yaml']);
    assert.equal(code, 2);
    assertValidSarif(log);
    const invocation = log.runs[0].invocations[0];
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications?.[0].message.text ?? '', /cannot read 'missing\.integration\.yaml': no such file/);
    assert.equal(invocation.ruleConfigurationOverrides?.length, 1);
    assert.ok(!log.runs[0].results.some((r) => r.ruleId === 'requirements-missing'));
  });
});
