import type { Connection, InitializeResult } from 'vscode-languageserver';
import { CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, TextDocuments, TextDocumentSyncKind, WatchKind } from './lspLibrary';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version as packageVersion } from '../../../package.json';
import { AnalysisCache } from './analysisCache';
import { generateArtifacts, writeArtifactFiles } from './artifacts';
import { executeCommand, COMMANDS } from './commands';
import { provideCodeActions } from './codeActions';
import { provideCompletion } from './completion';
import { clientSupport, type ServerContext } from './context';
import { DesignTexts } from './designDocument';
import { DiagnosticsPublisher } from './diagnostics';
import { EstateIndex, WATCHED_PATTERNS } from './estateIndex';
import { provideHover } from './hover';
import { provideDocumentSymbols, provideFoldingRanges } from './outline';
import { configuredHost, type ServerHost } from './host';
import { knowledgeEntries, renderKnowledgeMarkdown } from '../core/knowledgeReport';
import {
  ARTIFACTS_GENERATE_REQUEST, KNOWLEDGE_BASE_REQUEST, type KnowledgeBaseResult, ARTIFACTS_WRITE_REQUEST, FIX_ALL_KIND, SETTINGS_SECTION, WALKTHROUGH_APPLY_EDITS_REQUEST, WALKTHROUGH_PATH_RANGE_REQUEST, WALKTHROUGH_STATE_REQUEST,
  type ArtifactsGenerateParams, type ArtifactsWriteParams, type IntegrationDesignerInitializationOptions,
  type WalkthroughApplyEditsParams, type WalkthroughPathRangeParams, type WalkthroughStateParams,
} from '../protocol';
import { guard, guardNotification } from './safe';
import { SettingsStore } from './settings';
import { walkthroughApplyEdits, walkthroughPathRange, walkthroughState } from './walkthrough';

export const SERVER_NAME = 'integration-lint-server';
export const SERVER_VERSION: string = packageVersion;

/**
 * Wires the LSP handlers to the core. Every handler is guarded; none holds state of its own.
 * The entry point (Node or browser) gives the connection and what the platform provides.
 */
