// The README's runbook excerpt is what the product generates: it must appear, byte for byte, in the committed runbook
// of the example it names (regenerated with the golden files).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = join(__dirname, '../..');

describe('the README', () => {
  it('quotes a generated runbook as it is', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const excerpt = /\n````markdown\n([\s\S]*?)\n````\n/.exec(readme)?.[1];
    assert.ok(excerpt && excerpt.includes('```sh'), 'the README has a runbook excerpt with commands');
    const source = /\[(examples\/[^\]]+\.runbook\.md)\]/.exec(readme.slice(0, readme.indexOf('````markdown')))?.[1];
    assert.ok(source, 'the README names the runbook it quotes');
    assert.ok(readFileSync(join(ROOT, source), 'utf8').includes(excerpt), `the excerpt is not in ${source}: copy it again from there`);
  });
});
