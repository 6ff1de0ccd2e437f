import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../../server/src/core/rules/registry';

// ruleCases (and estateRuleCases, for the rules that compare documents) itself insists on a case that triggers the rule and one that must not; this makes
// sure no registered rule goes without such a table.
test('every registered rule has a table of must / must-not cases (ruleCases) in test/unit/rules', () => {
  const tabled = new Set<string>();
  for (const name of readdirSync(__dirname).filter((n) => n.endsWith('.test.ts'))) {
    for (const match of readFileSync(join(__dirname, name), 'utf8').matchAll(/\b(?:r|estateR)uleCases\(\s*'([a-z0-9-]+)'/g)) tabled.add(match[1]);
  }
  assert.ok(tabled.size > 10, 'the scan finds ruleCases calls');
  assert.deepEqual(RULES.map((r) => r.id).filter((id) => !tabled.has(id)), [], 'rules without a ruleCases table');
});
