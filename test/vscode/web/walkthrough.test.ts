// The decision walkthrough on the web: the panel renders (the webview's page in the browser), and
// Apply writes the answers into the design as one edit.
import * as vscode from 'vscode';
import { activeApi, waitFor, workspaceFile } from '../suite/helpers';
import { NO_UI_DRIVER, requestUiCheck, uiChecksAvailable } from '../suite/ui';
import { equal, match, ok } from './assert';

const DESIGN = `version: 1
name: Web walkthrough
environment: production
requirements:
  heroku_needs_local_copy: true
  volume:
    rows: 2_000_000
paths:
  rest_api:
    auth_flow: jwt-bearer
`;

describe('The decision walkthrough on the web', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens beside the design, renders, and Apply writes the answers and the recommended path', async () => {
    const uri = workspaceFile('walkthrough-web/walkthrough.integration.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(DESIGN));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const api = await activeApi();
    await vscode.commands.executeCommand('integrationDesigner.openDecisionWalkthrough');
    const handle = await waitFor('the walkthrough panel', () => api.walkthrough.panelFor(uri), vscode.window.tabGroups.onDidChangeTabs);
    const rendered = await handle.whenRendered((r) => r.recommendation.length > 0);
    equal(rendered.title, 'Decision: Web walkthrough');
    match(rendered.recommendation, /^Recommended: Heroku Connect .*\(enterprise plan\)\.$/);
    ok(rendered.styled, 'the stylesheet applies under the webview\'s CSP');
    if (uiChecksAvailable) await requestUiCheck({ check: 'webview', text: 'Recommended: Heroku Connect', screenshot: 'web-walkthrough' });
    else console.log(`the panel's screenshot check is left out: ${NO_UI_DRIVER}`);

    const state = await handle.answer({ acceptableLag: '30s', regulatedData: true });
    equal(state?.recommendation?.planTier, 'shield');
    await handle.whenRendered((r) => r.recommendation.includes('(shield plan)'));
    ok(await handle.apply(), 'Apply wrote');
    const text = document.getText();
    match(text, /\n {2}acceptable_lag: 30s\n/);
    match(text, /\n {2}regulated_data: true\n/);
    match(text, /\n {2}heroku_connect:\n {4}plan: shield\n/);
    ok(document.isDirty, 'written into the editor, not saved');
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('undo');
    await waitFor('one undo to take Apply back', () => document.getText() === DESIGN, vscode.workspace.onDidChangeTextDocument);
  });
});
