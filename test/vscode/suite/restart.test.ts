// If the language server process dies, the client starts a new one and findings come back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, openFixture, replaceText, waitFor, waitForFinding, waitForNoFinding } from './helpers';

describe('Server crash recovery', () => {
  it('restarts a killed server; the new one validates again', async () => {
    const document = await openFixture('restart.integration.yaml');
    await waitForFinding(document.uri, 'connect-demo-row-limit');
    const api = await activeApi();
    const oldPid = api.serverProcessId();
    assert.ok(oldPid, 'the server runs');

    process.kill(oldPid, 'SIGKILL');
    const newPid = await waitFor('a new language server process', () => {
      const pid = api.serverProcessId();
      return pid !== undefined && pid !== oldPid ? pid : undefined;
    }, api.onDidChangeServerState);
    assert.notEqual(newPid, oldPid);

    // A finding that only a validation after the restart can produce.
    await replaceText(document, 'summary:', 'summery:');
    await waitForFinding(document.uri, 'unknown-key');
    await waitForFinding(document.uri, 'connect-demo-row-limit');
  });

  it('restarts on request (Restart Language Server command)', async () => {
    const document = await openFixture('restart.integration.yaml');
    const api = await activeApi();
    const oldPid = api.serverProcessId();
    await vscode.commands.executeCommand('integrationDesigner.restartServer');
    await waitFor('a restarted language server', () => {
      const pid = api.serverProcessId();
      return pid !== undefined && pid !== oldPid ? pid : undefined;
    }, api.onDidChangeServerState);
    // Undo the earlier typo: only a live server can take the finding away.
    await replaceText(document, 'summery:', 'summary:');
    await waitForNoFinding(document.uri, 'unknown-key');
  });
});
