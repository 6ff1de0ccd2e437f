import type { NodePath } from '../model/node';
import { LineIndex, type TextRange } from '../text';
import { commentStart } from '../model/parse';

export { commentStart };

/**
 * Where the cursor is in YAML that is being typed, read from indentation line by line.
 * The parsed tree cannot answer this reliably: half-typed keys (`pla`) and empty values
 * make the YAML invalid or change its shape, while indentation still says where they belong.
 */
export type CursorContext = KeyPosition | ValuePosition | { readonly kind: 'none' };

interface Common {
  /** The partial word before the cursor. */
  readonly prefix: string;
  /** What a completion replaces: the partial word (and the rest of it after the cursor). */
  readonly replace: TextRange;
  /** Spaces per indentation level in this document (2 when it cannot tell). */
  readonly indentUnit: number;
  readonly eol: string;
}

/** A key of the mapping at `path` is typed, or a scalar list item when `path` ends with an index. */
export interface KeyPosition extends Common {
  readonly kind: 'key';
  /** Path of the mapping that holds the key (with an index when it is a list item). */
  readonly path: NodePath;
  /** Column the key starts at, for indenting multi-line inserts. */
  readonly column: number;
  /** `key:` already follows the cursor on this line: complete only the name. */
  readonly keyHasColon: boolean;
  /** Keys the mapping already has (before and after the cursor). */
  readonly existingKeys: ReadonlySet<string>;
  /** When the cursor is on a list item: the items the list already has. */
  readonly existingItems: ReadonlySet<string>;
}

/** The value of the key at `path` is typed, after `key: ` or inside a flow list `[a, |`. */
export interface ValuePosition extends Common {
  readonly kind: 'value';
  readonly path: NodePath;
  /** Inside `[...]`: one item of a list is typed. */
  readonly inFlowList: boolean;
  /** The cursor is right after the colon: a value needs a space before it. */
  readonly needsSpace: boolean;
  readonly existingItems: ReadonlySet<string>;
}

interface Frame {
  readonly column: number;
  readonly kind: 'root' | 'key' | 'dash';
  readonly name?: string;
  readonly index?: number;
  /** The key has no value on its line, so its value (a mapping or list) follows below. */
  readonly open: boolean;
  readonly keys: Set<string>;
  readonly items: string[];
}

interface LineTokens {
  readonly indent: number;
  readonly dashes: readonly number[];
  /** Column and text after the dashes. */
  readonly restColumn: number;
  readonly rest: string;
  readonly key?: { readonly name: string; readonly value: string };
}

