// Where this suite runs: proved from inside, before anything else is tested.
import * as vscode from 'vscode';
import { activeApi, EXTENSION_ID } from '../suite/helpers';
import { deepEqual, equal, ok } from './assert';

describe('The web worker extension host', () => {
  it('runs this suite in a Web Worker without Node: no process, require or Buffer', () => {
    const g = globalThis as Record<string, unknown>;
    deepEqual(['process', 'Buffer', 'document'].map((name) => typeof g[name]), ['undefined', 'undefined', 'undefined']);
    equal(typeof g.WorkerGlobalScope, 'function', 'a worker global scope');
  });

  it('is VS Code in a browser (UIKind.Web), and the extension runs here as a web extension', async () => {
    equal(vscode.env.uiKind, vscode.UIKind.Web, 'vscode.env.uiKind');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    ok(extension, `${EXTENSION_ID} is installed`);
    // In the web worker host the extension counts as a UI extension (it runs where the browser is).
    equal(extension.extensionKind, vscode.ExtensionKind.UI, 'extensionKind');
    const api = await activeApi();
    equal(api.platform, 'web', 'the extension activated its web build (package.json "browser")');
    equal(api.serverProcessId(), undefined, 'the language server is no process');
  });
});
