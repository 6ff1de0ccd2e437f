import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { marked } from 'marked';
import { reviewDesign, reviewReport } from '../../../server/src/core/review/compare';
import { formatReviewMarkdown } from '../../../server/src/core/review/markdown';

const BASE = readFileSync(join(__dirname, 'fixtures/base.integration.yaml'), 'utf8');

// Names a design controls, each of which would do harm if the Markdown passed it through:
// HTML, a javascript: link (inline and autolink), backticks that close a code span, pipes that
// split a table cell (also after a backslash, which GFM reads as escaping the next backslash),
// and GitHub's extensions: strikethrough, bare URLs and e-mail addresses, @mentions.
const HOSTILE = ['"><script>alert(1)</script>', '[click](javascript:alert(1))', '<javascript:alert(2)>', 'a`b``c', 'x|y', '<img src=x onerror=alert(3)>', 'back\\\\|slash', '~~struck~~ https://evil.example www.evil.example @octocat ops@evil.example'];

/** The base design with hostile integration users sharing a path, and a hostile unknown key. */
function hostileDesign(): string {
  const users = HOSTILE.map((name) => `  ${JSON.stringify(name)}:\n    kind: integration\n    license: salesforce-integration\n    permissions: [api-enabled, view-all-data]\n    used_by: [heroku_connect]\n`).join('');
  return BASE.replace('integration_users:\n', `integration_users:\n${users}`).replace('paths:\n', `${JSON.stringify(HOSTILE.join(' '))}: 1\npaths:\n`);
}

describe('review Markdown', () => {
  const report = reviewReport('old/"><b>base</b>|`.integration.yaml', [
    reviewDesign({ file: 'designs/"><script>x</script>|`name`.integration.yaml', before: BASE, after: hostileDesign() }),
  ]);
  const markdown = formatReviewMarkdown(report);
  const html = marked.parse(markdown, { async: false }) as string;

  it('the hostile names do reach the review (the test would see them)', () => {
    const added = report.designs[0].findings.added;
    for (const name of HOSTILE) assert.ok(added.some((f) => f.message.includes(name) || f.designPath.includes(JSON.stringify(name).slice(1, -1))), `a finding names ${name}`);
  });

  it('renders design text as text: no HTML element, no javascript: link', () => {
    for (const tag of ['<script', '<img', '<b>', '<del']) assert.ok(!html.includes(tag), `${tag} in ${html}`);
    assert.doesNotMatch(html, /<a\s/i, 'no link at all (GFM links bare URLs and e-mail addresses)');
    assert.match(markdown, /\\@octocat/, 'no @mention');
    assert.match(html, /&lt;script&gt;/, 'the names are shown, escaped');
  });

  it('keeps every table row to its header\'s cells, whatever the cells contain', () => {
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1]);
    assert.ok(tables.length >= 1);
    for (const t of tables) {
      const header = (t.match(/<th[ >]/g) ?? []).length;
      for (const row of t.split('</tr>').filter((r) => r.includes('<td'))) assert.equal((row.match(/<td[ >]/g) ?? []).length, header, row);
    }
  });

  it('shows code spans whole: a design path with backticks and pipes stays one span', () => {
    const path = report.designs[0].findings.added.find((f) => f.designPath.includes('a`b``c'))!.designPath;
    const shown = [...html.matchAll(/<code>([\s\S]*?)<\/code>/g)].map((m) => m[1].trim());
    assert.ok(shown.some((s) => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'") === path), `${path} in ${shown.join('\n')}`);
  });

  it('summarises with counts, the recommendation and the new errors in bold', () => {
    assert.match(markdown, /^## Integration design review$/m);
    assert.match(markdown, /\*\*\d+ new errors?\*\*/);
    assert.match(markdown, /Recommendation: Heroku Connect \(enterprise plan\) and Heroku → Salesforce REST API \(unchanged\)\./);
  });
});
