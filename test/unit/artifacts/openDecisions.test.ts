import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateArtifact } from '../../../server/src/core/artifacts/generate';

const design = (userExtra: string, connectExtra = '') => `version: 1
name: Open decisions
environment: production
salesforce:
  edition: enterprise
  org_type: production
requirements:
  heroku_needs_local_copy: true
integration_users:
  connect:
    username: connect@example.com
    kind: integration
    license: salesforce-integration
    permissions: [api-enabled, view-all-data]
    used_by: [heroku_connect]
${userExtra}paths:
  heroku_connect:
    plan: enterprise
    contracted_rows: 100_000
${connectExtra}    mappings:
      - object: Account
        mode: read-write
        rows: 50_000
`;

const runbook = (text: string) => generateArtifact('runbook', text, 'd.integration.yaml').content;

/** The numbered "Open decisions" list at the top. */
function openDecisions(content: string): string[] {
  const section = content.split('## Open decisions\n')[1]?.split('\n## ')[0] ?? '';
  return section.split('\n').filter((l) => /^\d+\. \*\*Step /.test(l));
}

describe('open decisions in the runbook', () => {
  it('no rotation cadence stated: an open decision, never an invented interval', () => {
    const out = runbook(design(''));
    const open = openDecisions(out);
    assert.ok(open.some((l) => /How often to rotate the credentials of `connect@example.com`: the design states no `credential_rotation`/.test(l)), open.join('\n'));
    const rotation = out.split(/### \d+\.\d+ Rotate credentials and tokens/)[1].split('\n### ')[0];
    assert.match(rotation, /What is rotated: the OAuth authorization Heroku Connect holds/, 'says what is rotated: an OAuth authorization, not a password');
    assert.ok(!/every \*\*\d/.test(rotation), `the rotation step invents a cadence:\n${rotation}`);
    assert.match(rotation, /- \*\*OPEN DECISION:\*\* How often to rotate/);
  });

  it('a stated rotation cadence is used and is no longer open', () => {
    const out = runbook(design('').replace('    used_by: [heroku_connect]\n', '    used_by: [heroku_connect]\n    credential_rotation: 90d\n'));
    assert.match(out, /Rotate it for `connect@example\.com` every \*\*90 days\*\* \(`credential_rotation`, line \d+\)/);
    assert.ok(!openDecisions(out).some((l) => /rotate the credentials/.test(l)));
  });

  it('no recovery objective with read-write mappings: open, with the archive retention it must fit', () => {
    const out = runbook(design(''));
    assert.ok(openDecisions(out).some((l) => /The recovery objective: .*no `recovery_objective`; the archive keeps 31 days \[\[\d+\]\]/.test(l)), openDecisions(out).join('\n'));
  });

  it('a recovery objective longer than the archive is said plainly, and how to cover the gap stays open', () => {
    const out = runbook(design('', '    recovery_objective: 45d\n'));
    assert.match(out, /\*\*The design's recovery objective of 45 days \(line \d+\) is longer than the 31 days \[\[\d+\]\]\([^)]+\) the archive keeps\.\*\*/);
    assert.ok(openDecisions(out).some((l) => /How writes older than 31 days are recovered/.test(l)));
  });

  it('every open decision is listed both at the top and under its step', () => {
    const out = runbook(design(''));
    const top = openDecisions(out);
    const inline = out.split('\n').filter((l) => l.startsWith('- **OPEN DECISION:** '));
    assert.equal(top.length, inline.length);
    assert.ok(top.length >= 3);
    for (const l of top) {
      const [, step, text] = /^\d+\. \*\*Step (\d+\.\d+):\*\* (.*)$/.exec(l)!;
      const section = out.split(`### ${step} `)[1].split('\n### ')[0].split('\n## ')[0];
      assert.ok(section.includes(`- **OPEN DECISION:** ${text}`), `step ${step} does not list: ${text}`);
    }
  });

  it('a path without an integration user: who it runs as is open', () => {
    const out = runbook(design('').replace('    used_by: [heroku_connect]\n', '    used_by: [rest_api]\n'));
    assert.ok(openDecisions(out).some((l) => /Which Salesforce user Heroku Connect runs as/.test(l)));
  });
});
