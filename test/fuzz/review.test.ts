import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { marked } from 'marked';
import { reviewDesign, reviewReport } from '../../server/src/core/review/compare';
import { formatReviewMarkdown } from '../../server/src/core/review/markdown';
import { buildCorpus, type Category, type FuzzInput } from './lib/corpus';
import { fuzzSettings } from './lib/prng';

/**
 * Review mode on the fuzz corpus: comparing any two inputs never throws and yields JSON; a text
 * compared with itself changes nothing; a comment added above a design moves no finding; the
 * Markdown of any comparison renders only the elements the review itself writes.
 */

const settings = fuzzSettings();
const corpus = buildCorpus(settings);
/** Inputs up to 64 KB: the review analyses each twice, and size is the main fuzz suite's job. */
const inputs = corpus.inputs.filter((i) => i.text.length <= 64 * 1024);
const of = (category: Category) => inputs.filter((i) => i.category === category);
const ELEMENTS = new Set(['h2', 'h3', 'p', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'strong', 'em', 'blockquote']);

function tagsIn(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase());
}

function check(before: FuzzInput, after: FuzzInput): string[] {
  const problems: string[] = [];
  try {
    const review = reviewDesign({ file: after.name, before: before.text, after: after.text });
    const report = reviewReport(before.name, [review]);
    JSON.parse(JSON.stringify(report));
    const html = marked.parse(formatReviewMarkdown(report), { async: false }) as string;
    const foreign = tagsIn(html).filter((t) => !ELEMENTS.has(t));
    if (foreign.length > 0) problems.push(`the Markdown renders <${foreign[0]}>`);
  } catch (error) {
    problems.push(`throws: ${error instanceof Error ? error.stack?.split('\n').slice(0, 3).join(' ') : String(error)}`);
  }
  return problems;
}

describe(`review mode on the fuzz corpus (${inputs.length} inputs, seed ${settings.seed})`, () => {
  test('any two inputs compare without throwing, as JSON, with harmless Markdown', { timeout: 10 * 60_000 }, () => {
    const failures: string[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const problems = check(inputs[i], inputs[(i + 1) % inputs.length]);
      if (problems.length) failures.push(`${inputs[i].name} → ${inputs[(i + 1) % inputs.length].name}: ${problems.join('; ')}`);
    }
    assert.deepEqual(failures.slice(0, 10), []);
  });

  test('a text compared with itself: no finding added or resolved, no limit crossing, the same decision', { timeout: 10 * 60_000 }, () => {
    const failures: string[] = [];
    for (const input of inputs) {
      const review = reviewDesign({ file: input.name, before: input.text, after: input.text });
      if (review.findings.added.length || review.findings.resolved.length || review.risks.length || review.decision.pathChanged || review.decision.planChanged) failures.push(input.name);
    }
    assert.deepEqual(failures.slice(0, 10), []);
  });

  test('valid designs with a comment added above: no finding added or resolved', { timeout: 10 * 60_000 }, () => {
    const designs = [...corpus.seedDesigns.map((d) => ({ name: d.name, text: d.text })), ...of('variant')];
    assert.ok(designs.length > 10);
    const failures: string[] = [];
    for (const d of designs) {
      const review = reviewDesign({ file: d.name, before: d.text, after: `# Reviewed.\n\n${d.text}` });
      const moved = [...review.findings.added, ...review.findings.resolved].map((f) => `${f.ruleId}@${f.designPath}`);
      if (moved.length) failures.push(`${d.name}: ${moved.slice(0, 3).join(', ')}`);
    }
    assert.deepEqual(failures.slice(0, 10), []);
  });
});
