import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, ruleCases } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Heroku reads Salesforce\nenvironment: production\n';

ruleCases('rest-new-connected-app', [
  {
    name: 'a connected app still to be created',
    doc: `${header}paths:\n  rest_api:\n    auth_flow: jwt-bearer\n    app_type: ⟦new-connected-app⟧ # to do\n`,
    messages: [/plans a new connected app\. From Spring '26 .*Salesforce Support.*External Client App/],
    fixed: `${header}paths:\n  rest_api:\n    auth_flow: jwt-bearer\n    app_type: external-client-app # to do\n`,
  },
  { name: 'an existing connected app', doc: `${header}paths:\n  rest_api:\n    app_type: connected-app\n` },
  { name: 'an External Client App', doc: `${header}paths:\n  rest_api:\n    app_type: external-client-app\n` },
]);

ruleCases('rest-token-approvals', [
  {
    name: 'refresh-token flow with more holders than approvals',
    doc: `${header}paths:\n  rest_api:\n    auth_flow: refresh-token\n    token_holders: ⟦8⟧ # one per dyno\n`,
    messages: [/allows 5 approvals per user, and each refresh token from the refresh-token flow is one; 8 token holders for the same user means every new approval revokes the oldest/],
    related: 1,
    fixed: `${header}paths:\n  rest_api:\n    auth_flow: jwt-bearer\n    token_holders: 8 # one per dyno\n`,
  },
  {
    name: 'web-server flow with more holders than approvals',
    doc: `${header}paths:\n  rest_api: { auth_flow: web-server, token_holders: ⟦6⟧ }\n`,
    messages: ['web-server flow is one'],
  },
  { name: 'exactly at the approvals limit', doc: `${header}paths:\n  rest_api:\n    auth_flow: refresh-token\n    token_holders: 5\n` },
  { name: 'JWT bearer holds no refresh tokens', doc: `${header}paths:\n  rest_api:\n    auth_flow: jwt-bearer\n    token_holders: 20\n` },
  { name: 'client credentials holds no refresh tokens', doc: `${header}paths:\n  rest_api:\n    auth_flow: client-credentials\n    token_holders: 20\n` },
  { name: 'flow not stated', doc: `${header}paths:\n  rest_api:\n    token_holders: 20\n` },
]);

it('rest-token-approvals names approvals per user per connected app, not "OAuth tokens per user"', () => {
  const [finding] = findingsOf('rest-token-approvals', `${header}paths:\n  rest_api:\n    auth_flow: refresh-token\n    token_holders: 9\n`);
  assert.ok(finding);
  assert.match(finding.message, /connected app allows 5 approvals per user/);
  assert.doesNotMatch(finding.message, /OAuth tokens per user/i);
  assert.equal(finding.severity, 'error');
});

ruleCases('rest-long-running-requests', [
  {
    name: 'production org over the per-org limit',
    doc: `${header}salesforce:\n  edition: enterprise\npaths:\n  rest_api:\n    long_running_requests: ⟦30⟧\n`,
    messages: [/A production or sandbox org runs at most 25 requests lasting 20 seconds or more at once — per org, shared with every other integration and user, not per user; this design may run 30\. The rest fail with REQUEST_LIMIT_EXCEEDED/],
    related: 0,
  },
  {
    name: 'Developer Edition over its limit, related to the edition',
    doc: `${header}salesforce:\n  edition: developer\npaths:\n  rest_api:\n    long_running_requests: ⟦6⟧\n`,
    messages: [/A Developer Edition org runs at most 5 requests/],
    related: 1,
  },
  {
    name: 'developer org type over the Developer Edition limit',
    doc: `${header}salesforce:\n  org_type: developer\npaths:\n  rest_api:\n    long_running_requests: ⟦10⟧\n`,
    messages: ['at most 5 requests'],
    related: 1,
  },
  { name: 'production org at the limit', doc: `${header}paths:\n  rest_api:\n    long_running_requests: 25\n` },
  { name: 'sandbox under the limit', doc: `${header}salesforce:\n  org_type: sandbox\npaths:\n  rest_api:\n    long_running_requests: 10\n` },
  { name: 'Developer Edition at its limit', doc: `${header}salesforce:\n  edition: developer\npaths:\n  rest_api:\n    long_running_requests: 5\n` },
]);

ruleCases('rest-interactive-auth-flow', [
  {
    name: 'web server flow for Heroku calling Salesforce',
    doc: `${header}paths:\n  rest_api:\n    auth_flow: ⟦web-server⟧\n`,
    messages: [/web server flow is interactive.*prefer the JWT bearer flow.*client credentials with an Integration user/],
    fixed: `${header}paths:\n  rest_api:\n    auth_flow: client-credentials\n`,
  },
  { name: 'JWT bearer flow', doc: `${header}paths:\n  rest_api:\n    auth_flow: jwt-bearer\n` },
  { name: 'client credentials flow', doc: `${header}paths:\n  rest_api:\n    auth_flow: client-credentials\n` },
  { name: 'refresh-token flow', doc: `${header}paths:\n  rest_api:\n    auth_flow: refresh-token\n` },
]);