export function startServer(connection: Connection, host: ServerHost): void {
  const documents = new TextDocuments(TextDocument);
  let context: ServerContext | undefined;
  // A design of an estate is analysed with its org's figures, as the workspace index settles them.
  const cache = new AnalysisCache((uri) => context?.estate.orgFiguresOf(uri));
  let publisher: DiagnosticsPublisher | undefined;
  let designs: DesignTexts | undefined;
  const ready = (): { context: ServerContext; publisher: DiagnosticsPublisher; designs: DesignTexts } => {
    if (!context || !publisher || !designs) throw new Error('The server has not been initialized.');
    return { context, publisher, designs };
  };

  let initialFolders: string[] = [];

  connection.onInitialize((params): InitializeResult => {
    const support = clientSupport(params.capabilities);
    const settings = new SettingsStore(connection, support.configuration, params.initializationOptions);
    const options = params.initializationOptions as IntegrationDesignerInitializationOptions | undefined;
    const configured = configuredHost(host, options);
    const files = configured.files(connection);
    const estate = new EstateIndex({ connection, documents, host: configured, files }, (uris) => publisher?.publishEstate(uris));
    context = {
      connection, documents, cache, settings, support, host: configured, files, estate,
      confirmOverwriteRequest: typeof options === 'object' && options !== null && options.confirmOverwriteRequest === true,
    };
    initialFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    publisher = new DiagnosticsPublisher(context);
    designs = new DesignTexts(context);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' '], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        executeCommandProvider: { commands: COMMANDS },
        documentSymbolProvider: { label: 'Integration design' },
        foldingRangeProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    const { context: ctx } = ready();
    if (ctx.support.configuration && ctx.support.dynamicConfigurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
        .catch((error: unknown) => connection.console.warn(`Could not register for configuration changes: ${String(error)}`));
    }
    if (ctx.support.watchedFilesRegistration) {
      // The designs and org files, and any deletion (a deleted folder is reported once, for the folder).
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...WATCHED_PATTERNS.map((globPattern) => ({ globPattern })), { globPattern: '**/*', kind: WatchKind.Delete }],
      }).catch((error: unknown) => connection.console.warn(`Could not watch the workspace's files: ${String(error)}`));
    }
    if (ctx.support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(guardNotification(connection, 'didChangeWorkspaceFolders', (event) => {
        ctx.estate.removeFolders(event.removed.map((f) => f.uri));
        void ctx.estate.addFolders(event.added.map((f) => f.uri));
      }));
    }
    void ctx.estate.addFolders(initialFolders);
    const indexing = initialFolders.length === 0 ? 'no workspace folder: open documents only'
      : !ctx.estate.canList ? 'this host cannot list folders: open documents only'
        : `indexing ${initialFolders.length} workspace folder${initialFolders.length === 1 ? '' : 's'}${ctx.support.watchedFilesRegistration ? '' : ' (the client cannot watch files: changes on disk are seen when files are opened)'}`;
    connection.console.info(`${SERVER_NAME} ${SERVER_VERSION} ready (settings ${ctx.support.configuration ? 'pulled per document' : 'from initializationOptions / didChangeConfiguration'}; estate: ${indexing}).`);
  });

  connection.onDidChangeWatchedFiles(guardNotification(connection, 'didChangeWatchedFiles', (params) => {
    const { context: ctx } = ready();
    for (const change of params.changes) {
      ctx.estate.fileEvent(change.uri, change.type === FileChangeType.Deleted ? 'deleted' : change.type === FileChangeType.Created ? 'created' : 'changed');
    }
  }));

  connection.onDidChangeConfiguration(guardNotification(connection, 'didChangeConfiguration', (params) => {
    const { context: ctx, publisher: pub } = ready();
    ctx.settings.invalidate(params.settings);
    pub.scheduleAll('settings');
  }));

  documents.onDidOpen(guardNotification(connection, 'didOpen', (e) => ready().publisher.schedule(e.document.uri, 'open')));
  documents.onDidChangeContent(guardNotification(connection, 'didChange', (e) => ready().publisher.schedule(e.document.uri, 'change')));
  documents.onDidSave(guardNotification(connection, 'didSave', (e) => ready().publisher.schedule(e.document.uri, 'save')));
  documents.onDidClose(guardNotification(connection, 'didClose', (e) => {
    const { context: ctx, publisher: pub } = ready();
    ctx.cache.delete(e.document.uri);
    ctx.settings.forget(e.document.uri);
    ctx.estate.documentClosed(e.document.uri);
    pub.close(e.document.uri);
  }));

  connection.onHover(guard(connection, 'hover', null, (params) => provideHover(ready().context, params)));
  connection.onCompletion(guard(connection, 'completion', null, (params) => provideCompletion(ready().context, params)));
  connection.onCodeAction(guard(connection, 'codeAction', [], (params) => provideCodeActions(ready().context, params)));
  connection.onExecuteCommand(guard(connection, 'executeCommand', null, (params) => executeCommand(ready().context, params)));
  connection.onDocumentSymbol(guard(connection, 'documentSymbol', null, (params) => provideDocumentSymbols(ready().context, params)));
  connection.onFoldingRanges(guard(connection, 'foldingRange', null, (params) => provideFoldingRanges(ready().context, params)));
  // The VS Code client's custom requests (protocol.ts): it computes nothing about a design itself.
  connection.onRequest(WALKTHROUGH_STATE_REQUEST, guard(connection, 'walkthrough/state', null, (params: WalkthroughStateParams) => walkthroughState(ready().designs, params, ready().context.estate)));
  connection.onRequest(WALKTHROUGH_APPLY_EDITS_REQUEST, guard(connection, 'walkthrough/applyEdits', null, (params: WalkthroughApplyEditsParams) => walkthroughApplyEdits(ready().designs, params)));
  connection.onRequest(WALKTHROUGH_PATH_RANGE_REQUEST, guard(connection, 'walkthrough/pathRange', null, (params: WalkthroughPathRangeParams) => walkthroughPathRange(ready().designs, params)));
  connection.onRequest(ARTIFACTS_GENERATE_REQUEST, guard(connection, 'artifacts/generate', null, (params: ArtifactsGenerateParams) => generateArtifacts(ready().designs, params, ready().context.estate)));
  connection.onRequest(KNOWLEDGE_BASE_REQUEST, guard(connection, 'knowledgeBase', null, (): KnowledgeBaseResult => ({ markdown: renderKnowledgeMarkdown(knowledgeEntries(), { ruleLinkBase: 'rules/' }) })));
  connection.onRequest(ARTIFACTS_WRITE_REQUEST, guard(connection, 'artifacts/write', null, (params: ArtifactsWriteParams) => writeArtifactFiles(ready().context, ready().designs, params)));
  connection.onShutdown(() => publisher?.stop());

  documents.listen(connection);
  connection.listen();
}
