/**
 * The server's one runtime import of the LSP library. The package is CommonJS: esbuild gives
 * every module that imports it its own wrapper with a getter for each of its 320 exports, so
 * importing it from each file cost memory and start-up time. Type-only imports can still
 * name the package directly: they vanish from the bundle.
 */
export {
  CodeActionKind,
  CompletionItemKind,
  CompletionTriggerKind,
  createConnection,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  ErrorCodes,
  FoldingRangeKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  ProposedFeatures,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
