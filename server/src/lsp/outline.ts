import type { DocumentSymbol, DocumentSymbolParams, FoldingRange, FoldingRangeParams, SymbolInformation } from 'vscode-languageserver';
import { FoldingRangeKind, SymbolKind } from './lspLibrary';
import { foldingRanges } from '../core/editing/folding';
import { documentOutline, type OutlineKind, type OutlineSymbol } from '../core/editing/outline';
import type { LineIndex } from '../core/text';
import { analysisOf, type ServerContext } from './context';
import { toRange } from './convert';

const KINDS: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.Module,
  path: SymbolKind.Package,
  user: SymbolKind.Object,
  mapping: SymbolKind.Struct,
  list: SymbolKind.Array,
  property: SymbolKind.Property,
};

export async function provideDocumentSymbols(context: ServerContext, params: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[] | null> {
  const current = await analysisOf(context, params.textDocument.uri);
  if (!current) return null;
  const { model } = current.entry.analysis;
  const outline = documentOutline(model);
  if (context.support.hierarchicalSymbols) return outline.map((s) => toDocumentSymbol(s, model.lines));
  const flat: SymbolInformation[] = [];
  const walk = (symbols: readonly OutlineSymbol[], container?: string) => {
    for (const s of symbols) {
      flat.push({ name: s.name, kind: KINDS[s.kind], location: { uri: params.textDocument.uri, range: toRange(model.lines, s.range) }, containerName: container });
      walk(s.children, s.name);
    }
  };
  walk(outline);
  return flat;
}

function toDocumentSymbol(s: OutlineSymbol, lines: LineIndex): DocumentSymbol {
  return {
    name: s.name,
    detail: s.detail,
    kind: KINDS[s.kind],
    range: toRange(lines, s.range),
    selectionRange: toRange(lines, s.selection),
    children: s.children.map((c) => toDocumentSymbol(c, lines)),
  };
}

export async function provideFoldingRanges(context: ServerContext, params: FoldingRangeParams): Promise<FoldingRange[] | null> {
  const current = await analysisOf(context, params.textDocument.uri);
  if (!current) return null;
  const ranges = foldingRanges(current.entry.analysis.model).map((r): FoldingRange => ({
    startLine: r.startLine, endLine: r.endLine, kind: r.kind === 'comment' ? FoldingRangeKind.Comment : undefined,
  }));
  const limit = context.support.foldingRangeLimit;
  return limit !== undefined ? ranges.slice(0, limit) : ranges;
}
