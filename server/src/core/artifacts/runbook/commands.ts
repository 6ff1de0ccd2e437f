import { COMMANDS, UI_PATHS, type CommandId, type UiPathId } from '../../knowledge/commands';
import type { SourceId } from '../../knowledge/sources';
import type { Field } from '../../model/design';
import type { ArtifactContext } from '../context';
import { code } from '../markdown';
import type { Step } from './step';

/**
 * A value for one `{slot}` of a command: what the design states, or a clearly marked
 * placeholder with the open decision that asks for the value.
 */
export type Fill = Known | Unknown;
export interface Known { readonly value: string }
export interface Unknown { readonly placeholder: string; readonly ask: string }

export const known = (value: string): Known => ({ value });
export const unknown = (placeholder: string, ask: string): Unknown => ({ placeholder, ask });

/** A design value, or the placeholder and question when the design leaves it out. */
export function fill(field: Field<string> | undefined, placeholder: string, ask: string): Fill {
  return field ? known(field.value) : unknown(placeholder, ask);
}

export type Fills = Readonly<Record<string, Fill>>;

/** What a value filled into a command may hold: names, URLs and paths; nothing a shell, SOQL or XML reads specially. */
const SAFE_VALUE = /^[A-Za-z0-9_@%+=:,./~-]+$/;
const SLOT = /\{([a-z_]+)\}/g;

/** Open decisions already listed in a runbook, so a value missing from several commands is asked for once. */
const ASKED = new WeakMap<ArtifactContext, Set<string>>();

/** A fill as it may be written into a command or a file: the value when it is safe there, else a placeholder and why. */
function written(ctx: ArtifactContext, slot: string, value: Fill): { text: string; open?: string } {
  if ('placeholder' in value) return { text: value.placeholder, open: value.ask };
  if (!SAFE_VALUE.test(value.value) || ctx.holdsSecret(value.value)) {
    return {
      text: `<${slot.replace(/_/g, '-')}>`,
      open: `The design's value for \`${slot}\` cannot be put on a command line as it is (only letters, digits and \`_@%+=:,./~-\`, and never a secret): state it in that form.`,
    };
  }
  return { text: value.value };
}

/** The command line of a catalog entry with its slots filled, and the open decisions its placeholders raise. */
export function commandLine(ctx: ArtifactContext, id: CommandId, fills: Fills): { line: string; open: string[] } {
  const open: string[] = [];
  const line = COMMANDS[id].line.replace(SLOT, (_, slot: string) => {
    const value = fills[slot];
    if (!value) throw new Error(`command ${id}: no value for {${slot}}`);
    const out = written(ctx, slot, value);
    if (out.open) open.push(out.open);
    return out.text;
  });
  return { line, open };
}

/** How a catalog command is named in the Sources section: the program and its command id. */
function commandName(id: CommandId): string {
  const words = COMMANDS[id].line.split(' ');
  const name = words[0] === 'sf' ? words.slice(0, words.findIndex((w, i) => i > 0 && (w.startsWith('-') || w.includes('{')))) : words.slice(0, 2);
  return code(name.join(' '));
}

/** "Setup → Quick Find “Apps” → App Manager". */
export function uiPathText(id: UiPathId): string {
  return UI_PATHS[id].path.map((segment) => segment.replace(/^Quick Find: (.+)$/, 'Quick Find “$1”')).join(' → ');
}

/**
 * Writes one runbook step: prose, the commands in a `sh` fence with the pages they come
 * from, Setup paths, files to write, the check that shows the step worked, the rollback of
 * a risky step, and the open decisions its placeholders raise (each listed once per runbook).
 */
export class StepWriter {
  private readonly lines: string[] = [];
  private readonly open: string[] = [];

  constructor(private readonly ctx: ArtifactContext, private readonly title: string) {}

  /** Lines of prose (Markdown) as they are. */
  say(...lines: string[]): this {
    this.lines.push(...lines);
    return this;
  }

  /** "intro [sources]:" and the commands in one fence. */
  run(intro: string, commands: readonly (readonly [CommandId, Fills])[]): this {
    this.paragraph(`${intro} ${this.cite(commands.map(([id]) => id))}:`);
    this.fence(commands.map(([id, fills]) => this.take(commandLine(this.ctx, id, fills))));
    return this;
  }

