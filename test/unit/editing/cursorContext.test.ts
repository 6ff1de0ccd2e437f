import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorContext, type KeyPosition, type ValuePosition } from '../../../server/src/core/editing/cursor';
import { withCursor } from './cursor';

function at(marked: string) {
  const { text, offset } = withCursor(marked);
  return { context: cursorContext(text, offset), text, offset };
}

describe('cursorContext', () => {
  it('finds the mapping a half-typed key belongs to, and the keys it already has (also below the cursor)', () => {
    const { context } = at('version: 1\npaths:\n  heroku_connect:\n    plan: demo\n    pol‸\n    mappings: []\nname: x\n');
    assert.equal(context.kind, 'key');
    const key = context as KeyPosition;
    assert.deepEqual(key.path, ['paths', 'heroku_connect']);
    assert.equal(key.prefix, 'pol');
    assert.equal(key.column, 4);
    assert.deepEqual([...key.existingKeys].sort(), ['mappings', 'plan']);
  });

  it('counts list items to give the item index, for block sequences at the key column too', () => {
    const nested = at('paths:\n  heroku_connect:\n    mappings:\n      - object: A\n      - object: B\n        ‸\n').context as KeyPosition;
    assert.deepEqual(nested.path, ['paths', 'heroku_connect', 'mappings', 1]);
    assert.deepEqual([...nested.existingKeys], ['object']);
    const flush = at('paths:\n  heroku_connect:\n    mappings:\n    - object: A\n    - ‸\n').context as KeyPosition;
    assert.deepEqual(flush.path, ['paths', 'heroku_connect', 'mappings', 1]);
  });

  it('reads a value position after `key: `, with the partial value', () => {
    const { context, text } = at('paths:\n  heroku_connect:\n    plan: ent‸\n');
    const value = context as ValuePosition;
    assert.equal(value.kind, 'value');
    assert.deepEqual(value.path, ['paths', 'heroku_connect', 'plan']);
    assert.equal(value.prefix, 'ent');
    assert.equal(text.slice(value.replace.start, value.replace.end), 'ent');
    assert.equal(value.needsSpace, false);
    assert.equal((at('plan:‸').context as ValuePosition).needsSpace, true);
  });

  it('reads flow-list items and block-list items with the items already listed', () => {
    const flow = at('requirements:\n  salesforce_calls_heroku:\n    from: [flow, ap‸]\n').context as ValuePosition;
    assert.equal(flow.inFlowList, true);
    assert.deepEqual(flow.path, ['requirements', 'salesforce_calls_heroku', 'from']);
    assert.deepEqual([...flow.existingItems], ['flow']);
    const block = at('integration_users:\n  sync:\n    permissions:\n      - api-enabled\n      - ‸\n      - view-all\n').context as KeyPosition;
    assert.deepEqual(block.path, ['integration_users', 'sync', 'permissions', 1]);
    assert.deepEqual([...block.existingItems].sort(), ['api-enabled', 'view-all']);
  });

  it('knows when the key is already followed by a colon', () => {
    const { context, text } = at('paths:\n  heroku_connect:\n    pl‸an: demo\n');
    const key = context as KeyPosition;
    assert.equal(key.keyHasColon, true);
    assert.equal(text.slice(key.replace.start, key.replace.end), 'plan');
  });

  it('offers nothing inside comments or block scalars', () => {
    assert.equal(at('name: x # pla‸\n').context.kind, 'none');
    assert.equal(at('summary: |\n  some text\n  mo‸\nname: x\n').context.kind, 'none');
  });

  it('reads the document the cursor is in after a `---`', () => {
    const key = at('name: a\n---\nversion: 1\n‸\n').context as KeyPosition;
    assert.deepEqual(key.path, []);
    assert.deepEqual([...key.existingKeys], ['version']);
  });
});
