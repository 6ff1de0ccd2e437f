import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DECISION_TABLE } from '../../../server/src/core/decision/table';
import { fact } from '../../../server/src/core/knowledge/facts';
import { parseAnswer } from '../../../server/src/core/walkthrough/answers';
import { QUESTIONS } from '../../../server/src/core/walkthrough/questions';
import { WalkthroughSession } from '../../../server/src/core/walkthrough/session';
import { applyWalkthrough } from '../../../server/src/core/walkthrough/viewModel';
import type { WalkthroughState } from '../../../server/src/core/walkthrough/views';
import { analyze } from '../../../server/src/core/analysis';
import { applyEdits } from '../../helpers/text';

const DOC = { uri: 'file:///w/integration.yaml', label: 'integration.yaml' };

const TEXT = `version: 1
name: Orders mirror
environment: production
requirements:
  heroku_needs_local_copy: true   # reporting joins
  acceptable_lag: 10m
  volume:
    rows: 20_000
paths:
  rest_api:
    auth_flow: jwt-bearer
`;

const question = (state: WalkthroughState, key: string) => state.groups.flatMap((g) => g.questions).find((q) => q.key === key)!;

describe('walkthrough session: answers from the file and the panel', () => {
  it('pre-fills every question from the file and asks every question once', () => {
    const state = new WalkthroughSession().view(analyze(TEXT), DOC);
    assert.deepEqual(state.groups.flatMap((g) => g.questions.map((q) => q.key)).sort(), QUESTIONS.map((q) => q.key).sort());
    assert.equal(question(state, 'environment').value, 'production');
    assert.equal(question(state, 'herokuNeedsLocalCopy').value, true);
    assert.equal(question(state, 'acceptableLag').value, '10m');
    assert.equal(question(state, 'rows').value, '20_000');
    assert.equal(question(state, 'regulatedData').value, null);
    assert.deepEqual(question(state, 'environment').options.map((o) => o.value), ['production', 'sandbox', 'proof-of-concept']);
    assert.match(question(state, 'acceptableLag').hint, /How stale/);
    assert.equal(state.name, 'Orders mirror');
    assert.match(state.statement, /local Postgres copy/);
  });

  it('shows the whole table with the deciding row, the recommendation and the conflict with the chosen path', () => {
    const state = new WalkthroughSession().view(analyze(TEXT), DOC);
    assert.equal(state.table.rows.length, DECISION_TABLE.length);
    assert.deepEqual(state.table.rows.filter((r) => r.outcome === 'decides').map((r) => r.id), ['local-postgres-copy']);
    assert.equal(state.recommendation?.path, 'heroku_connect');
    assert.equal(state.recommendation?.planTier, 'enterprise');
    assert.match(state.recommendation!.whyNot, /polling job/);
    assert.match(state.conflict?.message ?? '', /chooses Heroku → Salesforce REST API/);
    assert.deepEqual(state.conflict?.chosen, ['rest_api']);
    assert.deepEqual(state.apply.offers.map((o) => [o.path, o.settings, o.recommended]), [['heroku_connect', 'plan: enterprise', true]]);
    assert.equal(state.apply.canApply, true);
  });

  it('recomputes when the panel answers, and marks the answer pending until applied', () => {
    const session = new WalkthroughSession();
    session.answer('rows', '1,500,000');
    session.answer('acceptableLag', '30s');
    const state = session.view(analyze(TEXT), DOC);
    assert.equal(question(state, 'rows').value, '1_500_000');
    assert.equal(question(state, 'rows').fileValue, '20_000');
    assert.equal(question(state, 'rows').pending, true);
    assert.equal(state.recommendation?.rowId, 'production-scale-connect');
    assert.deepEqual(state.apply.changes, ['requirements.acceptable_lag: 10m → 30s', 'requirements.volume.rows: 20_000 → 1_500_000']);
    assert.deepEqual(session.persisted(), { rows: '1_500_000', acceptableLag: '30s' });

    const plan = applyWalkthrough(session.evaluate(analyze(TEXT)), ['heroku_connect']);
    const after = applyEdits(TEXT, plan.edits);
    assert.match(after, /heroku_needs_local_copy: true {3}# reporting joins\n {2}acceptable_lag: 30s\n {2}volume:\n {4}rows: 1_500_000\n/);
    assert.match(after, /paths:\n {2}heroku_connect:\n {4}plan: enterprise\n {2}rest_api:/);
    // The file now states the answers: nothing is pending any more.
    const reread = session.view(analyze(after), DOC);
    assert.equal(question(reread, 'rows').pending, false);
    assert.deepEqual(reread.apply.changes, []);
    assert.equal(session.hasPending(), false);
  });

  it('keeps invalid text as a draft with the reason, without changing the answer', () => {
    const session = new WalkthroughSession();
    session.answer('acceptableLag', '10 minutes');
    const q = question(session.view(analyze(TEXT), DOC), 'acceptableLag');
    assert.equal(q.value, '10m');
    assert.equal(q.draft, '10 minutes');
    assert.match(q.error ?? '', /'minutes' is not a unit/);
    session.answer('acceptableLag', '');
    assert.equal(question(session.view(analyze(TEXT), DOC), 'acceptableLag').error, undefined, 'emptying the field takes the answer back');
  });

  it('rejects answers outside the schema', () => {
    assert.equal(parseAnswer('environment', 'staging').ok, false);
    assert.equal(parseAnswer('callers', ['flow', 'zapier']).ok, false);
    assert.equal(parseAnswer('herokuNeedsLocalCopy', 'true').ok, false);
    assert.equal(parseAnswer('rows', '1e9').ok, false);
    assert.deepEqual(parseAnswer('callers', ['agentforce', 'flow', 'flow']), { ok: true, value: ['flow', 'agentforce'] });
  });

  it('restores persisted answers, dropping what does not parse', () => {
    const session = new WalkthroughSession();
    session.restore({ rows: '2_000_000', environment: 'staging', nonsense: true, regulatedData: true });
    assert.deepEqual(session.persisted(), { rows: '2_000_000', regulatedData: true });
    session.discard();
    assert.equal(session.hasPending(), false);
  });

  it('steps carry the limits from the knowledge base, with their sources', () => {
    const state = new WalkthroughSession().view(analyze(TEXT), DOC);
    const plan = state.steps.find((s) => s.id === 'plan')!;
    const rows = plan.facts.find((f) => f.id === 'connect-paid-rows-per-contract');
    assert.ok(rows, plan.facts.map((f) => f.id).join(', '));
    assert.equal(rows.sourceUrl, fact('connect-paid-rows-per-contract').sourceRef.url);
    const regions = state.steps.find((s) => s.id === 'regions')!;
    const multiplier = regions.facts.find((f) => f.id === 'region-latency-multiplier')!;
    assert.equal(multiplier.confirmed, false);
    assert.match(multiplier.note ?? '', /Rule of thumb/);
    const users = state.steps.find((s) => s.id === 'users')!;
    assert.ok(users.facts.some((f) => f.id === 'api-enabled-required'));
    assert.match(users.lines.join(' '), /No integration user lists heroku_connect/);
  });

  it('blocks Apply while the YAML does not parse', () => {
    const state = new WalkthroughSession().view(analyze('version: 1\nname: [broken\n'), DOC);
    assert.equal(state.apply.canApply, false);
    assert.match(state.apply.blockedReason ?? '', /YAML problem/);
  });

  it('passes the design name through as data, whatever it contains', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const state = new WalkthroughSession().view(analyze(`version: 1\nname: "${hostile}"\npaths: {}\n`), DOC);
    assert.equal(state.name, hostile);
  });
});
