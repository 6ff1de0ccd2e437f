import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionItemKind, InsertTextFormat, InsertTextMode, type MarkupContent, type TextEdit } from 'vscode-languageserver';
import { docUri, type LspDriver, startServer } from '../helpers/lspDriver';
import { positionOf } from './lspText';

const DOC = `version: 1
name: Order sync
requirements:
  salesforce_calls_heroku:
    from: [flow, ]
paths:
  heroku_connect:
    plan: demo
    
integration_users:
  sync:
    permissions:
      - api-enabled
      - 
`;

describe('completion over stdio', () => {
  let client: LspDriver;
  const uri = docUri('completion');
  before(async () => {
    client = await startServer();
    client.open(uri, DOC);
    await client.waitForDiagnostics(uri, 1);
  });
  after(async () => { await client.stop(); });

  it('completes the keys of the section at the cursor, without those present, documented', async () => {
    const items = await client.completion(uri, { line: positionOf(DOC, '    plan: demo').line + 1, character: 4 });
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('plan'));
    assert.ok(labels.includes('polling_interval') && labels.includes('mappings'), labels.join());
    const refresh = items.find((i) => i.label === 'sandbox_refresh')!;
    assert.equal(refresh.kind, CompletionItemKind.Property);
    assert.equal(refresh.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal((refresh.textEdit as TextEdit).newText, 'sandbox_refresh: ${1|recreate-connection,not-applicable|}');
    assert.match((refresh.documentation as MarkupContent).value, /What happens to the connection when the sandbox is refreshed/);
  });

  it('offers a whole path section under `paths`', async () => {
    const text = 'version: 1\nname: New\npaths:\n  heroku_con\n';
    const other = docUri('completion');
    client.open(other, text);
    const items = await client.completion(other, positionOf(text, 'heroku_con', 'heroku_con'.length));
    const connect = items.find((i) => i.label === 'heroku_connect')!;
    assert.ok(connect, items.map((i) => i.label).join());
    assert.equal(connect.kind, CompletionItemKind.Module);
    const edit = connect.textEdit as TextEdit;
    assert.deepEqual(edit.range, { start: positionOf(text, 'heroku_con'), end: positionOf(text, 'heroku_con', 'heroku_con'.length) });
    assert.match(edit.newText, /^heroku_connect:\n {4}plan: \$\{1\|demo,enterprise,shield\|\}\n {4}polling_interval: \$2\n {4}mappings:\n {6}- object: \$3/);
    assert.equal(connect.insertTextMode, InsertTextMode.asIs, 'the snippet carries its own indentation');
  });

  it('completes enum values after `key: ` with their descriptions', async () => {
    const items = await client.completion(uri, positionOf(DOC, 'plan: ', 'plan: '.length));
    assert.deepEqual(items.map((i) => i.label), ['demo', 'enterprise', 'shield']);
    assert.ok(items.every((i) => i.kind === CompletionItemKind.EnumMember));
    assert.match((items[0].documentation as MarkupContent).value, /\| Demo plan row cap \| 10,000 rows \| \[Heroku Connect/);
  });

  it('completes list values in flow and block lists, leaving out those listed', async () => {
    const flow = (await client.completion(uri, positionOf(DOC, '[flow, ', '[flow, '.length))).map((i) => i.label);
    assert.ok(flow.includes('apex') && flow.includes('agentforce'));
    assert.ok(!flow.includes('flow'));
    const block = (await client.completion(uri, positionOf(DOC, '      - \n', '      - '.length))).map((i) => i.label);
    assert.deepEqual(block, ['view-all-data', 'view-all', 'modify-all-data', 'modify-all']);
  });

  it('answers with no items in free text, where nothing can be completed', async () => {
    assert.deepEqual(await client.completion(uri, positionOf(DOC, 'Order sync', 5)), []);
  });
});
