import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient/browser';
import { COMMANDS } from './ids';

export function registerCommands(client: BaseLanguageClient, output: vscode.OutputChannel): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      output.appendLine('Restarting the language server (requested).');
      // stop + start: the same on every platform (a new process, or a new worker).
      await client.stop();
      await client.start();
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
  );
}
