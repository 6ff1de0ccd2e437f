import type { Hover, HoverParams } from 'vscode-languageserver';
import { MarkupKind } from './lspLibrary';
import { hoverAt } from '../core/editing/hover';
import { analysisOf, type ServerContext } from './context';
import { toOffset, toRange } from './convert';

export async function provideHover(context: ServerContext, params: HoverParams): Promise<Hover | null> {
  const current = await analysisOf(context, params.textDocument.uri);
  if (!current) return null;
  const { analysis } = current.entry;
  const offset = toOffset(analysis.model.lines, params.position);
  const hover = hoverAt(analysis, offset, { ruleDocUrl: (id) => context.host.ruleDocUri(id), findings: current.findings });
  if (!hover) return null;
  return {
    contents: { kind: context.support.hoverMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: hover.markdown },
    range: toRange(analysis.model.lines, hover.range),
  };
}
