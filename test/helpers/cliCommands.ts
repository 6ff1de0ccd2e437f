// Checks every `heroku …` and `sf …` command in a Markdown document's shell fences against what the real CLIs accept
// (their oclif manifests, see cliManifests.ts) or, for plugins whose manifest is not on the npm registry, a catalog
// entry. It follows oclif's own parsing (@oclif/core 4: main.ts, help/util.ts, parser/parse.ts, parser/validate.ts):
// how the command id is read, which words are flags and values, then the checks the CLI makes before running:
// the command exists, every flag exists and gets a value when it takes one, required flags and arguments are there,
// no extra arguments on a strict command, exclusive and dependent flags. A runbook is stricter than the CLI in four
// ways: it writes canonical ids (no aliases, no reordered topics), no deprecated or hidden commands and flags, names
// required flags that the CLI could fill in from its config or a git remote, and installs a catalog command's
// plugin before using it.
import { commandFromCatalog, type CatalogCommand, type CliSpec, type CommandSpec, type FlagSpec } from './cliModel';
import { shellCommandsInMarkdown, type ShellCommand, type ShellWord } from './shellCommands';

export type CommandProblemKind =
  | 'shell-syntax'
  | 'missing-command'
  | 'unknown-command'
  | 'topic-not-command'
  | 'non-canonical-command'
  | 'deprecated-command'
  | 'hidden-command'
  | 'plugin-not-installed'
  | 'unknown-flag'
  | 'flag-needs-value'
  | 'invalid-flag-value'
  | 'repeated-flag'
  | 'missing-required-flag'
  | 'conflicting-flags'
  | 'missing-dependent-flag'
  | 'deprecated-flag'
  | 'hidden-flag'
  | 'missing-argument'
  | 'unexpected-argument'
  | 'invalid-argument-value';

export interface CommandProblem {
  /** 1-based line of the Markdown document. */
  readonly line: number;
  /** The command as written. */
  readonly command: string;
  readonly kind: CommandProblemKind;
  readonly message: string;
}

export interface CheckedCommand {
  readonly line: number;
  readonly cli: string;
  /** The canonical id of the command it runs, when found. */
  readonly id?: string;
  /** Where the command's definition comes from (package@version or catalog source). */
  readonly definedBy?: string;
}

export interface CommandCheck {
  /** Every `heroku …` / `sf …` invocation found, in order. */
  readonly commands: CheckedCommand[];
  readonly problems: CommandProblem[];
}

type Resolution = { command: CommandSpec; via: 'id' | 'alias' | 'hidden-alias' | 'permutation' | 'catalog' };

/** One CLI with its catalog commands, indexed the way oclif looks commands up. */
class CliIndex {
  /** Ids, aliases and hidden aliases (oclif's commandIDs). */
  private readonly byName = new Map<string, Resolution>();
  /** Every prefix of those names (oclif's collectUsableIds). */
  private readonly usable = new Set<string>();
  /** Sorted topic parts → command, for flexible taxonomy. */
  private readonly byParts = new Map<string, CommandSpec>();

  constructor(readonly cli: CliSpec, catalog: readonly CatalogCommand[]) {
    const add = (name: string, resolution: Resolution) => {
      if (!this.byName.has(name)) this.byName.set(name, resolution);
      const parts = name.split(':');
      for (let i = 1; i <= parts.length; i++) this.usable.add(parts.slice(0, i).join(':'));
      if (cli.flexibleTaxonomy) {
        const key = [...parts].sort().join(':');
        if (!this.byParts.has(key)) this.byParts.set(key, resolution.command);
      }
    };
    for (const command of cli.commands.values()) {
      add(command.id, { command, via: 'id' });
      for (const alias of command.aliases) add(alias, { command, via: 'alias' });
      for (const alias of command.hiddenAliases) add(alias, { command, via: 'hidden-alias' });
    }
    for (const entry of catalog.filter((e) => e.cli === cli.bin)) {
      if (this.byName.has(entry.id)) throw new Error(`catalog entry ${cli.bin} ${entry.id}: ${this.byName.get(entry.id)!.command.source} defines it; check it against the manifest and drop the catalog entry`);
      const command = commandFromCatalog(entry);
      add(entry.id, { command, via: 'catalog' });
      for (const alias of command.aliases) add(alias, { command, via: 'alias' });
    }
  }

