// The decision walkthrough in real VS Code: the command opens the webview beside the design,
// the page renders under its CSP, edits and answers both update it, and Apply writes one edit
// that a single undo takes back.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WalkthroughHandle } from '../../../client/src/webview/register';
import type { RenderedInfo } from '../../../client/src/webview/panel';
import { activeApi, replaceText, waitFor, workspaceFile } from './helpers';

const COMMAND = 'integrationDesigner.openDecisionWalkthrough';
const VIEW_TYPE = 'integrationDesigner.decisionWalkthrough';

const DESIGN = `# The walkthrough test's design
version: 1
name: Walkthrough <b>test</b> <img src=x onerror=alert(1)>
environment: production
requirements:
  heroku_needs_local_copy: true   # reporting joins
  volume:
    rows: 5_000
paths:
  rest_api:
    auth_flow: jwt-bearer
`;

const APPLIED = `# The walkthrough test's design
version: 1
name: Walkthrough <b>test</b> <img src=x onerror=alert(1)>
environment: production
requirements:
  heroku_needs_local_copy: true   # reporting joins
  acceptable_lag: 30s
  volume:
    rows: 2_000_000
  regulated_data: true
paths:
  heroku_connect:
    plan: shield
  rest_api:
    auth_flow: jwt-bearer
`;

function within<T>(promise: Promise<T>, what: string, ms = 20_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

function walkthroughTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE));
}

