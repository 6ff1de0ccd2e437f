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
    assert.equal(cells[4], '60%');
    assert.match(cells[5], /TOO\\_MANY\\_ROWS/);
    assert.match(cells[6], /contract|fewer objects/);
    assert.match(cells[7], /The design's own figure; \[Heroku Connect \(Dev Center\)\]\(https:\/\/devcenter\.heroku\.com\/articles\/heroku-connect\)/);
  });

  it('leaves out limits under the threshold (mentioning them as measured) and marks exceeded ones', () => {
    const under = limitsTable(risks(design('200_000')));
    assert.ok(!under.includes('| Rows synced'), under);
    assert.match(under, /None: the 1 limit measured stays below the threshold|Rows synced across all mappings vs contracted\\_rows: 60,000 rows of 200,000 rows/);
    const over = limitsTable(risks(design('50_000')));
    assert.match(over, /\| \*\*120%, exceeded\*\* \|/);
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
