// Code actions for a finding, applied the way VS Code applies them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { FIX_ALL_KIND, SHOW_RULE_DOCUMENTATION_COMMAND } from '../../../server/src/protocol';
import { openFixture, waitFor, waitForFinding, waitForNoFinding } from './helpers';

const RULE = 'connect-demo-row-limit';

async function actionsFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, kind?: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, kind?.value);
}

/** The action's edits in `uri`. */
const editsIn = (action: vscode.CodeAction, uri: vscode.Uri) => action.edit?.get(uri) ?? [];
const describe_ = (actions: vscode.CodeAction[]) => JSON.stringify(actions.map((a) => ({ title: a.title, kind: a.kind?.value, isPreferred: a.isPreferred, diagnostics: a.diagnostics?.map((d) => d.code), edit: a.edit?.entries().map(([u, es]) => [u.toString(), es.map((e) => e.newText)]), command: a.command })), null, 1);

async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('Code actions', () => {
  it('offer a preferred quick fix that removes the finding', async () => {
    const document = await openFixture('quickfix.integration.yaml');
    const diagnostic = await waitForFinding(document.uri, RULE);
    const actions = await actionsFor(document, diagnostic, vscode.CodeActionKind.QuickFix);
    const fix = actions.find((a) => a.isPreferred && editsIn(a, document.uri).some((e) => e.range.intersection(diagnostic.range)));
    assert.ok(fix, `a preferred fix among: ${describe_(actions)}`);
    await apply(fix);
    await waitForNoFinding(document.uri, RULE);
    assert.match(document.getText(), /^ {4}plan: enterprise$/m);
  });

  it('offer to disable the rule for the line, which suppresses the finding', async () => {
    const document = await openFixture('suppress.integration.yaml');
    const diagnostic = await waitForFinding(document.uri, RULE);
    const actions = await actionsFor(document, diagnostic, vscode.CodeActionKind.QuickFix);
    const disable = actions.find((a) => editsIn(a, document.uri).some((e) => e.newText.trim() === `# integration-lint-disable-next-line ${RULE}`));
    assert.ok(disable, `a disable-next-line action among: ${describe_(actions)}`);
    await apply(disable);
    await waitForNoFinding(document.uri, RULE);
  });

  it('offer the rule\'s documentation', async () => {
    const document = await openFixture('integration.yaml');
    const diagnostic = await waitForFinding(document.uri, RULE);
    const actions = await actionsFor(document, diagnostic);
    const docs = actions.find((a) => a.command?.command === SHOW_RULE_DOCUMENTATION_COMMAND && JSON.stringify(a.command.arguments ?? []).includes(RULE));
    assert.ok(docs, `a documentation action for ${RULE} among: ${describe_(actions)}`);
    const opened = waitFor(`docs/rules/${RULE}.md in an editor`, () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith(`/docs/rules/${RULE}.md`)), vscode.window.onDidChangeVisibleTextEditors);
    await apply(docs);
    const editor = await opened;
    assert.match(editor.document.getText(), new RegExp(RULE));
  });

  it('offer a fix-all source action that applies the fixes', async () => {
    const document = await openFixture('fixall.integration.yaml');
    await waitForFinding(document.uri, RULE);
    const kind = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(0, 0, document.lineCount, 0), kind.value);
    const fixAll = actions.find((a) => a.kind && kind.contains(a.kind));
    assert.ok(fixAll, `a ${kind.value} action among: ${describe_(actions)}`);
    await apply(fixAll);
    await waitForNoFinding(document.uri, RULE);
  });
});
