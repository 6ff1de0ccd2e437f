import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS } from './ids';

export function registerCommands(client: LanguageClient, output: vscode.OutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      output.appendLine('Restarting the language server (requested).');
      await client.restart();
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
  );
}
