import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyDecision, type DecisionApplyOptions } from '../../../server/src/core/walkthrough/apply';
import type { DecisionInput } from '../../../server/src/core/decision/types';
import type { TextEdit } from '../../../server/src/core/text';
import { parseModel } from '../../../server/src/core/model/parse';
import { analyze } from '../../../server/src/core/analysis';
import { applyEdits } from '../../helpers/text';

/** The edits that undo `edits` on the text they produce (what an editor's undo does). */
function inverse(original: string, edits: readonly TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  let delta = 0;
  return sorted.map((e) => {
    const start = e.range.start + delta;
    delta += e.newText.length - (e.range.end - e.range.start);
    return { range: { start, end: start + e.newText.length }, newText: original.slice(e.range.start, e.range.end) };
  });
}

function assertOneWorkspaceEdit(edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i].range.start > sorted[i - 1].range.end, `edits ${i - 1} and ${i} overlap or touch: ${JSON.stringify(sorted)}`);
  }
}

interface Case {
  readonly name: string;
  readonly doc: string;
  readonly answers: DecisionInput;
  readonly options?: DecisionApplyOptions;
  readonly expected: string;
  readonly conflict?: RegExp;
  readonly skipped?: number;
}

const PRODUCTION_MIRROR: DecisionInput = { environment: 'production', direction: 'bidirectional', herokuNeedsLocalCopy: true, rows: 1_200_000, acceptableLag: 30_000 };

