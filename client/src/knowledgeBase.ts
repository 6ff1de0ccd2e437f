import * as vscode from 'vscode';
import type { DesignServer } from './designServer';
import { COMMANDS } from './ids';
import { KnowledgeBaseRequest } from './protocol';

/** Read-only documents: the knowledge base (rendered by the server) and the packaged rule pages it links. */
export const KNOWLEDGE_SCHEME = 'integration-designer-docs';
/** The knowledge base as the extension packages it (generated from the server's knowledge base). */
export const KNOWLEDGE_BASE_URI = vscode.Uri.from({ scheme: KNOWLEDGE_SCHEME, path: '/docs/knowledge.md' });

/**
 * *Show Knowledge Base*: the running server's knowledge base (what docs/knowledge.md holds) in a
 * Markdown preview (links to the sources open in the browser; Ctrl+F searches it), served
 * read-only through a content provider; the rule pages it links are the packaged ones, read
 * through vscode.workspace.fs, so it works in the browser too.
 */
export function registerKnowledgeBase(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, server: DesignServer): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      if (uri.path === KNOWLEDGE_BASE_URI.path) return (await server.request(KnowledgeBaseRequest, undefined, 'show the knowledge base')).markdown;
      // Only Markdown under docs/, resolved inside the extension: a crafted URI cannot read elsewhere.
      const parts = uri.path.split('/').filter(Boolean);
      if (parts[0] !== 'docs' || !parts[parts.length - 1]?.endsWith('.md') || parts.some((p) => p === '..' || p === '.')) return undefined;
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...parts));
      return new TextDecoder('utf-8').decode(bytes);
    },
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(KNOWLEDGE_SCHEME, provider),
    vscode.commands.registerCommand(COMMANDS.showKnowledgeBase, async () => {
      try {
        await vscode.commands.executeCommand('markdown.showPreview', KNOWLEDGE_BASE_URI);
      } catch (error) {
        // Without the built-in Markdown preview, the source is still read-only and searchable.
        output.warn(`The Markdown preview is not available (${error instanceof Error ? error.message : String(error)}); showing the knowledge base as text.`);
        const document = await vscode.workspace.openTextDocument(KNOWLEDGE_BASE_URI);
        await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(document, 'markdown'), { preview: true });
      }
    }),
  );
}
