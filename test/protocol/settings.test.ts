import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { ORDER_SYNC } from './fixtures';
import { docUri, startServer } from '../helpers/lspDriver';
import { ofRule, positionOf } from './lspText';

const ROW_LIMIT = 'connect-demo-row-limit';

describe('settings over stdio', () => {
  it('pulls integrationDesigner per document and applies rule overrides; a change re-validates', async () => {
    const client = await startServer({ settings: { rules: { [ROW_LIMIT]: 'warning', 'unknown-key': 'off' } } });
    try {
      const uri = docUri('settings');
      client.open(uri, ORDER_SYNC);
      const first = await client.waitForDiagnostics(uri, 1);
      assert.equal(ofRule(first.diagnostics, ROW_LIMIT)[0]?.severity, DiagnosticSeverity.Warning, 'severity override applied');
      assert.equal(ofRule(first.diagnostics, 'unknown-key').length, 0, 'a rule set to off disappears');
      assert.ok(client.configurationRequests.some((r) => r.items.some((i) => i.scopeUri === uri && i.section === 'integrationDesigner')), 'asked per resource');
      assert.ok(client.registrations.some((r) => (r as { method: string }).method === 'workspace/didChangeConfiguration'), 'registered for configuration changes');

      const from = client.publishes.length;
      client.changeSettings({ rules: { [ROW_LIMIT]: 'off', 'unknown-key': 'default' } });
      const next = await client.waitForPublish(uri, (p) => client.publishes.indexOf(p) >= from, 'a publish after the settings change');
      assert.equal(next.version, 1, 'same document version, new settings');
      assert.equal(ofRule(next.diagnostics, ROW_LIMIT).length, 0);
      assert.equal(ofRule(next.diagnostics, 'unknown-key')[0]?.severity, DiagnosticSeverity.Error, '"default" restores the rule');
    } finally {
      await client.stop();
    }
  });

  it('logs and ignores unknown rules, severities and validate values', async () => {
    const client = await startServer({ settings: { rules: { 'no-such-rule': 'off', [ROW_LIMIT]: 'loud' }, validate: 'sometimes' } });
    try {
      const uri = docUri('settings');
      client.open(uri, ORDER_SYNC);
      const published = await client.waitForDiagnostics(uri, 1);
      assert.equal(ofRule(published.diagnostics, ROW_LIMIT)[0]?.severity, DiagnosticSeverity.Error);
      await client.waitForLog((l) => /there is no rule 'no-such-rule'/.test(l.message));
      await client.waitForLog((l) => /'loud' is not one of off, error, warning, info, hint, default/.test(l.message));
      await client.waitForLog((l) => /validate: 'sometimes' is not onType or onSave; validating as you type/.test(l.message));
    } finally {
      await client.stop();
    }
  });

  it('takes settings from initializationOptions and didChangeConfiguration without workspace/configuration', async () => {
    const client = await startServer({ configuration: false, initializationOptions: { integrationDesigner: { rules: { [ROW_LIMIT]: 'off' } } } });
    try {
      const uri = docUri('settings');
      client.open(uri, ORDER_SYNC);
      const first = await client.waitForDiagnostics(uri, 1);
      assert.equal(ofRule(first.diagnostics, ROW_LIMIT).length, 0);
      assert.equal(client.configurationRequests.length, 0, 'never asks a client that cannot answer');
      const from = client.publishes.length;
      client.changeSettings({ rules: { [ROW_LIMIT]: 'hint' } }, true);
      const next = await client.waitForPublish(uri, (p) => client.publishes.indexOf(p) >= from, 'a publish after the pushed settings');
      assert.equal(ofRule(next.diagnostics, ROW_LIMIT)[0]?.severity, DiagnosticSeverity.Hint);
    } finally {
      await client.stop();
    }
  });

  it('validates only on open and save with validate: onSave', async () => {
    const client = await startServer({ settings: { validate: 'onSave' } });
    try {
      const uri = docUri('settings');
      client.open(uri, ORDER_SYNC);
      await client.waitForDiagnostics(uri, 1);
      const at = positionOf(ORDER_SYNC, 'demo');
      client.change(uri, 2, [{ range: { start: at, end: { ...at, character: at.character + 4 } }, text: 'enterprise' }]);
      // Two round trips: the server has handled the change (and anything it scheduled) by the second answer.
      await client.hover(uri, at);
      await client.hover(uri, at);
      assert.ok(!client.publishes.some((p) => p.uri === uri && p.version === 2), 'no validation on change');
      client.save(uri);
      const saved = await client.waitForDiagnostics(uri, 2);
      assert.equal(ofRule(saved.diagnostics, ROW_LIMIT).length, 0);
    } finally {
      await client.stop();
    }
  });
});
