// A walkthrough session's answers as plain data: the language server gets them from the client
// with each request and returns them updated, so a session must survive the round trip exactly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/rules/engine';
import { WalkthroughSession } from '../../../server/src/core/walkthrough/session';

const DOC = { uri: 'file:///w/integration.yaml', label: 'integration.yaml' };
const TEXT = `version: 1
name: Orders mirror
environment: production
requirements:
  heroku_needs_local_copy: true
  acceptable_lag: 10m
`;

describe('walkthrough session snapshots', () => {
  it('round-trips answers and drafts through JSON, and views the same', () => {
    const session = new WalkthroughSession();
    session.answer('acceptableLag', '90s');
    session.answer('rows', '1,200,000');
    session.answer('callers', ['apex', 'flow']);
    session.answer('eventsPerDay', 'lots');
    const copy = WalkthroughSession.fromSnapshot(JSON.parse(JSON.stringify(session.snapshot())));
    assert.deepEqual(copy.snapshot(), session.snapshot());
    assert.deepEqual(copy.snapshot().pending, { acceptableLag: 90_000, rows: 1_200_000, callers: ['flow', 'apex'] });
    assert.deepEqual(copy.view(TEXT, DOC), session.view(TEXT, DOC));
    assert.deepEqual(copy.plan(TEXT, ['heroku_connect']).edits, session.plan(TEXT, ['heroku_connect']).edits);
  });

  it('drops what is not a valid answer', () => {
    const session = WalkthroughSession.fromSnapshot({
      pending: { rows: -1, acceptableLag: Number.NaN, environment: 'moon', callers: ['flow', 'x'], regulatedData: 'yes', constructor: true, direction: 'bidirectional' },
      drafts: { rows: { text: 'x', reason: 1 }, toString: { text: 'x', reason: 'y' }, eventsPerDay: { text: 'lots', reason: 'expected a number' } },
    });
    assert.deepEqual(session.snapshot(), { pending: { direction: 'bidirectional' }, drafts: { eventsPerDay: { text: 'lots', reason: 'expected a number' } } });
    for (const junk of [undefined, null, 'x', 42, [], { pending: 'x', drafts: [] }]) assert.deepEqual(WalkthroughSession.fromSnapshot(junk).snapshot(), { pending: {}, drafts: {} });
  });

  it('views and plans the same with an analysis given as without', () => {
    const session = new WalkthroughSession();
    session.answer('rows', '2_000_000');
    const analysis = analyze(TEXT);
    assert.deepEqual(session.view(TEXT, DOC, analysis), session.view(TEXT, DOC));
    assert.deepEqual(session.plan(TEXT, ['heroku_connect'], analysis), session.plan(TEXT, ['heroku_connect']));
  });
});
