// The Mermaid block of each example's recommendation, rendered by the real `mermaid` package
// (a devDependency, served to the page from node_modules by the test's local server) in headless
// Chromium, as GitHub and GitLab render it: it parses, and it draws every part and path. A design
// whose names attack Mermaid (directives, click callbacks, styles, labels closed early, markup,
// javascript: links) renders them as text, even with Mermaid's `loose` security level.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { analyze } from '../../server/src/core/analysis';
import { generateArtifact } from '../../server/src/core/artifacts/generate';
import { buildDiagram } from '../../server/src/core/diagram/build';
import { HOSTILE_DESIGN, HOSTILE_NAMES } from '../helpers/hostileDesign';
import { RESULTS, ROOT, startWebviewServer, type WebviewServer } from './webviewHarness';

const SHOTS = join(RESULTS, 'mermaid');
/** Each example with its committed recommendation (examples/ beside it, examples/paths/ in test/golden/paths/). */
const EXAMPLES = [
  ...readdirSync(join(ROOT, 'examples')).filter((n) => n.endsWith('.integration.yaml')).map((n) => ({ design: `examples/${n}`, artifact: `examples/${n.replace(/\.yaml$/, '.recommendation.md')}` })),
  ...readdirSync(join(ROOT, 'examples/paths')).filter((n) => n.endsWith('.integration.yaml')).map((n) => ({ design: `examples/paths/${n}`, artifact: `test/golden/paths/${n.replace(/\.yaml$/, '.recommendation.md')}` })),
];

function mermaidBlock(markdown: string): string {
  const blocks = [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)];
  assert.equal(blocks.length, 1, 'one Mermaid block');
  return blocks[0][1];
}

interface Rendered {
  readonly error?: string;
  readonly nodes: number;
  readonly edges: number;
  readonly text: string;
  readonly config: { theme?: string; securityLevel?: string };
}

/** Renders a flowchart with Mermaid in the page; returns what it drew. */
async function render(page: Page, text: string, securityLevel: 'strict' | 'loose'): Promise<Rendered> {
  return page.evaluate(async ({ text, securityLevel }) => {
    const mermaid = (window as unknown as { mermaid: { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string; bindFunctions?: (e: Element) => void }>; mermaidAPI: { getConfig(): { theme?: string; securityLevel?: string } } } }).mermaid;
    mermaid.initialize({ startOnLoad: false, securityLevel });
    const out = document.getElementById('out')!;
    out.replaceChildren();
    try {
      const { svg, bindFunctions } = await mermaid.render(`diagram${Date.now()}`, text);
      out.innerHTML = svg;
      bindFunctions?.(out);
    } catch (error) {
      return { error: String(error), nodes: 0, edges: 0, text: '', config: {} };
    }
    const { theme, securityLevel: level } = mermaid.mermaidAPI.getConfig();
    return {
      nodes: out.querySelectorAll('g.node').length,
      edges: out.querySelectorAll('.edgePaths path, g.edgePaths path, path.flowchart-link').length,
      text: out.textContent ?? '',
      config: { theme, securityLevel: level },
    };
  }, { text, securityLevel });
}

let web: WebviewServer;
let page: Page;
const problems: string[] = [];

before(async () => {
  web = await startWebviewServer();
  mkdirSync(SHOTS, { recursive: true });
  page = await web.browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.addInitScript({ content: 'window.__pwned = 0;' });
  await page.goto(`${web.origin}/blank`);
  await page.addScriptTag({ url: `${web.origin}/node_modules/mermaid/dist/mermaid.min.js` });
});

after(async () => {
  await page?.close();
  await web?.close();
});

