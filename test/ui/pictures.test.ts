// The design at a glance in the walkthrough page, in real (headless) Chromium: the
// architecture diagram (inline SVG drawn from the server's tree) and the limit gauges, for every
// example, in light, dark and high-contrast themes (screenshots in test-results/pictures/);
// hostile names from a design stay text; the CSP holds; findings on the diagram work with the
// mouse and the keyboard; the text alternative says what the picture shows.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { WalkthroughState } from '../../client/src/webview/protocol';
import { analyze } from '../../server/src/core/analysis';
import { buildDiagram } from '../../server/src/core/diagram/build';
import { WalkthroughSession } from '../../server/src/core/walkthrough/session';
import { HOSTILE_DESIGN, HOSTILE_NAMES } from '../helpers/hostileDesign';
import { RESULTS, ROOT, startWebviewServer, type Harness, type WebviewServer } from './webviewHarness';

const SHOTS = join(RESULTS, 'pictures');
const EXAMPLES = ['examples', 'examples/paths'].flatMap((dir) => readdirSync(join(ROOT, dir)).filter((n) => n.endsWith('.integration.yaml')).map((n) => `${dir}/${n}`)).sort();

function stateOf(text: string, label: string): WalkthroughState {
  return new WalkthroughSession().view(analyze(text), { uri: `file:///work/${label}`, label });
}

let web: WebviewServer;

before(async () => {
  web = await startWebviewServer();
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await web?.close();
});

/** What the page draws: parts, links, groups (with their boxes) and gauges. */
async function drawn(h: Harness) {
  return h.page.evaluate(() => {
    const box = (e: Element) => {
      const b = (e.querySelector('rect') as SVGGraphicsElement).getBBox();
      return { x: b.x, y: b.y, width: b.width, height: b.height };
    };
    return {
      nodes: Array.from(document.querySelectorAll('#diagram .node'), (n) => ({
        id: n.getAttribute('data-element'), name: n.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '', text: n.textContent ?? '', box: box(n),
      })),
      links: Array.from(document.querySelectorAll('#diagram .link'), (l) => l.getAttribute('data-element')),
      groups: Array.from(document.querySelectorAll('#diagram .group'), (g) => ({ label: g.querySelector('.group-label')?.textContent ?? '', box: box(g) })),
      gauges: Array.from(document.querySelectorAll('#gauges .gauge'), (g) => ({ id: g.getAttribute('data-gauge'), text: g.textContent ?? '', bars: g.querySelectorAll('svg.gauge-bar').length })),
      markers: document.querySelectorAll('#diagram .finding').length,
      summary: document.querySelector('#diagram svg')?.getAttribute('aria-label') ?? '',
    };
  });
}

