import type { CliContext } from './context';

/**
 * One subcommand. Each lives in its own file under commands/ and is listed in
 * commands/index.ts; the dispatcher, `help` and `--help` read that list.
 */
export interface Command {
  /** The word that selects it: `integration-lint <name> …`. */
  readonly name: string;
  /** One line for the command list in `--help`. */
  readonly summary: string;
  /** The full text `integration-lint <name> --help` prints (usage, options, exit codes). */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: readonly string[], context: CliContext): number | Promise<number>;
}
