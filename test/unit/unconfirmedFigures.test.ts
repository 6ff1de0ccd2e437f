// No output states a figure the knowledge base marks unconfirmed as fact: every one appears
// with rule-of-thumb wording. The outputs: the diagnostics of the examples (rule test fixtures
// are checked in test/helpers/ruleCases.ts), hovers over every key and value of the examples,
// the walkthrough's state, the three artifacts of every example, and the generated docs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analysis';
import { generateAllArtifacts } from '../../server/src/core/artifacts/generate';
import { generateEstateRisks } from '../../server/src/core/artifacts/estateRisks';
import { analyzeTogether, estateViewOf } from '../../server/src/core/estate';
import { hoverAt } from '../../server/src/core/editing/hover';
import type { ModelNode } from '../../server/src/core/model/node';
import { WalkthroughSession } from '../../server/src/core/walkthrough/session';
import { FIGURE_SUBJECTS, markdownFigureProblems, RULE_OF_THUMB_WORDING, unconfirmedFigureFacts, unconfirmedFigureProblems, type FigureProblem } from '../helpers/unconfirmedFigures';

const root = join(__dirname, '../..');
const EXAMPLES = ['examples', 'examples/paths'].flatMap((dir) => readdirSync(join(root, dir)).filter((n) => n.endsWith('.integration.yaml')).map((n) => `${dir}/${n}`));
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const show = (problems: readonly FigureProblem[]) => problems.map((p) => `${p.fact} (${p.figure}): ${p.unit}`);

/** Every key and value of a document: where a hover can be asked. */
function offsets(node: ModelNode | undefined, out: number[] = []): number[] {
  if (!node) return out;
  if (node.keyRange) out.push(node.keyRange.start);
  if (node.kind === 'scalar') out.push(node.range.start);
  else if (node.kind === 'map') for (const child of node.entries.values()) offsets(child, out);
  else for (const child of node.items) offsets(child, out);
  return out;
}

/** The walkthrough's state as units: each string, and each fact as one (the panel labels an unconfirmed fact). */
function walkthroughUnits(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) walkthroughUnits(v, out);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('confirmed' in record && 'sourceTitle' in record) {
      out.push(`${Object.values(record).filter((v) => typeof v === 'string').join(' ')}${record.confirmed ? '' : ' Unconfirmed: rule of thumb'}`);
    } else for (const v of Object.values(record)) walkthroughUnits(v, out);
  }
  return out;
}

describe('unconfirmed figures are worded as rules of thumb', () => {
  it('the scan knows every unconfirmed figure, and finds one stated as fact', () => {
    assert.deepEqual(unconfirmedFigureFacts().filter((id) => !(id in FIGURE_SUBJECTS)), [], 'every unconfirmed figure has its subject in FIGURE_SUBJECTS');
    assert.deepEqual(show(unconfirmedFigureProblems('Mismatched regions multiply sync lag by 3×.')), ['region-latency-multiplier (3×): Mismatched regions multiply sync lag by 3×.']);
    assert.deepEqual(unconfirmedFigureProblems('Mismatched regions multiply sync lag by 3× (a rule of thumb).'), []);
    assert.deepEqual(unconfirmedFigureProblems('Connect polls Postgres every 2 minutes.'), [], 'a confirmed figure that happens to be equal is not the paid minimum');
    assert.equal(unconfirmedFigureProblems('The shortest paid polling interval is 2 minutes.').length, 1);
    assert.equal(unconfirmedFigureProblems('At 50% of the demo row cap.').length, 0, 'a measured share is not the risk threshold');
    assert.ok(RULE_OF_THUMB_WORDING.test('unconfirmed — rule of thumb'));
  });

  for (const file of EXAMPLES) {
    describe(file, () => {
      const text = read(file);
      const analysis = analyze(text);

      it('diagnostics', () => {
        const messages = analysis.findings.flatMap((f) => [f.message, ...(f.related ?? []).map((r) => r.message)]);
        assert.deepEqual(show(messages.flatMap(unconfirmedFigureProblems)), []);
      });

      it('hovers on every key and value', () => {
        const problems = offsets(analysis.model.root).flatMap((offset) => {
          const hover = hoverAt(analysis, offset, { ruleDocUrl: (id) => `rules/${id}.md` });
          return hover ? markdownFigureProblems(hover.markdown) : [];
        });
        assert.deepEqual([...new Set(show(problems))], []);
      });

      it('the walkthrough', () => {
        const state = new WalkthroughSession().view(analysis, { uri: `file:///w/${file}`, label: file });
        assert.deepEqual(show(walkthroughUnits(state).flatMap(unconfirmedFigureProblems)), []);
      });

      it('the three artifacts', () => {
        for (const artifact of generateAllArtifacts(text, file.split('/').pop()!)) {
          assert.deepEqual(show(markdownFigureProblems(artifact.content)), [], artifact.fileName);
        }
      });
    });
  }

  describe('examples/estate/ (the designs checked together)', () => {
    const dir = 'examples/estate';
    const files = readdirSync(join(root, dir)).filter((n) => /\.(integration|salesforce-org)\.yaml$/.test(n)).sort();
    const documents = files.map((name) => ({ name, uri: `file:///w/${dir}/${name}`, text: read(`${dir}/${name}`), kind: name.endsWith('.salesforce-org.yaml') ? 'org' as const : 'design' as const }));
    const { analyses, estates } = analyzeTogether(documents);

    it('diagnostics, the estate\'s included', () => {
      const messages = documents.flatMap((d, i) => [...analyses[i].findings, ...estates.findingsOf(d.uri)]).flatMap((f) => [f.message, ...(f.related ?? []).map((r) => r.message)]);
      assert.deepEqual(show(messages.flatMap(unconfirmedFigureProblems)), []);
    });

    it('the walkthrough and the three artifacts of each design, with its estate; the estate risk register', () => {
      documents.forEach((d, i) => {
        if (d.kind !== 'design') return;
        const view = estateViewOf(estates, d.uri);
        const state = { ...new WalkthroughSession().view(analyses[i], { uri: d.uri, label: d.name }), estate: view };
        assert.deepEqual(show(walkthroughUnits(state).flatMap(unconfirmedFigureProblems)), [], d.name);
        for (const artifact of generateAllArtifacts(d.text, d.name, analyses[i], view)) assert.deepEqual(show(markdownFigureProblems(artifact.content)), [], artifact.fileName);
      });
      for (const estate of estates.allEstates()) {
        const register = generateEstateRisks({ estate, findingsOf: (uri) => estates.findingsOf(uri), folderUri: `file:///w/${dir}` });
        assert.deepEqual(show(markdownFigureProblems(register.content)), [], register.fileName);
      }
    });
  });

  it('the generated docs: rule pages, the knowledge base, the format reference', () => {
    const docs = ['docs/knowledge.md', 'docs/format.md', 'docs/rules.md', ...readdirSync(join(root, 'docs/rules')).map((n) => `docs/rules/${n}`)];
    assert.ok(docs.length > 60);
    assert.deepEqual(docs.flatMap((file) => show(markdownFigureProblems(read(file))).map((p) => `${file}: ${p}`)), []);
  });
});