  find(id: string): Resolution | undefined {
    const found = this.byName.get(id);
    if (found) return found;
    if (!this.cli.flexibleTaxonomy) return undefined;
    const command = this.byParts.get(id.split(':').sort().join(':'));
    return command ? { command, via: 'permutation' } : undefined;
  }

  isUsable(id: string): boolean {
    return this.usable.has(id);
  }

  /** Canonical ids of commands shown in help, for suggestions. */
  visibleIds(): string[] {
    return [...this.byName.entries()].filter(([name, r]) => name === r.command.id && !r.command.hidden).map(([name]) => name);
  }

  display(id: string): string {
    return this.cli.topicSeparator === ' ' ? id.replaceAll(':', ' ') : id;
  }
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function closest(word: string, candidates: readonly string[], limit = 3): string[] {
  const threshold = Math.max(2, Math.floor(word.length / 4));
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate) }))
    .filter(({ distance }) => distance <= threshold)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map(({ candidate }) => candidate);
}

const quoteList = (items: readonly string[]) => items.map((i) => `\`${i}\``).join(', ');

/** Checks one `heroku …` / `sf …` invocation; `installed` holds the plugins installed by earlier commands. */
function checkInvocation(index: CliIndex, shell: ShellCommand, installed: Set<string>): { checked: CheckedCommand; problems: CommandProblem[] } {
  const { cli } = index;
  const problems: CommandProblem[] = [];
  const report = (kind: CommandProblemKind, message: string, line = shell.line) => problems.push({ line, command: shell.source, kind, message });
  const argv = shell.words.slice(1);
  const checked: CheckedCommand = { line: shell.line, cli: cli.bin };

  if (argv.length === 0) {
    report('missing-command', `\`${cli.bin}\` alone shows help: name the command`);
    return { checked, problems };
  }
  if (cli.versionFlags.includes(argv[0].text)) return { checked: { ...checked, id: argv[0].text, definedBy: cli.source }, problems };
  // Help flags anywhere before `--` show help instead of running the command (oclif's helpAddition).
  const dashDash = argv.findIndex((w) => w.text === '--');
  const asksForHelp = argv.slice(0, dashDash === -1 ? argv.length : dashDash).some((w) => cli.helpFlags.includes(w.text));

  // The command id: heroku takes the first word; sf joins words while they name a topic or command (oclif's
  // collateSpacedCmdIDFromArgs), or takes a first word written with ':'.
  let idWords = 1;
  if (cli.topicSeparator === ' ' && !argv[0].text.includes(':') && argv.length > 1) {
    const taken: string[] = [];
    const takesArgs = () => {
      const found = taken.length > 0 ? index.find(taken.join(':')) : undefined;
      return Boolean(found && (!found.command.strict || found.command.args.length > 0));
    };
    for (const word of argv) {
      if (index.isUsable([...taken, word.text].join(':'))) taken.push(word.text);
      else if (word.text.includes('=') || word.text.startsWith('-') || takesArgs()) break;
      else taken.push(word.text);
    }
    idWords = Math.max(taken.length, 1);
  }
  const idParts = argv.slice(0, idWords);
  const id = idParts.map((w) => w.text).join(':');
  const shown = idParts.map((w) => w.text).join(' ');

  const resolution = index.find(id);
  if (!resolution) {
    // The longest known command among the id's leading words: then the rest are arguments it does not take.
    for (let n = idWords - 1; n >= 1; n--) {
      const prefix = index.find(argv.slice(0, n).map((w) => w.text).join(':'));
      if (prefix && prefix.via !== 'permutation') {
        const extra = argv.slice(n, idWords).map((w) => w.text).join(' ');
        report('unexpected-argument', `\`${cli.bin} ${index.display(prefix.command.id)}\` takes no argument, so ${cli.bin} reads \`${extra}\` as part of the command name and finds no command \`${shown}\``);
        return { checked, problems };
      }
    }
    if (idParts.some((w) => w.opaque)) {
      report('unknown-command', `the command name \`${shown}\` holds a placeholder or variable; write the command itself`);
      return { checked, problems };
    }
    const below = index.visibleIds().filter((candidate) => candidate.startsWith(`${id}:`));
    if (below.length > 0) {
      report('topic-not-command', `\`${cli.bin} ${shown}\` is a topic, not a command; its commands include ${quoteList(below.slice(0, 6).map((c) => index.display(c)))}`);
    } else {
      const suggestions = closest(id, index.visibleIds());
      report('unknown-command', `\`${cli.bin} ${shown}\` is not a command of ${cli.source} nor in the catalog${suggestions.length ? `; did you mean ${quoteList(suggestions.map((c) => index.display(c)))}?` : ''}`);
    }
    return { checked, problems };
  }

  const { command, via } = resolution;
  const canonical = index.display(command.id);
  const result: CheckedCommand = { ...checked, id: command.id, definedBy: command.source };
  if (via === 'alias' || via === 'hidden-alias') {
    const kind = command.deprecateAliases ? 'deprecated-command' : 'non-canonical-command';
    report(kind, `\`${shown}\` is ${command.deprecateAliases ? 'a deprecated' : via === 'hidden-alias' ? 'a hidden' : 'an'} alias of \`${canonical}\`; write \`${cli.bin} ${canonical}\``);
  } else if (via === 'permutation') {
    report('non-canonical-command', `${cli.bin} runs \`${shown}\` as \`${canonical}\` (topics in any order), but write the command's own name: \`${cli.bin} ${canonical}\``);
  }
  if (command.deprecated) report('deprecated-command', `\`${cli.bin} ${canonical}\` is deprecated: ${command.deprecated}`);
  if (command.hidden) report('hidden-command', `\`${cli.bin} ${canonical}\` is hidden from ${cli.bin}'s help (internal or on its way out)`);
  if (command.plugin && !installed.has(command.plugin)) {
    report('plugin-not-installed', `\`${cli.bin} ${canonical}\` comes from the plugin ${command.plugin}; install it in an earlier step: \`${cli.bin} plugins:install ${command.plugin}\``);
  }
  if (asksForHelp) return { checked: result, problems };

  problems.push(...checkFlagsAndArgs(index, command, shell, argv.slice(idWords)).map((p) => ({ ...p, command: shell.source })));
  return { checked: result, problems };
}

