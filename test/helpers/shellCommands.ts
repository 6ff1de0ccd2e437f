// The simple commands written in a Markdown document's shell fences (```sh, ```bash, ```shell, ```zsh; in ```console
// only the lines after a `$ ` prompt), as a shell would split them into words. Enough shell for runbook steps:
// `\` line continuations, quotes, comments, env assignments, pipes and lists (| || && ; &), redirections,
// here-documents (skipped), $VAR and $(…) (opaque values; the commands inside $(…) are returned too), and
// documentation placeholders such as <heroku-app>, which are values here and never redirections.

export interface ShellWord {
  /** The word after quote removal; placeholders and substitutions are kept as written. */
  readonly text: string;
  /** 1-based line of the Markdown document where the word starts. */
  readonly line: number;
  /** True when the value is not known from the text: it holds a <placeholder>, a $variable or a $(substitution). */
  readonly opaque: boolean;
}

export interface ShellCommand {
  /** 1-based line where the command starts. */
  readonly line: number;
  /** The command as written (continuations joined), for messages. */
  readonly source: string;
  /** Leading NAME=value assignments. */
  readonly env: Readonly<Record<string, string>>;
  /** The command word and its arguments; empty for a line of assignments only. */
  readonly words: readonly ShellWord[];
}

export interface ShellProblem {
  readonly line: number;
  readonly message: string;
}

export interface ShellScript {
  readonly commands: ShellCommand[];
  readonly problems: ShellProblem[];
}

const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'zsh']);
const SESSION_LANGUAGES = new Set(['console', 'shell-session', 'sh-session']);
/** A documentation placeholder: <name>, <heroku-app>, <plan>… (a letter first; no spaces or shell operators inside). */
const PLACEHOLDER = /^<[A-Za-z][^<>\s|&;()]*>/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

interface Fence {
  readonly sessionPrompts: boolean;
  readonly lines: { text: string; line: number }[];
}

/** The shell fences of a Markdown document with their document line numbers. */
function shellFences(markdown: string): Fence[] {
  const fences: Fence[] = [];
  let open: { marker: string; fence: Fence | undefined } | undefined;
  markdown.split(/\r?\n/).forEach((text, index) => {
    if (!open) {
      const start = /^ {0,3}(`{3,}|~{3,})\s*([^\s`{]*)/.exec(text);
      if (!start) return;
      const language = start[2].toLowerCase();
      const fence = SHELL_LANGUAGES.has(language) || SESSION_LANGUAGES.has(language) ? { sessionPrompts: SESSION_LANGUAGES.has(language), lines: [] } : undefined;
      if (fence) fences.push(fence);
      open = { marker: start[1], fence };
      return;
    }
    const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(text);
    if (close && close[1][0] === open.marker[0] && close[1].length >= open.marker.length) {
      open = undefined;
      return;
    }
    open.fence?.lines.push({ text, line: index + 1 });
  });
  return fences;
}

interface Token {
  readonly kind: 'word' | 'operator' | 'newline';
  readonly text: string;
  readonly line: number;
  /** Offsets in the fence text, for the command as written. */
  readonly start: number;
  readonly end: number;
  readonly opaque: boolean;
  /** For words: the commands found inside $(…) or `…`, to be parsed too. */
  readonly inner: { text: string; line: number }[];
}

