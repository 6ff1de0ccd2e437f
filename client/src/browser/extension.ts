// The extension's client (package.json "browser": dist/client/web.js). On the web it runs in VS
// Code's web worker extension host (vscode.dev, github.dev) with the language server in a Web
// Worker and files through workspace.fs. Desktop VS Code loads this same bundle through
// client/src/extension.ts ("main"), which adds only how to start the server as a Node process.
import type * as vscode from 'vscode';
import { activateExtension, deactivateExtension } from '../activate';
import type { IntegrationDesignerApi } from '../api';
import { webPlatform } from './languageClient';

export function activate(context: vscode.ExtensionContext): Promise<IntegrationDesignerApi> {
  return activateExtension(context, webPlatform);
}

export function deactivate(): Promise<void> {
  return deactivateExtension();
}

// For the desktop entry point: the activation and the client's transport, without a second copy.
export { activateExtension, deactivateExtension };
export { clientOptions, DesignLanguageClient, portTransports } from '../languageClient';
