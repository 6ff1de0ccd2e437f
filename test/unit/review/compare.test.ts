import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { addsErrors, compareFindings, reviewDesign, reviewReport, type ReviewFinding } from '../../../server/src/core/review/compare';
import type { SeverityOverrides } from '../../../server/src/core/severities';

const BASE = readFileSync(join(__dirname, 'fixtures/base.integration.yaml'), 'utf8');

/** The base design with each `from` replaced by `to`; a `from` that is missing fails the test (no silent no-op edits). */
function edited(...replacements: [string, string][]): string {
  let text = BASE;
  for (const [from, to] of replacements) {
    assert.ok(text.includes(from), `the fixture contains ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

const MAPPINGS = '      - { object: Order__c, mode: read-write, rows: 1_000_000 }\n      - { object: KnowledgeArticleVersion, rows: 200_000 }\n';
const REGIONS = 'regions: { heroku_app: virginia, heroku_postgres: virginia, heroku_connect: virginia, salesforce: us-east }\n';
const USERS = BASE.slice(BASE.indexOf('  connect_sync:'), BASE.indexOf('paths:'));
const [CONNECT_USER, API_USER] = [USERS.slice(0, USERS.indexOf('  api_reader:')), USERS.slice(USERS.indexOf('  api_reader:'))];

const key = (f: ReviewFinding) => `${f.ruleId}@${f.designPath}`;

interface Case {
  readonly name: string;
  readonly after: string;
  readonly severities?: SeverityOverrides;
  readonly added?: readonly string[];
  readonly resolved?: readonly string[];
  /** Findings in both versions (default: the base's four when nothing is added or resolved). */
  readonly unchanged?: number;
  readonly newErrors?: number;
  readonly risks?: readonly string[];
  readonly decisionChanged?: boolean;
}

const CASES: readonly Case[] = [
  { name: 'the same text', after: BASE, unchanged: 4 },
  {
    name: 'keys, sections, users and mappings reordered: not a change',
    after: edited(
      [REGIONS, ''],
      ['  rest_api:\n', `  rest_api:\n`],
      [USERS, `${API_USER}${CONNECT_USER}`],
      ['    plan: enterprise\n    contracted_rows: 3_000_000\n', '    contracted_rows: 3_000_000\n    plan: enterprise\n'],
      [MAPPINGS, '      - { rows: 200_000, object: KnowledgeArticleVersion }\n      - { object: Order__c, mode: read-write, rows: 1_000_000 }\n'],
    ) + REGIONS,
    unchanged: 4,
  },
  {
    name: 'lines shifted by comments and blank lines above: not a change',
    after: `# Reviewed by the integration team.\n\n# Owner: data platform\n${edited(['  heroku_connect:\n', '  # The mirror.\n\n  heroku_connect:\n'], ['    mappings:\n', '    # Objects:\n    mappings:\n'])}`,
    unchanged: 4,
  },
  {
    name: 'flow style rewritten as block style: not a change',
    after: edited([MAPPINGS, '      - object: Order__c\n        mode: read-write\n        rows: 1_000_000\n      - object: KnowledgeArticleVersion\n        rows: 200_000\n']),
    unchanged: 4,
  },
  {
    name: 'a path renamed (rest_api → apex_callout) is a change',
    after: edited(['  rest_api:\n    auth_flow: web-server\n    token_holders: 3\n', '  apex_callout:\n    auth_flow: web-server\n    token_holders: 3\n']),
    resolved: ['rest-interactive-auth-flow@paths.rest_api.auth_flow', 'limit-approaching@paths.rest_api.token_holders'],
    added: [
      'unknown-key@paths.apex_callout.auth_flow', 'unknown-key@paths.apex_callout.token_holders', 'apex-callout-named-credential@paths.apex_callout',
      // The table still recommends the REST API, which paths no longer has; the user's used_by names a path the design no longer has.
      'decision-path-mismatch@paths', 'integration-user-unknown-path@integration_users.api_reader.used_by[rest_api]',
    ],
    unchanged: 2,
    newErrors: 2,
    risks: ['rest-token-approvals fell 50 (60 → –)'],
  },
  {
    name: 'the demo plan in production adds errors, and the demo cap is exceeded',
    after: edited(['    plan: enterprise\n', '    plan: demo\n']),
    added: ['connect-demo-in-production@paths.heroku_connect.plan', 'connect-demo-inactivity@paths.heroku_connect.plan', 'connect-demo-row-limit@paths.heroku_connect.plan', 'connect-trigger-log-retention@paths.heroku_connect.recovery_objective'],
    unchanged: 4,
    newErrors: 2,
    risks: ['connect-rows-demo-cap rose 50,100 (– → 12000)', 'connect-polling-minimum rose 50,100 (20 → 100)', 'connect-trigger-log-retention rose 50,100 (45 → 200)'],
  },
  {
    name: 'an error fixed: the unmappable object removed',
    after: edited(['      - { object: KnowledgeArticleVersion, rows: 200_000 }\n', '']),
    resolved: ['connect-unmappable-object@paths.heroku_connect.mappings[object=KnowledgeArticleVersion].object'],
    unchanged: 3,
  },
  {
    name: 'fewer contracted rows: the contract limit rises past 50% and 100%',
    after: edited(['contracted_rows: 3_000_000', 'contracted_rows: 1_000_000']),
    added: ['connect-contracted-rows-exceeded@paths.heroku_connect.contracted_rows'],
    unchanged: 4,
    newErrors: 1,
    risks: ['connect-rows-contract rose 50,100 (40 → 120)'],
  },
  {
    name: 'fewer token holders: the approvals limit falls below 50%',
    after: edited(['    token_holders: 3\n', '    token_holders: 1\n']),
    resolved: ['limit-approaching@paths.rest_api.token_holders'],
    unchanged: 3,
    risks: ['rest-token-approvals fell 50 (60 → 20)'],
  },
  {
    name: 'no local copy any more: the recommendation changes',
    after: edited(['  heroku_needs_local_copy: true\n', '  heroku_needs_local_copy: false\n']),
    unchanged: 4,
    decisionChanged: true,
  },
  {
    name: 'a rule turned off applies to both versions',
    after: edited(['    plan: enterprise\n', '    plan: demo\n']),
    severities: { 'connect-demo-in-production': 'off', 'connect-unmappable-object': 'off' },
    added: ['connect-demo-inactivity@paths.heroku_connect.plan', 'connect-demo-row-limit@paths.heroku_connect.plan', 'connect-trigger-log-retention@paths.heroku_connect.recovery_objective'],
    unchanged: 3,
    newErrors: 1,
    risks: ['connect-rows-demo-cap rose 50,100 (– → 12000)', 'connect-polling-minimum rose 50,100 (20 → 100)', 'connect-trigger-log-retention rose 50,100 (45 → 200)'],
  },
];

describe('reviewing a change to a design', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const review = reviewDesign({ file: 'orders.integration.yaml', before: BASE, after: c.after }, c.severities);
      assert.deepEqual(review.findings.added.map(key).sort(), [...(c.added ?? [])].sort(), 'added');
      assert.deepEqual(review.findings.resolved.map(key).sort(), [...(c.resolved ?? [])].sort(), 'resolved');
      assert.equal(review.findings.unchanged.length, c.unchanged, 'unchanged');
      const risks = review.risks.map((r) => `${r.id} ${r.direction} ${r.crossed.join(',')} (${r.before?.percent ?? '–'} → ${r.after?.percent ?? '–'})`);
      assert.deepEqual(risks.sort(), [...(c.risks ?? [])].sort(), 'risks');
      assert.equal(review.decision.pathChanged || review.decision.planChanged, c.decisionChanged ?? false, 'decision changed');
      const report = reviewReport('base', [review]);
      assert.equal(report.summary.newErrors, c.newErrors ?? 0, 'new errors');
      assert.equal(addsErrors(report), (c.newErrors ?? 0) > 0);
    });
  }

  it('the decision change names both recommendations', () => {
    const review = reviewDesign({ file: 'x', before: BASE, after: edited(['  heroku_needs_local_copy: true\n', '  heroku_needs_local_copy: false\n']) });
    assert.equal(review.decision.before?.recommendedPath, 'heroku_connect');
    assert.equal(review.decision.before?.planTier, 'enterprise');
    assert.equal(review.decision.after?.recommendedPath, 'rest_api');
    assert.equal(review.decision.after?.planTier, null);
    assert.equal(review.status, 'modified');
  });

  it('a design added or deleted is reported whole', () => {
    const added = reviewDesign({ file: 'x', after: BASE });
    assert.equal(added.status, 'added');
    assert.equal(added.findings.added.length, 4);
    assert.equal(added.decision.before, null);
    assert.equal(added.decision.pathChanged, false);
    assert.deepEqual(added.risks.map((r) => `${r.id} ${r.direction}`), ['rest-token-approvals rose'], 'a new design\'s limits at 50% or more are risks that rose');
    const removed = reviewDesign({ file: 'x', before: BASE });
    assert.equal(removed.status, 'removed');
    assert.equal(removed.findings.resolved.length, 4);
    assert.equal(reviewReport('base', [added]).summary.newErrors, 1);
    assert.equal(reviewReport('base', [removed]).summary.newErrors, 0);
  });

  it('findings are paired by rule and design path, same message first; a severity raised to error counts as new', () => {
    const at = (designPath: string, message: string, severity: ReviewFinding['severity'] = 'warning', line = 1): ReviewFinding => ({ ruleId: 'r', severity, message, designPath, line, column: 1 });
    const result = compareFindings(
      [at('a', 'one', 'warning', 3), at('a', 'two', 'warning', 4), at('b', 'gone')],
      [at('a', 'two', 'error', 9), at('a', 'one (reworded)', 'warning', 10), at('c', 'new')],
    );
    assert.deepEqual(result.unchanged.map((f) => `${f.message}:${f.previousSeverity ?? '='}`), ['two:warning', 'one (reworded):=']);
    assert.deepEqual(result.added.map((f) => f.message), ['new']);
    assert.deepEqual(result.resolved.map((f) => f.message), ['gone']);
    const review = { file: 'x', status: 'modified' as const, findings: result, risks: [], decision: { before: null, after: null, pathChanged: false, planChanged: false } };
    assert.equal(reviewReport('base', [review]).summary.newErrors, 1);
  });
});
