// Golden pictures: the architecture diagram of every example design, as the SVG the walkthrough
// draws and as the Mermaid flowchart the artifacts embed, byte for byte, in test/golden/diagrams/.
//   UPDATE_GOLDEN=1 node --import tsx --test test/unit/diagram/golden.test.ts   rewrites them
// Open a changed SVG in a browser (and read the Mermaid) before committing it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/analysis';
import { buildDiagram } from '../../../server/src/core/diagram/build';
import { diagramMermaid } from '../../../server/src/core/diagram/mermaid';
import { diagramSvg, serializeSvg } from '../../../server/src/core/diagram/svg';
import { checkGolden } from '../../helpers/golden';

const ROOT = join(__dirname, '../../..');
const GOLDEN = join(ROOT, 'test/golden/diagrams');

/** Each example (examples/ and examples/paths/) and the golden files' base name: `orders-production`, `paths-heroku-connect`. */
const EXAMPLES = ['examples', 'examples/paths'].flatMap((dir) => readdirSync(join(ROOT, dir))
  .filter((n) => n.endsWith('.integration.yaml'))
  .map((n) => ({ file: `${dir}/${n}`, base: `${dir === 'examples' ? '' : 'paths-'}${n.replace(/\.integration\.yaml$/, '')}` })));

function pictures(file: string): { svg: string; mmd: string } {
  const diagram = buildDiagram(analyze(readFileSync(join(ROOT, file), 'utf8')), file.split('/').pop()!);
  return { svg: serializeSvg(diagramSvg(diagram)), mmd: `${diagramMermaid(diagram)}\n` };
}

describe('golden diagrams of the examples', () => {
  for (const { file, base } of EXAMPLES) {
    for (const kind of ['svg', 'mmd'] as const) {
      const golden = `test/golden/diagrams/${base}.${kind}`;
      it(`${file} matches ${golden}`, () => {
        checkGolden(join(ROOT, golden), pictures(file)[kind], 'test/unit/diagram/golden.test.ts');
      });
    }
  }

  it('keeps no golden file of an example that is gone', () => {
    const expected = EXAMPLES.flatMap(({ base }) => [`${base}.mmd`, `${base}.svg`]).sort();
    assert.deepEqual(readdirSync(GOLDEN).sort(), expected);
  });

  // The goldens hold each drawing to bytes made in another process; this holds it to what was
  // drawn before it in this one (a counter, cache or order that leaks from one drawing to the next).
  it('draws the same bytes whatever was drawn before (examples in reverse order)', () => {
    const forward = EXAMPLES.map(({ file }) => pictures(file));
    const backward = [...EXAMPLES].reverse().map(({ file }) => pictures(file)).reverse();
    assert.deepEqual(backward, forward);
  });

  it('is the Mermaid block the recommendation and the runbook of each example embed', () => {
    for (const { file, base } of EXAMPLES) {
      const folder = file.startsWith('examples/paths/') ? 'test/golden/paths' : 'examples';
      const name = file.split('/').pop()!.replace(/\.yaml$/, '');
      for (const kind of ['recommendation', 'runbook']) {
        const markdown = readFileSync(join(ROOT, folder, `${name}.${kind}.md`), 'utf8');
        assert.ok(markdown.includes(`\`\`\`mermaid\n${readFileSync(join(GOLDEN, `${base}.mmd`), 'utf8')}\`\`\``), `${folder}/${name}.${kind}.md draws ${base}.mmd`);
      }
    }
  });
});
