import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FoldingRangeKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { ORDER_SYNC } from './fixtures';
import { docUri, type LspDriver, startServer } from '../helpers/lspDriver';

const DOC = `${ORDER_SYNC}integration_users:
  sync:
    username: sync@example.com
    used_by: [heroku_connect]
`;

function tree(symbols: readonly DocumentSymbol[]): unknown[] {
  return symbols.map((s) => (s.children?.length ? [s.name, tree(s.children)] : s.name));
}

describe('document symbols and folding over stdio', () => {
  let client: LspDriver;
  const uri = docUri('outline');
  before(async () => {
    client = await startServer();
    client.open(uri, DOC);
    await client.waitForDiagnostics(uri, 1);
  });
  after(async () => { await client.stop(); });

  it('returns a hierarchical outline: sections, paths, mappings by object, users by id', async () => {
    const symbols = (await client.documentSymbols(uri)) as DocumentSymbol[];
    assert.deepEqual(tree(symbols), [
      'version', 'name', 'environment',
      ['requirements', ['direction', 'acceptable_lag', 'sourse_of_truth']],
      ['paths', [['heroku_connect', ['plan', ['mappings', [['Account', ['object', 'rows']], ['Contact', ['object', 'rows']]]]]]]],
      ['integration_users', [['sync', ['username', 'used_by']]]],
    ]);
    const paths = symbols.find((s) => s.name === 'paths')!;
    assert.equal(paths.kind, SymbolKind.Module);
    const connect = paths.children![0];
    assert.equal(connect.kind, SymbolKind.Package);
    assert.equal(connect.detail, 'Heroku Connect');
    const user = symbols.find((s) => s.name === 'integration_users')!.children![0];
    assert.equal(user.detail, 'sync@example.com');
    assert.deepEqual(connect.selectionRange, { start: { line: 10, character: 2 }, end: { line: 10, character: 16 } });
  });

  it('folds sections, lists and the leading comment block', async () => {
    const ranges = (await client.foldingRanges(uri))!;
    const lines = DOC.split('\n');
    const at = (text: string) => ranges.find((r) => lines[r.startLine].trim().startsWith(text));
    assert.deepEqual(at('# Order sync'), { startLine: 0, endLine: 1, kind: FoldingRangeKind.Comment });
    assert.deepEqual(at('paths:'), { startLine: 9, endLine: 16 });
    assert.deepEqual(at('mappings:'), { startLine: 12, endLine: 16 });
    assert.deepEqual(at('integration_users:'), { startLine: 17, endLine: 20 });
  });
});