const CASES: readonly Case[] = [
  {
    name: 'changes only the keys whose value changes, inserts missing ones in schema order, keeps comments',
    doc: [
      'version: 1',
      'name: Orders   # the name',
      '',
      '# What it must do',
      'requirements:',
      '  direction: bidirectional',
      '  heroku_needs_local_copy: true   # joins in Postgres',
      '  volume:',
      '    rows: 5000   # today',
      '',
      'paths:',
      '  heroku_connect:',
      '    plan: enterprise   # signed in May',
      '',
    ].join('\n'),
    answers: PRODUCTION_MIRROR,
    expected: [
      'version: 1',
      'name: Orders   # the name',
      'environment: production',
      '',
      '# What it must do',
      'requirements:',
      '  direction: bidirectional',
      '  heroku_needs_local_copy: true   # joins in Postgres',
      '  acceptable_lag: 30s',
      '  volume:',
      '    rows: 1_200_000   # today',
      '',
      'paths:',
      '  heroku_connect:',
      '    plan: enterprise   # signed in May',
      '',
    ].join('\n'),
  },
  {
    name: 'creates the requirements section between the top-level keys, keeping blank-line separation',
    doc: 'version: 1\nname: x\n\n# chosen paths\npaths:\n  heroku_connect:\n    plan: enterprise\n',
    answers: { herokuNeedsLocalCopy: true, acceptableLag: 90_000, rows: 2500 },
    expected: 'version: 1\nname: x\n\nrequirements:\n  heroku_needs_local_copy: true\n  acceptable_lag: 1m30s\n  volume:\n    rows: 2500\n\n# chosen paths\npaths:\n  heroku_connect:\n    plan: enterprise\n',
  },
  {
    name: 'creates paths with the recommended path and the plan tier from the decision',
    doc: 'version: 1\nname: x\nenvironment: proof-of-concept\nrequirements:\n  heroku_needs_local_copy: true\n  acceptable_lag: 1d\n  volume:\n    rows: 1000\n',
    answers: { environment: 'proof-of-concept', herokuNeedsLocalCopy: true, acceptableLag: 86_400_000, rows: 1000 },
    expected: 'version: 1\nname: x\nenvironment: proof-of-concept\nrequirements:\n  heroku_needs_local_copy: true\n  acceptable_lag: 1d\n  volume:\n    rows: 1000\npaths:\n  heroku_connect:\n    plan: demo\n',
  },
  {
    name: 'fills a section that is written with no value',
    doc: 'version: 1\nname: x\nrequirements:   # to do\npaths:\n',
    answers: { uiEmbeddedInSalesforce: true },
    expected: 'version: 1\nname: x\nrequirements:   # to do\n  ui_embedded_in_salesforce: true\npaths:\n  canvas:\n    auth: signed-request\n',
  },
  {
    name: 'writes into flow mappings in flow style',
    doc: 'version: 1\nname: x\nrequirements: { direction: salesforce-to-heroku }\npaths: {}\n',
    answers: { direction: 'salesforce-to-heroku', herokuReactsToSalesforceChanges: true, eventsPerDay: 40_000 },
    expected: 'version: 1\nname: x\nrequirements: { direction: salesforce-to-heroku, volume: {events_per_day: 40_000}, heroku_reacts_to_salesforce_changes: true }\npaths:\n  platform_events:\n    api: pub-sub\n    events_per_day: 40_000\n',
  },
  {
    name: 'replaces a block list of callers in place and adds AppLink with them',
    doc: 'version: 1\nname: x\nrequirements:\n  salesforce_calls_heroku:\n    from:\n      - apex-trigger\n    synchronous: true\n',
    answers: { callers: ['flow', 'agentforce'], synchronousCalls: true },
    expected: 'version: 1\nname: x\nrequirements:\n  salesforce_calls_heroku:\n    from:\n      - flow\n      - agentforce\n    synchronous: true\npaths:\n  heroku_applink:\n    callers: [flow, agentforce]\n    synchronous: true\n',
  },
  {
    name: 'an empty caller list becomes []',
    doc: 'version: 1\nname: x\nrequirements:\n  salesforce_calls_heroku:\n    from:\n      - flow\n  heroku_needs_occasional_salesforce_data: true\npaths:\n  rest_api:\n    auth_flow: jwt-bearer\n',
    answers: { callers: [], herokuNeedsOccasionalSalesforceData: true },
    expected: 'version: 1\nname: x\nrequirements:\n  salesforce_calls_heroku:\n    from: []\n  heroku_needs_occasional_salesforce_data: true\npaths:\n  rest_api:\n    auth_flow: jwt-bearer\n',
  },
  {
    name: 'keeps CRLF line breaks and four-space indentation',
    doc: 'version: 1\r\nname: x\r\nrequirements:\r\n    direction: bidirectional\r\npaths:\r\n    rest_api:\r\n        auth_flow: jwt-bearer\r\n',
    answers: { direction: 'bidirectional', herokuNeedsOccasionalSalesforceData: true, salesforceUsersViewHerokuData: false },
    expected: 'version: 1\r\nname: x\r\nrequirements:\r\n    direction: bidirectional\r\n    salesforce_users_view_heroku_data: false\r\n    heroku_needs_occasional_salesforce_data: true\r\npaths:\r\n    rest_api:\r\n        auth_flow: jwt-bearer\r\n',
  },
  {
    name: 'never rewrites or removes a path the design chose; adds the recommended one next to it and says so',
    doc: 'version: 1\nname: x\nrequirements:\n  heroku_needs_local_copy: true\npaths:\n  rest_api:   # our own polling job\n    auth_flow: client-credentials\n',
    answers: { herokuNeedsLocalCopy: true, environment: 'sandbox' },
    expected: 'version: 1\nname: x\nenvironment: sandbox\nrequirements:\n  heroku_needs_local_copy: true\npaths:\n  heroku_connect:\n    plan: enterprise\n  rest_api:   # our own polling job\n    auth_flow: client-credentials\n',
    conflict: /chooses Heroku → Salesforce REST API \(paths\.rest_api\).*recommends Heroku Connect.*nothing is removed/,
  },
  {
    name: 'leaves an existing recommended path alone, even when its plan differs from the decision',
    doc: 'version: 1\nname: x\nenvironment: production\nrequirements:\n  heroku_needs_local_copy: true\n  volume:\n    rows: 5000\npaths:\n  heroku_connect:\n    plan: demo\n',
    answers: { environment: 'production', herokuNeedsLocalCopy: true, rows: 2_000_000 },
    expected: 'version: 1\nname: x\nenvironment: production\nrequirements:\n  heroku_needs_local_copy: true\n  volume:\n    rows: 2_000_000\npaths:\n  heroku_connect:\n    plan: demo\n',
  },
  {
    name: 'replaces an invalid value with the answer',
    doc: 'version: 1\nname: x\nrequirements:\n  acceptable_lag: 10 minutes\n  heroku_needs_local_copy: yes please\npaths:\n  heroku_connect:\n    plan: enterprise\n',
    answers: { acceptableLag: 600_000, herokuNeedsLocalCopy: true },
    expected: 'version: 1\nname: x\nrequirements:\n  acceptable_lag: 10m\n  heroku_needs_local_copy: true\npaths:\n  heroku_connect:\n    plan: enterprise\n',
  },
  {
    name: 'cross-org passthrough adds no path and says the chosen one is not recommended',
    doc: 'version: 1\nname: x\npaths:\n  heroku_connect:\n    plan: enterprise\n',
    answers: { crossOrgPassthrough: true, herokuNeedsLocalCopy: true },
    expected: 'version: 1\nname: x\nrequirements:\n  heroku_needs_local_copy: true\n  cross_org_passthrough: true\npaths:\n  heroku_connect:\n    plan: enterprise\n',
    conflict: /recommends none of the Heroku paths/,
  },
  {
    name: 'adds the paths asked for: the recommended one and another need',
    doc: 'version: 1\nname: x\nrequirements:\n  heroku_needs_local_copy: true\n  ui_embedded_in_salesforce: true\n',
    answers: { herokuNeedsLocalCopy: true, uiEmbeddedInSalesforce: true, regulatedData: true },
    options: { addPaths: ['heroku_connect', 'canvas'] },
    expected: 'version: 1\nname: x\nrequirements:\n  heroku_needs_local_copy: true\n  ui_embedded_in_salesforce: true\n  regulated_data: true\npaths:\n  heroku_connect:\n    plan: shield\n  canvas:\n    auth: signed-request\n',
  },
  {
    name: 'writes into an empty document',
    doc: '',
    answers: { salesforceUsersViewHerokuData: true },
    expected: 'requirements:\n  salesforce_users_view_heroku_data: true\npaths:\n  external_objects:\n    odata_version: "4.0"\n',
  },
  {
    name: 'writes after a document of only comments',
    doc: '# new design',
    answers: { callers: ['apex-trigger'], synchronousCalls: true },
    expected: '# new design\nrequirements:\n  salesforce_calls_heroku:\n    from: [apex-trigger]\n    synchronous: true\npaths:\n  apex_callout:\n    context: queueable\n',
  },
  {
    name: 'makes no edit when the file already states every answer and the path',
    doc: 'version: 1\nname: x\nrequirements:\n  heroku_reacts_to_salesforce_changes: true\n  volume: { events_per_day: 1_000 }\npaths:\n  platform_events: { api: cometd }\n',
    answers: { herokuReactsToSalesforceChanges: true, eventsPerDay: 1000 },
    expected: 'version: 1\nname: x\nrequirements:\n  heroku_reacts_to_salesforce_changes: true\n  volume: { events_per_day: 1_000 }\npaths:\n  platform_events: { api: cometd }\n',
  },
  {
    name: 'does not add a path when asked for none',
    doc: 'version: 1\nname: x\n',
    answers: { uiEmbeddedInSalesforce: false },
    options: { addPaths: [] },
    expected: 'version: 1\nname: x\nrequirements:\n  ui_embedded_in_salesforce: false\n',
  },
  {
    name: 'reports what it cannot write instead of overwriting a list with a value',
    doc: 'version: 1\nname: x\nrequirements:\n  volume:\n    - 10\n',
    answers: { rows: 10 },
    options: { addPaths: [] },
    expected: 'version: 1\nname: x\nrequirements:\n  volume:\n    - 10\n',
    skipped: 1,
  },
];