const WORD = /^[A-Za-z0-9_.-]*$/;
const KEY_LINE = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{}[\],&*!|>%@`][^#]*?)[ \t]*:(?:[ \t]+(.*))?$/;
const BLOCK_SCALAR = /^[|>][0-9+-]*$/;

export function cursorContext(text: string, offset: number, lines: LineIndex = new LineIndex(text)): CursorContext {
  const position = lines.positionAt(offset);
  const cursorLine = position.line;
  const lineText = lines.lineText(cursorLine);
  const commentAt = commentStart(lineText);
  if (commentAt >= 0 && position.character > commentAt) return { kind: 'none' };
  const before = lineText.slice(0, position.character);
  const after = lineText.slice(position.character);
  const common = { indentUnit: indentUnit(text, lines), eol: lines.eol };

  const scanner = new Scanner();
  let result: (() => CursorContext) | undefined;
  let skipAbove = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    if (line === cursorLine) {
      const indent = lineText.trim() === '' ? position.character : lineText.length - lineText.trimStart().length;
      const inBlockScalar = skipAbove >= 0 && indent > skipAbove;
      result = inBlockScalar ? () => ({ kind: 'none' }) : cursorTokens(scanner, before, after, lines.lineStart(line), offset, common);
      if (!inBlockScalar) skipAbove = -1;
      continue;
    }
    const content = stripComment(lines.lineText(line));
    if (content.trim() === '') continue;
    const tokens = tokenize(content);
    if (skipAbove >= 0) {
      if (tokens.indent > skipAbove) continue;
      skipAbove = -1;
    }
    if (/^(---|\.\.\.)(\s|$)/.test(content)) {
      if (line > cursorLine) break; // the cursor's document ends here
      scanner.reset();
      continue;
    }
    if (content.startsWith('%')) continue;
    skipAbove = scanner.feed(tokens);
  }
  return result ? result() : { kind: 'none' };
}

/**
 * Feeds the cursor line (up to the cursor) and returns a function that builds the context
 * once the rest of the document has been read (keys after the cursor count as present).
 */
function cursorTokens(scanner: Scanner, before: string, after: string, lineStart: number, offset: number, common: { indentUnit: number; eol: string }): () => CursorContext {
  const tokens = tokenize(before);
  for (const dash of tokens.dashes) scanner.dash(dash);
  const rest = before.slice(tokens.restColumn);
  if (WORD.test(rest) && !rest.startsWith('.')) {
    const column = tokens.restColumn;
    const container = scanner.containerFor(column);
    const path = scanner.path();
    const parentKey = container.kind === 'dash' ? scanner.parentOf(container) : undefined;
    const tail = /^[A-Za-z0-9_.-]*/.exec(after)?.[0] ?? '';
    const keyHasColon = /^[A-Za-z0-9_.-]*[ \t]*:(\s|$)/.test(after);
    const replace = { start: lineStart + column, end: offset + tail.length };
    return () => ({
      kind: 'key', ...common, path, column, prefix: rest, replace, keyHasColon,
      existingKeys: container.keys, existingItems: new Set(parentKey?.items ?? []),
    });
  }
  const key = KEY_LINE.exec(rest.trimEnd());
  const colon = rest.search(/:([ \t]|$)/);
  if (!key || colon < 0) return () => ({ kind: 'none' });
  const name = unquote(key[1]);
  const valueText = rest.slice(colon + 1);
  const keyColumn = tokens.restColumn;
  scanner.key(keyColumn, name, valueText.trim());
  const path = scanner.path();
  const keyFrame = scanner.top();
  const trimmed = valueText.trimStart();
  const tail = /^[A-Za-z0-9_.-]*/.exec(after)?.[0] ?? '';
  if (trimmed.startsWith('[')) {
    const inner = trimmed.slice(1);
    if (inner.includes(']')) return () => ({ kind: 'none' });
    const parts = inner.split(',');
    const partial = parts.pop()!.trimStart();
    if (!WORD.test(partial)) return () => ({ kind: 'none' });
    const existing = new Set(parts.map((p) => p.trim()).filter(Boolean));
    return () => ({
      kind: 'value', ...common, path, inFlowList: true, needsSpace: false, prefix: partial,
      replace: { start: offset - partial.length, end: offset + tail.length }, existingItems: existing,
    });
  }
  if (!WORD.test(trimmed)) return () => ({ kind: 'none' });
  return () => ({
    kind: 'value', ...common, path, inFlowList: false, needsSpace: valueText === '', prefix: trimmed,
    replace: { start: offset - trimmed.length, end: offset + tail.length }, existingItems: new Set(keyFrame.items),
  });
}

/** An indentation-driven stack of the keys and list items enclosing each line. */
class Scanner {
  private stack: Frame[] = [];

  constructor() {
    this.reset();
  }

  reset(): void {
    this.stack = [{ column: -1, kind: 'root', open: true, keys: new Set(), items: [] }];
  }

  top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  parentOf(frame: Frame): Frame | undefined {
    const index = this.stack.indexOf(frame);
    return index > 0 ? this.stack[index - 1] : undefined;
  }

  path(): NodePath {
    return this.stack.slice(1).map((f) => (f.kind === 'dash' ? f.index! : f.name!));
  }

  /** Reads one line; returns the column above which following lines are block-scalar text (or -1). */
  feed(tokens: LineTokens): number {
    for (const dash of tokens.dashes) this.dash(dash);
    if (tokens.key) {
      this.key(tokens.restColumn, tokens.key.name, tokens.key.value);
      return BLOCK_SCALAR.test(tokens.key.value) ? tokens.restColumn : -1;
    }
    if (tokens.dashes.length > 0 && tokens.rest !== '') {
      const dash = this.top();
      this.parentOf(dash)?.items.push(unquote(tokens.rest.trim()));
      return BLOCK_SCALAR.test(tokens.rest.trim()) ? dash.column : -1;
    }
    return -1;
  }

  dash(column: number): void {
    let sibling: Frame | undefined;
    for (;;) {
      const top = this.top();
      if (top.kind === 'root') break;
      const keepAsParent = top.column < column || (top.column === column && top.kind === 'key' && top.open);
      if (keepAsParent) break;
      const popped = this.stack.pop()!;
      if (popped.kind === 'dash' && popped.column === column) sibling = popped;
    }
    this.stack.push({ column, kind: 'dash', index: sibling ? sibling.index! + 1 : 0, open: true, keys: new Set(), items: [] });
  }

  key(column: number, name: string, value: string): void {
    const container = this.containerFor(column);
    container.keys.add(name);
    const frame: Frame = { column, kind: 'key', name, open: value === '' || BLOCK_SCALAR.test(value), keys: new Set(), items: [] };
    if (value.startsWith('[')) for (const item of value.replace(/^\[|\]$/g, '').split(',').map((v) => unquote(v.trim())).filter(Boolean)) frame.items.push(item); // no spread: a 200,000-item line overflowed the stack
    this.stack.push(frame);
  }

  /** Pops everything at or right of `column`; what remains on top holds a key at that column. */
  containerFor(column: number): Frame {
    while (this.top().kind !== 'root' && this.top().column >= column) this.stack.pop();
    return this.top();
  }
}

function tokenize(content: string): LineTokens {
  let pos = 0;
  while (pos < content.length && content[pos] === ' ') pos++;
  const indent = pos;
  const dashes: number[] = [];
  while (content[pos] === '-' && (pos + 1 >= content.length || content[pos + 1] === ' ' || content[pos + 1] === '\t')) {
    dashes.push(pos);
    pos++;
    while (content[pos] === ' ' || content[pos] === '\t') pos++;
  }
  const rest = content.slice(pos);
  const match = KEY_LINE.exec(rest.trimEnd());
  const key = match ? { name: unquote(match[1]), value: (match[2] ?? '').trim() } : undefined;
  return { indent, dashes, restColumn: pos, rest, key };
}

function unquote(text: string): string {
  if (text.length >= 2 && ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))) return text.slice(1, -1);
  return text.trim();
}

function stripComment(line: string): string {
  const at = commentStart(line);
  return at >= 0 ? line.slice(0, at) : line;
}

/** The most common indentation step between a line and a more indented line below it. */
export function indentUnit(text: string, lines: LineIndex = new LineIndex(text)): number {
  const counts = new Map<number, number>();
  let previous = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    const content = stripComment(lines.lineText(line));
    if (content.trim() === '') continue;
    const indent = content.length - content.trimStart().length;
    if (previous >= 0 && indent > previous) counts.set(indent - previous, (counts.get(indent - previous) ?? 0) + 1);
    previous = indent;
  }
  let best = 2;
  let bestCount = 0;
  for (const [step, count] of counts) if (count > bestCount || (count === bestCount && step < best)) [best, bestCount] = [step, count];
  return best;
}
