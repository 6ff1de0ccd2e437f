import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FACTS, type FactId } from '../../server/src/core/knowledge/facts';

// The JSON Schema explains keys in words; every number it brings in comes from the knowledge
// base through x-facts / x-valueFacts (hovers and completion render them with their sources).
const SCHEMA = JSON.parse(readFileSync(join(__dirname, '../../server/schema/integration.schema.json'), 'utf8')) as unknown;

interface Found { readonly where: string; readonly value: unknown }

/** Every value under a key with one of `names`, anywhere in the schema. */
function collect(node: unknown, names: readonly string[], where = '#'): Found[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => collect(item, names, `${where}/${i}`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => [
    ...(names.includes(key) ? [{ where: `${where}/${key}`, value }] : []),
    ...collect(value, names, `${where}/${key}`),
  ]);
}

describe('the schema and the knowledge base', () => {
  it('names only facts that exist, in x-facts and x-valueFacts', () => {
    const ids: Found[] = [
      ...collect(SCHEMA, ['x-facts']).flatMap((f) => (f.value as string[]).map((id) => ({ where: f.where, value: id }))),
      ...collect(SCHEMA, ['x-valueFacts']).flatMap((f) => Object.values(f.value as Record<string, string[]>).flat().map((id) => ({ where: f.where, value: id }))),
    ];
    assert.ok(ids.length > 20, 'the scan finds fact references');
    assert.deepEqual(ids.filter((f) => !FACTS.has(f.value as FactId)).map((f) => `${f.where}: ${String(f.value)}`), []);
  });

  it('writes no number in its descriptions outside `examples`: limits come from the knowledge base', () => {
    const texts = collect(SCHEMA, ['description', 'markdownDescription', 'enumDescriptions'])
      .flatMap((f) => (Array.isArray(f.value) ? f.value : [f.value]).map((text) => ({ where: f.where, text: String(text) })));
    assert.ok(texts.length > 50, 'the scan finds descriptions');
    const withNumbers = texts.filter((t) => /\d/.test(t.text.replace(/`[^`]*`/g, '')));
    assert.deepEqual(withNumbers.map((t) => `${t.where}: ${t.text}`), []);
  });
});
