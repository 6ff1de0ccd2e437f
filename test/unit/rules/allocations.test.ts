// api-requests-daily-allocation: the API requests a design makes per day against the org's daily allocation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../../server/src/core/analysis';
import { measure } from '../../../server/src/core/paths/measure';
import { findingsOf, ruleCases } from '../../helpers/ruleCases';

const header = 'version: 1\nname: Orders\nenvironment: production\n';

ruleCases('api-requests-daily-allocation', [
  {
    name: 'REST and AppLink requests together over what paid editions start at',
    doc: `${header}paths:\n  heroku_applink:\n    api_requests_per_day: 30_000\n  rest_api:\n    api_requests_per_day: ⟦80_000⟧\n`,
    messages: [/^The design makes 110,000 Salesforce API requests a day \(80,000 through the REST API, 30,000 through AppLink\), over the 100,000 requests per 24 hours paid editions start at, which every other integration and user of the org shares\. The org's real allocation grows with its licenses and purchased API calls: read it in Setup → Company Information and state it in salesforce\.daily_api_requests\. Watch it with an API Usage Notification \(From Setup, enter API Usage Notifications in the Quick Find box, then select API Usage Notifications\), and batch or cache requests\.$/],
    related: 1,
  },
  {
    name: 'against the org\'s stated allocation: Heroku Connect\'s SOAP calls do not count, its Bulk use is undocumented',
    doc: `${header}salesforce:\n  daily_api_requests: 150_000\npaths:\n  heroku_connect: { plan: enterprise }\n  rest_api:\n    api_requests_per_day: ⟦160_000⟧\n`,
    messages: [/^The design makes 160,000 Salesforce API requests a day \(through the REST API\), over the org's stated allocation of 150,000 \(salesforce\.daily_api_requests\), which every other integration and user of the org shares\. Heroku Connect's SOAP API calls do not count toward it; whether its Bulk API batches do is not documented on any page we could read\./],
    related: 1,
  },
  {
    name: 'a Developer Edition org gets 15,000 requests',
    doc: `${header}salesforce:\n  edition: developer\npaths:\n  rest_api:\n    api_requests_per_day: ⟦20_000⟧\n`,
    messages: [/over the 15,000 requests per 24 hours a Developer Edition org gets, which/],
  },
  { name: 'within what paid editions start at', doc: `${header}paths:\n  rest_api:\n    api_requests_per_day: 100_000\n` },
  { name: 'within the org\'s stated allocation', doc: `${header}salesforce:\n  daily_api_requests: 500_000\npaths:\n  rest_api:\n    api_requests_per_day: 400_000\n` },
  { name: 'no requests stated', doc: `${header}salesforce:\n  daily_api_requests: 1_000\npaths:\n  rest_api: {}\n` },
]);

test('api-requests-daily-allocation is a warning against a default and an error against the org\'s stated allocation', () => {
  assert.deepEqual(findingsOf('api-requests-daily-allocation', `${header}paths:\n  rest_api:\n    api_requests_per_day: 200_000\n`).map((f) => f.severity), ['warning']);
  assert.deepEqual(findingsOf('api-requests-daily-allocation', `${header}salesforce:\n  daily_api_requests: 10_000\npaths:\n  rest_api:\n    api_requests_per_day: 20_000\n`).map((f) => f.severity), ['error']);
});

test('the measurement the risk register reads: the sum of the paths that count, at the largest share', () => {
  const text = `${header}salesforce:\n  daily_api_requests: 200_000\npaths:\n  heroku_applink:\n    api_requests_per_day: 90_000\n  rest_api:\n    api_requests_per_day: 30_000\n`;
  const [m] = measure(analyze(text).design!).filter((x) => x.id === 'api-daily-requests');
  assert.ok(m);
  assert.deepEqual([m.value, m.limit, m.ratio, m.limitFromDesign, m.exceededRule], [120_000, 200_000, 0.6, true, 'api-requests-daily-allocation']);
  assert.equal(text.slice(m.node.range.start, m.node.range.end), '90_000');
  assert.match(m.mitigation, /API Usage Notification/);
});
