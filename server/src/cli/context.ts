import { fact, formatFactValue } from '../core/knowledge/facts';
/** What a command may touch: injected, so a command runs the same in-process and from the bundle. */
export interface CliContext {
  /** Paths in arguments and in output are relative to this directory. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Output;
  readonly stderr: Output;
  /** Colour is used only on a terminal, and never with NO_COLOR set. */
  readonly stdoutIsTTY: boolean;
}

export interface Output {
  write(text: string): void;
}

/** Exit codes shared by every command. */
export const EXIT = {
  /** Nothing to report beyond what the options allow. */
  ok: 0,
  /** The designs have errors (or more warnings than allowed). */
  problems: 1,
  /** Bad usage, or an input that could not be read. */
  usage: 2,
} as const;

export const PROGRAM = 'integration-lint';

/** The risk register's threshold as help texts write it ("50%"), from the knowledge base. */
export const RISK_THRESHOLD = formatFactValue(fact('risk-threshold'));

/** A command-line mistake: reported as `integration-lint: <message>` with exit code 2. */
export class UsageError extends Error {}

/** `--format`'s value: one of `formats`, the first when none is given; another is a usage error. */
export function parseFormat<F extends string>(value: string | undefined, formats: readonly F[]): F {
  if (value === undefined) return formats[0];
  if ((formats as readonly string[]).includes(value)) return value as F;
  throw new UsageError(`unknown format '${value}': use ${formats.join(', ')}.`);
}

/** Whether to colour output (https://no-color.org: any non-empty NO_COLOR disables it). */
export function useColor(context: CliContext): boolean {
  return context.stdoutIsTTY && !context.env.NO_COLOR;
}

/** What every command says of an input or file it cannot read. */
export function cannotRead(display: string, reason: string): string {
  return `cannot read '${display}': ${reason}`;
}

/** Writes `integration-lint: <message>` to stderr. */
export function complain(context: CliContext, message: string): void {
  context.stderr.write(`${PROGRAM}: ${message}\n`);
}

/**
 * A command's usage mistake (a UsageError, or one of parseArgs's ERR_PARSE_ARGS errors): reported
 * with the command's usage line and where to read its options; exit code 2. Anything else is rethrown.
 */
export function usageFailure(context: CliContext, error: unknown, usage: string, command?: string): number {
  const isParseArgs = error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS');
  if (!(error instanceof UsageError) && !isParseArgs) throw error;
  const help = command === undefined ? `${PROGRAM} --help` : `${PROGRAM} help ${command}`;
  complain(context, `${error instanceof Error ? error.message : String(error)}\nUsage: ${usage}\nRun '${help}' for the options.`);
  return EXIT.usage;
}
