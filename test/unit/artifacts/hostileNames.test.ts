// Names from a design in the three artifacts, rendered as GitHub would (GFM, by `marked`): text,
// never HTML, a link, a mention or strikethrough; the Mermaid block stays one code block.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { marked } from 'marked';
import { generateAllArtifacts } from '../../../server/src/core/artifacts/generate';
import { SOURCES } from '../../../server/src/core/knowledge/sources';
import { HOSTILE_DESIGN, HOSTILE_NAMES } from '../../helpers/hostileDesign';

const design = HOSTILE_DESIGN.replace('environment: production\n', `environment: production\nsummary: ${JSON.stringify('~~struck~~ https://evil.example www.evil.example @octocat ops@evil.example <b>bold</b>')}\n`);

describe('hostile names in the artifacts', () => {
  for (const artifact of generateAllArtifacts(design, 'hostile.integration.yaml')) {
    const html = marked.parse(artifact.content, { async: false }) as string;

    it(`${artifact.fileName}: shows them as text, with no element, link, mention or strikethrough of theirs`, () => {
      for (const tag of ['<script', '<img', '<b>', '<del', '<foreignObject', '<iframe']) assert.ok(!html.includes(tag), `${tag} in ${artifact.fileName}`);
      const links = [...html.matchAll(/<a\s+href="([^"]*)"/g)].map((m) => m[1]);
      const allowed = new Set(Object.values(SOURCES).map((source) => (source as { url?: string }).url));
      for (const href of links) assert.ok(allowed.has(href.replace(/&amp;/g, '&')) || /^hostile\.integration\.[a-z]+\.md$/.test(href), `only the knowledge base's sources and the sibling artifacts are links: ${href}`);
      assert.ok(!artifact.content.includes(' @octocat'), 'no @mention');
      assert.match(html, /&lt;script&gt;|&lt;img/, 'the names are shown, escaped');
    });

    if (artifact.fileName.endsWith('.risks.md')) continue;
    it(`${artifact.fileName}: draws the design in one Mermaid block that no name closes`, () => {
      const blocks = [...html.matchAll(/<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g)].map((m) => m[1]);
      assert.equal(blocks.length, 1);
      assert.match(blocks[0], /^flowchart LR\n/);
      assert.equal((artifact.content.match(/^```/gm) ?? []).length % 2, 0, 'fences are balanced');
      assert.ok(blocks[0].includes('click org call alert(4)'), 'the user name is in the diagram, as text of a label');
      assert.ok(!/^\s*click\b/m.test(blocks[0]) && !/%%/.test(blocks[0]), 'no statement or directive of its own');
      assert.ok(Object.values(HOSTILE_NAMES).length > 0);
    });
  }
});
