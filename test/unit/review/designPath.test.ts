import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseModel } from '../../../server/src/core/model/parse';
import { designPathAt } from '../../../server/src/core/review/designPath';

/** The design path of the text between ⟦ and ⟧. */
function pathOf(marked: string): string {
  const start = marked.indexOf('⟦');
  const end = marked.indexOf('⟧') - 1;
  const text = marked.replace('⟦', '').replace('⟧', '');
  return designPathAt(parseModel(text).root, { start, end });
}

describe('design path of a range', () => {
  const cases: { name: string; doc: string; path: string }[] = [
    { name: 'a scalar value', doc: 'paths:\n  heroku_connect:\n    plan: ⟦demo⟧\n', path: 'paths.heroku_connect.plan' },
    { name: 'a key names its value', doc: 'paths:\n  heroku_connect:\n    ⟦plan⟧: demo\n', path: 'paths.heroku_connect.plan' },
    { name: 'a whole section', doc: 'paths:\n  ⟦heroku_connect:\n    plan: demo⟧\n', path: 'paths.heroku_connect' },
    { name: 'a flow mapping', doc: 'regions: { heroku_app: ⟦eu⟧, salesforce: japan }\n', path: 'regions.heroku_app' },
    { name: 'a mapping item by its object, not its index', doc: 'paths:\n  heroku_connect:\n    mappings:\n      - { object: Account }\n      - { object: Order__c, rows: ⟦5⟧ }\n', path: 'paths.heroku_connect.mappings[object=Order__c].rows' },
    { name: 'a block mapping item the same way', doc: 'paths:\n  heroku_connect:\n    mappings:\n      - object: Order__c\n        rows: ⟦5⟧\n', path: 'paths.heroku_connect.mappings[object=Order__c].rows' },
    { name: 'a second item with the same object', doc: 'paths:\n  heroku_connect:\n    mappings:\n      - { object: A }\n      - { object: A, rows: ⟦5⟧ }\n', path: 'paths.heroku_connect.mappings[object=A#2].rows' },
    { name: 'an item without its identifying key, by index', doc: 'paths:\n  heroku_connect:\n    mappings:\n      - { rows: 1 }\n      - { rows: ⟦5⟧ }\n', path: 'paths.heroku_connect.mappings[1].rows' },
    { name: 'a scalar item by its value', doc: 'integration_users:\n  u:\n    permissions: [api-enabled, ⟦view-all⟧]\n', path: 'integration_users.u.permissions[view-all]' },
    { name: 'a key that is not a plain word is quoted', doc: '"a.b c": { x: ⟦1⟧ }\n', path: '["a.b c"].x' },
    { name: 'a comment outside every key', doc: '⟦# note⟧\nversion: 1\n', path: '' },
    { name: 'an empty document', doc: '⟦⟧', path: '' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(pathOf(c.doc), c.path));
});
