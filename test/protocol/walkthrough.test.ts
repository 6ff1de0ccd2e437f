// The decision walkthrough's custom requests over stdio, as the VS Code client sends them:
// the server computes the panel's state and the Apply edits; the client only keeps the answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WalkthroughAnswers, WalkthroughState, WalkthroughStateResult } from '../../server/src/protocol';
import { docUri, type LspDriver, startServer } from '../helpers/lspDriver';
import { applyTextEdits } from './lspText';

// The design of the VS Code walkthrough test (test/vscode/suite/walkthrough.test.ts).
const DESIGN = `# The walkthrough test's design
version: 1
name: Walkthrough <b>test</b> <img src=x onerror=alert(1)>
environment: production
requirements:
  heroku_needs_local_copy: true   # reporting joins
  volume:
    rows: 2_000_000
paths:
  rest_api:
    auth_flow: jwt-bearer
`;

const APPLIED = `# The walkthrough test's design
version: 1
name: Walkthrough <b>test</b> <img src=x onerror=alert(1)>
environment: production
requirements:
  heroku_needs_local_copy: true   # reporting joins
  acceptable_lag: 30s
  volume:
    rows: 2_000_000
  regulated_data: true
paths:
  heroku_connect:
    plan: shield
  rest_api:
    auth_flow: jwt-bearer
`;

const NO_ANSWERS: WalkthroughAnswers = { pending: {}, drafts: {} };
const question = (state: WalkthroughState, key: string) => state.groups.flatMap((g) => g.questions).find((q) => q.key === key)!;

