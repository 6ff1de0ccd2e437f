import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag } from 'vscode-languageserver';
import { ORDER_SYNC, SMALL } from './fixtures';
import { docUri, type LspDriver, startServer } from '../helpers/lspDriver';
import { messageOf, ofRule, positionOf } from './lspText';

describe('diagnostics over stdio', () => {
  let client: LspDriver;
  before(async () => { client = await startServer(); });
  after(async () => { await client.stop(); });

  it('publishes findings with rule id, docs link, source, range, related locations and data', async () => {
    const uri = docUri();
    client.open(uri, ORDER_SYNC);
    const published = await client.waitForDiagnostics(uri, 1);
    const [rowLimit] = ofRule(published.diagnostics, 'connect-demo-row-limit');
    assert.ok(rowLimit, JSON.stringify(published.diagnostics.map((d) => d.code)));
    assert.equal(rowLimit.source, 'integration-lint');
    assert.equal(rowLimit.severity, DiagnosticSeverity.Error);
    assert.match(rowLimit.codeDescription!.href, /^file:\/\/\/.*\/docs\/rules\/connect-demo-row-limit\.md$/);
    assert.deepEqual(rowLimit.range, { start: positionOf(ORDER_SYNC, 'demo'), end: positionOf(ORDER_SYNC, 'demo', 4) });
    assert.match(messageOf(rowLimit), /10,000 rows/);
    assert.deepEqual(rowLimit.relatedInformation?.map((r) => [r.location.uri, r.location.range.start]), [
      [uri, positionOf(ORDER_SYNC, '8_000')], [uri, positionOf(ORDER_SYNC, '6_000')],
    ]);
    assert.deepEqual(rowLimit.data, {
      ruleId: 'connect-demo-row-limit', version: 1,
      fix: { title: 'Change the plan to enterprise', edits: [{ range: rowLimit.range, newText: 'enterprise' }] },
    });
    const [unknown] = ofRule(published.diagnostics, 'unknown-key');
    assert.deepEqual(unknown.range.start, positionOf(ORDER_SYNC, 'sourse_of_truth'));
    assert.match(messageOf(unknown), /Did you mean 'source_of_truth'\?/);
  });

  it('validates each incremental change and publishes with the new version', async () => {
    const uri = docUri();
    client.open(uri, SMALL);
    const first = await client.waitForDiagnostics(uri, 1);
    assert.equal(ofRule(first.diagnostics, 'connect-demo-row-limit').length, 0);
    // `rows: 100` → `rows: 100000`: over the demo cap.
    const at = positionOf(SMALL, 'rows: 100', 'rows: 100'.length);
    client.change(uri, 2, [{ range: { start: at, end: at }, text: '000' }]);
    const second = await client.waitForDiagnostics(uri, 2);
    assert.equal(ofRule(second.diagnostics, 'connect-demo-row-limit').length, 1);
    assert.equal((second.diagnostics[0].data as { version: number }).version, 2);
  });

  it('never publishes a stale version when changes arrive in a burst', async () => {
    const uri = docUri('burst');
    const text = SMALL.replace('rows: 100', 'rows: 1');
    client.open(uri, text);
    await client.waitForDiagnostics(uri, 1);
    const from = client.publishes.length;
    // Each version appends one digit to `rows`: version v states 10^(v-1) rows, so every
    // publish can be matched to the text it was computed from.
    const end = positionOf(text, 'rows: 1', 'rows: 1'.length);
    const last = 9;
    for (let version = 2; version <= last; version++) {
      const at = { line: end.line, character: end.character + version - 2 };
      client.change(uri, version, [{ range: { start: at, end: at }, text: '0' }]);
    }
    const final = await client.waitForDiagnostics(uri, last);
    // One more change after the burst: everything published for the burst has arrived by then.
    const tail = { line: end.line, character: end.character + last - 1 };
    client.change(uri, last + 1, [{ range: { start: tail, end: tail }, text: '0' }]);
    await client.waitForDiagnostics(uri, last + 1);
    const burst = client.publishes.slice(from).filter((p) => p.uri === uri);
    const versions = burst.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `publishes in version order: ${versions}`);
    assert.equal(new Set(versions).size, versions.length, `each version at most once: ${versions}`);
    assert.equal(versions[versions.length - 1], last + 1);
    assert.ok(versions.includes(last));
    for (const p of burst) {
      const rows = 10 ** (p.version! - 1);
      const over = ofRule(p.diagnostics, 'connect-demo-row-limit');
      // The demo cap sits between 10^4 and 10^5: versions 6+ are over it.
      assert.equal(over.length, rows > 10_000 ? 1 : 0, `version ${p.version} (${rows} rows) was computed from its own text`);
      if (over.length) assert.match(messageOf(over[0]), new RegExp(rows.toLocaleString('en-US')));
      assert.ok(p.diagnostics.every((d) => (d.data as { version: number }).version === p.version));
    }
    assert.ok(final.diagnostics.length > 0);
  });

  it('keeps checking the rest of a document with a YAML syntax error', async () => {
    const uri = docUri();
    const broken = ORDER_SYNC.replace('  direction: salesforce-to-heroku', '  direction: [salesforce-to-heroku');
    client.open(uri, broken);
    const published = await client.waitForDiagnostics(uri, 1);
    assert.ok(ofRule(published.diagnostics, 'yaml-syntax').length > 0);
    assert.equal(ofRule(published.diagnostics, 'connect-demo-row-limit').length, 1, 'findings after the error still appear');
  });

  it('marks unused suppressions as unnecessary', async () => {
    const uri = docUri();
    const text = SMALL.replace('    plan: demo', '    # integration-lint-disable-next-line connect-demo-row-limit\n    plan: demo');
    client.open(uri, text);
    const [unused] = ofRule((await client.waitForDiagnostics(uri, 1)).diagnostics, 'unused-suppression');
    assert.deepEqual(unused.tags, [DiagnosticTag.Unnecessary]);
  });

  it('sends a status notification with counts after each publish', async () => {
    const uri = docUri();
    client.open(uri, ORDER_SYNC);
    const published = await client.waitForDiagnostics(uri, 1);
    const status = await client.waitForStatus(uri, 1);
    const count = (severity: DiagnosticSeverity) => published.diagnostics.filter((d) => d.severity === severity).length;
    assert.deepEqual(status.counts, { error: count(1), warning: count(2), info: count(3), hint: count(4) });
    assert.equal(typeof status.validationMs, 'number');
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = docUri();
    client.open(uri, ORDER_SYNC);
    await client.waitForDiagnostics(uri, 1);
    client.close(uri);
    const cleared = await client.waitForPublish(uri, (p) => p.diagnostics.length === 0, 'an empty publish');
    assert.equal(cleared.version, undefined);
  });
});

describe('diagnostics for a client without relatedInformation', () => {
  it('lists related locations in the message instead', async () => {
    const client = await startServer({ relatedInformation: false });
    try {
      const uri = docUri();
      client.open(uri, ORDER_SYNC);
      const [rowLimit] = ofRule((await client.waitForDiagnostics(uri, 1)).diagnostics, 'connect-demo-row-limit');
      assert.equal(rowLimit.relatedInformation, undefined);
      const line = positionOf(ORDER_SYNC, '8_000').line + 1;
      assert.match(messageOf(rowLimit), new RegExp(`\\n  line ${line}: `));
    } finally {
      await client.stop();
    }
  });
});
