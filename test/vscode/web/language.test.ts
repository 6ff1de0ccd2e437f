// The language features on the web: the language server runs in a Web Worker started by the
// extension, and VS Code's own providers reach it.
import * as vscode from 'vscode';
import { FIX_ALL_KIND, SHOW_RULE_DOCUMENTATION_COMMAND } from '../../../server/src/protocol';
import { activeApi, hoverText, openFixture, positionOf, rangeOf, replaceText, waitFor, waitForDiagnostics, waitForFinding, waitForNoFinding, withCode } from '../suite/helpers';
import { equal, match, ok } from './assert';

const RULE = 'connect-demo-row-limit';

/** The document's diagnostics counted by severity, worded as the status item words them: "1 error, 2 warnings". */
function countsWording(diagnostics: readonly vscode.Diagnostic[]): string {
  const words: [vscode.DiagnosticSeverity, string, string][] = [
    [vscode.DiagnosticSeverity.Error, 'error', 'errors'],
    [vscode.DiagnosticSeverity.Warning, 'warning', 'warnings'],
    [vscode.DiagnosticSeverity.Information, 'info', 'infos'],
    [vscode.DiagnosticSeverity.Hint, 'hint', 'hints'],
  ];
  const parts = words.map(([severity, one, many]) => {
    const count = diagnostics.filter((d) => d.severity === severity).length;
    return count === 0 ? '' : `${count} ${count === 1 ? one : many}`;
  }).filter(Boolean);
  return parts.length ? parts.join(', ') : 'No findings';
}

const actionsFor = (uri: vscode.Uri, range: vscode.Range, kind?: string) =>
  vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind);

describe('Language features on the web', () => {
  const settings = () => vscode.workspace.getConfiguration('integrationDesigner');
  after(async () => {
    await settings().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('validates designs of the workspace (a vscode-remote: file system here) as you type', async () => {
    const document = await openFixture('typing.integration.yaml');
    equal(document.uri.scheme, 'vscode-remote', 'the workspace is on VS Code\'s server');
    await waitForDiagnostics(document.uri, 'the first validation', (ds) => ds.length > 0);
    equal(withCode(vscode.languages.getDiagnostics(document.uri), RULE).length, 0, 'no row-limit finding yet');
    await replaceText(document, 'plan: enterprise', 'plan: demo');
    const finding = await waitForFinding(document.uri, RULE);
    equal(finding.source, 'integration-lint');
    // The rule's page ships in the extension: the link points into it.
    const target = typeof finding.code === 'object' ? finding.code.target.toString() : '';
    match(target, new RegExp(`/docs/rules/${RULE}\\.md$`));
  });

  it('explains on hover, completes keys, outlines and folds', async () => {
    const document = await openFixture('quickfix.integration.yaml');
    await waitForFinding(document.uri, RULE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, rangeOf(document, 'demo', 'plan: demo').start);
    match(hoverText(hovers), new RegExp(RULE), 'the hover of the flagged plan');
    const completion = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, positionOf(document, 'paths:'));
    ok(completion.items.length > 0, 'completion items');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri);
    ok(symbols.some((s) => s.name === 'paths'), `outline: ${symbols.map((s) => s.name).join(', ')}`);
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', document.uri);
    ok(folds.length > 0, 'folding ranges');
  });

  it('applies the preferred quick fix, which removes the finding', async () => {
    const document = await openFixture('quickfix.integration.yaml');
    const diagnostic = await waitForFinding(document.uri, RULE);
    const actions = await actionsFor(document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred);
    ok(fix?.edit, `a preferred fix among ${actions.map((a) => a.title).join(', ')}`);
    ok(await vscode.workspace.applyEdit(fix.edit), 'the fix applied');
    await waitForNoFinding(document.uri, RULE);
    match(document.getText(), /^ {4}plan: enterprise$/m);
  });

  it('disables a rule for a line, fixes all, and opens a rule\'s documentation from the extension', async () => {
    const suppress = await openFixture('suppress.integration.yaml');
    const diagnostic = await waitForFinding(suppress.uri, RULE);
    const actions = await actionsFor(suppress.uri, diagnostic.range);
    const disable = actions.find((a) => a.title === `Disable ${RULE} for this line`);
    ok(disable?.edit, 'a disable-line action');
    ok(await vscode.workspace.applyEdit(disable.edit), 'disabled');
    await waitForNoFinding(suppress.uri, RULE);

    const fixall = await openFixture('fixall.integration.yaml');
    await waitForFinding(fixall.uri, RULE);
    const [all] = await actionsFor(fixall.uri, new vscode.Range(0, 0, fixall.lineCount, 0), vscode.CodeActionKind.Empty.append(FIX_ALL_KIND).value);
    ok(all?.edit, 'a fix-all action');
    ok(await vscode.workspace.applyEdit(all.edit), 'fixed all');
    await waitForNoFinding(fixall.uri, RULE);

    const docs = actions.find((a) => a.command?.command === SHOW_RULE_DOCUMENTATION_COMMAND && a.command.arguments?.[0] === RULE);
    ok(docs?.command, 'a documentation action');
    const opened = waitFor(`docs/rules/${RULE}.md in an editor`, () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith(`/docs/rules/${RULE}.md`)), vscode.window.onDidChangeVisibleTextEditors);
    await vscode.commands.executeCommand(docs.command.command, ...(docs.command.arguments ?? []));
    match((await opened).document.getText(), new RegExp(RULE));
  });

  it('follows the settings and shows the counts in the language status item', async () => {
    const document = await openFixture('settings.integration.yaml');
    await waitForFinding(document.uri, RULE);
    await settings().update('rules', { [RULE]: 'warning' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, `${RULE} as a warning`, (ds) => withCode(ds, RULE).some((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    await settings().update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Workspace);
    const diagnostics = await waitForNoFinding(document.uri, RULE);
    const api = await activeApi();
    await vscode.window.showTextDocument(document);
    const expected = countsWording(diagnostics);
    const status = await waitFor(`the status item to show "${expected}"`, () => {
      const s = api.languageStatus();
      return s.text.includes(expected) ? s : undefined;
    }, api.onDidChangeLanguageStatus);
    match(status.detail ?? '', /Validated in \d+ ms/);
  });
});
