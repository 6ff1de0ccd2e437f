// The estate in real VS Code: the server indexes the workspace (fixtures/estate/ has two designs of
// one org sharing an integration user, whose API requests go over the org's allocation only
// together, and the org's file), so a design's problems show before it is opened, and editing one
// design changes the other's problems.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, openFixture, replaceText, waitForDiagnostics, withCode, workspaceFile } from './helpers';

const SHARED = 'estate-integration-user-shared';
const EXCEEDED = 'estate-allocation-exceeded';

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

  it('shows an allocation exceeded only together in both designs\' problems, with related locations', async () => {
    const events = workspaceFile('estate/events.integration.yaml');
    const orders = workspaceFile('estate/orders.integration.yaml');
    const org = workspaceFile('estate/acme.salesforce-org.yaml');
    await activeApi();
    const [closed] = withCode(await waitForDiagnostics(events, 'the sum in the closed design', (ds) => withCode(ds, EXCEEDED).length === 1), EXCEEDED);
    assert.equal(closed.severity, vscode.DiagnosticSeverity.Error);
    assert.match(closed.message, /use 110% of its API requests per 24 hours \(110,000 of 100,000 requests per 24 hours, stated in acme\.salesforce-org\.yaml, line 4\)\. This design adds 50,000/);
    assert.deepEqual(closed.relatedInformation?.map((r) => [r.location.uri.toString(), r.location.range.start.line]), [[orders.toString(), 11], [org.toString(), 3]]);
    const document = await openFixture('estate/orders.integration.yaml');
    const [open] = withCode(await waitForDiagnostics(document.uri, 'the sum in the open design', (ds) => withCode(ds, EXCEEDED).length === 1), EXCEEDED);
    assert.match(open.message, /This design adds 60,000 .*; the others: events\.integration\.yaml 50,000\./);
    assert.deepEqual(open.relatedInformation?.map((r) => r.location.uri.toString()), [events.toString(), org.toString()]);
    // Alone, each design is under the org's figure: its own measure says so, against the same figure.
    assert.match(withCode(vscode.languages.getDiagnostics(document.uri), 'limit-approaching')[0]?.message ?? '', /At 60% of API requests to Salesforce per day \(REST API\) vs the org's stated allocation/);
    await replaceText(document, '60_000', '40_000');
    await waitForDiagnostics(events, 'the other design\'s sum to go under', (ds) => withCode(ds, EXCEEDED).length === 0 && withCode(ds, 'estate-allocation-approaching').length === 1);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(events, 'the other design\'s sum to come back', (ds) => withCode(ds, EXCEEDED).length === 1);
    assert.equal(document.isDirty, false, 'undo restored the saved text');
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