describe('decision walkthrough requests over stdio', () => {
  let client: LspDriver;
  before(async () => { client = await startServer(); });
  after(async () => { await client.stop(); });

  /** Opens DESIGN (or `text`) as version 1 and waits until the server has it. */
  async function open(text = DESIGN): Promise<string> {
    const uri = docUri('walkthrough');
    client.open(uri, text);
    await client.waitForDiagnostics(uri, 1);
    return uri;
  }

  async function state(params: Parameters<LspDriver['walkthroughState']>[0]): Promise<WalkthroughStateResult> {
    const result = await client.walkthroughState(params);
    assert.ok(result, 'the server answered');
    return result;
  }

  it('computes the panel state of an open document from its synced copy', async () => {
    const uri = await open();
    const { state: s, answers, persisted } = await state({ uri, version: 1, label: 'walkthrough.integration.yaml' });
    assert.equal(s.documentUri, uri);
    assert.equal(s.documentLabel, 'walkthrough.integration.yaml');
    assert.equal(s.name, 'Walkthrough <b>test</b> <img src=x onerror=alert(1)>');
    assert.match(s.statement, /local Postgres copy/);
    assert.equal(s.recommendation?.rowId, 'production-scale-connect');
    assert.equal(s.recommendation?.planTier, 'enterprise');
    assert.deepEqual(s.table.rows.filter((r) => r.outcome === 'decides').map((r) => r.id), ['production-scale-connect']);
    assert.ok(s.table.rows.length >= 10, 'the whole decision table');
    assert.deepEqual(s.conflict?.chosen, ['rest_api']);
    assert.deepEqual(s.apply.offers.map((o) => [o.path, o.settings, o.recommended]), [['heroku_connect', 'plan: enterprise', true]]);
    assert.equal(question(s, 'rows').value, '2_000_000');
    assert.deepEqual(s.steps.map((step) => step.id), ['plan', 'users', 'regions']);
    const planFacts = s.steps[0].facts;
    assert.ok(planFacts.length > 0 && planFacts.every((f) => f.sourceUrl?.startsWith('https://') && f.title !== ''), 'limits with their sources');
    assert.equal(s.notice, undefined, 'notices are the client\'s');
    assert.deepEqual(answers, NO_ANSWERS);
    assert.deepEqual(persisted, {});
  });

  it('records answers, keeps invalid text as a draft, and returns the answers for the next request', async () => {
    const uri = await open();
    const first = await state({ uri, version: 1, label: 'w.yaml', changes: [{ key: 'acceptableLag', value: '30s' }, { key: 'regulatedData', value: true }, { key: 'rows', value: '10 000 rows' }] });
    assert.equal(first.state.recommendation?.planTier, 'shield');
    assert.deepEqual(first.answers.pending, { acceptableLag: 30_000, regulatedData: true });
    assert.equal(first.answers.drafts.rows?.text, '10 000 rows');
    assert.equal(question(first.state, 'rows').draft, '10 000 rows');
    assert.ok(question(first.state, 'rows').error, 'the draft says why it is not an answer');
    assert.equal(question(first.state, 'acceptableLag').pending, true);
    assert.deepEqual(first.persisted, { acceptableLag: '30s', regulatedData: true });
    assert.deepEqual(first.state.apply.changes, ['requirements.acceptable_lag: (not stated) → 30s', 'requirements.regulated_data: (not stated) → true']);

    // The next request starts from the returned answers; an emptied field takes its answer back.
    const second = await state({ uri, version: 1, label: 'w.yaml', answers: first.answers, changes: [{ key: 'rows', value: '' }, { key: 'regulatedData', value: false }] });
    assert.deepEqual(second.answers, { pending: { acceptableLag: 30_000, regulatedData: false }, drafts: {} });
    assert.equal(second.state.recommendation?.planTier, 'enterprise');
  });

  it('drops pending answers the file now states, restores saved ones, and ignores what is not an answer', async () => {
    const uri = await open();
    const result = await state({
      uri, version: 1, label: 'w.yaml',
      answers: { pending: { rows: 2_000_000, acceptableLag: -5, constructor: true } as WalkthroughAnswers['pending'], drafts: { environment: { text: 'x', reason: 'y' } } },
      restore: { eventsPerDay: '20_000', callers: ['flow', 'nonsense'], toString: 'x' },
      changes: [{ key: '__proto__' as 'rows', value: true }],
    });
    assert.deepEqual(result.answers.pending, { eventsPerDay: 20_000 }, 'rows is what the file says; -5 ms and the rest are not answers');
    assert.deepEqual(result.answers.drafts, { environment: { text: 'x', reason: 'y' } });
    assert.deepEqual(result.persisted, { eventsPerDay: '20_000' });
  });

  it('returns the Apply edits for a version; applied, they give the expected file', async () => {
    const uri = await open();
    const { answers } = await state({ uri, version: 1, label: 'w.yaml', changes: [{ key: 'acceptableLag', value: '30s' }, { key: 'regulatedData', value: true }] });
    const result = await client.walkthroughApplyEdits({ uri, version: 1, label: 'w.yaml', answers, paths: ['heroku_connect', 'canvas'] });
    assert.ok(result && result.status === 'edits', JSON.stringify(result));
    assert.equal(result.version, 1);
    assert.equal(result.answerChanges, 2);
    assert.deepEqual(result.addedPaths, ['heroku_connect'], 'canvas is not offered, so it is not added');
    assert.deepEqual(result.skipped, []);
    assert.equal(applyTextEdits(DESIGN, result.edits), APPLIED);
  });

  it('computes on the text sent when the server has no copy of that version, or none at all', async () => {
    const uri = await open();
    const edited = DESIGN.replace('rows: 2_000_000', 'rows: 5_000');
    const newer = await state({ uri, version: 7, text: edited, label: 'w.yaml' });
    assert.equal(newer.state.recommendation?.rowId, 'local-postgres-copy', 'the sent text, not the synced version 1');

    const closed = `file:///work/designs/never-opened-${process.pid}.integration.yaml`;
    const unsynced = await state({ uri: closed, text: DESIGN, label: 'never-opened.integration.yaml' });
    assert.equal(unsynced.state.recommendation?.rowId, 'production-scale-connect');
    const edits = await client.walkthroughApplyEdits({ uri: closed, version: 3, text: DESIGN, label: 'x', answers: unsynced.answers, paths: ['heroku_connect'] });
    assert.ok(edits?.status === 'edits');
    assert.equal(edits.version, 3);
    assert.match(applyTextEdits(DESIGN, edits.edits), /paths:\n {2}heroku_connect:\n {4}plan: enterprise\n {2}rest_api:/);

    // Without the text, a document the server does not have is an error it logs, not a crash.
    assert.equal(await client.walkthroughState({ uri: closed, version: 3, label: 'x' }), null);
    await client.waitForLog((l) => /walkthrough\/state failed: .*no copy of/.test(l.message));
    assert.ok(await client.walkthroughState({ uri, version: 1, label: 'still answers' }));
  });

  it('blocks Apply on a file with YAML errors, whatever the rule settings say', async () => {
    const settingsClient = await startServer({ settings: { rules: { 'yaml-syntax': 'off' } } });
    try {
      const uri = docUri('walkthrough-broken');
      const broken = 'version: 1\nname: [broken\nrequirements:\n  heroku_needs_local_copy: true\n';
      settingsClient.open(uri, broken);
      await settingsClient.waitForDiagnostics(uri, 1);
      const result = await settingsClient.walkthroughState({ uri, version: 1, label: 'b.yaml' });
      assert.match(result?.state.problems[0] ?? '', /YAML problem/);
      assert.equal(result?.state.apply.canApply, false);
      const apply = await settingsClient.walkthroughApplyEdits({ uri, version: 1, label: 'b.yaml', answers: NO_ANSWERS, paths: ['heroku_connect'] });
      assert.equal(apply?.status, 'blocked');
      assert.match(apply?.status === 'blocked' ? apply.reason ?? '' : '', /YAML problem/);
    } finally {
      await settingsClient.stop();
    }
  });

  it('finds where a chosen path is written, and null for a path the design lacks', async () => {
    const uri = await open();
    const range = await client.walkthroughPathRange({ uri, version: 1, path: 'rest_api' });
    assert.deepEqual(range, { start: { line: 9, character: 2 }, end: { line: 10, character: 25 } });
    const lines = DESIGN.split('\n');
    assert.equal(`${lines[9].slice(2)}\n${lines[10]}`, 'rest_api:\n    auth_flow: jwt-bearer');
    assert.equal(await client.walkthroughPathRange({ uri, version: 1, path: 'canvas' }), null);
  });
});
