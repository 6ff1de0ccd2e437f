// The path registry (server/src/core/paths/index.ts) against the other places that name every
// path: the JSON Schema, the typed view (model/design.ts), the decision table, the examples.
// A path added to one and not the others fails here, naming what is missing.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DECISION_TABLE } from '../../server/src/core/decision/table';
import { PATHS } from '../../server/src/core/paths';
import { PATH_KEYS, PATH_NAMES } from '../../server/src/core/vocabulary';
import { RULES } from '../../server/src/core/rules/registry';

const ROOT = join(__dirname, '../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'server/schema/integration.schema.json'), 'utf8')) as {
  properties: { paths: { properties: Record<string, unknown> }; integration_users: { additionalProperties: { properties: { used_by: { items: { enum: string[] } } } } } };
};

/** The paths an integration user's `used_by` may name. */
function usedByEnum(): string[] {
  return schema.properties.integration_users.additionalProperties.properties.used_by.items.enum;
}
const designSource = readFileSync(join(ROOT, 'server/src/core/model/design.ts'), 'utf8');

/** The keys of `export interface <name> extends Section { … }` in model/design.ts. */
function interfaceKeys(name: string): string[] {
  const body = new RegExp(`export interface ${name} extends Section \\{([^}]*)\\}`).exec(designSource)?.[1];
  assert.ok(body, `model/design.ts declares ${name}`);
  return [...body.matchAll(/^\s*(\w+)\?:/gm)].map((m) => m[1]);
}

describe('the path registry', () => {
  it('has the schema\'s paths, in the schema\'s order, and integration users may name each', () => {
    assert.deepEqual([...PATH_KEYS], Object.keys(schema.properties.paths.properties));
    assert.deepEqual([...PATH_KEYS], usedByEnum());
  });

  it('has the vocabulary\'s paths in its order (PathKey), and model/design.ts\'s Paths interface', () => {
    assert.deepEqual(PATHS.map((p) => p.key), [...PATH_KEYS]);
    assert.deepEqual([...PATH_KEYS], interfaceKeys('Paths'));
  });

  it('names each path once, and each is recommended by a row of the decision table', () => {
    assert.equal(new Set(PATHS.map((p) => PATH_NAMES[p.key])).size, PATHS.length, 'display names are distinct');
    const recommended = new Set(DECISION_TABLE.map((row) => row.recommends));
    assert.deepEqual(PATH_KEYS.filter((key) => !recommended.has(key)), [], 'paths no decision table row recommends');
  });

  it('gives every path an example design, examples/paths/<key with dashes>.integration.yaml', () => {
    const missing = PATH_KEYS.map((key) => `examples/paths/${key.replace(/_/g, '-')}.integration.yaml`).filter((file) => !existsSync(join(ROOT, file)));
    assert.deepEqual(missing, []);
  });

  it('registers each path\'s rules in the rule registry, under the path\'s own category', () => {
    const categories = PATHS.map((p) => p.category);
    assert.equal(new Set(categories).size, categories.length, 'one category per path');
    const registered = new Set(RULES.map((r) => r.id));
    for (const path of PATHS) {
      assert.ok(path.rules.length > 0, `${path.key} has rules`);
      assert.deepEqual(path.rules.filter((r) => r.category !== path.category).map((r) => r.id), [], `${path.key} rules in another category`);
      assert.deepEqual(path.rules.filter((r) => !registered.has(r.id)).map((r) => r.id), [], `${path.key} rules missing from the registry`);
    }
    const pathRuleIds = new Set(PATHS.flatMap((p) => p.rules.map((r) => r.id)));
    assert.deepEqual(RULES.filter((r) => categories.includes(r.category) && !pathRuleIds.has(r.id)).map((r) => r.id), [], 'rules in a path category that no path module holds');
  });
});
