// The extension's activation, the same on every platform (client/src/extension.ts for desktop
// VS Code, client/src/browser/extension.ts for the web): starts the language client and wires the
// status item, the commands and the decision walkthrough. All design knowledge lives in the server.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient/browser';
import type { IntegrationDesignerApi, ServerState } from './api';
import { registerArtifactCommands } from './artifacts/register';
import { registerCommands } from './commands';
import { DesignServer } from './designServer';
import { CLIENT_NAME } from './ids';
import type { ClientPlatform } from './platform';
import { ValidationStatusNotification } from './protocol';
import { LanguageStatus } from './status';
import { WorkspaceTrust } from './trust';
import { registerDecisionWalkthrough } from './webview/register';
import { registerKnowledgeBase } from './knowledgeBase';

let client: BaseLanguageClient | undefined;

const SERVER_STATES: Record<State, ServerState> = {
  [State.Starting]: 'starting',
  [State.Running]: 'running',
  [State.Stopped]: 'stopped',
  [State.StartFailed]: 'stopped',
};

export async function activateExtension(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<IntegrationDesignerApi> {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const trust = new WorkspaceTrust();
  const status = new LanguageStatus(trust);
  const serverStates = new vscode.EventEmitter<ServerState>();
  const languageClient = platform.createLanguageClient({ context, output });
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
  );
  // The walkthrough and the Generate commands ask the server: the client computes no design itself.
  const server = new DesignServer(languageClient);
  if (platform.serve) context.subscriptions.push(platform.serve(server));
  context.subscriptions.push(registerKnowledgeBase(context, output, server));
  const walkthrough = registerDecisionWalkthrough(context, server);
  const artifacts = registerArtifactCommands(context, server, trust, platform);
  try {
    await languageClient.start();
  } catch (error) {
    // The client logged the cause in the output channel; the status item points there.
    output.error(`The language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    platform: platform.kind,
    serverProcessId: () => platform.serverProcessId(),
    onDidChangeServerState: serverStates.event,
    languageStatus: () => status.snapshot(),
    onDidChangeLanguageStatus: status.onDidChange,
    artifacts,
    walkthrough,
    trust,
  };
}

export async function deactivateExtension(): Promise<void> {
  await client?.stop();
  client = undefined;
}
