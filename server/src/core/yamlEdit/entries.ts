import type { MapNode, ModelNode, ScalarNode, SeqNode } from '../model/node';
import type { ModelDocument } from '../model/parse';
import type { TextEdit } from '../text';
import { formatPath } from '../model/node';
import { schemaAt } from '../schema/schema';
import { documentIndentStep } from './indentation';
import { contentEnd, replaceValue } from './scalar';

/**
 * Writes values into a YAML document with the smallest edits: a changed scalar is replaced
 * where it stands, a missing key is inserted where the schema orders it, a missing section
 * is created with the document's indentation. Nothing else is touched, so comments, quoting
 * and the user's order survive. The edits never overlap, so they apply as one WorkspaceEdit.
 */
export type DesiredValue =
  | { readonly kind: 'scalar'; readonly text: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'map'; readonly entries: readonly DesiredEntry[] };

export interface DesiredEntry {
  readonly key: string;
  readonly value: DesiredValue;
}

export interface WriteResult {
  readonly edits: readonly TextEdit[];
  /** Values that could not be written, with the reason (e.g. the key holds a list, not a value). */
  readonly skipped: readonly string[];
}

export const scalar = (text: string): DesiredValue => ({ kind: 'scalar', text });
export const list = (items: readonly string[]): DesiredValue => ({ kind: 'list', items });
export const map = (entries: readonly DesiredEntry[]): DesiredValue => ({ kind: 'map', entries });

/** Builds nested entries from (path, value) pairs, keeping the pairs' order. */
export function entriesFromPaths(values: readonly { readonly path: readonly string[]; readonly value: DesiredValue }[]): DesiredEntry[] {
  interface Slot { readonly key: string; value: DesiredValue | Slot[] }
  const top: Slot[] = [];
  for (const { path, value } of values) {
    let level = top;
    path.forEach((key, i) => {
      let slot = level.find((s) => s.key === key);
      if (i === path.length - 1) {
        if (slot) slot.value = value;
        else level.push({ key, value });
        return;
      }
      if (!slot || !Array.isArray(slot.value)) {
        slot = { key, value: [] };
        level.push(slot);
      }
      level = slot.value as Slot[];
    });
  }
  const convert = (slots: readonly Slot[]): DesiredEntry[] => slots.map((s) => ({ key: s.key, value: Array.isArray(s.value) ? map(convert(s.value)) : s.value as DesiredValue }));
  return convert(top);
}

export function writeEntries(model: ModelDocument, entries: readonly DesiredEntry[]): WriteResult {
  const writer = new Writer(model);
  writer.writeRoot(entries);
  return { edits: normalize(writer.edits), skipped: writer.skipped };
}

class Writer {
  readonly edits: TextEdit[] = [];
  readonly skipped: string[] = [];
  private readonly unit: number;
  private readonly eol: string;

  constructor(private readonly model: ModelDocument) {
    this.unit = documentIndentStep(model);
    this.eol = model.lines.eol;
  }

  writeRoot(entries: readonly DesiredEntry[]): void {
    const root = this.model.root;
    if (!root) {
      // An empty document (or only comments): append the entries at the end.
      const text = this.model.text;
      const lead = text.length > 0 && !/\r?\n$/.test(text) ? this.eol : '';
      const body = entries.flatMap((e) => this.blockLines(e, 0)).join(this.eol);
      this.edits.push({ range: { start: text.length, end: text.length }, newText: `${lead}${body}${this.eol}` });
      return;
    }
    if (root.kind !== 'map') {
      for (const e of entries) this.skip([e.key], 'the document is not a mapping of keys');
      return;
    }
    this.writeMap(root, entries, []);
  }

  private skip(path: readonly string[], reason: string): void {
    this.skipped.push(`${formatPath(path)}: ${reason}`);
  }

  private writeMap(node: MapNode, entries: readonly DesiredEntry[], path: readonly string[], parentFlow = false): void {
    const missing: DesiredEntry[] = [];
    for (const entry of entries) {
      const existing = node.entries.get(entry.key);
      if (existing) this.writeExisting(existing, entry.value, [...path, entry.key], node.flow);
      else missing.push(entry);
    }
    if (missing.length > 0) this.insertMissing(node, missing, path, parentFlow);
  }

