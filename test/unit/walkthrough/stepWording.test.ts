// What the walkthrough's steps say about integration users and regions: only what the
// knowledge base supports, and claims no official source confirms worded as rules of thumb.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyze } from '../../../server/src/core/analysis';
import { fact, formatFactValue } from '../../../server/src/core/knowledge/facts';
import { WalkthroughSession } from '../../../server/src/core/walkthrough/session';
import type { StepView } from '../../../server/src/core/walkthrough/views';

const DOC = { uri: 'file:///w/integration.yaml', label: 'integration.yaml' };

/** A local copy of Salesforce data (the table recommends Connect) with one user serving two paths. */
const SHARED_USER = `version: 1
name: Orders mirror
environment: production
requirements:
  heroku_needs_local_copy: true
  acceptable_lag: 10m
  volume: { rows: 20_000 }
regions: { heroku_app: us, heroku_postgres: us, salesforce: us-east }
integration_users:
  sync:
    kind: integration
    permissions: [api-enabled, view-all-data]
    used_by: [heroku_connect, rest_api]
paths:
  heroku_connect: { plan: enterprise }
  rest_api: { auth_flow: jwt-bearer }
`;

function step(id: StepView['id']): StepView {
  return new WalkthroughSession().view(analyze(SHARED_USER), DOC).steps.find((s) => s.id === id)!;
}

describe('walkthrough: the integration-user step', () => {
  const text = step('users').lines.join('\n');

  it('does not repeat the outdated "concurrent queries and tokens are per user" claim', () => {
    assert.doesNotMatch(text, /concurrent quer/i);
    assert.doesNotMatch(text, /limits on .* are per user/i);
  });

  it('says what is true: approvals per user per connected app, long-running requests per org, no cursor limit', () => {
    assert.match(text, /sync also serves heroku_connect and rest_api/);
    assert.ok(text.includes(`${formatFactValue(fact('connected-app-approvals-per-user'))} per user per connected app`), text);
    assert.match(text, /long-running API requests are limited per org, not per user/i);
    assert.ok(text.includes(`v${fact('query-cursor-limit-removed').value}`), text);
    assert.match(text, /Salesforce recommends one user per integration/);
  });
});

describe('walkthrough: the regions step', () => {
  const text = step('regions').lines.join('\n');

  it('words "the most common latency surprise" as the skill document\'s rule of thumb', () => {
    assert.doesNotMatch(text, /(^|[.:]\s)mismatched regions are the most common latency surprise/i);
    assert.match(text, /skill document/);
    assert.match(text, /rule of thumb/i);
  });
});
