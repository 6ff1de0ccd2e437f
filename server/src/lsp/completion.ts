import type { CompletionItem, CompletionList, CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat, InsertTextMode, MarkupKind } from './lspLibrary';
import { completionsAt, type CandidateKind } from '../core/editing/completion';
import { schemaFor } from '../core/schema/schema';
import { analysisOf, type ServerContext } from './context';
import { toOffset, toRange } from './convert';

const KINDS: Record<CandidateKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  section: CompletionItemKind.Module,
  value: CompletionItemKind.EnumMember,
};

/**
 * Completion reads the text of the version's analysis by indentation (see core/editing/cursor):
 * half-typed YAML is the normal case here, and the parsed tree would mislead.
 */
export async function provideCompletion(context: ServerContext, params: CompletionParams): Promise<CompletionList | null> {
  const current = await analysisOf(context, params.textDocument.uri);
  if (!current) return null;
  const { model, kind } = current.entry.analysis;
  const offset = toOffset(model.lines, params.position);
  const { support } = context;
  // A typed space only opens the list for values (`plan: `, `- `, `[a, `), not while indenting.
  const onSpace = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter && params.context.triggerCharacter === ' ';
  const candidates = completionsAt(model.text, offset, model.lines, schemaFor(kind)).filter((c) => !onSpace || c.kind === 'value');
  const items: CompletionItem[] = candidates.map((c) => {
    const snippet = c.isSnippet && support.snippets;
    const newText = snippet ? c.insertText : c.plainText;
    const range = toRange(model.lines, c.replace);
    return {
      label: c.label,
      kind: KINDS[c.kind],
      detail: c.detail,
      documentation: c.documentation ? { kind: support.completionMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: c.documentation } : undefined,
      sortText: c.sortText,
      filterText: c.filterText,
      preselect: c.preselect,
      textEdit: { range, newText },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      // Multi-line inserts carry their own indentation.
      insertTextMode: newText.includes('\n') && support.insertTextModeAsIs ? InsertTextMode.asIs : undefined,
    };
  });
  return { isIncomplete: false, items };
}

