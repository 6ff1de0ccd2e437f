import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findingsOf, ruleCases } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Scoring\nenvironment: production\n';

ruleCases('applink-router-timeout', [
  {
    name: 'synchronous call whose slowest response exceeds the router timeout',
    doc: `${header}paths:\n  heroku_applink:\n    synchronous: true # Flow waits\n    response_time: ⟦45s⟧\n`,
    messages: [/times out a request after 30 seconds, but this synchronous AppLink call may take 45 seconds: Heroku gives up first/],
    related: 1,
    fixed: `${header}paths:\n  heroku_applink:\n    synchronous: false # Flow waits\n    response_time: 45s\n`,
  },
  {
    name: 'synchronous from the requirements when the path does not say (no fix: the requirement is the user\'s)',
    doc: `${header}requirements:\n  salesforce_calls_heroku:\n    from: [flow]\n    synchronous: true\npaths:\n  heroku_applink: { response_time: ⟦2m⟧ }\n`,
    messages: [/may take 2 minutes/],
    related: 1,
  },
  { name: 'synchronous call exactly at the router timeout', doc: `${header}paths:\n  heroku_applink:\n    synchronous: true\n    response_time: 30s\n` },
  { name: 'asynchronous call slower than the router timeout', doc: `${header}paths:\n  heroku_applink:\n    synchronous: false\n    response_time: 5m\n` },
  { name: 'path says asynchronous even though the requirement is synchronous', doc: `${header}requirements:\n  salesforce_calls_heroku: { synchronous: true }\npaths:\n  heroku_applink:\n    synchronous: false\n    response_time: 5m\n` },
  { name: 'synchronous not stated anywhere (default false)', doc: `${header}paths:\n  heroku_applink:\n    response_time: 5m\n` },
  { name: 'no response time stated', doc: `${header}paths:\n  heroku_applink:\n    synchronous: true\n` },
]);

ruleCases('applink-platform-api-rate', [
  {
    name: 'requests per hour over the per-add-on rate',
    doc: `${header}paths:\n  heroku_applink:\n    platform_api_requests_per_hour: ⟦6_000⟧\n`,
    messages: [/allows 4,500 requests per hour per AppLink add-on; this design makes 6,000/],
  },
  { name: 'exactly at the rate', doc: `${header}paths:\n  heroku_applink:\n    platform_api_requests_per_hour: 4_500\n` },
  { name: 'well under the rate', doc: `${header}paths:\n  heroku_applink:\n    platform_api_requests_per_hour: 100\n` },
  { name: 'not stated', doc: `${header}paths:\n  heroku_applink:\n    user_mode: user\n` },
]);

it('applink-router-timeout offers no fix when only the requirement says synchronous', () => {
  const [finding] = findingsOf('applink-router-timeout', `${header}requirements:\n  salesforce_calls_heroku: { synchronous: true }\npaths:\n  heroku_applink: { response_time: 40s }\n`);
  assert.ok(finding);
  assert.equal(finding.fix, undefined);
  assert.equal(finding.related?.[0]?.message, 'The requirement says callers wait for the answer');
});
