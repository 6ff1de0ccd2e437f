// A walkthrough session's answers as plain data: the language server gets them from the client
// with each request and returns them updated, so a session must survive the round trip exactly.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/analysis';
import { WalkthroughSession } from '../../../server/src/core/walkthrough/session';
import { applyWalkthrough } from '../../../server/src/core/walkthrough/viewModel';

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
    const analysis = analyze(TEXT);
    assert.deepEqual(copy.view(analysis, DOC), session.view(analysis, DOC));
    assert.deepEqual(applyWalkthrough(copy.evaluate(analysis), ['heroku_connect']).edits, applyWalkthrough(session.evaluate(analysis), ['heroku_connect']).edits);
  });

  it('drops what is not a valid answer', () => {
    const session = WalkthroughSession.fromSnapshot({
      pending: { rows: -1, acceptableLag: Number.NaN, environment: 'moon', callers: ['flow', 'x'], regulatedData: 'yes', constructor: true, direction: 'bidirectional' },
      drafts: { rows: { text: 'x', reason: 1 }, toString: { text: 'x', reason: 'y' }, eventsPerDay: { text: 'lots', reason: 'expected a number' } },
    });
    assert.deepEqual(session.snapshot(), { pending: { direction: 'bidirectional' }, drafts: { eventsPerDay: { text: 'lots', reason: 'expected a number' } } });
    for (const junk of [undefined, null, 'x', 42, [], { pending: 'x', drafts: [] }]) assert.deepEqual(WalkthroughSession.fromSnapshot(junk).snapshot(), { pending: {}, drafts: {} });
  });
});