/** Splits a fence's text into words and operators, tracking document lines; here-document bodies are skipped. */
function tokenize(text: string, lines: { text: string; line: number }[], problems: ShellProblem[]): Token[] {
  const tokens: Token[] = [];
  const lineAt: number[] = [];
  for (const l of lines) for (let i = 0; i <= l.text.length; i++) lineAt.push(l.line);
  const pendingHeredocs: { delimiter: string; line: number }[] = [];
  let i = 0;

  const skipHeredocBodies = () => {
    // i is just after a newline: the bodies of the here-documents opened on the previous line follow.
    while (pendingHeredocs.length > 0) {
      const { delimiter, line } = pendingHeredocs.shift()!;
      for (;;) {
        if (i >= text.length) {
          problems.push({ line, message: `here-document <<${delimiter} is not closed` });
          return;
        }
        const end = text.indexOf('\n', i);
        const row = text.slice(i, end === -1 ? text.length : end);
        i = end === -1 ? text.length : end + 1;
        if (row.replace(/^\t+/, '') === delimiter) break;
      }
    }
  };

  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      tokens.push({ kind: 'newline', text: '\n', line: lineAt[i], start: i, end: i + 1, opaque: false, inner: [] });
      i++;
      skipHeredocBodies();
      continue;
    }
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const heredoc = /^<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(text.slice(i));
    if (heredoc) {
      pendingHeredocs.push({ delimiter: heredoc[3], line: lineAt[i] });
      i += heredoc[0].length;
      continue;
    }
    const operator = /^(?:\|\||&&|;;|\|&|[|;&()])/.exec(text.slice(i));
    if (operator) {
      tokens.push({ kind: 'operator', text: operator[0], line: lineAt[i], start: i, end: i + operator[0].length, opaque: false, inner: [] });
      i += operator[0].length;
      continue;
    }
    const redirection = PLACEHOLDER.test(text.slice(i)) ? null : /^(?:\d*(?:>>|>&|<&|<>|>\||>|<<<|<)|&>>|&>)/.exec(text.slice(i));
    if (redirection) {
      // The redirection and its target are not arguments of the command.
      i += redirection[0].length;
      while (text[i] === ' ' || text[i] === '\t') i++;
      const target = readWord(text, i, lineAt, problems);
      i = target.end;
      continue;
    }
    const word = readWord(text, i, lineAt, problems);
    tokens.push({ kind: 'word', text: word.text, line: lineAt[i], start: i, end: word.end, opaque: word.opaque, inner: word.inner });
    i = word.end;
  }
  return tokens;
}

