import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingsOf, ruleCases, stripMarkers } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Orders\nenvironment: production\n';
const connectAndRest = 'paths:\n  heroku_connect: { plan: enterprise }\n  rest_api: { auth_flow: jwt-bearer }\n';

ruleCases('integration-user-shared', [
  {
    name: 'one user used by Heroku Connect and the REST API',
    doc: `${header}integration_users:\n  ⟦sync⟧:\n    kind: integration\n    permissions: [api-enabled, view-all]\n    used_by: [heroku_connect, rest_api]\n${connectAndRest}`,
    // The facts, not the skill document: approvals (refresh tokens) per connected app, no per-user query cap.
    messages: [/^(?!.*(10 concurrent|OAuth tokens)).*shared by Heroku Connect and Heroku → Salesforce REST API.*one user per integration.*query-limit errors.*at most 5 approvals \(refresh tokens\) per user, revoking the oldest/s],
    related: 2,
  },
  {
    name: 'three paths in a block list',
    doc: `${header}integration_users:\n  ⟦shared⟧:\n    used_by:\n      - heroku_connect\n      - rest_api\n      - platform_events\n${connectAndRest}  platform_events: {}\n`,
    messages: ['shared by Heroku Connect, Heroku → Salesforce REST API and Platform Events / Pub/Sub'],
    related: 3,
  },
  {
    name: 'one user per path',
    doc: `${header}integration_users:\n  connect_user:\n    used_by: [heroku_connect]\n  rest_user:\n    used_by: [rest_api]\n${connectAndRest}`,
  },
  { name: 'a duplicated path is one path', doc: `${header}integration_users:\n  sync:\n    used_by: [rest_api, rest_api]\n${connectAndRest}` },
]);

