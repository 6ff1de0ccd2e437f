// The workbench as a person sees it, checked in Chromium by the driver (test/ui/checks.mjs)
// while the extension host is alive: typing, the squiggle, the Problems panel, the hover.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fact, formatFactValue } from '../../../server/src/core/knowledge/facts';
import { openFixture, rangeOf, waitFor, waitForDiagnostics, waitForFinding } from './helpers';
import { requestUiCheck, skipWithoutUiDriver } from './ui';

const RULE = 'connect-demo-row-limit';
/** The Problems panel's "Show Active File Only" toggle. */
const ACTIVE_FILE_ONLY = 'workbench.actions.workbench.panel.markers.view.toggleActiveFile';

describe('The workbench UI', function () {
  before(function () {
    // Only a driver that sees the page can run these; scripts/vscode-test.mjs always does.
    skipWithoutUiDriver(this);
  });

  it('shows a squiggle, a Problems entry and a hover after typing an over-cap plan', async () => {
    const document = await openFixture('typing.integration.yaml');
    await waitForDiagnostics(document.uri, 'the first validation', (ds) => ds.length > 0);
    const errorsBefore = vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errorsBefore.map((d) => d.message), [], 'the fixture starts without errors, so the squiggle below is the new one');

    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const enterprise = rangeOf(document, 'enterprise', 'plan: enterprise');
    editor.selection = new vscode.Selection(enterprise.start, enterprise.end);
    const typed = waitFor('the typed text in the document', () => document.getText().includes('plan: demo\n'), vscode.workspace.onDidChangeTextDocument);
    const selection = `Ln ${enterprise.end.line + 1}, Col ${enterprise.end.character + 1} (${enterprise.end.character - enterprise.start.character} selected)`;
    const typing = await requestUiCheck({ check: 'type', text: 'demo', selection, screenshot: '0-typed' });
    await typed.catch((error) => { throw new Error(`${error.message}; focus was ${JSON.stringify(typing.focused)}; text now: ${document.lineAt(enterprise.start.line).text}`); });
    const diagnostic = await waitForFinding(document.uri, RULE);
    assert.match(document.lineAt(diagnostic.range.start.line).text, /plan: demo$/, 'the keystrokes reached the document');

    await requestUiCheck({ check: 'squiggle', severity: 'error', screenshot: '1-squiggle' });
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // The other designs' problems (the estate fixtures' findings across designs) can fill the panel:
    // show the typed file's only, as a person would.
    await vscode.commands.executeCommand(ACTIVE_FILE_ONLY);
    try {
      const problem = await requestUiCheck({ check: 'problem', text: RULE, screenshot: '2-problems' });
      assert.match(String(problem.ariaLabel ?? problem.rowText), /demo plan/i);
    } finally {
      await vscode.commands.executeCommand(ACTIVE_FILE_ONLY);
    }
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.window.showTextDocument(document, { preview: false });
    const hover = await requestUiCheck({ check: 'hover', severity: 'error', text: formatFactValue(fact('connect-demo-max-rows')), screenshot: '3-hover' });
    assert.match(String(hover.hoverText), new RegExp(RULE));
  });

  it('shows the language status with the finding counts', async () => {
    const document = await openFixture('typing.integration.yaml');
    await waitForFinding(document.uri, RULE);
    await requestUiCheck({ check: 'languageStatus', text: 'error', screenshot: '4-language-status' });
  });
});
