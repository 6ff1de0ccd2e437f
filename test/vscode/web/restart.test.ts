// Restart Language Server on the web: a new worker, which validates again.
import * as vscode from 'vscode';
import { activeApi, openFixture, replaceText, waitFor, waitForFinding } from '../suite/helpers';

describe('Restarting the language server on the web', () => {
  it('starts a new worker that validates again', async () => {
    const document = await openFixture('restart.integration.yaml');
    await waitForFinding(document.uri, 'connect-demo-row-limit');
    const api = await activeApi();
    const states: string[] = [];
    const listening = api.onDidChangeServerState((state) => states.push(state));
    try {
      await vscode.commands.executeCommand('integrationDesigner.restartServer');
      await waitFor('the server to stop and run again', () => states.includes('stopped') && states.at(-1) === 'running', api.onDidChangeServerState);
    } finally {
      listening.dispose();
    }
    // A finding only a validation after the restart can produce.
    await replaceText(document, 'summary:', 'summery:');
    await waitForFinding(document.uri, 'unknown-key');
  });
});