const inside = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the design at a glance: diagram and gauges in Chromium', () => {
  it('draws every example: its parts in their region groups, its paths, its gauges (screenshots in test-results/pictures/)', async () => {
    const h = await web.openPage('dark');
    let version = 0;
    for (const file of EXAMPLES) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const analysis = analyze(text);
      const diagram = buildDiagram(analysis, file);
      const state = stateOf(text, file.split('/').pop()!);
      await h.send(state, ++version);
      const shown = await drawn(h);
      assert.deepEqual(shown.nodes.map((n) => n.id), diagram.elements.map((e) => e.id), file);
      for (const [i, e] of diagram.elements.entries()) {
        if (e.name) assert.ok(shown.nodes[i].name.includes(e.name) && shown.nodes[i].text.includes(e.name.slice(0, 20)), `${file}: ${e.id} shows ${e.name}`);
        const group = diagram.groups.findIndex((g) => g.id === e.group);
        assert.ok(inside(shown.nodes[i].box, shown.groups[group].box), `${file}: ${e.id} is drawn inside its region group ${diagram.groups[group].label}`);
        for (const other of shown.nodes.slice(i + 1)) assert.ok(!overlap(shown.nodes[i].box, other.box), `${file}: ${e.id} and ${other.id} do not overlap`);
      }
      assert.deepEqual(shown.groups.map((g) => g.label), diagram.groups.map((g) => g.label), file);
      assert.deepEqual(shown.links, diagram.links.map((l) => l.id), file);
      assert.deepEqual(shown.gauges.map((g) => g.id), analysis.measurements.map((m) => m.id), `${file}: one gauge per measured limit`);
      for (const [i, g] of state.gauges.entries()) {
        assert.equal(shown.gauges[i].bars, 1);
        assert.ok(shown.gauges[i].text.includes(g.percent) && shown.gauges[i].text.includes(g.label), `${file}: ${g.id} shows ${g.percent}`);
      }
      const findings = [...diagram.groups, ...diagram.elements, ...diagram.links].reduce((n, x) => n + x.findings.length, 0);
      assert.ok(shown.markers > 0 === findings > 0, `${file}: markers for its ${findings} findings`);
      assert.equal(shown.summary, state.diagram.summary);
      await h.page.locator('#picture-section').screenshot({ path: join(SHOTS, `${file.replace(/^examples\//, '').replace(/\//g, '-').replace(/\.integration\.yaml$/, '')}.png`), animations: 'disabled' });
    }
    assert.deepEqual(h.problems, []);
    await h.page.context().close();
  });

  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`is readable in the ${theme} theme (screenshot in test-results/pictures/)`, async () => {
      const h = await web.openPage(theme);
      await h.send(stateOf(readFileSync(join(ROOT, 'examples/gotchas.integration.yaml'), 'utf8'), 'gotchas.integration.yaml'), 1);
      const colors = await h.page.evaluate(() => {
        const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
        return {
          background: style('body').backgroundColor,
          text: style('#diagram .node text.title').fill,
          line: style('#diagram .link .line').stroke,
          box: style('#diagram .node rect').stroke,
          boxFill: style('#diagram .node rect').fill,
          marker: style('#diagram .finding-error circle').fill,
          markerText: style('#diagram .finding-error text').fill,
          gauge: style('#gauges .gauge-over .gauge-fill').fill,
          mark: style('#gauges .gauge-mark').stroke,
        };
      });
      const rgb = (c: string) => c.replace(/\s/g, '');
      const background = rgb(colors.background);
      for (const [what, color] of Object.entries(colors)) {
        // A box is filled with the background; a marker's letter is cut out of its circle in the background color.
        if (what === 'background' || what === 'boxFill' || what === 'markerText') continue;
        assert.ok(color && color !== 'none', `${what} is painted`);
        assert.notEqual(rgb(color), background, `${what} differs from the background`);
      }
      assert.notEqual(rgb(colors.marker), rgb(colors.markerText), 'a marker\'s letter differs from its circle');
      await h.page.locator('#picture-section').screenshot({ path: join(SHOTS, `gotchas-${theme}.png`), animations: 'disabled' });
      assert.deepEqual(h.problems, []);
      await h.page.context().close();
    });
  }

  it('shows hostile names from the design as text in the diagram, its text alternative and the gauges', async () => {
    const h = await web.openPage('dark');
    const state = stateOf(HOSTILE_DESIGN, 'hostile.integration.yaml');
    await h.send(state, 1);
    await h.page.locator('#diagram-words summary').click();
    const page = await h.page.evaluate(() => ({
      diagram: document.querySelector('#diagram svg')?.textContent ?? '',
      labels: Array.from(document.querySelectorAll('#diagram [aria-label]'), (e) => e.getAttribute('aria-label')).join('\n'),
      words: (document.getElementById('diagram-words') as HTMLElement).innerText,
      title: document.getElementById('title')?.textContent ?? '',
      pwned: (window as unknown as { __pwned: number }).__pwned,
      elements: document.querySelectorAll('script:not([nonce]), img, iframe, object, embed, foreignObject, a:not(.source), style, [onerror], [onload], [onclick], body [style], svg:not(.architecture):not(.gauge-bar), #diagram svg svg').length,
      svgTags: [...new Set(Array.from(document.querySelectorAll('#diagram svg *, #gauges svg *'), (e) => e.tagName))].sort(),
      // Links only to the knowledge base's https sources (the facts tables), none in the picture.
      hrefs: Array.from(document.querySelectorAll('[href], [xlink\\:href]'), (e) => e.getAttribute('href') ?? '').filter((href) => !/^https:\/\//.test(href) && !href.endsWith('/client/media/walkthrough.css')).length,
      inPicture: document.querySelectorAll('#picture-section [href], #picture-section a').length,
    }));
    assert.equal(page.title, `Decision: ${HOSTILE_NAMES.name}`);
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    for (const [key, name] of Object.entries(HOSTILE_NAMES)) {
      if (key === 'name') continue; // the design's name is the page title and the diagram's accessible name
      // Long names wrap onto lines in the picture; the accessible names and the text alternative carry them whole.
      assert.ok(flat(page.labels).includes(flat(name)), `${key} is an accessible name's text: ${name}`);
      assert.ok(flat(page.words).includes(flat(name)), `${key} is in the text alternative: ${name}`);
    }
    assert.ok(page.diagram.includes('<img src=x'), 'the picture shows the markup as text');
    assert.ok(page.labels.includes(HOSTILE_NAMES.name), 'the diagram\'s accessible name has the design name as text');
    assert.deepEqual(page.svgTags, ['circle', 'g', 'path', 'rect', 'text', 'title'], 'only the shapes the server draws');
    assert.deepEqual({ pwned: page.pwned, elements: page.elements, hrefs: page.hrefs, inPicture: page.inPicture }, { pwned: 0, elements: 0, hrefs: 0, inPicture: 0 });
    assert.deepEqual(web.requests.filter((r) => !['/', '/dist/webview/main.js', '/client/media/walkthrough.css', '/blank', '/node_modules/mermaid/dist/mermaid.min.js'].includes(r)), [], 'nothing else was loaded');

    // The CSP holds inside the drawing too: a script element put into the SVG does not run.
    await h.page.evaluate(() => {
      const s = document.createElementNS('http://www.w3.org/2000/svg', 'script');
      s.textContent = 'window.__pwned = 99';
      document.querySelector('#diagram svg')!.appendChild(s);
      const inline = document.createElement('script');
      inline.textContent = 'window.__pwned = 98';
      document.body.appendChild(inline);
    });
    assert.equal(await h.page.evaluate(() => (window as unknown as { __pwned: number }).__pwned), 0);
    assert.ok(h.problems.some((p) => /Content Security Policy/.test(p)), 'the blocked scripts were reported as CSP violations');
    await h.page.context().close();
  });

  it('reveals a finding\'s line from the diagram with the mouse or the keyboard, and describes the picture in words', async () => {
    const h = await web.openPage('light');
    const text = readFileSync(join(ROOT, 'examples/gotchas.integration.yaml'), 'utf8');
    const state = stateOf(text, 'gotchas.integration.yaml');
    const diagram = buildDiagram(analyze(text), 'gotchas.integration.yaml');
    await h.send(state, 1);
    const page = h.page;
    const org = diagram.elements.find((e) => e.id === 'org')!;
    assert.ok(org.findings.length > 0, 'the gotchas design has a finding on the org');

    // The mouse: a marker posts revealLine with its finding's line.
    await page.locator('#diagram [data-element="org"] .finding').first().click();
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'revealLine'));
    assert.deepEqual((await h.posted()).filter((m) => m.type === 'revealLine'), [{ type: 'revealLine', line: org.findings[0].line }]);

    // The keyboard: Tab from the picture's region reaches the markers in order; Enter reveals.
    await page.locator('.diagram-scroll').focus();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
    const stops: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      stops.push(await focused());
    }
    const first = diagram.groups.find((g) => g.findings.length)!;
    assert.match(stops[0], new RegExp(`^\\w+ on region group ${first.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line ${first.findings[0].line}:`), stops.join(' | '));
    // Back to the first marker (Shift+Tab retraces the stops), then Enter on it.
    for (let i = 1; i < stops.length; i++) await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), stops[0], 'Shift+Tab leads back to the first marker');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (window as unknown as { __posted: { type: string }[] }).__posted.filter((m) => m.type === 'revealLine').length === 2);
    const revealed = (await h.posted()).filter((m) => m.type === 'revealLine').pop();
    assert.deepEqual(revealed, { type: 'revealLine', line: first.findings[0].line }, 'Enter on the first marker reveals its finding\'s line');

    // A part with more findings than markers: "+N" opens the text alternative at that part.
    const crowdedText = `version: 1\nname: Crowded\npaths:\n  heroku_connect:\n    plan: enterprise\n${Array.from({ length: 12 }, (_, i) => `    unknown_${i}: 1\n`).join('')}`;
    const crowded = buildDiagram(analyze(crowdedText), 'crowded').elements.find((e) => e.id === 'connect')!;
    assert.ok(crowded.findings.length >= 12, 'twelve unknown keys are twelve findings on the Connect add-on');
    await h.send(stateOf(crowdedText, 'crowded.integration.yaml'), 2);
    const more = page.locator('#diagram [data-element="connect"] .finding-more');
    assert.equal(await more.count(), 1, `${crowded.findings.length} findings on the Connect add-on do not all fit`);
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'diagram-item-connect');
    assert.equal(await page.evaluate(() => (document.getElementById('diagram-words') as HTMLDetailsElement).open), true);
    const item = await page.locator('#diagram-item-connect').innerText();
    for (const f of crowded.findings) assert.ok(item.includes(`Line ${f.line}`), `the text alternative lists line ${f.line}`);
    await h.send(state, 3);

    // The text alternative: every part and path in words, the summary as the picture's name.
    const words = await page.locator('#diagram-words').innerText();
    for (const e of diagram.elements) assert.ok(words.includes(e.title), e.id);
    for (const l of diagram.links.filter((x) => x.path)) assert.ok(words.includes(`Path ${l.label}`), l.id);
    assert.equal(await page.locator('#diagram svg').getAttribute('role'), 'group');
    assert.equal(await page.locator('#diagram svg').getAttribute('aria-label'), state.diagram.summary);
    assert.deepEqual(h.problems, []);
    await page.context().close();
  });

  it('keeps the picture, the focus and the scroll position when a new state changes only the answers', async () => {
    const h = await web.openPage('dark');
    const text = readFileSync(join(ROOT, 'examples/gotchas.integration.yaml'), 'utf8');
    const state = stateOf(text, 'gotchas.integration.yaml');
    await h.send(state, 1);
    const marker = h.page.locator('#diagram .finding').nth(2);
    await marker.focus();
    const id = await marker.getAttribute('id');
    await h.page.evaluate(() => { (window as unknown as { __svg: unknown }).__svg = document.querySelector('#diagram svg'); });
    await h.send({ ...state, statement: `${state.statement} (changed)` }, 2);
    assert.deepEqual(await h.page.evaluate(() => ({
      same: (window as unknown as { __svg: unknown }).__svg === document.querySelector('#diagram svg'),
      focused: document.activeElement?.id,
    })), { same: true, focused: id });
    await h.page.context().close();
  });
});