ruleCases('integration-user-is-person', [
  {
    name: 'a person\'s account',
    doc: `${header}integration_users:\n  jane:\n    kind: ⟦person⟧ # the admin\n    used_by: [rest_api]\n${connectAndRest}`,
    messages: [/'jane' is a person's account.*deactivating.*5 approvals each connected app keeps per user.*dedicated user per integration/],
    fixed: `${header}integration_users:\n  jane:\n    kind: integration # the admin\n    used_by: [rest_api]\n${connectAndRest}`,
  },
  {
    name: 'flow style',
    doc: `${header}integration_users:\n  jane: { kind: ⟦person⟧, used_by: [rest_api] }\n${connectAndRest}`,
    messages: ['person\'s account'],
    fixed: `${header}integration_users:\n  jane: { kind: integration, used_by: [rest_api] }\n${connectAndRest}`,
  },
  { name: 'a dedicated integration user', doc: `${header}integration_users:\n  sync:\n    kind: integration\n    used_by: [rest_api]\n${connectAndRest}` },
  { name: 'kind not stated (integration by default)', doc: `${header}integration_users:\n  sync:\n    used_by: [rest_api]\n${connectAndRest}` },
]);

ruleCases('integration-user-missing-api-enabled', [
  {
    name: 'flow list without api-enabled',
    doc: `${header}integration_users:\n  sync:\n    ⟦permissions⟧: [view-all]\n    used_by: [heroku_connect]\n${connectAndRest}`,
    messages: [/'sync' lists permissions without api-enabled\. A user needs the API Enabled permission/],
    fixed: `${header}integration_users:\n  sync:\n    permissions: [view-all, api-enabled]\n    used_by: [heroku_connect]\n${connectAndRest}`,
  },
  {
    name: 'block list without api-enabled',
    doc: `${header}integration_users:\n  sync:\n    ⟦permissions⟧:\n      - view-all\n      - modify-all\n    used_by: [heroku_connect]\n${connectAndRest}`,
    messages: ['without api-enabled'],
    fixed: `${header}integration_users:\n  sync:\n    permissions:\n      - view-all\n      - modify-all\n      - api-enabled\n    used_by: [heroku_connect]\n${connectAndRest}`,
  },
  {
    name: 'empty list',
    doc: `${header}integration_users:\n  sync:\n    ⟦permissions⟧: []\n    used_by: [rest_api]\n${connectAndRest}`,
    messages: ['without api-enabled'],
    fixed: `${header}integration_users:\n  sync:\n    permissions: [api-enabled]\n    used_by: [rest_api]\n${connectAndRest}`,
  },
  { name: 'api-enabled listed', doc: `${header}integration_users:\n  sync:\n    permissions: [view-all, api-enabled]\n    used_by: [heroku_connect]\n${connectAndRest}` },
  { name: 'permissions not stated (a separate, softer rule)', doc: `${header}integration_users:\n  sync:\n    used_by: [heroku_connect]\n${connectAndRest}` },
  { name: 'misspelt api_enabled (schema validation offers the fix)', doc: `${header}integration_users:\n  sync:\n    permissions: [api_enabled]\n    used_by: [heroku_connect]\n${connectAndRest}` },
]);

ruleCases('integration-user-permissions-unstated', [
  {
    name: 'a Connect user with no permissions',
    doc: `${header}integration_users:\n  ⟦sync⟧:\n    kind: integration\n    used_by: [heroku_connect]\n${connectAndRest}`,
    messages: [/'sync' states no permissions; it needs at least api-enabled\..*View All on each mapped object/],
    fixed: `${header}integration_users:\n  sync:\n    kind: integration\n    used_by: [heroku_connect]\n    permissions: [api-enabled]\n${connectAndRest}`,
  },
  {
    name: 'a flow-style REST user',
    doc: `${header}integration_users:\n  ⟦rest⟧: { used_by: [rest_api] }\n${connectAndRest}`,
    messages: [/^(?!.*View All).*states no permissions/],
    fixed: `${header}integration_users:\n  rest: { used_by: [rest_api], permissions: [api-enabled] }\n${connectAndRest}`,
  },
  { name: 'permissions stated', doc: `${header}integration_users:\n  sync:\n    permissions: [api-enabled]\n    used_by: [rest_api]\n${connectAndRest}` },
]);

ruleCases('integration-user-license', [
  {
    name: 'full license for an integration user',
    doc: `${header}integration_users:\n  sync:\n    license: ⟦salesforce⟧\n    used_by: [rest_api]\n${connectAndRest}`,
    messages: [/full Salesforce license for API-only work.*Minimum Access - API Only Integrations.*Enterprise, Unlimited, Performance and Developer/],
    fixed: `${header}integration_users:\n  sync:\n    license: salesforce-integration\n    used_by: [rest_api]\n${connectAndRest}`,
  },
  { name: 'a person needs the full license', doc: `${header}integration_users:\n  jane:\n    kind: person\n    license: salesforce\n    used_by: [rest_api]\n${connectAndRest}` },
  { name: 'Professional Edition has no Integration license', doc: `${header}salesforce:\n  edition: professional\nintegration_users:\n  sync:\n    license: salesforce\n    used_by: [rest_api]\n${connectAndRest}` },
  { name: 'Integration license already', doc: `${header}integration_users:\n  sync:\n    license: salesforce-integration\n    used_by: [rest_api]\n${connectAndRest}` },
  { name: 'Platform license is not flagged', doc: `${header}integration_users:\n  sync:\n    license: salesforce-platform\n    used_by: [rest_api]\n${connectAndRest}` },
]);

ruleCases('integration-user-missing', [
  {
    name: 'Connect with no integration users section',
    doc: `${header}paths:\n  ⟦heroku_connect⟧:\n    plan: enterprise\n`,
    messages: [/^Heroku Connect authorizes as a Salesforce user.*no integration user lists heroku_connect in used_by/],
    fixed: `${header}integration_users:\n  connect_user:\n    kind: integration\n    permissions: [api-enabled, view-all]\n    used_by: [heroku_connect]\npaths:\n  heroku_connect:\n    plan: enterprise\n`,
  },
  {
    name: 'events not covered by the existing users',
    doc: `${header}integration_users:\n    rest_user:\n        used_by: [rest_api]\npaths:\n  rest_api: {}\n  ⟦platform_events⟧: {}\n`,
    messages: ['no integration user lists platform_events'],
    fixed: `${header}integration_users:\n    rest_user:\n        used_by: [rest_api]\n    events_user:\n        kind: integration\n        permissions: [api-enabled]\n        used_by: [platform_events]\npaths:\n  rest_api: {}\n  platform_events: {}\n`,
  },
  {
    name: 'AppLink in authorized-user mode, and the generated id is already taken',
    doc: `${header}integration_users:\n  applink_user: { used_by: [rest_api] }\npaths:\n  rest_api: {}\n  ⟦heroku_applink⟧:\n    user_mode: authorized-user\n`,
    messages: ['in authorized-user mode runs as a pre-authorized Salesforce user'],
    fixed: `${header}integration_users:\n  applink_user: { used_by: [rest_api] }\n  applink_user_2:\n    kind: integration\n    permissions: [api-enabled]\n    used_by: [heroku_applink]\npaths:\n  rest_api: {}\n  heroku_applink:\n    user_mode: authorized-user\n`,
  },
  {
    name: 'a flow-style users section',
    doc: `${header}integration_users: { rest_user: { used_by: [rest_api] } }\npaths:\n  rest_api: {}\n  ⟦heroku_connect⟧: {}\n`,
    messages: ['lists heroku_connect'],
    fixed: `${header}integration_users: { rest_user: { used_by: [rest_api] }, connect_user: { kind: integration, permissions: [api-enabled, view-all], used_by: [heroku_connect] } }\npaths:\n  rest_api: {}\n  heroku_connect: {}\n`,
  },
  {
    name: 'two uncovered paths',
    doc: `${header}paths:\n  ⟦rest_api⟧: {}\n  ⟦platform_events⟧: {}\n`,
    messages: ['lists rest_api', 'lists platform_events'],
  },
  { name: 'AppLink in the default user mode runs as the calling user', doc: `${header}paths:\n  heroku_applink:\n    user_mode: user\n` },
  { name: 'paths that do not log in as an integration user', doc: `${header}paths:\n  external_objects: {}\n  apex_callout: {}\n  canvas: {}\n` },
  { name: 'every path covered', doc: `${header}integration_users:\n  a: { used_by: [heroku_connect] }\n  b: { used_by: [rest_api] }\n${connectAndRest}` },
]);

ruleCases('integration-user-unknown-path', [
  {
    name: 'a path the design does not choose, in a flow list',
    doc: `${header}integration_users:\n  sync:\n    used_by: [heroku_connect, ⟦canvas⟧]\n${connectAndRest}`,
    messages: [/'sync' is used by canvas, but the design does not choose Salesforce Canvas: paths has no canvas/],
    fixed: `${header}integration_users:\n  sync:\n    used_by: [heroku_connect]\n${connectAndRest}`,
  },
  {
    name: 'first item of a flow list',
    doc: `${header}integration_users:\n  sync:\n    used_by: [⟦platform_events⟧, rest_api]\n${connectAndRest}`,
    messages: ['used by platform_events'],
    fixed: `${header}integration_users:\n  sync:\n    used_by: [rest_api]\n${connectAndRest}`,
  },
  {
    name: 'middle item of a block list',
    doc: `${header}integration_users:\n  sync:\n    used_by:\n      - heroku_connect\n      - ⟦external_objects⟧ # old\n      - rest_api\n${connectAndRest}`,
    messages: ['used by external_objects'],
    fixed: `${header}integration_users:\n  sync:\n    used_by:\n      - heroku_connect\n      - rest_api\n${connectAndRest}`,
  },
  { name: 'the only item (no fix: an empty list is invalid)', doc: `${header}integration_users:\n  sync:\n    used_by: [⟦canvas⟧]\n${connectAndRest}`, messages: ['used by canvas'] },
  { name: 'all listed paths chosen', doc: `${header}integration_users:\n  sync:\n    used_by: [rest_api]\n${connectAndRest}` },
]);

test('integration-user-unknown-path offers no fix for the only item of used_by', () => {
  const { text } = stripMarkers(`${header}integration_users:\n  sync:\n    used_by: [canvas]\n${connectAndRest}`);
  const [finding] = findingsOf('integration-user-unknown-path', text);
  assert.ok(finding);
  assert.equal(finding.fix, undefined);
});
