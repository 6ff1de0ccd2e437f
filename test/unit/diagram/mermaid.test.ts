// The Mermaid flowchart keeps every name from the design inside a quoted label, as text: no name
// can close the label, start a statement (click, style, classDef, a link), a directive or a
// comment, a Markdown string, or end the artifact's code block. (test/ui/mermaid.test.ts renders
// it with the real mermaid package.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/analysis';
import { buildDiagram } from '../../../server/src/core/diagram/build';
import { diagramMermaid, mermaidText } from '../../../server/src/core/diagram/mermaid';
import { HOSTILE_DESIGN, HOSTILE_NAMES } from '../../helpers/hostileDesign';

/** A label's text as Mermaid shows it: entities decoded. */
const decode = (text: string) => text.replace(/#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

describe('Mermaid text', () => {
  it('writes every character Mermaid could read as syntax as an entity, and keeps names readable', () => {
    assert.equal(mermaidText('orders-sync (read-write), 1,200 rows'), 'orders-sync (read-write), 1,200 rows');
    assert.equal(mermaidText('Heroku → Salesforce: REST'), 'Heroku → Salesforce: REST');
    assert.equal(mermaidText('"quoted"'), '#34;quoted#34;');
    assert.equal(mermaidText('a|b'), 'a#124;b');
    assert.equal(mermaidText('[x]{y}<z>'), '#91;x#93;#123;y#125;#60;z#62;');
    assert.equal(mermaidText('`**md**`'), '#96;#42;#42;md#42;#42;#96;');
    assert.equal(mermaidText('%%{init: {}}%%'), '#37;#37;#123;init: #123;#125;#125;#37;#37;');
    assert.equal(mermaidText('javascript:alert(1)'), 'javascript#58;alert(1)', 'a colon before text (a URL scheme, style fill:#f00) is an entity');
    assert.equal(mermaidText('x;y#z&w'), 'x#59;y#35;z#38;w');
    assert.equal(mermaidText('one\ntwo\r\nthree\u2028four'), 'one two three four');
    assert.equal(mermaidText('\u202Eevil'), '#8238;evil', 'a direction override is written as an entity');
    assert.equal(mermaidText('ﬂ°x¶ß'), '#64258;#176;x#182;#223;', 'Mermaid\'s own entity placeholders');
    for (const name of Object.values(HOSTILE_NAMES)) assert.equal(decode(mermaidText(name)), name.replace(/\n/g, ' '), name);
  });

  it('keeps every name of a hostile design inside its label, one statement per line', () => {
    const text = diagramMermaid(buildDiagram(analyze(HOSTILE_DESIGN), 'hostile.integration.yaml'));
    const lines = text.split('\n');
    assert.equal(lines[0], 'flowchart LR');
    // Inside a label: no quote, backtick, %, ;, #, brace, pipe, bracket or angle bracket but in an entity (#60;) or a line break (<br/>).
    const label = '"(?:[^"`%;#{}|<>\\[\\]\\n]|#\\d+;|<br/>)*"';
    const id = '[a-z]+[0-9]*';
    const statement = new RegExp(`^(?:  subgraph ${id}\\[${label}\\]|  end|    ${id}(?:\\(${label}\\)|\\[${label}\\]|\\[\\[${label}\\]\\]|\\[\\(${label}\\)\\])|  ${id} (?:-->|<-->|---)\\|${label}\\| ${id}|  ${id} ~~~ ${id})$`);
    for (const line of lines.slice(1)) assert.match(line, statement);
    assert.doesNotMatch(text, /```|%%|^\s*(click|style|classDef|linkStyle)\b/m);
    const labels = [...text.matchAll(/"([^"]*)"/g)].map((m) => decode(m[1]).replace(/<br\/>/g, '\n'));
    for (const [key, name] of Object.entries(HOSTILE_NAMES)) {
      if (key === 'name') continue; // the design's name titles the walkthrough, not the flowchart
      assert.ok(labels.some((l) => l.includes(name.replace(/\n/g, ' '))), `${key} is a label's text: ${name}`);
    }
  });
});
