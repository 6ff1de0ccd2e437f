/**
 * The server's one runtime import of the LSP library (its platform-neutral part: the entry
 * points bring `createConnection` for Node or the browser). The package is CommonJS: esbuild gives
 * every module that imports it its own wrapper with a getter for each of its 320 exports, so
 * importing it from each file cost memory and start-up time. Type-only imports can still
 * name the package directly: they vanish from the bundle.
 */
export {
  CodeActionKind,
  CompletionItemKind,
  CompletionTriggerKind,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FileChangeType,
  FoldingRangeKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  WatchKind,
} from 'vscode-languageserver';
