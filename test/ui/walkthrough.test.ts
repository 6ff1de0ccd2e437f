// The decision walkthrough page in real (headless) Chromium: the built bundle
// (dist/webview/main.js), the real stylesheet and the same HTML shell and CSP the extension
// serves, with a stub for VS Code's webview API. Checks that hostile document data stays
// text, how the page looks in light, dark and high-contrast themes, and keyboard-only use.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { contentSecurityPolicy, createNonce, walkthroughHtml } from '../../client/src/webview/html';
import type { WalkthroughState } from '../../client/src/webview/protocol';
import { DECISION_TABLE } from '../../server/src/core/decision/table';
import { analyze } from '../../server/src/core/analysis';
import { WalkthroughSession } from '../../server/src/core/walkthrough/session';
import { ROW_DESIGNS } from '../helpers/decisionRowDesigns';
import { analyzeEstates, estateViewOf } from '../../server/src/core/estate';
import { RESULTS, startWebviewServer, type Harness, type WebviewServer } from './webviewHarness';

const DESIGN = `version: 1
name: Order history mirror
environment: production
requirements:
  direction: bidirectional
  source_of_truth: salesforce
  heroku_needs_local_copy: true
  acceptable_lag: 30s
  volume:
    rows: 1_200_000
  ui_embedded_in_salesforce: true
regions:
  heroku_app: us
  salesforce: us-east
integration_users:
  connect_user:
    username: connect@example.com
    kind: integration
    permissions: [api-enabled]
    used_by: [heroku_connect, rest_api]
paths:
  rest_api:
    auth_flow: jwt-bearer
    api_requests_per_day: 60_000
`;

/**
 * The design named in an org, with another design of the org that logs in as the same user; their
 * API requests go over the org's allocation only together.
 */
const ESTATE_DESIGN = DESIGN.replace('environment: production\n', 'environment: production\nsalesforce:\n  org: acme-prod\n').replace('    auth_flow: jwt-bearer\n', '    auth_flow: jwt-bearer\n    api_requests_per_day: 60_000\n');
const OTHER_DESIGN = 'version: 1\nname: Events\nsalesforce:\n  org: acme-prod\nintegration_users:\n  e:\n    username: connect@example.com\n    used_by: [platform_events]\npaths:\n  platform_events: { api: pub-sub }\n  rest_api: { api_requests_per_day: 50_000 }\n';

function realState(): WalkthroughState {
  const session = new WalkthroughSession();
  session.answer('regulatedData', false);
  const uri = 'file:///work/integration.yaml';
  const analysis = analyze(ESTATE_DESIGN);
  const estates = analyzeEstates([
    { uri, analysis },
    { uri: 'file:///work/events.integration.yaml', analysis: analyze(OTHER_DESIGN) },
    { uri: 'file:///work/acme.salesforce-org.yaml', analysis: analyze('version: 1\norg: acme-prod\nname: Acme production\ndaily_api_requests: 100_000\n', { kind: 'org' }) },
  ]);
  return { ...session.view(analysis, { uri, label: 'integration.yaml' }), estate: estateViewOf(estates, uri) };
}

/**
 * Every string in the state replaced by an attack, except the few that select how to render:
 * in the drawn SVG, the tags and the geometry (which the server computes); the text and the
 * accessible names (where design names go) get attacks.
 */
const STRUCTURAL = new Set(['kind', 'outcome', 'type', 'level', 'tag']);
const ATTACKS = [
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<script>window.__pwned=2;alert(2)</script>',
  'javascript:window.__pwned=3',
  '</style><style>body{display:none!important}</style>',
  '"><svg onload="window.__pwned=4">',
  '\'); window.__pwned=5; //',
  '{{constructor.constructor(\'window.__pwned=6\')()}}',
  '<a href="javascript:window.__pwned=7">click</a>',
  'x" style="background:url(https://evil.example/x)',
  '<iframe srcdoc="<script>parent.__pwned=8</script>"></iframe>',
];
function hostile<T>(value: T, counter = { n: 0 }, key = ''): T {
  if (typeof value === 'string') return (STRUCTURAL.has(key) ? value : `${ATTACKS[counter.n++ % ATTACKS.length]}#${counter.n}`) as T;
  if (Array.isArray(value)) return value.map((v) => hostile(v, counter, key)) as T;
  if (value && typeof value === 'object' && key === 'attrs') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'aria-label' ? hostile(v, counter) : v])) as T;
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hostile(v, counter, k)])) as T;
  return value;
}

