import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { ORDER_SYNC } from './fixtures';
import { docUri, type LspDriver, startServer } from '../helpers/lspDriver';
import { positionOf } from './lspText';

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('hover over stdio', () => {
  let client: LspDriver;
  const uri = docUri('hover');
  before(async () => {
    client = await startServer();
    client.open(uri, ORDER_SYNC);
    await client.waitForDiagnostics(uri, 1);
  });
  after(async () => { await client.stop(); });

  it('explains a key from the schema, with its facts', async () => {
    const hover = await client.hover(uri, positionOf(ORDER_SYNC, 'acceptable_lag', 3));
    const text = markdown(hover);
    assert.match(text, /^`acceptable_lag` — How stale the other side's copy may be/);
    assert.match(text, /\| Fact \| Value \| Source \| Confirmed \|/);
    assert.match(text, /\| Demo plan minimum polling interval \| 10 minutes \| \[[^\]]+\]\(https:\/\/[^)]+\), checked \d{4}-\d{2}-\d{2} \| yes \|/);
    assert.match(text, /unconfirmed — rule of thumb/, 'the decision-table threshold is a rule of thumb');
    assert.deepEqual(hover!.range, { start: positionOf(ORDER_SYNC, 'acceptable_lag'), end: positionOf(ORDER_SYNC, 'acceptable_lag', 'acceptable_lag'.length) });
  });

  it('shows the limits of `plan: demo` with numbers and sources', async () => {
    const text = markdown(await client.hover(uri, positionOf(ORDER_SYNC, 'demo', 2)));
    assert.match(text, /Limits of `plan: demo`/);
    assert.match(text, /\| Demo plan row cap \| 10,000 rows \| \[Heroku Connect \(Dev Center\)\]\(https:\/\/devcenter\.heroku\.com\/articles\/heroku-connect\), checked 2026-11-25 \| yes \|/);
  });

  it('explains the rule flagging a range, with a link to its documentation', async () => {
    const text = markdown(await client.hover(uri, positionOf(ORDER_SYNC, 'demo', 2)));
    assert.match(text, /\*\*Demo plan row cap exceeded\*\* · `connect-demo-row-limit` · \[Documentation\]\(file:\/\/\/[^)]*\/docs\/rules\/connect-demo-row-limit\.md\)/);
    const unknown = markdown(await client.hover(uri, positionOf(ORDER_SYNC, 'sourse_of_truth', 2)));
    assert.match(unknown, /\*\*Unknown key\*\* · `unknown-key`/);
  });

  it('answers null where there is nothing to explain', async () => {
    assert.equal(await client.hover(uri, { line: 0, character: 3 }), null, 'a comment');
  });
});