describe('applyDecision: answers and the recommended path written into integration.yaml', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const result = applyDecision(analyze(c.doc), c.answers, c.options);
      const after = applyEdits(c.doc, result.edits);
      assert.equal(after, c.expected);
      assertOneWorkspaceEdit(result.edits);
      assert.equal(applyEdits(after, inverse(c.doc, result.edits)), c.doc, 'undoing the edits restores the document exactly');
      assert.equal(parseModel(after).findings.filter((f) => f.ruleId === 'yaml-syntax').length, 0, 'the result is valid YAML');
      if (c.conflict) assert.match(result.conflict?.message ?? '(no conflict)', c.conflict);
      else assert.equal(result.conflict, undefined);
      assert.equal(result.skipped.length, c.skipped ?? 0, result.skipped.join('; '));
    });
  }

  it('describes each change and each added path', () => {
    const result = applyDecision(analyze(CASES[0].doc), PRODUCTION_MIRROR);
    assert.deepEqual(result.answerChanges.map((c) => [c.yamlPath, c.from, c.to]), [
      ['environment', undefined, 'production'],
      ['requirements.acceptable_lag', undefined, '30s'],
      ['requirements.volume.rows', '5000', '1_200_000'],
    ]);
    assert.deepEqual(result.addedPaths, []);
    assert.equal(result.decision.winner?.row.id, 'production-scale-connect');
    const added = applyDecision(analyze('version: 1\nname: x\n'), { herokuNeedsLocalCopy: true, environment: 'production' });
    assert.deepEqual(added.addedPaths, [{ path: 'heroku_connect', settings: 'plan: enterprise' }]);
  });

  it('the result is what the answers decide: re-reading the written file gives the same recommendation', () => {
    for (const c of CASES) {
      const result = applyDecision(analyze(c.doc), c.answers, c.options);
      if (result.skipped.length) continue;
      const reread = applyDecision(analyze(applyEdits(c.doc, result.edits)), c.answers, { addPaths: [] });
      assert.equal(reread.edits.length, 0, `${c.name}: a second apply changes nothing`);
      assert.equal(reread.decision.winner?.row.id, result.decision.winner?.row.id);
    }
  });
});
