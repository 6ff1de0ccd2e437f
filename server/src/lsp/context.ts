import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocPath } from '../core/rules/registry';
import type { AnalysisCache, CachedAnalysis } from './analysisCache';
import type { SettingsStore } from './settings';

/** What the client said it supports, read once at initialize. */
export interface ClientSupport {
  readonly relatedInformation: boolean;
  readonly configuration: boolean;
  readonly dynamicConfigurationRegistration: boolean;
  readonly snippets: boolean;
  readonly insertTextModeAsIs: boolean;
  readonly completionMarkdown: boolean;
  readonly hoverMarkdown: boolean;
  readonly hierarchicalSymbols: boolean;
  readonly documentChanges: boolean;
  readonly showDocument: boolean;
  readonly foldingRangeLimit: number | undefined;
}

export function clientSupport(c: ClientCapabilities): ClientSupport {
  const item = c.textDocument?.completion?.completionItem;
  return {
    relatedInformation: c.textDocument?.publishDiagnostics?.relatedInformation === true,
    configuration: c.workspace?.configuration === true,
    dynamicConfigurationRegistration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    snippets: item?.snippetSupport === true,
    insertTextModeAsIs: item?.insertTextModeSupport?.valueSet?.includes(1) === true,
    completionMarkdown: item?.documentationFormat?.includes('markdown') ?? false,
    hoverMarkdown: c.textDocument?.hover?.contentFormat?.includes('markdown') ?? true,
    hierarchicalSymbols: c.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    showDocument: c.window?.showDocument?.support === true,
    foldingRangeLimit: c.textDocument?.foldingRange?.rangeLimit,
  };
}

/** Everything a handler needs; handlers stay thin converters around the core. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: AnalysisCache;
  readonly settings: SettingsStore;
  readonly support: ClientSupport;
}

/** The package root: dist/server/main.js lives two folders below it. */
export const PACKAGE_ROOT = resolve(__dirname, '../..');

/** file: URL of a rule's documentation in the installed package. */
export function ruleDocUri(ruleId: string): string {
  return pathToFileURL(join(PACKAGE_ROOT, ruleDocPath(ruleId))).href;
}

/** The current analysis of an open document, or undefined when the document is not open. */
export async function analysisOf(context: ServerContext, uri: string): Promise<{ document: TextDocument; entry: CachedAnalysis } | undefined> {
  const document = context.documents.get(uri);
  if (!document) return undefined;
  const settings = await context.settings.get(uri);
  // The document may have changed while the settings were read: analyse what is current.
  const current = context.documents.get(uri);
  if (!current) return undefined;
  return { document: current, entry: context.cache.get(current, settings) };
}