interface GivenFlag {
  readonly flag: FlagSpec;
  readonly word: ShellWord;
}

/** oclif's parser over the words after the command id, then its validation. */
function checkFlagsAndArgs(index: CliIndex, command: CommandSpec, shell: ShellCommand, words: readonly ShellWord[]): Omit<CommandProblem, 'command'>[] {
  const { cli } = index;
  const problems: Omit<CommandProblem, 'command'>[] = [];
  const report = (kind: CommandProblemKind, message: string, line: number) => problems.push({ line, kind, message });
  const name = `\`${cli.bin} ${index.display(command.id)}\``;
  const flags = Object.values(command.flags);
  const byAlias = new Map<string, FlagSpec>();
  for (const flag of flags) for (const alias of flag.aliases) byAlias.set(alias, flag);

  const findFlag = (text: string): { flag?: FlagSpec; isLong: boolean; viaAlias: boolean } => {
    if (text.startsWith('--')) {
      const written = text.slice(2);
      if (command.flags[written]) return { flag: command.flags[written], isLong: true, viaAlias: false };
      if (byAlias.has(written)) return { flag: byAlias.get(written), isLong: true, viaAlias: true };
      if (written.startsWith('no-')) {
        const negated = command.flags[written.slice(3)] ?? byAlias.get(written.slice(3));
        if (negated?.type === 'boolean' && negated.allowNo) return { flag: negated, isLong: true, viaAlias: !command.flags[written.slice(3)] };
      }
      return { isLong: true, viaAlias: false };
    }
    if (text.startsWith('-')) {
      const char = text[1];
      if (char !== undefined && byAlias.has(char)) return { flag: byAlias.get(char), isLong: false, viaAlias: true };
      return { flag: flags.find((f) => f.char !== undefined && f.char === char), isLong: false, viaAlias: false };
    }
    return { isLong: false, viaAlias: false };
  };

  const given: GivenFlag[] = [];
  const argWords: ShellWord[] = [];
  const queue = [...words];
  let parsingFlags = true;
  let currentFlag: FlagSpec | undefined;

  const noteUse = (flag: FlagSpec, word: ShellWord, viaAlias: boolean) => {
    if (viaAlias && flag.deprecateAliases) report('deprecated-flag', `\`${word.text.split('=')[0]}\` is a deprecated alias of \`--${flag.name}\` on ${name}`, word.line);
    if (flag.deprecated) report('deprecated-flag', `\`--${flag.name}\` on ${name}: ${flag.deprecated}`, word.line);
    else if (flag.hidden) report('hidden-flag', `\`--${flag.name}\` is hidden from the help of ${name}`, word.line);
  };

  const parseFlag = (word: ShellWord): boolean => {
    const { flag, isLong, viaAlias } = findFlag(word.text);
    if (!flag) {
      const eq = word.text.indexOf('=');
      if (eq === -1) return false;
      queue.unshift({ ...word, text: word.text.slice(eq + 1) });
      const parsed = parseFlag({ ...word, text: word.text.slice(0, eq) });
      if (!parsed) queue.shift();
      return parsed;
    }
    noteUse(flag, word, viaAlias);
    if (flag.type === 'option') {
      if (!flag.multiple && given.some((g) => g.flag === flag)) report('repeated-flag', `\`--${flag.name}\` can only be given once to ${name}`, word.line);
      currentFlag = flag;
      const value = isLong || word.text.length < 3 ? queue.shift() : { ...word, text: word.text.slice(word.text[2] === '=' ? 3 : 2) };
      if (value === undefined || findFlag(value.text).flag) {
        if (value) queue.unshift(value);
        given.push({ flag, word });
        report('flag-needs-value', `\`--${flag.name}\` of ${name} needs a value${flag.options ? ` (one of ${quoteList(flag.options)})` : ''}`, word.line);
        return true;
      }
      given.push({ flag, word });
      if (flag.options && !value.opaque && !flag.options.includes(value.text)) {
        report('invalid-flag-value', `\`--${flag.name} ${value.text}\`: ${name} accepts ${quoteList(flag.options)}`, value.line);
      }
      return true;
    }
    given.push({ flag, word });
    // -abc: the other letters are flags too.
    if (!isLong && word.text.length > 2) queue.unshift({ ...word, text: `-${word.text.slice(2)}` });
    return true;
  };

  while (queue.length > 0) {
    const word = queue.shift()!;
    if (parsingFlags && word.text.startsWith('-') && word.text !== '-') {
      if (word.text === '--') {
        parsingFlags = false;
        continue;
      }
      if (parseFlag(word)) continue;
      if (!/^-\d/.test(word.text)) {
        const written = word.text.split('=')[0];
        const names = flags.filter((f) => !f.hidden).map((f) => `--${f.name}`);
        const suggestions = closest(written, names);
        const passThrough = command.strict ? '' : `; ${name} passes words after \`--\` through, if that is meant`;
        report('unknown-flag', `${name} has no flag \`${written}\`${suggestions.length ? `; did you mean ${quoteList(suggestions)}?` : ''}${passThrough}`, word.line);
        continue;
      }
    }
    if (parsingFlags && currentFlag?.multiple) {
      given.push({ flag: currentFlag, word });
      continue;
    }
    argWords.push(word);
  }

  // Arguments.
  const variadic = command.args.some((a) => a.multiple);
  command.args.forEach((arg, i) => {
    const word = argWords[i];
    if (!word) {
      if (arg.required) report('missing-argument', `${name} needs the argument ${arg.name.toUpperCase()}`, shell.line);
    } else if (arg.options && !word.opaque && !arg.options.includes(word.text)) {
      report('invalid-argument-value', `${arg.name.toUpperCase()} \`${word.text}\`: ${name} accepts ${quoteList(arg.options)}`, word.line);
    }
  });
  if (command.strict && !variadic && argWords.length > command.args.length) {
    const extra = argWords.slice(command.args.length);
    report('unexpected-argument', `${name} takes ${command.args.length === 0 ? 'no arguments' : `at most ${command.args.length} argument(s)`}; unexpected ${quoteList(extra.map((w) => w.text))}`, extra[0].line);
  }

  // Flags.
  const has = (flagName: string) => given.some((g) => g.flag.name === flagName);
  for (const flag of flags) {
    if (!flag.required || has(flag.name) || flag.hasDefault) continue;
    if (flag.env && shell.env[flag.env] !== undefined) continue;
    const spelled = `\`--${flag.name}\`${flag.char ? ` (\`-${flag.char}\`)` : ''}`;
    const fallback = flag.dynamicDefault ? ` (${cli.bin} may fill it in from ${flag.env ? `$${flag.env}, ` : ''}its config or a git remote, but a runbook step names it)` : '';
    report('missing-required-flag', `${name} requires ${spelled}${fallback}`, shell.line);
  }
  const reported = new Set<string>();
  for (const { flag, word } of given) {
    for (const other of flag.exclusive) {
      const pair = [flag.name, other].sort().join(' ');
      if (has(other) && !reported.has(pair)) {
        reported.add(pair);
        report('conflicting-flags', `\`--${flag.name}\` and \`--${other}\` cannot be given together to ${name}`, word.line);
      }
    }
    for (const needed of flag.dependsOn) {
      if (!has(needed) && !reported.has(`${flag.name}>${needed}`)) {
        reported.add(`${flag.name}>${needed}`);
        report('missing-dependent-flag', `\`--${flag.name}\` of ${name} needs \`--${needed}\` too`, word.line);
      }
    }
    for (const group of flag.needsOneOf) {
      const key = `${flag.name}>${group.join()}`;
      if (!group.some(has) && !reported.has(key)) {
        reported.add(key);
        report('missing-dependent-flag', `\`--${flag.name}\` of ${name} needs one of ${quoteList(group.map((g) => `--${g}`))}`, word.line);
      }
    }
  }
  return problems;
}

