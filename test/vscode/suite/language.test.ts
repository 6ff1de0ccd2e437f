import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../../server/src/protocol';
import { activeApi, EXTENSION_ID, LANGUAGE_ID, openFixture, waitFor, waitForFinding } from './helpers';

/** Red Hat YAML's client documentSelector (redhat-developer/vscode-yaml, src/extension.ts). */
const RED_HAT_YAML_SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { language: 'dockercompose' },
  { language: 'github-actions-workflow' },
  { pattern: '*.y(a)ml' },
];

async function untitledDesign(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content });
  return vscode.window.showTextDocument(document, { preview: false });
}

describe('The integration-yaml language', () => {
  it('claims integration.yaml, *.integration.yaml and the org files *.salesforce-org.yaml, and leaves other YAML alone', async () => {
    assert.equal((await openFixture('integration.yaml', false)).languageId, LANGUAGE_ID);
    assert.equal((await openFixture('quickfix.integration.yaml', false)).languageId, LANGUAGE_ID);
    assert.equal((await openFixture('estate/acme.salesforce-org.yaml', false)).languageId, LANGUAGE_ID);
    assert.equal((await openFixture('notes.yaml', false)).languageId, 'yaml');
  });

  it('is not selected by Red Hat YAML\'s client, so problems are not reported twice', async () => {
    const design = await openFixture('integration.yaml', false);
    const notes = await openFixture('notes.yaml', false);
    assert.ok(vscode.languages.match(RED_HAT_YAML_SELECTOR, notes) > 0, 'the selector selects an ordinary YAML file');
    assert.equal(vscode.languages.match(RED_HAT_YAML_SELECTOR, design), 0);
  });

  it('contributes the format\'s JSON Schemas for Red Hat YAML users (yamlValidation): designs and org files', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const contributions = extension.packageJSON.contributes.yamlValidation as { fileMatch: string[]; url: string }[];
    assert.deepEqual(contributions.map((c) => [c.fileMatch, c.url]), [
      [['integration.yaml', '*.integration.yaml'], './server/schema/integration.schema.json'],
      [['salesforce-org.yaml', '*.salesforce-org.yaml'], './server/schema/salesforce-org.schema.json'],
    ]);
    for (const { url } of contributions) {
      const schema = JSON.parse(fs.readFileSync(path.join(extension.extensionPath, url), 'utf8'));
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    }
  });

  it('activates on the language and starts the language server', async () => {
    await openFixture('integration.yaml', false);
    const api = await activeApi();
    const pid = await waitFor('the language server process', () => api.serverProcessId(), api.onDidChangeServerState);
    assert.ok(pid > 0);
    // Started as the benchmark measures it (launchProfile.ts); /proc shows what the process really got.
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    const environment = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    for (const flag of SERVER_NODE_FLAGS) assert.ok(argv.indexOf(flag) > 0 && argv.indexOf(flag) < argv.findIndex((a) => a.endsWith('/dist/server/desktop.js')), `${flag} before the server script in ${argv.join(' ')}`);
    for (const [name, value] of Object.entries(SERVER_ENV)) assert.ok(environment.includes(`${name}=${value}`), `${name}=${value} in the server's environment`);
  });

  it('validates untitled designs too', async () => {
    const editor = await untitledDesign('version: 1\nname: Untitled\npaths: {}\nplann: demo\n');
    await waitForFinding(editor.document.uri, 'unknown-key');
  });

  it('offers the design skeleton snippet in an empty design', async () => {
    const editor = await untitledDesign('');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 0));
    const skeleton = list.items.find((item) => item.kind === vscode.CompletionItemKind.Snippet && (typeof item.label === 'string' ? item.label : item.label.label) === 'integration');
    assert.ok(skeleton, `an "integration" snippet among ${list.items.length} items`);
  });

  it('toggles line comments with #', async () => {
    const editor = await untitledDesign('version: 1\n');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(editor.document.lineAt(0).text, '# version: 1');
  });

  it('indents after a key that opens a block when Enter is pressed', async () => {
    const editor = await untitledDesign('paths:\n  heroku_connect:');
    const end = editor.document.lineAt(1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: '\n' });
    assert.equal(editor.document.lineAt(2).text, '    ');
  });
});
