import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocPath } from '../../server/src/core/rules/registry';
import { PATH_KEYS } from '../../server/src/core/vocabulary';

const ROOT = join(__dirname, '../..');

interface DocsGenerator {
  renderDocs(): Promise<Map<string, string>>;
  staleRulePages(rendered: Map<string, string>): string[];
  REGENERATE_COMMAND: string;
}

// The generator is plain JavaScript (npm run docs); loaded by URL so the type comes from the interface above.
const generator = import(pathToFileURL(join(ROOT, 'scripts/generate-docs.mjs')).href) as Promise<DocsGenerator>;

test('every generated doc matches what scripts/generate-docs.mjs produces now', async () => {
  const { renderDocs, staleRulePages, REGENERATE_COMMAND } = await generator;
  const rendered = await renderDocs();
  const differing = [...rendered].filter(([path, content]) => {
    const file = join(ROOT, path);
    return !existsSync(file) || readFileSync(file, 'utf8') !== content;
  }).map(([path]) => path);
  const stale = staleRulePages(rendered);
  assert.deepEqual([...differing, ...stale], [], `Generated docs are out of date (${[...differing, ...stale].join(', ')}). Run \`${REGENERATE_COMMAND}\` and commit the result.`);
});

test('there is one rule page per registered rule, and the index links each', async () => {
  const { renderDocs } = await generator;
  const rendered = await renderDocs();
  const index = rendered.get('docs/rules.md') ?? '';
  for (const rule of RULES) {
    assert.ok(rendered.has(ruleDocPath(rule.id)), `no page for ${rule.id}`);
    assert.ok(index.includes(`](rules/${rule.id}.md)`), `index does not link ${rule.id}`);
    const page = rendered.get(ruleDocPath(rule.id))!;
    assert.ok(page.includes(`"integrationDesigner.rules": { "${rule.id}": "off" }`), `${rule.id}: VS Code setting`);
    assert.ok(page.includes(`--rule ${rule.id}=off`), `${rule.id}: CLI override`);
  }
});

test('rule pages state each fact with its value, unit, source and whether it is confirmed', async () => {
  const { renderDocs } = await generator;
  const page = (await renderDocs()).get(ruleDocPath('connect-demo-row-limit')) ?? '';
  assert.match(page, /\| Demo plan row cap \(`connect-demo-max-rows`\) \| 10,000 rows \| .* \| \[Heroku Connect \(Dev Center\)[^\]]*\]\(https:\/\/devcenter\.heroku\.com\/articles\/heroku-connect\) \| yes \|/);
});

test('format.md includes every per-path example verbatim, and the key reference covers every path', async () => {
  const { renderDocs } = await generator;
  const format = (await renderDocs()).get('docs/format.md') ?? '';
  for (const name of PATH_KEYS.map((key) => key.replace(/_/g, '-'))) {
    const example = readFileSync(join(ROOT, `examples/paths/${name}.integration.yaml`), 'utf8');
    assert.ok(format.includes(`\`\`\`yaml\n${example}\`\`\``), `format.md does not include examples/paths/${name}.integration.yaml`);
  }
  const schema = JSON.parse(readFileSync(join(ROOT, 'server/schema/integration.schema.json'), 'utf8')) as { properties: { paths: { properties: Record<string, unknown> } } };
  for (const path of Object.keys(schema.properties.paths.properties)) assert.ok(format.includes(`### \`paths.${path}\``), `key reference lacks paths.${path}`);
});
