import type { Command } from '../command';
import { lintCommand } from './lint';
import { artifactsCommand, recommendationCommand, risksCommand, runbookCommand } from './artifacts';
import { estateCommand } from './estate';
import { diffCommand } from './diff';
import { factsCommand } from './facts';

/**
 * Every subcommand, in the order `--help` lists them. The first is the default: it runs when
 * the first argument is not a command name (`integration-lint design.yaml` = `… lint design.yaml`).
 *
 * To add a command: write commands/<name>.ts exporting a `Command` (see ../command.ts; read
 * designs with `collectInputs`/`readDesign` from ../inputs.ts, exit with `EXIT` from
 * ../context.ts) and add it to this list — one line. Help, dispatch and `help <name>` follow.
 */
export const COMMANDS: readonly Command[] = [
  lintCommand,
  recommendationCommand,
  runbookCommand,
  risksCommand,
  artifactsCommand,
  estateCommand,
  diffCommand,
  factsCommand,
];

export const DEFAULT_COMMAND: Command = COMMANDS[0];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
