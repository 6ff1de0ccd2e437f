import type * as vscode from 'vscode';

/** The last segment of a URI's path: the file's name as the user sees it ("orders.integration.yaml"). */
export function fileNameOf(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
