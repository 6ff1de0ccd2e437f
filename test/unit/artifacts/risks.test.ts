import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateArtifact } from '../../../server/src/core/artifacts/generate';

const design = (contracted: string, extra = '') => `version: 1
name: Risks
environment: production
summary: Orders mirrored into Postgres.
requirements:
  heroku_needs_local_copy: true
paths:
  heroku_connect:
    plan: enterprise
    contracted_rows: ${contracted}
    mappings:
      - object: Account
        rows: 60_000
${extra}`;

const risks = (text: string) => generateArtifact('risks', text, 'r.integration.yaml').content;
const limitsTable = (content: string) => content.split('## Limits the design comes close to')[1].split('\n## ')[0];

describe('risk register', () => {
  it('lists a limit reached at 50% or more, with current value, limit, percentage, impact, mitigation and source', () => {
    const table = limitsTable(risks(design('100_000')));
    const row = table.split('\n').find((l) => l.startsWith('| Rows synced across all mappings vs contracted'));
    assert.ok(row, table);
    const cells = row.split(' | ');
    assert.equal(cells[1], '10', 'the line the checks report it on (contracted_rows)');
    assert.equal(cells[2], '60,000 rows');
    assert.equal(cells[3], '100,000 rows (stated in the design)');
    assert.equal(cells[4], '`█████│█░░░░│` 60%', 'the gauge (marks at 50% and 100%) and the share');
    assert.match(cells[5], /TOO\\_MANY\\_ROWS/);
    assert.match(cells[6], /contract|fewer objects/);
    assert.match(cells[7], /The design's own figure; \[Heroku Connect \(Dev Center\)\]\(https:\/\/devcenter\.heroku\.com\/articles\/heroku-connect\)/);
  });

  it('leaves out limits under the threshold (mentioning them as measured) and marks exceeded ones', () => {
    const under = limitsTable(risks(design('200_000')));
    assert.ok(!under.includes('| Rows synced'), under);
    assert.match(under, /None: the 1 limit measured stays below the threshold|Rows synced across all mappings vs contracted\\_rows: 60,000 rows of 200,000 rows/);
    const over = limitsTable(risks(design('50_000')));
    assert.match(over, /\| `█████│█████│▶` \*\*120%, exceeded\*\* \|/);
  });

  it('words a limit from a historical or unconfirmed figure as a rule of thumb, never as "at the limit"', () => {
    // A paid plan polling every 2 minutes: exactly the 2014 launch post's minimum, which no current page confirms.
    const table = limitsTable(risks(design('1_000_000').replace('    mappings:', '    polling_interval: 2m\n    mappings:')));
    const row = table.split('\n').find((l) => l.startsWith('| Polling interval'));
    assert.ok(row, table);
    assert.doesNotMatch(row, /\*\*100%, at the limit\*\*/);
    assert.match(row, /historical/i);
    assert.match(row, /rule of thumb/i);
  });

  it('lists the org\'s daily API requests and event deliveries from 50% of their allocations, with mitigation and source', () => {
    const text = `version: 1\nname: Allocations\nenvironment: production\nsalesforce:\n  edition: enterprise\npaths:\n  rest_api:\n    api_requests_per_day: 60_000\n  platform_events:\n    api: cometd\n    event_type: push-topic\n    events_per_day: 60_000\n    subscribers: 2\n`;
    const table = limitsTable(risks(text));
    const api = table.split('\n').find((l) => l.startsWith('| API requests to Salesforce per day'));
    assert.ok(api, table);
    const apiCells = api.split(' | ');
    assert.equal(apiCells[2], '60,000 requests per 24 hours');
    assert.match(apiCells[3], /^100,000 requests per 24 hours \[\[\d+\]\]\(https:\/\/developer\.salesforce\.com\/blogs\/2024\/11\/api-limits-and-monitoring-your-api-usage\)$/);
    assert.equal(apiCells[4], '`█████│█░░░░│` 60%');
    assert.match(apiCells[6], /API Usage Notification/);
    const events = table.split('\n').find((l) => l.startsWith('| Event deliveries per 24 hours'));
    assert.ok(events, table);
    const eventCells = events.split(' | ');
    assert.match(eventCells[0], /PushTopic allocation \(Enterprise Edition\)/);
    assert.equal(eventCells[2], '120,000 events per 24 hours');
    assert.match(eventCells[3], /^200,000 events per 24 hours \[\[\d+\]\]\(https:\/\/developer\.salesforce\.com\/docs\/platform\/api-streaming\/guide\/limits\.html\)$/);
    assert.equal(eventCells[4], '`█████│█░░░░│` 60%');
  });

  it('lists region distance as a risk, graded, with what crosses it, the mitigation and its rule-of-thumb source', () => {
    const text = `version: 1\nname: Far\nenvironment: production\nregions:\n  heroku_app: tokyo\n  heroku_postgres: tokyo\n  salesforce: us-east\npaths:\n  heroku_connect:\n    plan: enterprise\n  rest_api:\n    auth_flow: jwt-bearer\n`;
    const content = risks(text);
    const section = content.split('## Region distance')[1]?.split('\n## ')[0];
    assert.ok(section, content);
    assert.match(section, /rule of thumb/i);
    const app = section.split('\n').find((l) => l.startsWith('| Heroku app'));
    assert.ok(app, section);
    assert.match(app, /\| `tokyo` \| `us-east` \| another continent \|/);
    assert.match(app, /every REST API call/);
    assert.match(app, /virginia/);
    assert.match(app, /multiply sync lag by up to 3× \[\d+, unconfirmed\]/);
    assert.match(app, /Heroku ↔ Salesforce integration skill.*, unconfirmed/);
    const close = risks(text.replace('tokyo\n  heroku_postgres: tokyo', 'us\n  heroku_postgres: us'));
    assert.doesNotMatch(close, /## Region distance/, 'co-located parts are no risk');
  });

  it('marks unconfirmed sources as such', () => {
    const content = risks(design('100_000'));
    assert.match(content, /at least 50% \[\d+, unconfirmed\] of/);
  });

  it('groups open findings by severity with rule id and line, and lists accepted (suppressed) findings with their reason', () => {
    const text = design('100_000').replace('summary: Orders mirrored into Postgres.\n', '# integration-lint-disable-next-line connect-demo-in-production -- not used\n') + '# nothing\n';
    const content = risks(text.replace('plan: enterprise', 'plan: demo').replace('    plan: demo', '    # integration-lint-disable-next-line connect-demo-in-production -- accepted until the contract is signed\n    plan: demo'));
    assert.match(content, /### Errors \(\d+\)\n\n\| Rule \| Line \| Message \|/);
    assert.match(content, /\| `connect-demo-row-limit` \(Demo plan row cap exceeded\) \| \d+ \| The demo plan syncs at most 10,000 rows/);
    assert.match(content, /## Accepted in the design[\s\S]*\| `connect-demo-in-production` \| \d+ \| .* \| accepted until the contract is signed \|/);
  });
});
