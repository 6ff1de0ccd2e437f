// The estate in real VS Code: the server indexes the workspace (fixtures/estate/ has two designs of
// one org sharing an integration user, and the org's file), so a design's problems show before it
// is opened, and editing one design changes the other's problems.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, openFixture, replaceText, waitForDiagnostics, withCode, workspaceFile } from './helpers';

const SHARED = 'estate-integration-user-shared';

describe('Estate: the designs of one org checked together', () => {
  it('shows the shared user in a design that is not open, pointing at the other design\'s line', async () => {
    const events = workspaceFile('estate/events.integration.yaml');
    const orders = workspaceFile('estate/orders.integration.yaml');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === events.toString()), 'events.integration.yaml is not open');
    // The extension starts with the first design opened (activation on the language); then its server indexes the workspace.
    await activeApi();
    const [finding] = withCode(await waitForDiagnostics(events, 'the shared user in the closed design', (ds) => withCode(ds, SHARED).length === 1), SHARED);
    assert.match(finding.message, /is also used by another design of org 'acme-prod': orders\.integration\.yaml/);
    assert.equal(finding.relatedInformation?.[0].location.uri.toString(), orders.toString());
    assert.equal(finding.relatedInformation?.[0].location.range.start.line, 6);
  });

  it('editing one design changes the other\'s problems, and undo brings them back', async () => {
    const events = workspaceFile('estate/events.integration.yaml');
    const orders = await openFixture('estate/orders.integration.yaml');
    await waitForDiagnostics(orders.uri, 'the shared user in the open design', (ds) => withCode(ds, SHARED).length === 1);
    await replaceText(orders, 'sf-connect@acme.com', 'sf-orders@acme.com');
    await waitForDiagnostics(events, 'the other design\'s finding to go', (ds) => withCode(ds, SHARED).length === 0);
    await waitForDiagnostics(orders.uri, 'the open design\'s finding to go', (ds) => withCode(ds, SHARED).length === 0);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(events, 'the other design\'s finding to come back', (ds) => withCode(ds, SHARED).length === 1);
    await waitForDiagnostics(orders.uri, 'the open design\'s finding to come back', (ds) => withCode(ds, SHARED).length === 1);
    assert.equal(orders.isDirty, false, 'undo restored the saved text');
  });
});
