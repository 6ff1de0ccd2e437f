import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileStore } from '../core/files';
import type { Finding } from '../core/findings';
import type { AnalysisCache, CachedAnalysis } from './analysisCache';
import type { EstateIndex } from './estateIndex';
import { compareFindings } from '../core/findings';
import { applySeverities } from '../core/severities';
import type { ServerHost } from './host';
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
  /** The client can register file watchers at run time (workspace/didChangeWatchedFiles). */
  readonly watchedFilesRegistration: boolean;
  /** The client reports workspace folders and their changes. */
  readonly workspaceFolders: boolean;
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
    watchedFilesRegistration: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workspaceFolders: c.workspace?.workspaceFolders === true,
  };
}

/** Everything a handler needs; handlers stay thin converters around the core. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly cache: AnalysisCache;
  readonly settings: SettingsStore;
  readonly support: ClientSupport;
  readonly host: ServerHost;
  /** The files the artifact commands read and write (the host's). */
  readonly files: FileStore;
  /** The client answers integrationDesigner/artifacts/confirmOverwrite (initializationOptions). */
  readonly confirmOverwriteRequest: boolean;
  /** The workspace's designs and org files, for the rules that compare documents. */
  readonly estate: EstateIndex;
}

/** An open document's current analysis, and its findings (its own and its estate's) as the user's settings show them. */
export interface CurrentAnalysis {
  readonly document: TextDocument;
  readonly entry: CachedAnalysis;
  readonly findings: readonly Finding[];
}

/** The current analysis of an open document, or undefined when the document is not open. */
export async function analysisOf(context: ServerContext, uri: string): Promise<CurrentAnalysis | undefined> {
  const document = context.documents.get(uri);
  if (!document) return undefined;
  const settings = await context.settings.get(uri);
  // The document may have changed while the settings were read: analyse what is current.
  const current = context.documents.get(uri);
  if (!current) return undefined;
  const entry = context.cache.get(current);
  const own = context.cache.visibleFindings(entry, settings);
  const estate = context.estate.findingsOf(uri);
  const findings = estate.length === 0 ? own : [...own, ...applySeverities(estate, settings.severities)].sort(compareFindings);
  return { document: current, entry, findings };
}
