import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { completionsAt } from '../../../server/src/core/editing/completion';
import { foldingRanges } from '../../../server/src/core/editing/folding';
import { hoverAt } from '../../../server/src/core/editing/hover';
import { documentOutline } from '../../../server/src/core/editing/outline';
import { disableForFileEdit, disableForLineEdit } from '../../../server/src/core/rules/suppressionEdits';
import { analyze } from '../../../server/src/core/analysis';

const EXAMPLES = join(__dirname, '../../../examples');

/** The examples, and the kinds of damage text gets while it is typed. */
function documents(): [string, string][] {
  const files = existsSync(EXAMPLES) ? readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml')) : [];
  const out: [string, string][] = [];
  for (const file of files) {
    const text = readFileSync(join(EXAMPLES, file), 'utf8');
    out.push([file, text], [`${file} cut in half`, text.slice(0, Math.floor(text.length / 2))], [`${file} without indentation`, text.replace(/\n +/g, '\n')], [`${file} with CRLF`, text.replace(/\n/g, '\r\n')]);
  }
  return out;
}

describe('editing features on real and damaged documents', () => {
  it('has example documents to read', () => assert.ok(documents().length > 0));
  for (const [name, text] of documents()) {
    it(`never throw at any offset: ${name}`, () => {
      const analysis = analyze(text);
      const outline = documentOutline(analysis.model);
      const folds = foldingRanges(analysis.model);
      assert.ok(folds.every((f) => f.endLine > f.startLine));
      if (name.endsWith('.yaml')) assert.ok(outline.length > 0, 'a real design has an outline');
      disableForFileEdit(analysis.model, 'connect-demo-row-limit');
      for (let line = 0; line < analysis.model.lines.lineCount; line++) disableForLineEdit(analysis.model, 'connect-demo-row-limit', line);
      for (let offset = 0; offset <= text.length; offset++) {
        const hover = hoverAt(analysis, offset, { ruleDocUrl: (id) => id });
        if (hover) assert.ok(hover.range.start <= offset && offset <= hover.range.end, `hover range covers ${offset}`);
        for (const item of completionsAt(text, offset, analysis.model.lines)) {
          assert.ok(item.replace.start <= offset && offset <= item.replace.end, `completion range covers ${offset}`);
        }
      }
    });
  }
});
