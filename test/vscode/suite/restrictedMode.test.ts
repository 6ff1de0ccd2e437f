// Restricted Mode (an untrusted workspace): the harness runs VS Code with workspace trust off, so
// the extension's trust is simulated through its test API. The extension keeps validating, the
// language status item says what is limited, and the Generate commands write nothing and say why.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ArtifactRunResult } from '../../../client/src/artifacts/register';
import { activeApi, waitFor, waitForFinding, workspaceFile } from './helpers';

const DESIGN = `version: 1
name: Restricted
summery: a typo the server still reports in Restricted Mode
environment: production
paths:
  rest_api:
    auth_flow: jwt-bearer
`;

describe('Restricted Mode (untrusted workspace)', () => {
  afterEach(async () => {
    (await activeApi()).trust.simulate(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('keeps validating, says what is limited, and the Generate commands write nothing', async () => {
    const api = await activeApi();
    const folder = workspaceFile('restricted').fsPath;
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const design = join(folder, 'restricted.integration.yaml');
    writeFileSync(design, DESIGN);
    const document = await vscode.workspace.openTextDocument(design);
    await vscode.window.showTextDocument(document, { preview: false });

    api.trust.simulate(false);
    assert.equal((await waitForFinding(document.uri, 'unknown-key')).range.start.line, 2, 'validation still runs');
    const status = await waitFor('the status item to mention Restricted Mode', () => {
      const s = api.languageStatus();
      return s.detail?.includes('Restricted Mode') ? s : undefined;
    }, api.onDidChangeLanguageStatus);
    assert.match(status.detail ?? '', /Restricted Mode: validation, hovers, quick fixes and the decision walkthrough work; generating artifacts needs a trusted workspace\./);

    for (const command of ['integrationDesigner.generateRunbook', 'integrationDesigner.generateAllArtifacts']) {
      const result = await vscode.commands.executeCommand<ArtifactRunResult>(command, document.uri);
      assert.match(result?.error ?? '', /writes files into the workspace, which needs a trusted workspace/, command);
      assert.deepEqual(result?.written, []);
    }
    assert.deepEqual(readdirSync(folder), ['restricted.integration.yaml'], 'nothing was written');

    api.trust.simulate(undefined);
    await waitFor('the Restricted Mode note to go', () => !api.languageStatus().detail?.includes('Restricted Mode'), api.onDidChangeLanguageStatus);
    const trusted = await vscode.commands.executeCommand<ArtifactRunResult>('integrationDesigner.generateRunbook', document.uri);
    assert.equal(trusted?.error, undefined);
    assert.ok(existsSync(join(folder, 'restricted.integration.runbook.md')), 'once trusted, the command writes');
  });
});
