// Show Knowledge Base: the packaged docs/knowledge.md, read-only, in a Markdown preview.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fact } from '../../../server/src/core/knowledge/facts';
import { waitFor } from './helpers';

const SCHEME = 'integration-designer-docs';

describe('Show Knowledge Base', () => {
  it('opens the knowledge base read-only in a Markdown preview, each source a link and each fact with its checked date', async () => {
    await vscode.commands.executeCommand('integrationDesigner.showKnowledgeBase');
    const document = await waitFor('the knowledge base document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === SCHEME && d.uri.path === '/docs/knowledge.md'), vscode.workspace.onDidOpenTextDocument);
    const text = document.getText();
    assert.match(text, /^# Knowledge base/);
    const demoRows = fact('connect-demo-max-rows');
    assert.ok(text.includes(`## [${demoRows.sourceRef.title}](${demoRows.sourceRef.url})`), 'the source is a link');
    assert.ok(text.includes(`(\`connect-demo-max-rows\`) | 10,000 rows |`) && text.includes(`| ${demoRows.checked} |`), 'the fact with its checked date');
    await waitFor('the Markdown preview of the knowledge base', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /knowledge\.md/i.test(t.label)), vscode.window.tabGroups.onDidChangeTabs);
    // Its source, shown as text, is read-only: typing into it changes nothing.
    const editor = await vscode.window.showTextDocument(document, { preview: true });
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('type', { text: 'edited ' });
    assert.equal(document.getText(), text, 'typing does not edit the knowledge base');
    assert.equal(document.isDirty, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