let web: WebviewServer;
let requests: string[] = [];
const openPage = (theme?: Parameters<WebviewServer['openPage']>[0]): Promise<Harness> => web.openPage(theme);

before(async () => {
  web = await startWebviewServer();
  requests = web.requests;
});

after(async () => {
  await web?.close();
});

describe('decision walkthrough webview in Chromium', () => {
  it('serves a shell with a strict CSP and no document data', () => {
    const nonce = createNonce();
    const html = walkthroughHtml({ cspSource: 'https://webview.example', nonce, scriptUri: 'https://webview.example/main.js', styleUri: 'https://webview.example/w.css' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1];
    assert.equal(csp, contentSecurityPolicy('https://webview.example', nonce));
    assert.equal((html.match(/<script\b/g) ?? []).length, 1);
    assert.match(html, new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, (c) => `\\${c}`)}" src=`));
  });

  it('renders hostile names and values as text: nothing runs, loads or restyles', async () => {
    const h = await openPage('dark');
    const state = hostile(realState());
    await h.send(state, 1);
    const page = h.page;

    assert.equal(await page.textContent('#title'), `Decision: ${state.name}`);
    assert.equal(await page.textContent('#statement'), state.statement);
    assert.equal(await page.textContent('#file'), `File: ${state.documentLabel}`);
    assert.equal(await page.textContent('#decision-table caption'), state.table.caption);
    assert.equal(await page.textContent('#decision-table tbody tr:first-child th'), state.table.rows[0].situation);
    assert.equal(await page.textContent('#recommendation'), `Recommended: ${state.recommendation!.approach} (${state.recommendation!.planTier} plan).`);
    const firstQuestion = state.groups[0].questions[0];
    assert.equal(await page.textContent(`label[for="q-${firstQuestion.key}"]`), firstQuestion.label);
    const fact = state.steps.find((s) => s.facts.length)!.facts[0];
    const factRow = page.locator('table.facts tbody tr').first();
    assert.equal(await factRow.locator('th').textContent(), fact.title);
    // A javascript: (or any non-https) source is text, never a link.
    assert.equal(await page.locator('table.facts a').count(), 0);
    assert.ok((await factRow.locator('td').nth(1).textContent())!.includes(fact.statement));
    assert.equal(await page.textContent('#estate-designs caption'), `Designs of org ${state.estate!.org}`);
    assert.ok((await page.textContent('#estate-findings li'))!.includes(state.estate!.findings[0].message));
    const body = await page.evaluate(() => document.body.innerText);
    for (const attack of ATTACKS) assert.ok(body.includes(attack), `shown literally: ${attack}`);

    const injected = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned: number }).__pwned,
      // The html element carries the theme variables the harness set; nothing in the body has styles or handlers.
      // The only SVG is what the page draws: the diagram and the gauges' bars, with no foreign content.
      elements: document.querySelectorAll('img, svg:not(.architecture):not(.gauge-bar), iframe, object, embed, style, link:not([rel="stylesheet"]), a, foreignObject, [onerror], [onload], body [style], body[style]').length,
      drawn: [document.querySelectorAll('#diagram svg.architecture').length, document.querySelectorAll('#gauges svg.gauge-bar').length],
      scripts: document.querySelectorAll('script').length,
      stylesheets: document.styleSheets.length,
      bodyVisible: getComputedStyle(document.body).display !== 'none',
    }));
    assert.deepEqual(injected, { pwned: 0, elements: 0, drawn: [1, state.gauges.length], scripts: 1, stylesheets: 1, bodyVisible: true });
    assert.deepEqual(requests.filter((r) => !['/', '/dist/webview/main.js', '/client/media/walkthrough.css'].includes(r)), [], 'no request beyond the shell, script and stylesheet');
    assert.deepEqual(h.problems, []);

    // The CSP itself holds: an inline script added to the page does not run.
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 99';
      document.body.appendChild(s);
    });
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned: number }).__pwned), 0);
    assert.ok(h.problems.some((p) => /Content Security Policy/.test(p)), 'the blocked inline script was reported as a CSP violation');
    await page.context().close();
  });

  it('shows each row of the decision table as the recommendation for a design stating its situation', async () => {
    const h = await openPage('light');
    let version = 0;
    for (const row of DECISION_TABLE) {
      const state = new WalkthroughSession().view(analyze(ROW_DESIGNS[row.id].yaml), { uri: `file:///work/${row.id}.integration.yaml`, label: `${row.id}.integration.yaml` });
      await h.send(state, ++version);
      const shown = await h.page.evaluate(() => ({
        recommendation: document.getElementById('recommendation')?.textContent ?? '',
        current: Array.from(document.querySelectorAll('#decision-table tr[aria-current="true"]'), (tr) => ({
          row: tr.getAttribute('data-row'), badge: tr.querySelector('.badge')?.textContent, approach: tr.querySelector('td strong')?.textContent,
        })),
        above: Array.from(document.querySelectorAll('#decision-table tbody tr'), (tr) => ({ row: tr.getAttribute('data-row'), verdict: tr.querySelector('.verdict')?.textContent ?? '' })),
      }));
      const plan = row.plan ?? state.recommendation?.planTier;
      assert.equal(shown.recommendation, `Recommended: ${row.approach}${plan ? ` (${plan} plan)` : ''}.`, row.id);
      assert.deepEqual(shown.current, [{ row: row.id, badge: 'Decides', approach: row.approach }], row.id);
      // The rows above the deciding one each say why they did not decide.
      for (const above of shown.above.slice(0, shown.above.findIndex((r) => r.row === row.id))) {
        assert.match(above.verdict, /^No match: |takes precedence|overrides/, `${row.id}, row ${above.row}: ${above.verdict}`);
      }
    }
    assert.deepEqual(h.problems, []);
    await h.page.context().close();
  });

  it('shows the org\'s estate: its designs and the findings that compare them, and hides it for a design that names no org', async () => {
    const h = await openPage('light');
    const state = realState();
    await h.send(state, 1);
    const shown = await h.page.evaluate(() => ({
      hidden: document.getElementById('estate-section')!.hidden,
      rows: Array.from(document.querySelectorAll('#estate-designs tbody tr'), (tr) => [tr.querySelector('th')!.textContent, tr.getAttribute('aria-current')]),
      finding: document.querySelector('#estate-findings li')?.textContent ?? '',
      limits: Array.from(document.querySelectorAll('#estate-allocations tbody tr'), (tr) => [tr.className, tr.querySelector('th')!.textContent, ...Array.from(tr.querySelectorAll('td'), (td) => td.textContent)]),
      shares: Array.from(document.querySelectorAll('#estate-allocations ul.shares li'), (li) => li.textContent),
    }));
    assert.deepEqual(shown.rows, [['Events', null], ['Order history mirror (this design)', 'true']]);
    assert.equal(shown.hidden, false);
    const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    assert.deepEqual(shown.limits, [['severity-error', 'API requests per 24 hours', '110,000', '100,000 requests per 24 hours (acme.salesforce-org.yaml)', '110%, exceeded', shown.shares.join('')]]);
    assert.deepEqual(shown.shares, [`events.integration.yaml line ${lineOf(OTHER_DESIGN, '50_000')}: 50,000 (50%)`, `this design line ${lineOf(ESTATE_DESIGN, '60_000')}: 60,000 (60%)`]);
    assert.match(shown.finding, /^warning Integration user 'connect@example\.com' .* is also used by another design of org 'acme-prod': events\.integration\.yaml/);
    await h.page.click('#estate-finding-0');
    const line = state.estate!.findings[0].line;
    assert.ok((await h.posted()).some((m) => m.type === 'revealLine' && m.line === line), 'the line button reveals the finding');
    await h.send({ ...state, estate: undefined }, 2);
    assert.equal(await h.page.evaluate(() => document.getElementById('estate-section')!.hidden), true);
    assert.deepEqual(h.problems, []);
    await h.page.context().close();
  });

  it('keeps the document uri (and pending answers) with setState for the serializer', async () => {
    const h = await openPage();
    const state = realState();
    await h.page.evaluate((s) => window.postMessage({ type: 'state', state: s, version: 1, persist: { documentUri: s.documentUri, answers: { rows: '2_000_000' } } }, '*'), state);
    await h.page.waitForFunction(() => (window as unknown as { __savedState?: unknown }).__savedState !== undefined);
    assert.deepEqual(await h.page.evaluate(() => (window as unknown as { __savedState: unknown }).__savedState), { documentUri: 'file:///work/integration.yaml', answers: { rows: '2_000_000' } });
    await h.page.context().close();
  });

  for (const theme of ['light', 'dark', 'high-contrast'] as const) {
    it(`looks right in the ${theme} theme (screenshot in test-results/)`, async () => {
      const h = await openPage(theme);
      await h.send(realState(), 1);
      const colors = await h.page.evaluate(() => {
        const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
        return {
          body: [style('body').color, style('body').backgroundColor],
          decides: style('tr.outcome-decides').backgroundColor,
          apply: [style('#apply').color, style('#apply').backgroundColor],
        };
      });
      assert.notEqual(colors.body[0], colors.body[1], 'text and background differ');
      assert.notEqual(colors.apply[0], colors.apply[1], 'button text and background differ');
      await h.page.locator('#q-rows').focus();
      await h.page.screenshot({ path: join(RESULTS, `walkthrough-${theme}.png`), fullPage: true, animations: 'disabled' });
      assert.deepEqual(h.problems, []);
      await h.page.context().close();
    });
  }

  it('works with the keyboard alone: Tab through the questions, answer, press Apply', async () => {
    const h = await openPage('light');
    const state = realState();
    await h.send(state, 1);
    const page = h.page;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const visited: string[] = [];
    for (let i = 0; i < 80 && visited[visited.length - 1] !== 'apply'; i++) {
      await page.keyboard.press('Tab');
      visited.push(await page.evaluate(() => document.activeElement?.id ?? ''));
    }
    assert.equal(visited[visited.length - 1], 'apply', `Tab reaches Apply: ${visited.join(' → ')}`);
    // Every question is reached once, in the order the page shows them.
    const expected = state.groups.flatMap((g) => g.questions).map((q) => q.kind === 'yes-no' ? `q-${q.key}-` : q.kind === 'callers' ? `q-${q.key}-` : `q-${q.key}`);
    const questionStops = visited.filter((id) => id.startsWith('q-'));
    let at = 0;
    for (const prefix of expected) {
      const found = questionStops.findIndex((id, i) => i >= at && (id === prefix || (prefix.endsWith('-') && id.startsWith(prefix))));
      assert.ok(found >= 0, `${prefix} is reached in order: ${questionStops.join(', ')}`);
      at = found + 1;
    }

    // Answer with the keyboard: a radio group with arrow keys, a count typed and confirmed with Enter.
    await page.locator('#q-regulatedData-no').focus();
    await page.keyboard.press('ArrowLeft');
    await page.locator('#q-rows').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2500000');
    await page.keyboard.press('Enter');
    // (A slow machine may also send a partial number after a typing pause; the last one counts.)
    const answers = (await h.posted()).filter((m) => m.type === 'answer');
    const last = (key: string) => answers.filter((m) => m.type === 'answer' && m.key === key).pop();
    assert.deepEqual(last('regulatedData'), { type: 'answer', key: 'regulatedData', value: true });
    assert.deepEqual(last('rows'), { type: 'answer', key: 'rows', value: '2500000' });

    // A state arriving while the user types leaves the field alone.
    await page.keyboard.type('1');
    await h.send(state, 2);
    assert.equal(await page.inputValue('#q-rows'), '25000001');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q-rows');

    await page.locator('#apply').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => ((window as unknown as { __posted: { type: string }[] }).__posted).some((m) => m.type === 'apply'));
    const apply = (await h.posted()).find((m) => m.type === 'apply');
    assert.deepEqual(apply, { type: 'apply', addPaths: ['heroku_connect'] });
    assert.deepEqual(h.problems, []);
    await page.context().close();
  });

  it('exposes the structure screen readers need', async () => {
    const h = await openPage();
    await h.send(realState(), 1);
    const a11y = await h.page.evaluate(() => {
      const unlabeled = Array.from(document.querySelectorAll('input, select, button')).filter((c) => {
        const el = c as HTMLInputElement;
        if (el.type === 'radio' || el.type === 'checkbox' || el.tagName === 'SELECT' || el.type === 'text') return !(el.labels && el.labels.length > 0);
        return (el.textContent ?? '').trim() === '';
      }).map((c) => c.id);
      return {
        unlabeled,
        legends: document.querySelectorAll('fieldset > legend').length,
        fieldsets: document.querySelectorAll('fieldset').length,
        live: document.getElementById('recommendation')?.getAttribute('aria-live'),
        caption: !!document.querySelector('#decision-table caption'),
        colHeaders: document.querySelectorAll('#decision-table thead th[scope="col"]').length,
        rowHeaders: document.querySelectorAll('#decision-table tbody th[scope="row"]').length,
        current: document.querySelectorAll('#decision-table tr[aria-current="true"]').length,
      };
    });
    assert.deepEqual(a11y.unlabeled, []);
    assert.equal(a11y.legends, a11y.fieldsets, 'every fieldset has a legend');
    assert.equal(a11y.live, 'polite');
    assert.equal(a11y.caption, true);
    assert.equal(a11y.colHeaders, 4);
    assert.equal(a11y.rowHeaders, DECISION_TABLE.length);
    assert.equal(a11y.current, 1);
    await h.page.context().close();
  });
});
