import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderMarkdown, type BenchReport } from '../../bench/report';
import { evaluateTargets } from '../../bench/targets';

const ROOT = join(__dirname, '../..');

// docs/performance.md is generated from the last full `npm run bench`; this keeps the page and
// its raw numbers from drifting apart (it checks the rendering, never a time).
test('docs/performance.md is what bench/results/latest.json renders to', () => {
  const report = JSON.parse(readFileSync(join(ROOT, 'bench/results/latest.json'), 'utf8')) as BenchReport;
  report.targets = evaluateTargets(report);
  assert.equal(readFileSync(join(ROOT, 'docs/performance.md'), 'utf8'), renderMarkdown(report), 'run `node --import tsx bench/report.ts` (or `npm run bench`) and commit the result');
});

test('every target evaluated from the results says whether it is met, and explains the ones that are not', () => {
  const report = JSON.parse(readFileSync(join(ROOT, 'bench/results/latest.json'), 'utf8')) as BenchReport;
  const targets = evaluateTargets(report);
  assert.ok(report.estate, 'the results have the estate section');
  assert.deepEqual(targets.map((t) => t.id).sort(), [
    'burst', 'large-floor', 'linear', 'small-p50', 'small-p95', 'small-peer', 'small-rss', 'vsix',
    'estate-keystroke', 'estate-cold-index', 'estate-rss', 'estate-growth',
  ].sort());
  for (const t of targets.filter((x) => !x.met)) assert.ok((t.limitedBy ?? '').trim().length > 40, `${t.id} is explained`);
});
