// Golden files: the three artifacts of every example design, byte for byte. The top-level
// examples' artifacts are committed beside them in examples/ (what users read; `artifacts
// --check` in test/cli also holds them to the CLI); the per-path examples' are in
// test/golden/paths/ only. The example estate (examples/estate/: designs of one org and its org
// file, checked together) has its estate risk register beside it and its designs' artifacts in
// test/golden/estate/.
//   UPDATE_GOLDEN=1 node --import tsx --test test/unit/artifacts/golden.test.ts   rewrites them
// Read a changed golden file as a user would before committing it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { generateAllArtifacts } from '../../../server/src/core/artifacts/generate';
import { generateEstateRisks } from '../../../server/src/core/artifacts/estateRisks';
import { analyzeTogether, estateViewOf } from '../../../server/src/core/estate';
import { folderOf } from '../../../server/src/core/files';
import { documentKindOf } from '../../../server/src/core/vocabulary';
import { checkGolden as checkGoldenFile } from '../../helpers/golden';

const ROOT = join(__dirname, '../../..');
const EXAMPLES = join(ROOT, 'examples');
/** Where an example's artifacts are kept, relative to the repository, by the example's folder. */
const GOLDEN_FOLDER: Readonly<Record<string, string>> = { '': 'examples', 'paths/': 'test/golden/paths' };

/** Example designs relative to examples/: the top level and examples/paths/ (one per path). */
const designs = [
  ...readdirSync(EXAMPLES).filter((name) => name.endsWith('.integration.yaml')),
  ...readdirSync(join(EXAMPLES, 'paths')).filter((name) => name.endsWith('.integration.yaml')).map((name) => `paths/${name}`),
].sort();

/** `golden` is relative to the repository. */
function checkGolden(golden: string, content: string): void {
  checkGoldenFile(join(ROOT, golden), content, 'test/unit/artifacts/golden.test.ts');
}

/** The example estate, analysed as `integration-lint artifacts examples/estate/` does. */
function exampleEstate() {
  const dir = join(EXAMPLES, 'estate');
  const read = readdirSync(dir).filter((n) => documentKindOf(n) && /\.(integration|salesforce-org)\.yaml$/.test(n)).sort().map((name) => ({
    name, uri: pathToFileURL(join(dir, name)).href, text: readFileSync(join(dir, name), 'utf8'), kind: documentKindOf(name)!,
  }));
  const { analyses, estates } = analyzeTogether(read);
  return { documents: read.map((d, i) => ({ ...d, analysis: analyses[i] })), estates };
}

describe('golden artifacts of the example estate', () => {
  const { documents, estates } = exampleEstate();
  it('finds an estate of three designs and its org file', () => {
    const [estate] = estates.allEstates();
    assert.equal(estate.designs.length, 3);
    assert.equal(estate.orgFiles.length, 1);
  });
  for (const document of documents.filter((d) => d.analysis.kind === 'design')) {
    for (const artifact of generateAllArtifacts(document.text, document.name, document.analysis, estateViewOf(estates, document.uri))) {
      const golden = `test/golden/estate/${artifact.fileName}`;
      it(`estate/${artifact.fileName} matches ${golden}`, () => checkGolden(golden, artifact.content));
    }
  }
  for (const estate of estates.allEstates()) {
    const register = generateEstateRisks({ estate, findingsOf: (uri) => estates.findingsOf(uri), folderUri: folderOf(estate.orgFiles[0].uri) });
    it(`the estate risk register matches examples/estate/${register.fileName}`, () => checkGolden(`examples/estate/${register.fileName}`, register.content));
  }
});

describe('golden artifacts of the examples', () => {
  it('finds the example designs', () => {
    for (const name of ['orders-production.integration.yaml', 'poc-demo.integration.yaml', 'gotchas.integration.yaml']) {
      assert.ok(designs.includes(name), `examples/${name} is missing`);
    }
  });

  for (const name of designs) {
    const text = readFileSync(join(EXAMPLES, name), 'utf8');
    const folder = dirname(name) === '.' ? '' : `${dirname(name)}/`;
    for (const artifact of generateAllArtifacts(text, basename(name))) {
      const golden = `${GOLDEN_FOLDER[folder]}/${artifact.fileName}`;
      it(`${folder}${artifact.fileName} matches ${golden}`, () => {
        checkGolden(golden, artifact.content);
      });
    }
  }

  // The goldens hold each artifact to bytes made in another process at another time (no
  // timestamps); this holds it to what was generated before it in this one (a counter, cache or
  // order that leaks from one design to the next).
  it('generates the same bytes whatever was generated before (designs in reverse order)', () => {
    const generate = (name: string) => generateAllArtifacts(readFileSync(join(EXAMPLES, name), 'utf8'), basename(name));
    const forward = designs.map(generate);
    const backward = [...designs].reverse().map(generate).reverse();
    assert.deepEqual(backward, forward);
  });
});
