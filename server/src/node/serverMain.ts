import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { errorText } from '../lsp/diagnostics';
import { SERVER_NAME, SERVER_VERSION, startServer } from '../lsp/server';
import { nodeServerHost } from './host';

/**
 * `integration-lint-server --stdio` (or --node-ipc, --socket=N, --pipe=NAME): the language
 * server for integration.yaml designs, for VS Code and any other LSP editor.
 */
const args = process.argv.slice(2);
const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)(=|$)/;

if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_VERSION}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h') || (!args.some((a) => TRANSPORTS.test(a)) && process.stdin.isTTY)) {
  process.stdout.write(`${SERVER_NAME} ${SERVER_VERSION}: language server for Heroku ↔ Salesforce integration designs.\n\n`
    + `Usage: ${SERVER_NAME} --stdio | --node-ipc | --socket=<port> | --pipe=<name>\n\n`
    + 'Editors start it (e.g. Neovim or Helix: command integration-lint-server, args --stdio).\n'
    + 'Settings: the workspace/configuration section "integrationDesigner" { rules: { <rule-id>: off|error|warning|info|hint|default },\n'
    + 'validate: onType|onSave }, or the same object as initializationOptions { "integrationDesigner": { ... } }.\n');
  process.exit(args.includes('--help') || args.includes('-h') ? 0 : 2);
}
// Started with a pipe but no transport flag: speak over stdio, as most editors expect.
if (!args.some((a) => TRANSPORTS.test(a))) process.argv.push('--stdio');

const connection = createConnection(ProposedFeatures.all);
// A bug must not end the session: log it and keep answering.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught exception: ${errorText(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${errorText(reason)}`));
startServer(connection, nodeServerHost(process.env));
