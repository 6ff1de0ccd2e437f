import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { closest } from '../core/format/suggest';
import type { Command } from './command';
import { COMMANDS, DEFAULT_COMMAND, findCommand } from './commands';
import { complain, EXIT, PROGRAM, type CliContext } from './context';
import { packageInfo } from './packageInfo';

/**
 * The whole CLI behind main.ts: picks the command and handles the options every command shares
 * (`--help`, `--version`, `help [command]`). Resolves to the exit code.
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    context.stderr.write(overview());
    return EXIT.usage;
  }
  if (first === 'help') {
    const command = rest[0] === undefined ? undefined : findCommand(rest[0]);
    if (rest[0] !== undefined && !command) {
      complain(context, `unknown command '${rest[0]}'. Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`);
      return EXIT.usage;
    }
    context.stdout.write(command ? command.help : overview());
    return EXIT.ok;
  }
  const named = findCommand(first);
  const misspelt = named ? undefined : misspeltCommand(first, context.cwd);
  if (misspelt) {
    complain(context, `'${first}' is neither a command nor a file; did you mean '${PROGRAM} ${misspelt}'?`);
    return EXIT.usage;
  }
  const command: Command = named ?? DEFAULT_COMMAND;
  const args = named ? rest : argv;
  // Shared flags win wherever they appear before `--`.
  const own = args.indexOf('--') < 0 ? args : args.slice(0, args.indexOf('--'));
  if (own.includes('--version') || own.includes('-v')) {
    context.stdout.write(`${packageInfo().version}\n`);
    return EXIT.ok;
  }
  if (own.includes('--help') || own.includes('-h')) {
    context.stdout.write(named ? command.help : overview());
    return EXIT.ok;
  }
  return command.run(args, context);
}

/** A first argument that names no file but is close to a command name (`runbok`). */
function misspeltCommand(arg: string, cwd: string): string | undefined {
  if (arg.startsWith('-') || existsSync(resolve(cwd, arg))) return undefined;
  return closest(arg, COMMANDS.map((c) => c.name));
}

/** `integration-lint --help`: the commands, then the default command's full help. */
function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `${PROGRAM} ${packageInfo().version}: lint Heroku ↔ Salesforce integration designs (integration.yaml)

Commands:
${list}

Run '${PROGRAM} help <command>' (or '<command> --help') for a command's options. To lint a file
named like a command, name the command too ('${PROGRAM} ${DEFAULT_COMMAND.name} <file>') or write './<file>'.

${DEFAULT_COMMAND.help}`;
}