/** Reads one shell word starting at `start`: quotes removed, placeholders and substitutions kept as written. */
function readWord(text: string, start: number, lineAt: number[], problems: ShellProblem[]): { text: string; end: number; opaque: boolean; inner: { text: string; line: number }[] } {
  let out = '';
  let opaque = false;
  const inner: { text: string; line: number }[] = [];
  let i = start;
  const substitution = (open: number, isBacktick: boolean): number => {
    // Returns the index after the closing ) or `, balancing nested parentheses outside quotes.
    let depth = 1;
    let j = open;
    let quote: string | undefined;
    for (; j < text.length; j++) {
      const ch = text[j];
      if (quote) {
        if (ch === '\\' && quote === '"') j++;
        else if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '\\') {
        j++;
        continue;
      }
      if (isBacktick) {
        if (ch === '`') return j + 1;
        continue;
      }
      if (ch === "'" || ch === '"') quote = ch;
      else if (ch === '(') depth++;
      else if (ch === ')' && --depth === 0) return j + 1;
    }
    problems.push({ line: lineAt[open], message: `unclosed ${isBacktick ? '`' : '$('}` });
    return text.length;
  };
  // A `$(...)` or backquoted substitution at `at` (inside double quotes or not): its command is
  // recorded in `inner`; returns the index after it, or undefined when none starts there.
  const substitutionAt = (at: number): number | undefined => {
    const open = text[at] === '`' ? at + 1 : text[at] === '$' && text[at + 1] === '(' ? at + 2 : undefined;
    if (open === undefined) return undefined;
    const end = substitution(open, text[at] === '`');
    inner.push({ text: text.slice(open, end - 1), line: lineAt[at] });
    return end;
  };
  while (i < text.length) {
    const c = text[i];
    if (/[\s|&;()]/.test(c)) break;
    if ((c === '<' || c === '>') && !PLACEHOLDER.test(text.slice(i))) break;
    if (c === '\\') {
      if (text[i + 1] === '\n') {
        i += 2;
        continue;
      }
      out += text[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end === -1) {
        problems.push({ line: lineAt[i], message: "unclosed '" });
        out += text.slice(i + 1);
        i = text.length;
        break;
      }
      out += text.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      i++;
      let closed = false;
      while (i < text.length) {
        const ch = text[i];
        if (ch === '"') {
          closed = true;
          i++;
          break;
        }
        if (ch === '\\' && /["\\$`\n]/.test(text[i + 1] ?? '')) {
          if (text[i + 1] !== '\n') out += text[i + 1];
          i += 2;
          continue;
        }
        const substituted = substitutionAt(i);
        if (substituted !== undefined) {
          out += text.slice(i, substituted);
          opaque = true;
          i = substituted;
          continue;
        }
        if (ch === '$' && /[A-Za-z_{]/.test(text[i + 1] ?? '')) opaque = true;
        if (ch === '<' && PLACEHOLDER.test(text.slice(i))) opaque = true;
        out += ch;
        i++;
      }
      if (!closed) problems.push({ line: lineAt[start], message: 'unclosed "' });
      continue;
    }
    const substituted = substitutionAt(i);
    if (substituted !== undefined) {
      out += text.slice(i, substituted);
      opaque = true;
      i = substituted;
      continue;
    }
    if (c === '$' && /[A-Za-z_{]/.test(text[i + 1] ?? '')) opaque = true;
    if (c === '<') {
      const placeholder = PLACEHOLDER.exec(text.slice(i))![0];
      out += placeholder;
      opaque = true;
      i += placeholder.length;
      continue;
    }
    out += c;
    i++;
  }
  return { text: out, end: i, opaque, inner };
}

/** Groups tokens into simple commands. */
function commandsOf(tokens: Token[], text: string, problems: ShellProblem[]): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let current: Token[] = [];
  const flush = () => {
    if (current.length === 0) return;
    const env: Record<string, string> = {};
    let k = 0;
    while (k < current.length && ASSIGNMENT.test(current[k].text)) {
      const eq = current[k].text.indexOf('=');
      env[current[k].text.slice(0, eq)] = current[k].text.slice(eq + 1);
      k++;
    }
    const words = current.slice(k).map(({ text, line, opaque }) => ({ text, line, opaque }));
    const source = text.slice(current[0].start, current.at(-1)!.end).replace(/\\\n\s*/g, '');
    commands.push({ line: current[0].line, source, env, words });
    for (const token of current) {
      for (const sub of token.inner) commands.push(...parseShell([{ text: sub.text, line: sub.line }], problems));
    }
    current = [];
  };
  for (const token of tokens) {
    if (token.kind === 'word') current.push(token);
    else flush();
  }
  flush();
  return commands;
}

function parseShell(lines: { text: string; line: number }[], problems: ShellProblem[]): ShellCommand[] {
  const text = lines.map((l) => l.text).join('\n');
  return commandsOf(tokenize(text, lines, problems), text, problems);
}

/** The simple commands of every shell fence in a Markdown document, in order. */
export function shellCommandsInMarkdown(markdown: string): ShellScript {
  const commands: ShellCommand[] = [];
  const problems: ShellProblem[] = [];
  for (const fence of shellFences(markdown)) {
    let lines = fence.lines;
    if (fence.sessionPrompts) {
      // A session transcript: commands follow `$ `; a command continued with `\` goes on over the next lines.
      const kept: { text: string; line: number }[] = [];
      let continuing = false;
      for (const l of lines) {
        if (continuing || /^\s*\$ /.test(l.text)) {
          kept.push({ text: continuing ? l.text : l.text.replace(/^\s*\$ /, ''), line: l.line });
          continuing = /\\$/.test(l.text);
        }
      }
      lines = kept;
    } else {
      lines = lines.map((l) => ({ text: l.text.replace(/^\s*\$ /, ''), line: l.line }));
    }
    commands.push(...parseShell(lines, problems));
  }
  return { commands, problems };
}
