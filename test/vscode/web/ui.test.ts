// The workbench as a person sees it on the web, checked in Chromium by the driver
// (test/ui/checks.mjs): the squiggle and the hover of a finding from the worker's server.
import * as vscode from 'vscode';
import { openFixture, waitForFinding } from '../suite/helpers';
import { requestUiCheck, skipWithoutUiDriver } from '../suite/ui';
import { match } from './assert';

const RULE = 'connect-demo-row-limit';

describe('The workbench UI on the web', function () {
  before(function () {
    skipWithoutUiDriver(this);
  });

  it('shows the finding as a squiggle, with the rule and its limit on hover (screenshots)', async () => {
    const document = await openFixture('integration.yaml');
    await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
    await waitForFinding(document.uri, RULE);
    await requestUiCheck({ check: 'squiggle', severity: 'error', screenshot: 'web-squiggle' });
    const hover = await requestUiCheck({ check: 'hover', severity: 'error', text: RULE, screenshot: 'web-hover' });
    match(String(hover.hoverText), new RegExp(RULE));
  });
});
