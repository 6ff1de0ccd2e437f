import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt } from '../../../server/src/core/editing/completion';
import { SECTION_SNIPPET_KEYS } from '../../../server/src/core/editing/snippets';
import { keyInfo } from '../../../server/src/core/editing/schemaInfo';
import { analyze } from '../../../server/src/core/analysis';
import { applyEdits } from '../../helpers/text';
import { withCursor } from './cursor';

function complete(marked: string) {
  const { text, offset } = withCursor(marked);
  return { items: completionsAt(text, offset), text };
}

function accept(text: string, item: { replace: { start: number; end: number }; plainText: string }): string {
  return applyEdits(text, [{ range: item.replace, newText: item.plainText }]);
}

describe('completion', () => {
  it('offers the keys of the mapping at the cursor, minus those present, documented from the schema', () => {
    const { items } = complete('paths:\n  heroku_connect:\n    plan: demo\n    ‸\n');
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('plan'), 'plan is already there');
    for (const key of ['polling_interval', 'mappings', 'database', 'sandbox_refresh']) assert.ok(labels.includes(key), key);
    const polling = items.find((i) => i.label === 'polling_interval')!;
    assert.match(polling.documentation ?? '', /polls Salesforce/);
    assert.match(polling.documentation ?? '', /\| Fact \| Value \| Source \| Confirmed \|/);
  });

  it('writes enum-valued keys as a choice snippet', () => {
    const { items } = complete('paths:\n  heroku_connect:\n    ‸\n');
    const refresh = items.find((i) => i.label === 'sandbox_refresh')!;
    assert.equal(refresh.isSnippet, true);
    assert.equal(refresh.insertText, 'sandbox_refresh: ${1|recreate-connection,not-applicable|}');
    assert.equal(refresh.plainText, 'sandbox_refresh: recreate-connection');
  });

  it('expands a path under `paths` into its whole section, valid once inserted', () => {
    const { items, text } = complete('version: 1\nname: x\npaths:\n  heroku_con‸\n');
    const connect = items.find((i) => i.label === 'heroku_connect')!;
    assert.equal(connect.kind, 'section');
    assert.match(connect.insertText, /^heroku_connect:\n {4}plan: \$\{1\|demo,enterprise,shield\|\}\n {4}polling_interval: \$2\n {4}mappings:\n {6}- object: \$3\n {8}mode: \$\{4\|read-only,read-write\|\}/);
    const after = accept(text, { ...connect, plainText: connect.plainText.replace('polling_interval: ', 'polling_interval: 10m').replace('object: ', 'object: Account').replace(/rows: $/m, 'rows: 10').replace(/app: $/m, 'app: acme-sync').replace(/addon: $/m, 'addon: acme-connect') });
    const structural = analyze(after).findings.filter((f) => ['yaml-syntax', 'unknown-key', 'wrong-type', 'invalid-value'].includes(f.ruleId));
    assert.deepEqual(structural.map((f) => f.message), [], after);
  });

  it('offers a whole `paths:` section for a path name typed at the top level when there is no `paths` yet', () => {
    const { items } = complete('version: 1\nname: x\nheroku_con‸');
    const connect = items.find((i) => i.label === 'heroku_connect')!;
    assert.match(connect.insertText, /^paths:\n {2}heroku_connect:\n {4}plan: /);
    const withPaths = complete('version: 1\npaths: {}\nheroku_con‸').items;
    assert.ok(!withPaths.some((i) => i.label === 'heroku_connect'));
  });

  it('completes enum values after `key: ` with their descriptions', () => {
    const { items } = complete('paths:\n  heroku_connect:\n    plan: ‸\n');
    assert.deepEqual(items.map((i) => i.label), ['demo', 'enterprise', 'shield']);
    assert.match(items.find((i) => i.label === 'demo')!.documentation ?? '', /^Free, for proofs of concept only[\s\S]*\| Demo plan row cap \| 10,000 rows \| \[Heroku Connect/);
    assert.equal(items.find((i) => i.label === 'demo')!.preselect, true, 'the default is preselected');
    const noSpace = complete('paths:\n  heroku_connect:\n    plan:‸\n').items;
    assert.equal(noSpace[0].insertText, ' demo');
  });

  it('completes list enums inside flow and block lists, leaving out listed items', () => {
    const flow = complete('requirements:\n  salesforce_calls_heroku:\n    from: [flow, ‸]\n').items.map((i) => i.label);
    assert.ok(flow.includes('apex') && !flow.includes('flow'));
    const block = complete('integration_users:\n  sync:\n    permissions:\n      - api-enabled\n      - ‸\n').items.map((i) => i.label);
    assert.deepEqual(block, ['view-all-data', 'view-all', 'modify-all-data', 'modify-all']);
  });

  it('completes only the name when the key already has its colon', () => {
    const { items } = complete('paths:\n  heroku_connect:\n    sandbox_re‸: x\n');
    const refresh = items.find((i) => i.label === 'sandbox_refresh')!;
    assert.equal(refresh.insertText, 'sandbox_refresh');
  });

  it('names only keys the schema has in the section snippet table', () => {
    for (const [section, keys] of Object.entries(SECTION_SNIPPET_KEYS)) {
      const path = section.replace(/\[\]/g, '.0').split('.').map((s) => (s === '0' ? 0 : s));
      const schemaPath = section.startsWith('integration_users[]') ? ['integration_users', 'any'] : path;
      const info = keyInfo(schemaPath);
      assert.ok(info, `section ${section} exists in the schema`);
      for (const key of keys) assert.ok(info.schema.properties?.[key], `${section}.${key} exists in the schema`);
    }
  });
});