  private writeExisting(node: ModelNode, value: DesiredValue, path: readonly string[], parentFlow: boolean): void {
    switch (value.kind) {
      case 'scalar':
        if (node.kind === 'scalar') this.edits.push(replaceValue(this.model, node, value.text));
        else this.skip(path, `it holds ${node.kind === 'map' ? 'a mapping' : 'a list'}, not a single value`);
        return;
      case 'list':
        if (node.kind === 'seq') this.replaceSeq(node, value.items);
        else if (node.kind === 'scalar') this.edits.push(replaceValue(this.model, node, flowList(value.items)));
        else this.skip(path, 'it holds a mapping, not a list');
        return;
      case 'map':
        if (node.kind === 'map') this.writeMap(node, value.entries, path, parentFlow);
        else if (node.kind === 'scalar' && node.value === null) this.fillEmpty(node, value.entries, parentFlow);
        else this.skip(path, `it holds ${node.kind === 'seq' ? 'a list' : 'a single value'}, not a mapping`);
        return;
    }
  }

  /** `key:` with nothing after it becomes `key:` with a block of entries under it. */
  private fillEmpty(node: ScalarNode, entries: readonly DesiredEntry[], parentFlow: boolean): void {
    if (parentFlow || node.source !== '' || !node.keyRange) {
      this.edits.push(replaceValue(this.model, node, flowMap(entries)));
      return;
    }
    const lines = this.model.lines;
    const keyLine = lines.positionAt(node.keyRange.start).line;
    const indent = lines.positionAt(node.keyRange.start).character + this.unit;
    const at = lines.lineEnd(keyLine);
    const body = entries.flatMap((e) => this.blockLines(e, indent));
    this.edits.push({ range: { start: at, end: at }, newText: `${this.eol}${body.join(this.eol)}` });
  }

  private replaceSeq(node: SeqNode, items: readonly string[]): void {
    if (node.flow || items.length === 0) {
      // A block list cannot be empty: an empty answer becomes `[]` after the key.
      const start = node.flow ? node.range.start : (node.keyRange ? this.model.text.indexOf(':', node.keyRange.end) + 1 : node.range.start);
      const prefix = node.flow ? '' : ' ';
      this.edits.push({ range: { start, end: node.flow ? node.range.end : contentEnd(this.model.text, node.range) }, newText: `${prefix}${flowList(items)}` });
      return;
    }
    const lines = this.model.lines;
    const column = lines.positionAt(node.range.start).character;
    const text = items.map((item, i) => `${i === 0 ? '' : ' '.repeat(column)}- ${item}`).join(this.eol);
    this.edits.push({ range: { start: node.range.start, end: contentEnd(this.model.text, node.range) }, newText: text });
  }

  private insertMissing(node: MapNode, missing: readonly DesiredEntry[], path: readonly string[], parentFlow: boolean): void {
    const lines = this.model.lines;
    const existing = [...node.entries.entries()].filter(([, child]) => child.keyRange && child.pairRange);
    if (node.flow && existing.length === 0 && !parentFlow && node.keyRange && this.replaceEmptyFlowMap(node, missing)) return;
    if (node.flow || existing.length === 0) {
      const close = this.model.text.lastIndexOf('}', node.range.end);
      if (close < node.range.start) {
        for (const e of missing) this.skip([...path, e.key], 'the mapping around it could not be read');
        return;
      }
      let at = close;
      while (at > node.range.start + 1 && this.model.text[at - 1] === ' ') at--;
      const body = missing.map((e) => `${e.key}: ${flowValue(e.value)}`).join(', ');
      this.edits.push({ range: { start: at, end: at }, newText: existing.length ? `, ${body}` : body });
      return;
    }
    const order = Object.keys(schemaAt(path)?.properties ?? {});
    const rank = (key: string): number => order.indexOf(key);
    const indent = lines.positionAt(existing[0][1].keyRange!.start).character;
    const afterEntry = (child: ModelNode): number => lines.lineEnd(lines.positionAt(contentEnd(this.model.text, child.pairRange!) - 1).line);
    const last = existing.reduce((a, b) => (b[1].pairRange!.end > a[1].pairRange!.end ? b : a))[1];
    // Each missing key goes right after the existing key the schema lists before it, else right
    // before the one it lists after it, else after the last entry.
    const groups = new Map<number, { before: boolean; entries: DesiredEntry[] }>();
    const add = (at: number, before: boolean, entry: DesiredEntry): void => {
      const group = groups.get(at) ?? { before, entries: [] };
      group.entries.push(entry);
      groups.set(at, group);
    };
    for (const entry of [...missing].sort((a, b) => rank(a.key) - rank(b.key))) {
      const mine = rank(entry.key);
      const known = mine < 0 ? [] : existing.filter(([key]) => rank(key) >= 0);
      const previous = known.filter(([key]) => rank(key) < mine).sort((a, b) => rank(b[0]) - rank(a[0]))[0];
      const next = known.filter(([key]) => rank(key) > mine).sort((a, b) => rank(a[0]) - rank(b[0]))[0];
      const nextStart = next ? this.lineStartWithComments(next[1]) : undefined;
      if (previous) add(afterEntry(previous[1]), false, entry);
      else if (nextStart !== undefined) add(nextStart, true, entry);
      else add(afterEntry(last), false, entry);
    }
    const topLevel = path.length === 0;
    for (const [at, group] of groups) {
      const body = group.entries.flatMap((e) => this.blockLines(e, indent)).join(this.eol);
      const multiLine = group.entries.some((e) => e.value.kind === 'map' && e.value.entries.length > 0);
      const line = lines.positionAt(at).line;
      if (group.before) {
        // Top-level sections separated by blank lines stay separated.
        const spaced = topLevel && multiLine && line > 0 && lines.lineText(line - 1).trim() === '';
        this.edits.push({ range: { start: at, end: at }, newText: `${body}${this.eol}${spaced ? this.eol : ''}` });
      } else {
        const spaced = topLevel && multiLine && this.blankLineBeforeMore(line + 1);
        this.edits.push({ range: { start: at, end: at }, newText: `${this.eol}${spaced ? this.eol : ''}${body}` });
      }
    }
  }

