import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { analyze } from '../../../server/src/core/analysis';
import { generateArtifact } from '../../../server/src/core/artifacts/index';
import { decisionReport, DECISION_REPORT_VERSION } from '../../../server/src/core/decision/report';
import { PATH_KEYS } from '../../../server/src/core/vocabulary';
import { ROW_DESIGNS, rowCaseDesign } from '../../helpers/decisionRowDesigns';

const ROOT = join(__dirname, '../../..');
const SCHEMA = JSON.parse(readFileSync(join(ROOT, 'docs/schemas/decision.schema.json'), 'utf8')) as { properties: { schemaVersion: { const: number } }; definitions: { pathKey: { enum: string[] }; planTier: { enum: string[] } } };
const validate = new Ajv({ allErrors: true, strict: false }).compile(SCHEMA);

const examples = [
  ...readdirSync(join(ROOT, 'examples')).filter((n) => n.endsWith('.integration.yaml')).map((n) => `examples/${n}`),
  ...readdirSync(join(ROOT, 'examples/paths')).filter((n) => n.endsWith('.integration.yaml')).map((n) => `examples/paths/${n}`),
];

const reportOf = (text: string) => {
  const analysis = analyze(text);
  return decisionReport(analysis.decision, analysis.design);
};

function assertValid(report: unknown, what: string): void {
  assert.ok(validate(report), `${what}: ${JSON.stringify(validate.errors, null, 2)}`);
}

describe('the decision report (recommendation --format json)', () => {
  it('the schema names the same paths, plan tiers and version as the code', () => {
    assert.deepEqual(SCHEMA.definitions.pathKey.enum, [...PATH_KEYS]);
    assert.deepEqual(SCHEMA.definitions.planTier.enum, ['demo', 'enterprise', 'shield']);
    assert.equal(SCHEMA.properties.schemaVersion.const, DECISION_REPORT_VERSION);
  });

  for (const [rowId, { yaml, path }] of Object.entries(ROW_DESIGNS)) {
    it(`row '${rowId}' decides its design, and the report matches the schema`, () => {
      const report = reportOf(yaml);
      assertValid(report, rowId);
      assert.equal(report.decidingRow?.id, rowId);
      assert.equal(report.recommendedPath, path);
      assert.deepEqual(report.design.chosenPaths, [], 'the row designs choose no path');
      assert.equal(report.design.differs, path !== 'none', 'a recommendation the design does not choose is a difference');
    });
  }

  for (const file of examples) {
    it(`${file}: valid, and "differs" agrees with the recommendation artifact`, () => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const report = reportOf(text);
      assertValid(report, file);
      const markdown = generateArtifact('recommendation', text, 'design.integration.yaml').content;
      assert.equal(report.design.differs, markdown.includes('**This differs from the decision table:**'), 'one comparison for both outputs');
    });
  }

  it('says why the other matching rows do not decide', () => {
    const production = reportOf(readFileSync(join(ROOT, 'examples/orders-production.integration.yaml'), 'utf8'));
    assert.equal(production.decidingRow?.id, 'production-scale-connect');
    assert.equal(production.planTier, 'enterprise');
    assert.deepEqual(production.alsoMatched.map((r) => `${r.id}:${r.role}`), ['local-postgres-copy:less-specific', 'react-to-changes-within-seconds:additional-need', 'embed-heroku-ui:additional-need']);
    assert.deepEqual(production.recommendedPaths, ['heroku_connect', 'platform_events', 'canvas']);
    assert.equal(production.design.differs, false);

    const passthrough = reportOf(rowCaseDesign('production', 'heroku_needs_local_copy: true\ncross_org_passthrough: true').replace('paths: {}', 'paths:\n  heroku_connect: { plan: enterprise }'));
    assert.equal(passthrough.recommendedPath, 'none');
    assert.deepEqual(passthrough.recommendedPaths, []);
    assert.deepEqual(passthrough.alsoMatched.map((r) => `${r.id}:${r.role}`), ['local-postgres-copy:overridden']);
    assert.deepEqual(passthrough.design.notRecommended, ['heroku_connect']);
    assert.equal(passthrough.design.differs, true);
  });

  it('no row matches: nulls, and what the design would need to state', () => {
    const report = reportOf('version: 1\nname: Empty\nenvironment: production\nrequirements: {}\npaths:\n  rest_api: {}\n');
    assertValid(report, 'empty');
    assert.equal(report.recommendedPath, null);
    assert.equal(report.decidingRow, null);
    assert.equal(report.planTier, null);
    assert.ok(report.unstated.includes('heroku_needs_local_copy is not stated'));
    assert.equal(report.design.differs, false, 'without a match the table neither confirms nor questions the choice');
  });

  it('a Connect plan other than the recommended tier differs', () => {
    const report = reportOf(readFileSync(join(ROOT, 'examples/orders-production.integration.yaml'), 'utf8').replace('plan: enterprise', 'plan: demo'));
    assert.equal(report.design.connectPlan, 'demo');
    assert.equal(report.design.planDiffers, true);
    assert.equal(report.design.differs, true);
  });
});
