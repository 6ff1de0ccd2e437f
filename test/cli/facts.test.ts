// integration-lint facts: the knowledge base, listed with value, unit, source, confirmed flag and checked date.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FACTS, fact, formatFactValue } from '../../server/src/core/knowledge/facts';
import { ROOT, runCli } from './helpers';

describe('integration-lint facts', () => {
  it('lists every fact with its value, source, confirmed flag and checked date (text)', async () => {
    const { code, stdout, stderr } = await runCli(['facts']);
    assert.equal(code, 0, stderr);
    const demo = fact('connect-demo-max-rows');
    assert.ok(stdout.includes(`connect-demo-max-rows  ${formatFactValue(demo)}  confirmed  checked ${demo.checked}\n  ${demo.title}: ${demo.statement}`), stdout.slice(0, 2_000));
    assert.ok(stdout.includes(`  source: ${demo.sourceRef.title} (${demo.sourceRef.version}) ${demo.sourceRef.url}`));
    assert.match(stdout, /\nregion-latency-multiplier {2}3× {2}unconfirmed: rule of thumb {2}checked 2026-11-25\n/);
    assert.match(stdout, /\nconnect-paid-min-polling {2}2 minutes {2}unconfirmed \(historical\): rule of thumb {2}checked /);
    assert.match(stdout, new RegExp(`\\n${FACTS.size} facts from \\d+ sources: \\d+ confirmed, \\d+ unconfirmed \\(\\d+ historical\\)\\.\\n$`));
  });

  it('--format json: every fact, with its source and the rules using it', async () => {
    const { code, stdout } = await runCli(['facts', '--format', 'json']);
    assert.equal(code, 0);
    const parsed = JSON.parse(stdout) as { summary: { facts: number }; facts: { id: string; checked: string; confirmed: boolean; source: { url?: string }; rules: string[] }[] };
    assert.equal(parsed.summary.facts, FACTS.size);
    assert.equal(parsed.facts.length, FACTS.size);
    const rows = parsed.facts.find((f) => f.id === 'connect-demo-max-rows')!;
    assert.equal(rows.checked, fact('connect-demo-max-rows').checked);
    assert.ok(rows.rules.includes('connect-demo-row-limit'));
    assert.equal(parsed.facts.find((f) => f.id === 'region-latency-multiplier')!.source.url, undefined, 'the skill document has no address readers can open');
  });

  it('--format markdown is what docs/knowledge.md is generated from', async () => {
    const { code, stdout } = await runCli(['facts', '--format', 'markdown']);
    assert.equal(code, 0);
    const page = readFileSync(join(ROOT, 'docs/knowledge.md'), 'utf8');
    const sourceHeadings = (text: string) => text.split('\n').filter((l) => l.startsWith('## ['));
    const printed = sourceHeadings(stdout);
    assert.equal(printed.length, sourceHeadings(page).length, 'one source heading per source in the output and in docs/knowledge.md');
    for (const line of printed) assert.ok(page.includes(line), line);
  });

  it('--stale <months> lists the facts not checked for that long, and exits 1 when there are any', async () => {
    const none = await runCli(['facts', '--stale', '6', '--as-of', '2026-12-31']);
    assert.equal(none.code, 0, none.stdout);
    assert.match(none.stdout, /^Facts last checked 6 months or more before 2026-12-31: 0 of \d+\.\n/);
    const some = await runCli(['facts', '--stale', '6', '--as-of', '2027-05-26', '--format', 'json']);
    assert.equal(some.code, 1);
    const parsed = JSON.parse(some.stdout) as { asOf: string; staleMonths: number; facts: { checked: string }[] };
    assert.deepEqual([parsed.asOf, parsed.staleMonths], ['2027-05-26', 6]);
    // Six months before 2027-05-26 is 2026-11-26: the first pass (2026-11-25) is stale, the second (2026-12-02) not yet.
    assert.ok(parsed.facts.length > 0 && parsed.facts.every((f) => f.checked <= '2026-11-26'), JSON.stringify(parsed.facts.map((f) => f.checked)));
    assert.equal(parsed.facts.length, [...FACTS.values()].filter((f) => f.checked <= '2026-11-26').length);
  });

  it('usage errors exit 2', async () => {
    for (const args of [['facts', '--format', 'sarif'], ['facts', '--stale', 'six'], ['facts', '--stale', '6', '--as-of', '2026-02-30'], ['facts', '--as-of', '2026-01-01'], ['facts', 'extra']]) {
      const { code, stderr } = await runCli(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^integration-lint: .*\nUsage: integration-lint facts/, args.join(' '));
    }
  });

  it('is listed in --help', async () => {
    const { stdout } = await runCli(['--help']);
    assert.match(stdout, /facts +List the knowledge base/);
  });
});
