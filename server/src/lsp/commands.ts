import type { ExecuteCommandParams } from 'vscode-languageserver';
import { RULES_BY_ID } from '../core/rules/registry';
import type { ServerContext } from './context';
import { SHOW_RULE_DOCUMENTATION_COMMAND } from '../protocol';

export const COMMANDS = [SHOW_RULE_DOCUMENTATION_COMMAND];

/**
 * workspace/executeCommand. Opening the documentation is done with window/showDocument,
 * so it works in any editor that supports it; others get the file's location in a message.
 */
export async function executeCommand(context: ServerContext, params: ExecuteCommandParams): Promise<unknown> {
  if (params.command !== SHOW_RULE_DOCUMENTATION_COMMAND) {
    context.connection.console.warn(`Unknown command ${params.command}`);
    return null;
  }
  const ruleId = params.arguments?.[0];
  if (typeof ruleId !== 'string' || !RULES_BY_ID.has(ruleId)) {
    void context.connection.window.showWarningMessage(`integration-lint: there is no rule '${String(ruleId)}' to show documentation for.`);
    return null;
  }
  const uri = context.host.ruleDocUri(ruleId);
  if (!context.support.showDocument) {
    void context.connection.window.showInformationMessage(`Documentation for ${ruleId}: ${uri}`);
    return null;
  }
  // A page on the web (the web extension's rule pages on a CDN) opens in the browser; a file in the editor.
  const result = await context.connection.window.showDocument({ uri, takeFocus: true, external: /^https?:/i.test(uri) });
  if (!result.success) {
    void context.connection.window.showWarningMessage(`integration-lint: could not open the documentation of ${ruleId} (${uri}).`);
  }
  return null;
}
