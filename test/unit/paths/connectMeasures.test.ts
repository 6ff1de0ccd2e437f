import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factValue } from '../../../server/src/core/knowledge/facts';
import type { Design } from '../../../server/src/core/model/design';
import { RULES_BY_ID } from '../../../server/src/core/rules/registry';
import { analyze } from '../../../server/src/core/analysis';
import { measureConnect } from '../../../server/src/core/paths/herokuConnect/measures';
import { connectRowTotal, describeRowTotal } from '../../../server/src/core/paths/herokuConnect/rows';
import type { Measurement } from '../../../server/src/core/measurement';

const header = 'version: 1\nname: Orders\nenvironment: proof-of-concept\n';

function designOf(text: string): Design {
  const analysis = analyze(text);
  assert.ok(analysis.design, 'the document has a design');
  return analysis.design;
}

function measured(text: string): { text: string; byId: Map<string, Measurement>; all: Measurement[] } {
  const all = measureConnect(designOf(text));
  return { text, byId: new Map(all.map((m) => [m.id, m])), all };
}

const at = (text: string, m: Measurement | undefined): string => (m ? text.slice(m.node.range.start, m.node.range.end) : '(none)');

describe('measureConnect', () => {
  it('measures rows against the demo cap at the plan', () => {
    const { text, byId } = measured(`${header}paths:\n  heroku_connect:\n    plan: demo\n    mappings:\n      - object: Account\n        rows: 3_000\n      - object: Contact\n        rows: 2_000\n`);
    const m = byId.get('connect-rows-demo-cap');
    assert.ok(m);
    assert.equal(m.value, 5_000);
    assert.equal(m.limit, factValue('connect-demo-max-rows'));
    assert.equal(m.ratio, 5_000 / factValue('connect-demo-max-rows'));
    assert.equal(m.unit, 'rows');
    assert.equal(m.fact, 'connect-demo-max-rows');
    assert.equal(m.limitFromDesign, undefined);
    assert.equal(at(text, m), 'demo');
    assert.equal(m.exceededRule, 'connect-demo-row-limit');
    assert.match(m.label, /across all mappings vs the demo plan cap/);
  });

  it('uses the stated volume when no mapping states rows', () => {
    const { byId } = measured(`${header}requirements:\n  volume: { rows: 9_000 }\npaths:\n  heroku_connect:\n    plan: demo\n`);
    assert.equal(byId.get('connect-rows-demo-cap')?.value, 9_000);
    assert.match(byId.get('connect-rows-demo-cap')!.label, /requirements\.volume\.rows/);
  });

  it('measures rows against contracted_rows on paid plans, as a limit the design states', () => {
    const { text, byId } = measured(`${header}paths:\n  heroku_connect:\n    plan: enterprise\n    contracted_rows: 400_000\n    mappings:\n      - object: Account\n        rows: 300_000\n`);
    const m = byId.get('connect-rows-contract');
    assert.ok(m);
    assert.equal(m.value, 300_000);
    assert.equal(m.limit, 400_000);
    assert.equal(m.ratio, 0.75);
    assert.equal(m.limitFromDesign, true);
    assert.equal(m.fact, 'connect-paid-rows-per-contract');
    assert.equal(at(text, m), '400_000');
    assert.equal(m.exceededRule, 'connect-contracted-rows-exceeded');
    assert.equal(byId.has('connect-rows-demo-cap'), false);
  });

  it('measures no rows without a plan, a contract or any rows', () => {
    assert.equal(measured(`${header}paths:\n  heroku_connect:\n    mappings:\n      - object: Account\n        rows: 9_000\n`).byId.size, 0);
    assert.equal(measured(`${header}paths:\n  heroku_connect:\n    plan: enterprise\n    mappings:\n      - object: Account\n        rows: 9_000\n`).byId.has('connect-rows-contract'), false);
    assert.equal(measured(`${header}paths:\n  heroku_connect:\n    plan: demo\n`).byId.size, 0);
    assert.deepEqual(measureConnect(designOf(`${header}paths:\n  rest_api:\n    auth_flow: jwt-bearer\n`)), []);
  });

  it('measures the shortest polling interval against the demo minimum as a floor', () => {
    const { text, byId } = measured(`${header}paths:\n  heroku_connect:\n    plan: demo\n    polling_interval: 30m\n    mappings:\n      - object: Account\n        polling_interval: 20m\n      - object: Contact\n        polling_interval: 45m\n`);
    const m = byId.get('connect-polling-minimum');
    assert.ok(m);
    assert.equal(at(text, m), '20m');
    assert.equal(m.unit, 'minutes');
    assert.equal(m.value, 20);
    assert.equal(m.limit, factValue('connect-demo-min-polling'));
    assert.equal(m.ratio, factValue('connect-demo-min-polling') / 20);
    assert.equal(m.fact, 'connect-demo-min-polling');
    assert.equal(m.exceededRule, 'connect-demo-polling-interval');
    assert.match(m.label, /the Account mapping.*demo plan minimum/);
  });

  it('measures paid-plan polling against the 2014 minimum, in the fact\'s unit', () => {
    const { byId } = measured(`${header}paths:\n  heroku_connect:\n    plan: shield\n    polling_interval: 30s\n`);
    const m = byId.get('connect-polling-minimum');
    assert.ok(m);
    assert.equal(m.value, 0.5);
    assert.equal(m.ratio, factValue('connect-paid-min-polling') / 0.5);
    assert.equal(m.fact, 'connect-paid-min-polling');
    assert.equal(m.exceededRule, 'connect-paid-polling-range');
    assert.match(m.label, /2014/);
    assert.match(m.impact, /no current official minimum was found/);
  });

  it('measures accelerated mappings against the edition\'s PushTopics', () => {
    const mappings = (n: number) => Array.from({ length: n }, (_, i) => `      - object: O${i}__c\n        accelerated_polling: true\n`).join('');
    const enterprise = measured(`${header}paths:\n  heroku_connect:\n    plan: enterprise\n    mappings:\n${mappings(25)}      - object: Plain__c\n`);
    const m = enterprise.byId.get('connect-pushtopics');
    assert.ok(m);
    assert.equal(m.value, 25);
    assert.equal(m.limit, factValue('pushtopics-per-org-enterprise'));
    assert.equal(m.fact, 'pushtopics-per-org-enterprise');
    assert.equal(m.unit, 'PushTopics');
    assert.equal(m.exceededRule, 'connect-pushtopic-limit');
    assert.match(m.label, /Enterprise Edition, assumed/);
    assert.equal(enterprise.text.slice(m.node.range.start - 'O24__c\n        accelerated_polling: '.length, m.node.range.end), 'O24__c\n        accelerated_polling: true', 'the node is the last accelerated mapping');

    const unlimited = measured(`${header}salesforce:\n  edition: unlimited\npaths:\n  heroku_connect:\n    plan: enterprise\n    mappings:\n${mappings(3)}`).byId.get('connect-pushtopics');
    assert.equal(unlimited?.fact, 'pushtopics-per-org-performance-unlimited');
    assert.doesNotMatch(unlimited!.label, /assumed/);
    const professional = measured(`${header}salesforce:\n  edition: professional\npaths:\n  heroku_connect:\n    plan: enterprise\n    mappings:\n${mappings(3)}`).byId.get('connect-pushtopics');
    assert.equal(professional?.fact, 'pushtopics-per-org-other');
    assert.equal(measured(`${header}paths:\n  heroku_connect:\n    plan: enterprise\n    mappings:\n      - object: A__c\n`).byId.has('connect-pushtopics'), false);
  });

  it('gives every measurement a registered exceeded rule and table-safe text', () => {
    const { all } = measured(`${header}paths:\n  heroku_connect:\n    plan: demo\n    polling_interval: 15m\n    mappings:\n      - object: Account\n        rows: 8_000\n        accelerated_polling: true\n`);
    assert.deepEqual(all.map((m) => m.id).sort(), ['connect-polling-minimum', 'connect-pushtopics', 'connect-rows-demo-cap']);
    for (const m of all) {
      assert.ok(RULES_BY_ID.has(m.exceededRule), `${m.id}: ${m.exceededRule} is registered`);
      for (const text of [m.label, m.impact, m.mitigation]) {
        assert.doesNotMatch(text, /[|\n]/, `${m.id}: '${text}' fits a Markdown table cell`);
        assert.match(text, /^[A-Z]/, `${m.id}: starts as a sentence`);
      }
    }
  });

  it('is what the engine\'s measurements contain for Connect', () => {
    const analysis = analyze(`${header}paths:\n  heroku_connect:\n    plan: demo\n    mappings:\n      - object: Account\n        rows: 6_000\n`);
    assert.ok(analysis.measurements.some((m) => m.id === 'connect-rows-demo-cap' && m.value === 6_000));
  });
});

describe('connectRowTotal', () => {
  it('keeps per-node counts with labels and counts mappings that state no rows', () => {
    const design = designOf(`${header}paths:\n  heroku_connect:\n    plan: demo\n    mappings:\n      - object: Account\n        rows: 1_500\n      - object: Contact\n      - rows: 500\n`);
    const rows = connectRowTotal(design);
    assert.ok(rows);
    assert.equal(rows.total, 2_000);
    assert.deepEqual(rows.parts.map((p) => [p.count, p.label]), [[1_500, 'the Account mapping'], [500, 'mapping 3']]);
    assert.deepEqual(rows.nodes, rows.parts.map((p) => p.node));
    assert.equal(rows.unstatedMappings, 1);
    assert.equal(describeRowTotal(rows), 'maps at least 2,000 rows (1 mapping states no rows)');
  });

  it('is undefined when nothing states rows', () => {
    assert.equal(connectRowTotal(designOf(`${header}paths:\n  heroku_connect:\n    plan: demo\n`)), undefined);
  });
});
