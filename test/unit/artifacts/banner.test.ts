import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateAllArtifacts } from '../../../server/src/core/artifacts/generate';

const clean = `version: 1
name: Clean
environment: proof-of-concept
requirements:
  heroku_needs_local_copy: true
paths:
  heroku_connect:
    plan: demo
`;

describe('errors banner', () => {
  it('a design with errors still generates all three artifacts, each with the errors listed at the top', () => {
    const text = clean.replace('plan: demo', 'plan: demo\n    pollng_interval: 10m').replace('environment: proof-of-concept', 'environment: prod');
    for (const a of generateAllArtifacts(text, 'broken.integration.yaml')) {
      const lines = a.content.split('\n');
      assert.match(lines[3] ?? '', /^$/);
      const bannerStart = lines.findIndex((l) => l.startsWith('> **⚠ This design has 2 errors.**'));
      assert.equal(bannerStart, 4, `${a.fileName}: the banner comes right after the title\n${a.content.slice(0, 600)}`);
      assert.ok(lines.some((l) => /^> - Line 3, `invalid-value`: 'prod' is not a valid environment/.test(l)), a.fileName);
      assert.ok(lines.some((l) => /^> - Line 9, `unknown-key`: Unknown key 'pollng\\_interval'/.test(l)), a.fileName);
      assert.ok(a.content.length > 500, `${a.fileName} still has a body`);
    }
  });

  it('a design without errors has no banner (warnings do not count)', () => {
    for (const a of generateAllArtifacts(clean, 'clean.integration.yaml')) {
      assert.ok(!a.content.includes('This design has'), a.fileName);
    }
  });

  it('a file that is not a design at all still generates, saying so', () => {
    for (const a of generateAllArtifacts('- just\n- a list\n', 'list.integration.yaml')) {
      assert.match(a.content, /This design has \d+ errors?/);
      assert.match(a.content, /could not be read at all/);
    }
    for (const a of generateAllArtifacts('', 'empty.integration.yaml')) {
      assert.match(a.content, /This design has 1 error\./);
    }
  });
});