  /** Like `run`, from inside a folder: the fence enters it first and leaves it after, so later steps' relative paths still hold. */
  runIn(folder: string, intro: string, commands: readonly (readonly [CommandId, Fills])[]): this {
    this.paragraph(`${intro} ${this.cite(commands.map(([id]) => id))}:`);
    this.fence([`cd ${folder}`, ...commands.map(([id, fills]) => this.take(commandLine(this.ctx, id, fills))), 'cd ..']);
    return this;
  }

  /** A place in a web UI, for what no command line does: "intro: Setup → … [source]. after". */
  ui(intro: string, id: UiPathId, after = ''): this {
    this.paragraph(`${intro}: ${this.uiPath(id)}.${after ? ` ${after}` : ''}`);
    return this;
  }

  /** A UI path inline in a sentence, with its source. */
  uiPath(id: UiPathId): string {
    const text = uiPathText(id);
    return `**${text}** ${this.ctx.cite.source(UI_PATHS[id].source, text)}`;
  }

  /** Writes a file with a here-document: its content comes from the design and the cited page. */
  file(intro: string, path: string, content: readonly string[], source: SourceId): this {
    this.paragraph(`${intro} ${this.ctx.cite.source(source)}:`);
    const parent = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    this.fence([...(parent ? [`mkdir -p ${parent}`] : []), `cat > ${path} <<'EOF'`, ...content, 'EOF']);
    return this;
  }

  /** **Check:** what shows the step worked and what to look for, with its commands. */
  check(text: string, commands: readonly (readonly [CommandId, Fills])[] = []): this {
    this.paragraph(`**Check:** ${text}${commands.length ? ` ${this.cite(commands.map(([id]) => id))}` : ''}`);
    if (commands.length) this.fence(commands.map(([id, fills]) => this.take(commandLine(this.ctx, id, fills))));
    return this;
  }

  /** **Rollback:** how to undo a risky step. */
  rollback(text: string, commands: readonly (readonly [CommandId, Fills])[] = []): this {
    this.paragraph(`**Rollback:** ${text}${commands.length ? ` ${this.cite(commands.map(([id]) => id))}` : ''}`);
    if (commands.length) this.fence(commands.map(([id, fills]) => this.take(commandLine(this.ctx, id, fills))));
    return this;
  }

  /** A value for a file this step writes (a name in metadata, a path): safe as it is, or a placeholder and its question. */
  value(slot: string, value: Fill): string {
    const out = written(this.ctx, slot, value);
    if (out.open) this.take({ line: '', open: [out.open] });
    return out.text;
  }

  /** A decision the design leaves open (listed here and at the top, once per runbook). */
  ask(text: string): this {
    this.take({ line: '', open: [text] });
    return this;
  }

  step(): Step {
    return { title: this.title, lines: this.lines, open: this.open };
  }

  private cite(ids: readonly CommandId[]): string {
    const bySource = new Map<SourceId, CommandId[]>();
    for (const id of ids) bySource.set(COMMANDS[id].source, [...(bySource.get(COMMANDS[id].source) ?? []), id]);
    const refs: string[] = [];
    for (const [source, commands] of bySource) {
      const names = [...new Set(commands.map(commandName))];
      names.forEach((name, i) => {
        const ref = this.ctx.cite.source(source, name);
        if (i === 0) refs.push(ref);
      });
    }
    return refs.join(' ');
  }

  private take(rendered: { line: string; open: string[] }): string {
    const asked = ASKED.get(this.ctx) ?? new Set<string>();
    ASKED.set(this.ctx, asked);
    for (const text of rendered.open) {
      if (asked.has(text)) continue;
      asked.add(text);
      this.open.push(text);
    }
    return rendered.line;
  }

  private paragraph(text: string): void {
    if (this.lines.length) this.lines.push('');
    this.lines.push(text);
  }

  private fence(lines: readonly string[]): void {
    this.lines.push('', '```sh', ...lines, '```');
  }
}
