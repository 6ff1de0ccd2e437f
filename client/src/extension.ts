// Entry point of the VS Code extension: starts the language client and wires the status item,
// the commands and the decision walkthrough. All design knowledge lives in the server.
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import type { IntegrationDesignerApi, ServerState } from './api';
import { registerCommands } from './commands';
import { CLIENT_NAME } from './ids';
import { DesignServer } from './designServer';
import { createLanguageClient } from './languageClient';
import { ValidationStatusNotification } from './protocol';
import { LanguageStatus } from './status';
import { WorkspaceTrust } from './trust';
import { registerDecisionWalkthrough } from './webview/register';
import { registerArtifactCommands } from './artifacts/register';
import { registerKnowledgeBase } from './knowledgeBase';

let client: LanguageClient | undefined;

const SERVER_STATES: Record<State, ServerState> = {
  [State.Starting]: 'starting',
  [State.Running]: 'running',
  [State.Stopped]: 'stopped',
  [State.StartFailed]: 'stopped',
};

export async function activate(context: vscode.ExtensionContext): Promise<IntegrationDesignerApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const trust = new WorkspaceTrust();
  const status = new LanguageStatus(trust);
  const serverStates = new vscode.EventEmitter<ServerState>();
  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  context.subscriptions.push(
    output,
    trust,
    status,
    serverStates,
    languageClient.onDidChangeState(({ newState }) => {
      status.setServerState(newState);
      serverStates.fire(SERVER_STATES[newState]);
    }),
    languageClient.onNotification(ValidationStatusNotification, (s) => status.update(s)),
    registerCommands(languageClient, output),
    registerKnowledgeBase(context, output),
  );
  // The walkthrough and the Generate commands ask the server: the client computes no design itself.
  const server = new DesignServer(languageClient);
  const walkthrough = registerDecisionWalkthrough(context, server);
  const artifacts = registerArtifactCommands(context, server, trust);
  try {
    await languageClient.start();
  } catch (error) {
    // The client logged the cause in the output channel; the status item points there.
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    serverProcessId: () => languageClient.serverProcess?.pid,
    onDidChangeServerState: serverStates.event,
    languageStatus: () => status.snapshot(),
    onDidChangeLanguageStatus: status.onDidChange,
    artifacts,
    walkthrough,
    trust,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
