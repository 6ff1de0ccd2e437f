// Where the Generate commands are offered: the context key `integrationDesigner.artifactSchemes`
// lists the URI schemes of the designs open or in the workspace whose folder the language server
// can write to (the disk on the desktop; wherever VS Code can write on the web). The manifest's
// menus show the commands only for those (`resourceScheme in integrationDesigner.artifactSchemes`),
// so they are hidden where they could only fail (a read-only or virtual file system).
import * as vscode from 'vscode';

export const ARTIFACT_SCHEMES_CONTEXT = 'integrationDesigner.artifactSchemes';

export function trackArtifactSchemes(canWrite: (scheme: string) => boolean): vscode.Disposable & { current(): readonly string[] } {
  let schemes: string[] = [];
  const update = () => {
    const seen = new Set<string>(['file']);
    for (const folder of vscode.workspace.workspaceFolders ?? []) seen.add(folder.uri.scheme);
    for (const editor of vscode.window.visibleTextEditors) seen.add(editor.document.uri.scheme);
    const next = [...seen].filter((scheme) => canWrite(scheme)).sort();
    if (next.join() === schemes.join()) return;
    schemes = next;
    void vscode.commands.executeCommand('setContext', ARTIFACT_SCHEMES_CONTEXT, schemes);
  };
  update();
  const subscriptions = vscode.Disposable.from(
    vscode.window.onDidChangeVisibleTextEditors(update),
    vscode.workspace.onDidChangeWorkspaceFolders(update),
  );
  return { dispose: () => subscriptions.dispose(), current: () => schemes };
}
