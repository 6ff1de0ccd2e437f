// integrationDesigner.rules changes findings without reopening the file.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, waitForDiagnostics, waitForFinding, waitForNoFinding, withCode } from './helpers';

const RULE = 'connect-demo-row-limit';

describe('Settings', () => {
  const rules = () => vscode.workspace.getConfiguration('integrationDesigner');
  after(async () => {
    await rules().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('turning a rule off removes its finding; back to default restores it', async () => {
    const document = await openFixture('settings.integration.yaml');
    await waitForFinding(document.uri, RULE);
    await rules().update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForNoFinding(document.uri, RULE);
    await rules().update('rules', { [RULE]: 'default' }, vscode.ConfigurationTarget.Workspace);
    await waitForFinding(document.uri, RULE);
  });

  it('a severity override changes the reported severity', async () => {
    const document = await openFixture('settings.integration.yaml');
    await rules().update('rules', { [RULE]: 'warning' }, vscode.ConfigurationTarget.Workspace);
    const diagnostics = await waitForDiagnostics(document.uri, `${RULE} as a warning`, (ds) => withCode(ds, RULE).some((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    assert.equal(withCode(diagnostics, RULE).length, 1);
  });
});
