// Every number an artifact takes from the knowledge base carries a reference, and every
// reference points at a listed source (and back).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { generateAllArtifacts } from '../../../server/src/core/artifacts/generate';
import { FACTS, formatFactValue } from '../../../server/src/core/knowledge/facts';

const EXAMPLES = join(__dirname, '../../../examples');
const designs = readdirSync(EXAMPLES).filter((n) => n.endsWith('.integration.yaml'));

/**
 * The body without the header, the Sources section, quoted finding messages (the rules' own text)
 * and the architecture diagram (it draws the design's own values: its polling interval, its rows).
 */
function ownText(content: string): string {
  const body = content.split('\n## Sources\n')[0].replace(/\n```mermaid\n[\s\S]*?\n```\n/g, '\n');
  return body.split('\n').filter((line) => !/^> - Line \d+|^\| `[a-z0-9-]+`( \(|\s\|)|^- Line \d+, `|^- \*\*Line \d+\*\*/.test(line)).join('\n');
}

describe('sources', () => {
  for (const name of designs) {
    const artifacts = generateAllArtifacts(readFileSync(join(EXAMPLES, name), 'utf8'), name);
    for (const a of artifacts) {
      it(`${a.fileName}: every reference number is a listed source, and every listed source is referenced`, () => {
        const [body, sources = ''] = a.content.split('\n## Sources\n');
        const listed = [...sources.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
        const used = new Set([...body.matchAll(/\[\[?(\d+)(?:, unconfirmed)?\]/g)].map((m) => Number(m[1])));
        assert.deepEqual(listed, listed.map((_, i) => i + 1), 'sources are numbered 1, 2, 3…');
        for (const n of used) assert.ok(listed.includes(n), `[${n}] is used but not listed`);
        for (const n of listed) assert.ok(used.has(n) || /\]\(http/.test(body), `source ${n} is listed but never referenced`);
      });

      it(`${a.fileName}: knowledge-base numbers are followed by a reference`, () => {
        const text = ownText(a.content);
        for (const f of FACTS.values()) {
          if (f.value === undefined) continue;
          const shown = formatFactValue(f);
          if (!/[a-z%×]/.test(shown) || shown.length < 6) continue; // bare or ambiguous numbers ("API v39" is checked too)
          let at = text.indexOf(shown);
          while (at >= 0) {
            const after = text.slice(at + shown.length, at + shown.length + 40);
            const line = text.slice(text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at) < 0 ? undefined : text.indexOf('\n', at));
            // The design's own numbers (its lag, its intervals) are cited by line, not by source.
            const fromDesign = /^\**\s*\((line \d+|connection\)|`)/.test(after)
              || /^\*\*The (integration in one sentence|design's own summary):\*\*/.test(line)
              || /\| line \d+ \|$/.test(line) // a table of what the design states
              || text.slice(Math.max(0, at - 4), at) === 'per '; // a unit ("events per 24 hours"), not a limit
            const cited = fromDesign || /^\s*\[\[?\d+/.test(after) || /\[\[?\d+(, unconfirmed)?\]/.test(line);
            assert.ok(cited, `"${shown}" (${f.id}) without a reference in: ${line}`);
            at = text.indexOf(shown, at + 1);
          }
        }
      });
    }
  }
});
