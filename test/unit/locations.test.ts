// Naming other documents (server/src/core/files.ts): the findings that compare designs point at
// files the editor and the host may spell differently.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { relativeLocation, uriIdentity } from '../../server/src/core/files';

describe('locations of other documents', () => {
  it('one identity per file, however its URI is encoded', () => {
    assert.equal(uriIdentity('file:///work/team%2B1/a.integration.yaml'), uriIdentity('file:///work/team+1/a.integration.yaml'));
    assert.equal(uriIdentity('file:///c%3A/work/a.integration.yaml'), uriIdentity('file:///C:/work/a.integration.yaml'));
    assert.notEqual(uriIdentity('file:///work/a.integration.yaml'), uriIdentity('file:///work/b.integration.yaml'));
    assert.equal(uriIdentity('untitled:Untitled-1'), 'untitled:Untitled-1');
  });

  it('names another file from a document: its name in the same folder, else a relative path', () => {
    assert.equal(relativeLocation('file:///w/a.integration.yaml', 'file:///w/b.integration.yaml'), 'b.integration.yaml');
    assert.equal(relativeLocation('file:///w/orders/a.integration.yaml', 'file:///w/billing/b.integration.yaml'), '../billing/b.integration.yaml');
    assert.equal(relativeLocation('file:///w/a.integration.yaml', 'file:///w/team/my%20b.integration.yaml'), 'team/my b.integration.yaml');
    assert.equal(relativeLocation('file:///w/team%2B1/a.integration.yaml', 'file:///w/team+1/b.integration.yaml'), 'b.integration.yaml', 'spellings of one folder');
    assert.equal(relativeLocation('untitled:Untitled-1', 'file:///w/b.integration.yaml'), '/w/b.integration.yaml');
  });
});