/** The plugins an install command adds: `<cli> plugins:install <package>…` (also `plugins add`). */
function pluginsInstalledBy(shell: ShellCommand, id: string | undefined): string[] {
  if (id !== 'plugins:install') return [];
  return shell.words.slice(1).filter((w) => !w.text.startsWith('-') && !w.text.includes(':') && !['plugins', 'install', 'add'].includes(w.text)).map((w) => w.text.replace(/(.)@[^/]*$/, '$1'));
}

/**
 * Checks every `heroku …` / `sf …` command (one per CLI passed in) in the shell fences of a Markdown document.
 * Commands no manifest defines are looked up in `catalog`; a catalog entry that a manifest defines is an error.
 */
export function checkMarkdownCommands(markdown: string, clis: readonly CliSpec[], catalog: readonly CatalogCommand[] = []): CommandCheck {
  const indexes = new Map(clis.map((cli) => [cli.bin, new CliIndex(cli, catalog)]));
  const script = shellCommandsInMarkdown(markdown);
  const commands: CheckedCommand[] = [];
  const problems: CommandProblem[] = script.problems.map((p) => ({ line: p.line, command: '', kind: 'shell-syntax', message: p.message }));
  const installed = new Set<string>();
  for (const shell of script.commands) {
    const index = shell.words[0] ? indexes.get(shell.words[0].text) : undefined;
    if (!index) continue;
    const result = checkInvocation(index, shell, installed);
    commands.push(result.checked);
    problems.push(...result.problems);
    for (const plugin of pluginsInstalledBy(shell, result.checked.id)) installed.add(plugin);
  }
  return { commands, problems };
}

/** Checks shell text (one or more command lines) as if it were one ```sh fence; lines are counted in `text`. */
export function checkShellText(text: string, clis: readonly CliSpec[], catalog: readonly CatalogCommand[] = []): CommandCheck {
  const { commands, problems } = checkMarkdownCommands(`\`\`\`sh\n${text}\n\`\`\`\n`, clis, catalog);
  return { commands: commands.map((c) => ({ ...c, line: c.line - 1 })), problems: problems.map((p) => ({ ...p, line: p.line - 1 })) };
}
