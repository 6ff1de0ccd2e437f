// The product's command catalog (server/src/core/knowledge/commands.ts) in the checker's terms: the commands of the
// CLI plugins the npm registry does not serve, as their source states them, each with the page it comes from.
import { CLI_PLUGINS } from '../../server/src/core/knowledge/commands';
import { SOURCES } from '../../server/src/core/knowledge/sources';
import type { CatalogCommand } from './cliModel';

export function catalogCommands(): CatalogCommand[] {
  return Object.values(CLI_PLUGINS).flatMap((plugin) => plugin.commands.map((command): CatalogCommand => ({
    cli: 'heroku',
    id: command.id,
    plugin: plugin.package,
    source: `${SOURCES[plugin.source].url} (${plugin.package}@${plugin.version})`,
    aliases: 'aliases' in command ? command.aliases : undefined,
    args: 'args' in command ? command.args : undefined,
    flags: command.flags.map((flag) => ({ name: flag.name, char: 'char' in flag ? flag.char : undefined, type: 'type' in flag ? flag.type : undefined, required: 'required' in flag ? flag.required : undefined, env: 'env' in flag ? flag.env : undefined })),
  })));
}
