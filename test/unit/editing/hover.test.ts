import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt } from '../../../server/src/core/editing/hover';
import { analyze } from '../../../server/src/core/analysis';

const DOC = `version: 1
name: Order sync
environment: proof-of-concept
regions:
  salesforce: us-east
paths:
  heroku_connect:
    plan: demo
    polling_interval: 10m
    mappings:
      - object: Account
        rows: 8_000
      - object: Contact
        rows: 6_000
  enviroment: x
`;
const options = { ruleDocUrl: (id: string) => `file:///pkg/docs/rules/${id}.md` };

function hover(needle: string, delta = 1) {
  const offset = DOC.indexOf(needle) + delta;
  assert.ok(offset > 0, needle);
  return hoverAt(analyze(DOC), offset, options);
}

describe('hover', () => {
  it('explains a key: description, allowed values with their descriptions, default, facts table', () => {
    const h = hover('plan:')!;
    assert.match(h.markdown, /^`plan` — The Heroku Connect plan\./);
    assert.match(h.markdown, /- `demo` \*\(default\)\* — Free, for proofs of concept only/);
    assert.equal(DOC.slice(h.range.start, h.range.end), 'plan');
    const polling = hover('polling_interval')!.markdown;
    assert.match(polling, /A duration with its unit/);
    assert.match(polling, /\| Fact \| Value \| Source \| Confirmed \|/);
    // Each source says when the fact was last checked against it.
    assert.match(polling, /\| Demo plan minimum polling interval \| 10 minutes \| \[Heroku Connect \(Dev Center\)\]\(https:\/\/devcenter\.heroku\.com\/[^)]+\), checked 2026-11-25 \| yes \|/);
  });

  it('shows the limits a value brings (plan: demo), with sources and which are confirmed', () => {
    const h = hover('demo\n', 1)!;
    assert.match(h.markdown, /Limits of `plan: demo`/);
    assert.match(h.markdown, /\| Demo plan row cap \| 10,000 rows \| \[[^\]]+\]\(https:\/\/[^)]+\), checked \d{4}-\d{2}-\d{2} \| yes \|/);
    assert.match(h.markdown, /All confirmed by official sources\./);
    assert.equal(DOC.slice(h.range.start, h.range.end), 'demo');
  });

  it('says a fact is unconfirmed, a rule of thumb', () => {
    const h = hover('salesforce: us-east')!.markdown;
    assert.match(h, /unconfirmed — rule of thumb/);
    assert.match(h, /Unconfirmed \(no official source; rules of thumb\)/);
  });

  it('explains what flags a range: rule title, id, docs link, rationale, without repeating facts', () => {
    const h = hover('demo\n', 1)!.markdown;
    assert.match(h, /\*\*Demo plan row cap exceeded\*\* · `connect-demo-row-limit` · \[Documentation\]\(file:\/\/\/pkg\/docs\/rules\/connect-demo-row-limit\.md\)/);
    assert.equal(h.match(/\| Demo plan row cap \|/g)?.length, 1, 'the row cap is listed once');
    const unknown = hover('enviroment')!.markdown;
    assert.match(unknown, /\*\*Unknown key\*\* · `unknown-key`/);
  });

  it('reads quantities and has nothing to say on blank space', () => {
    assert.match(hover('8_000', 1)!.markdown, /`8_000` = 8,000/);
    assert.match(hover('10m', 1)!.markdown, /`10m` = 10 minutes/);
    assert.equal(hoverAt(analyze('version: 1\n\n\nname: x\n'), 'version: 1\n\n'.length, options), undefined);
  });
});
