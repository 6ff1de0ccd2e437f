// The extension's entry point in desktop VS Code (package.json "main", dist/client/extension.js):
// the client is the web bundle (dist/client/web.js, client/src/browser/extension.ts; one copy in
// the .vsix), and this adds only what the desktop has: the language server as a Node process.
import type * as vscode from 'vscode';
import type { IntegrationDesignerApi } from './api';
import { activateExtension, deactivateExtension } from './browser/extension';
import { desktopPlatform } from './node/serverProcess';

export function activate(context: vscode.ExtensionContext): Promise<IntegrationDesignerApi> {
  return activateExtension(context, desktopPlatform(context));
}

export function deactivate(): Promise<void> {
  return deactivateExtension();
}