describe('Decision walkthrough webview', () => {
  let uri: vscode.Uri;
  let document: vscode.TextDocument;
  let handle: WalkthroughHandle;

  before(async () => {
    uri = workspaceFile('walkthrough/walkthrough.integration.yaml');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(DESIGN, 'utf8'));
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
    assert.equal(document.languageId, 'integration-yaml');
  });

  after(async () => {
    handle?.panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens beside the design from the command, keeping the focus in the editor', async () => {
    const api = await activeApi();
    await vscode.commands.executeCommand(COMMAND);
    handle = await waitFor('the walkthrough panel', () => api.walkthrough.panelFor(uri), vscode.window.tabGroups.onDidChangeTabs);
    assert.equal(handle.panel.viewType, VIEW_TYPE);
    await within(handle.whenRendered((r) => r.recommendation !== ''), 'the first render');
    const panel = handle.panel;
    await waitFor('the panel to be placed beside the editor', () => panel.viewColumn === vscode.ViewColumn.Two, panel.onDidChangeViewState);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'the editor keeps the focus');
    assert.equal(handle.panel.title, 'Decision: Walkthrough <b>test</b> <img src=x onerror=alert(1)>');

    await vscode.commands.executeCommand(COMMAND, uri);
    assert.equal(api.walkthrough.panelFor(uri)?.panel, handle.panel, 'running it again reveals the same panel');
    assert.equal(walkthroughTabs().length, 1, 'one panel per document');
  });

  it('renders the design in the webview under a strict CSP, names as text', async () => {
    const rendered: RenderedInfo = await within(handle.whenRendered((r) => r.recommendation.length > 0), 'a render');
    assert.equal(rendered.title, 'Decision: Walkthrough <b>test</b> <img src=x onerror=alert(1)>');
    assert.equal(rendered.recommendation, 'Recommended: Heroku Connect (enterprise plan).');
    assert.equal(rendered.styled, true, 'the stylesheet loaded through asWebviewUri under the CSP');

    const html = handle.panel.webview.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    // cspSource is the webview's own resource origin(s), e.g. "'self' https://*.vscode-cdn.net".
    const sources = handle.panel.webview.cspSource.split(/\s+/);
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(Object.keys(directives).sort(), ['default-src', 'font-src', 'img-src', 'script-src', 'style-src']);
    assert.deepEqual(directives['default-src'], ["'none'"]);
    assert.equal(directives['script-src'].length, 1);
    assert.match(directives['script-src'][0], /^'nonce-[A-Za-z0-9+/=]{16,}'$/);
    for (const name of ['style-src', 'img-src', 'font-src']) assert.deepEqual(directives[name], sources, `${name} is only the webview's own source`);
    const others = Object.values(directives).flat().filter((value) => !sources.includes(value));
    assert.ok(!others.some((value) => /unsafe-inline|unsafe-eval|\*|data:|https?:/.test(value)), `no inline, eval or remote sources: ${csp}`);
    assert.ok(!html.includes('Walkthrough'), 'the HTML shell carries no document data');
    const state = handle.state()!;
    assert.equal(state.recommendation?.rowId, 'local-postgres-copy');
    // The design at a glance: the diagram drawn inline (its name says what it shows), one gauge per measured limit.
    assert.equal(rendered.diagram, state.diagram.summary);
    assert.match(rendered.diagram, /^Architecture of Walkthrough <b>test<\/b> <img src=x onerror=alert\(1\)>: the Salesforce org and 1 Heroku part in 1 region group, joined by 1 path;/);
    assert.equal(rendered.gauges, state.gauges.length);
    assert.deepEqual(state.conflict?.chosen, ['rest_api']);
  });

  it('shows the chosen path in the editor on request, and ignores malformed messages', async () => {
    assert.equal(await handle.receive({ type: 'revealPath', path: 'rest_api' }), true);
    const editor = await waitFor('the editor to select paths.rest_api', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === uri.toString() && e.document.getText(e.selection).startsWith('rest_api:') ? e : undefined;
    }, vscode.window.onDidChangeTextEditorSelection);
    assert.equal(editor.document.getText(editor.selection), 'rest_api:\n    auth_flow: jwt-bearer');
    const text = document.getText();
    for (const bad of [{ type: 'apply', addPaths: ['../x'] }, { type: 'answer', key: 'constructor', value: true }, { type: 'openSource', factId: 'https://evil.example' }]) {
      assert.equal(await handle.receive(bad), false, JSON.stringify(bad));
    }
    assert.equal(document.getText(), text);
  });

  it('follows edits made in the editor', async () => {
    await replaceText(document, 'rows: 5_000', 'rows: 2_000_000');
    const rendered = await within(handle.whenRendered((r) => r.recommendation.includes('Enterprise / Shield')), 'the recommendation to follow the edit');
    assert.equal(rendered.recommendation, 'Recommended: Heroku Connect Enterprise / Shield (enterprise plan).');
    assert.equal(handle.state()?.recommendation?.rowId, 'production-scale-connect');
  });

  it('recomputes on answers, and Apply writes one edit that one undo takes back', async () => {
    const before = document.getText();
    const state = await handle.answer({ acceptableLag: '30s', regulatedData: true });
    assert.equal(state?.recommendation?.planTier, 'shield');
    await within(handle.whenRendered((r) => r.recommendation.includes('(shield plan)')), 'the panel to show the shield plan');
    assert.equal(document.getText(), before, 'answering alone does not touch the file');

    assert.equal(await handle.apply(), true);
    assert.equal(document.getText(), APPLIED);
    assert.equal(document.isDirty, true, 'Apply leaves saving to the user');
    const after = handle.state();
    assert.ok(after && after.groups.every((g) => g.questions.every((q) => !q.pending)), 'nothing is pending after Apply');
    assert.equal(after?.conflict?.chosen, undefined, 'the recommended path is now in the design');

    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before, 'a single undo restores the document exactly');
  });

  it('keeps the answers across a server crash: an answer given meanwhile is computed by the restarted server', async () => {
    const api = await activeApi();
    const oldPid = api.serverProcessId();
    assert.ok(oldPid, 'the server runs');
    // The undo above brought back the file without the answers.
    await within(handle.whenRendered((r) => r.recommendation.includes('(enterprise plan)')), 'the panel to follow the undo');
    process.kill(oldPid, 'SIGKILL');
    // The panel asks the server; the client restarts it and the request is answered by the new one.
    const state = await within(handle.answer({ regulatedData: true }), 'the answer to be computed after the restart');
    assert.equal(state?.recommendation?.planTier, 'shield');
    assert.ok(state?.groups.some((g) => g.questions.some((q) => q.key === 'regulatedData' && q.pending)), 'the answer is pending');
    const newPid = api.serverProcessId();
    assert.ok(newPid !== undefined && newPid !== oldPid, 'a new server answered');
    await within(handle.whenRendered((r) => r.recommendation.includes('(shield plan)')), 'the panel to show it');
  });

  it('closing the panel forgets it', async () => {
    const api = await activeApi();
    handle.panel.dispose();
    assert.equal(api.walkthrough.panelFor(uri), undefined);
    await waitFor('the panel\'s tab to close', () => walkthroughTabs().length === 0, vscode.window.tabGroups.onDidChangeTabs);
  });

  it('comes back after a window reload with the answers its page saved; duplicates and foreign state are not restored', async () => {
    const api = await activeApi();
    // After a reload VS Code creates the panel itself and gives the serializer what the page saved with setState.
    const create = () => vscode.window.createWebviewPanel(VIEW_TYPE, 'Restoring', { viewColumn: vscode.ViewColumn.Two, preserveFocus: true }, {});
    const disposed = (panel: vscode.WebviewPanel) => new Promise<void>((resolve) => panel.onDidDispose(() => resolve()));
    const panel = create();
    await api.walkthrough.restore(panel, { documentUri: uri.toString(), answers: { regulatedData: true } });
    const restored = api.walkthrough.panelFor(uri);
    assert.equal(restored?.panel, panel, 'the restored panel serves the document');
    await within(restored.whenRendered((r) => r.recommendation === 'Recommended: Heroku Connect Enterprise / Shield (shield plan).'), 'the restored panel to render its saved answer');
    assert.ok(restored.state()?.groups.some((g) => g.questions.some((q) => q.key === 'regulatedData' && q.pending)), 'the saved answer is pending again');

    for (const saved of [{ documentUri: uri.toString(), answers: {} }, { documentUri: 42 }, undefined]) {
      const extra = create();
      const gone = disposed(extra);
      await api.walkthrough.restore(extra, saved);
      await within(gone, `the panel restored from ${JSON.stringify(saved)} to be closed`);
    }
    assert.equal(api.walkthrough.panelFor(uri)?.panel, panel, 'still one panel for the document');
    panel.dispose();
  });
});