  /** The line is blank and more content follows it: the document separates its sections. */
  private blankLineBeforeMore(line: number): boolean {
    const lines = this.model.lines;
    if (line >= lines.lineCount || lines.lineText(line).trim() !== '') return false;
    for (let l = line + 1; l < lines.lineCount; l++) if (lines.lineText(l).trim() !== '') return true;
    return false;
  }

  /** `paths: {}` becomes a block mapping (unless a comment follows on the line). */
  private replaceEmptyFlowMap(node: MapNode, entries: readonly DesiredEntry[]): boolean {
    const lines = this.model.lines;
    const line = lines.positionAt(node.range.end).line;
    if (lines.positionAt(node.keyRange!.start).line !== line) return false;
    if (this.model.text.slice(node.range.end, lines.lineEnd(line)).trim() !== '') return false;
    const colon = this.model.text.indexOf(':', node.keyRange!.end);
    if (colon < 0 || colon > node.range.start) return false;
    const indent = lines.positionAt(node.keyRange!.start).character + this.unit;
    const body = entries.flatMap((e) => this.blockLines(e, indent)).join(this.eol);
    this.edits.push({ range: { start: colon + 1, end: lines.lineEnd(line) }, newText: `${this.eol}${body}` });
    return true;
  }

  /**
   * The start of a key's line, moved up over the comment lines right above it (they
   * describe that key). Undefined when the key does not start its line (`- key:`).
   */
  private lineStartWithComments(node: ModelNode): number | undefined {
    const lines = this.model.lines;
    const keyStart = node.keyRange!.start;
    let line = lines.positionAt(keyStart).line;
    if (this.model.text.slice(lines.lineStart(line), keyStart).trim() !== '') return undefined;
    while (line > 0 && lines.lineText(line - 1).trim().startsWith('#')) line--;
    return lines.lineStart(line);
  }

  private blockLines(entry: DesiredEntry, indent: number): string[] {
    const pad = ' '.repeat(indent);
    const v = entry.value;
    if (v.kind === 'scalar') return [`${pad}${entry.key}: ${v.text}`];
    if (v.kind === 'list') return [`${pad}${entry.key}: ${flowList(v.items)}`];
    if (v.entries.length === 0) return [`${pad}${entry.key}: {}`];
    return [`${pad}${entry.key}:`, ...v.entries.flatMap((e) => this.blockLines(e, indent + this.unit))];
  }
}

function flowList(items: readonly string[]): string {
  return `[${items.join(', ')}]`;
}

function flowMap(entries: readonly DesiredEntry[]): string {
  return `{${entries.map((e) => `${e.key}: ${flowValue(e.value)}`).join(', ')}}`;
}

function flowValue(value: DesiredValue): string {
  if (value.kind === 'scalar') return value.text;
  if (value.kind === 'list') return flowList(value.items);
  return flowMap(value.entries);
}

/**
 * Sorts edits and merges the ones that touch (an insertion right where another edit ends),
 * so no two edits share a position and the order they apply in cannot matter.
 */
export function normalize(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.range.start - b.e.range.start || a.i - b.i).map((x) => x.e);
  const out: TextEdit[] = [];
  for (const edit of sorted) {
    const prev = out[out.length - 1];
    if (prev && edit.range.start < prev.range.end) throw new Error('Overlapping edits');
    if (prev && edit.range.start === prev.range.end) {
      out[out.length - 1] = { range: { start: prev.range.start, end: edit.range.end }, newText: prev.newText + edit.newText };
    } else {
      out.push(edit);
    }
  }
  return out;
}
