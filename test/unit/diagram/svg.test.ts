// The SVG tree and its serialization: names from the design are text and attribute values,
// escaped; the tree uses only the tags and attributes the webview draws.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/analysis';
import { buildDiagram } from '../../../server/src/core/diagram/build';
import { wrapText } from '../../../server/src/core/diagram/layout';
import { diagramSvg, serializeSvg, SVG_ATTRIBUTE, SVG_TAGS, type SvgElement } from '../../../server/src/core/diagram/svg';
import { HOSTILE_DESIGN, HOSTILE_NAMES } from '../../helpers/hostileDesign';

function walk(node: SvgElement, visit: (n: SvgElement) => void): void {
  visit(node);
  for (const c of node.children) if (typeof c !== 'string') walk(c, visit);
}

describe('the diagram as SVG', () => {
  const tree = diagramSvg(buildDiagram(analyze(HOSTILE_DESIGN), 'hostile.integration.yaml'));
  const svg = serializeSvg(tree);

  it('uses only the allowed tags and attributes, and no value that loads or runs anything', () => {
    walk(tree, (n) => {
      assert.ok(SVG_TAGS.includes(n.tag), n.tag);
      for (const [name, value] of Object.entries(n.attrs)) {
        assert.match(name, SVG_ATTRIBUTE);
        if (name !== 'aria-label') assert.match(value, /^[A-Za-z0-9 .,#%_-]*$/, `${name}="${value}"`);
      }
    });
  });

  it('escapes every name in text and attributes', () => {
    const tags = [...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(tags)].sort(), [...SVG_TAGS].filter((t) => tags.includes(t)).sort(), 'no tag but the drawn ones');
    // The markup alone (attribute values and text emptied): no element or handler but the drawn ones.
    const markup = svg.replace(/"[^"]*"/g, '""').replace(/>[^<]*</g, '><');
    assert.doesNotMatch(markup, /<script|<img|<foreignObject|<a[\s>]|\son[a-z]+=|href/i);
    assert.ok(svg.includes('&lt;/text&gt;&lt;foreignObject&gt;&lt;script&gt;window.__pwned=6'), 'the attack is in the text, escaped');
    const attributes = [...svg.matchAll(/ ([a-zA-Z:-]+)="([^"]*)"/g)];
    for (const [, name] of attributes) assert.ok(name === 'xmlns' || SVG_ATTRIBUTE.test(name), name);
    const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#10;/g, '\n').replace(/&amp;/g, '&');
    const labels = attributes.filter(([, name]) => name === 'aria-label').map(([, , value]) => unescape(value)).join('\n');
    for (const [key, name] of Object.entries(HOSTILE_NAMES)) assert.ok(labels.includes(name), `${key}: ${name}`);
  });

  it('refuses a tag or attribute the webview would not draw', () => {
    assert.throws(() => serializeSvg({ tag: 'script' as 'g', attrs: {}, children: [] }), /not an SVG tag/);
    assert.throws(() => serializeSvg({ tag: 'g', attrs: { onload: 'x' }, children: [] }), /not an attribute/);
    assert.equal(serializeSvg({ tag: 'text', attrs: { 'aria-label': '"><x a=\'1\'>&' }, children: ['</text><script>'] }),
      '<text xmlns="http://www.w3.org/2000/svg" aria-label="&quot;&gt;&lt;x a=\'1\'&gt;&amp;">&lt;/text&gt;&lt;script&gt;</text>\n');
  });

  it('wraps long text at spaces and cuts what does not fit with an ellipsis', () => {
    assert.deepEqual(wrapText('syncs Account, Contact and Order (read-write)', 200), ['syncs Account, Contact and', 'Order (read-write)']);
    assert.deepEqual(wrapText('a-very-long-name-without-any-space-at-all-that-goes-on', 100), ['a-very-long-nam', 'e-without-any-…']);
    assert.deepEqual(wrapText('one two three four five six seven', 60, 1), ['one two…']);
  });
});
