import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldingRanges } from '../../../server/src/core/editing/folding';
import { documentOutline, type OutlineSymbol } from '../../../server/src/core/editing/outline';
import { parseModel } from '../../../server/src/core/model/parse';

const DOC = `# Order sync
# owned by the data team
version: 1
name: Order sync
integration_users:
  sync:
    username: sync@example.com
    used_by: [heroku_connect]
paths:
  heroku_connect:
    plan: demo
    mappings:
      - object: Account
        mode: read-only
      - rows: 10
`;

function names(symbols: readonly OutlineSymbol[]): unknown[] {
  return symbols.map((s) => (s.children.length ? [s.name, names(s.children)] : s.name));
}

describe('outline', () => {
  const model = parseModel(DOC);
  const outline = documentOutline(model);

  it('nests sections, paths, users by id and mappings by object', () => {
    assert.deepEqual(names(outline), [
      'version', 'name',
      ['integration_users', [['sync', ['username', 'used_by']]]],
      ['paths', [['heroku_connect', ['plan', ['mappings', [['Account', ['object', 'mode']], ['mappings[1]', ['rows']]]]]]]],
    ]);
    const users = outline.find((s) => s.name === 'integration_users')!;
    assert.equal(users.children[0].kind, 'user');
    assert.equal(users.children[0].detail, 'sync@example.com');
    const connect = outline.find((s) => s.name === 'paths')!.children[0];
    assert.equal(connect.kind, 'path');
    assert.equal(connect.detail, 'Heroku Connect');
  });

  it('keeps every selection range inside its range', () => {
    const check = (symbols: readonly OutlineSymbol[]) => symbols.forEach((s) => {
      assert.ok(s.selection.start >= s.range.start && s.selection.end <= s.range.end, s.name);
      check(s.children);
    });
    check(outline);
  });

  it('folds block mappings and lists from their key line, and comment blocks', () => {
    const folds = foldingRanges(model);
    assert.deepEqual(folds.find((f) => f.kind === 'comment'), { startLine: 0, endLine: 1, kind: 'comment' });
    const lines = DOC.split('\n');
    const starting = (text: string) => folds.find((f) => lines[f.startLine].trim().startsWith(text));
    assert.deepEqual(starting('paths:'), { startLine: 8, endLine: 14 });
    assert.deepEqual(starting('mappings:'), { startLine: 11, endLine: 14 });
    assert.deepEqual(starting('- object: Account'), { startLine: 12, endLine: 13 });
    assert.deepEqual(starting('sync:'), { startLine: 5, endLine: 7 });
  });
});