describe('the artifacts\' Mermaid diagrams, rendered by mermaid in Chromium', () => {
  for (const { design, artifact } of EXAMPLES) {
    it(`${artifact}: parses and draws every part and path (screenshot in test-results/mermaid/)`, async () => {
      const text = mermaidBlock(readFileSync(join(ROOT, artifact), 'utf8'));
      const diagram = buildDiagram(analyze(readFileSync(join(ROOT, design), 'utf8')), design);
      const shown = await render(page, text, 'strict');
      assert.equal(shown.error, undefined, shown.error);
      assert.equal(shown.nodes, diagram.elements.length, 'one node per part');
      assert.equal(shown.edges, diagram.links.length + diagram.links.filter((l) => l.direction === 'back').length, 'one edge per link (and the invisible one that keeps the org on the left of a link back)');
      for (const e of diagram.elements) assert.ok(shown.text.includes(e.title) && (!e.name || shown.text.includes(e.name)), `${e.id} is drawn`);
      for (const g of diagram.groups) assert.ok(shown.text.includes(g.label), `${g.label} is drawn`);
      for (const l of diagram.links) assert.ok(shown.text.includes(l.label), `${l.label} is drawn`);
      await page.locator('#out svg').screenshot({ path: join(SHOTS, `${design.replace(/^examples\//, '').replace(/\//g, '-').replace(/\.integration\.yaml$/, '')}.png`) });
      assert.deepEqual(problems, []);
    });
  }

  for (const securityLevel of ['strict', 'loose'] as const) {
    it(`renders a hostile design's names as text, with securityLevel ${securityLevel}`, async () => {
      const text = mermaidBlock(generateArtifact('recommendation', HOSTILE_DESIGN, 'hostile.integration.yaml').content);
      const shown = await render(page, text, securityLevel);
      assert.equal(shown.error, undefined, shown.error);
      assert.deepEqual(shown.config, { theme: 'default', securityLevel }, 'the %%{init}%% in a name changed no setting');
      const flat = (t: string) => t.replace(/\s+/g, ' ');
      for (const [key, name] of Object.entries(HOSTILE_NAMES)) {
        if (key === 'name') continue; // the design's name titles the document, not the flowchart
        assert.ok(flat(shown.text).includes(flat(name)), `${key} is shown as text: ${name}`);
      }
      const injected = await page.evaluate(() => {
        const out = document.getElementById('out')!;
        const attributes = Array.from(out.querySelectorAll('*')).flatMap((e) => Array.from(e.attributes, (a) => `${a.name}=${a.value}`));
        return {
          elements: out.querySelectorAll('script, img, iframe, object, embed, a, [onerror], [onload], [onclick], .clickable').length,
          handlers: attributes.filter((a) => /^on/i.test(a) || /javascript:/i.test(a)).length,
          pwned: (window as unknown as { __pwned: number }).__pwned,
        };
      });
      assert.deepEqual(injected, { elements: 0, handlers: 0, pwned: 0 });
      // Clicking every node runs nothing either (a `click … call` statement would bind a handler).
      for (const node of await page.locator('#out g.node').all()) await node.click({ force: true });
      assert.equal(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned), 0);
      await page.locator('#out svg').screenshot({ path: join(SHOTS, `hostile-${securityLevel}.png`) });
      assert.deepEqual(problems, []);
    });
  }

  it('would catch a name that escaped: the same flowchart with one raw name does run a click callback', async () => {
    // The check above can fail: an unescaped `click` statement in loose mode binds a handler Mermaid calls.
    await page.evaluate(() => { (window as unknown as { hostileCallback: () => void }).hostileCallback = () => { (window as unknown as { __pwned: number }).__pwned = 7; }; });
    const raw = 'flowchart LR\n  org("Salesforce org")\n  app1["Heroku app"]\n  org --> app1\n  click org call hostileCallback()\n';
    const shown = await render(page, raw, 'loose');
    assert.equal(shown.error, undefined, shown.error);
    await page.locator('#out g.node').first().click({ force: true });
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned), 7);
    await page.evaluate(() => { (window as unknown as { __pwned: number }).__pwned = 0; });
  });
});
