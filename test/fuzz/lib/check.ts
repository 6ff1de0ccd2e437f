import { completionsAt } from '../../../server/src/core/editing/completion';
import { foldingRanges } from '../../../server/src/core/editing/folding';
import { hoverAt } from '../../../server/src/core/editing/hover';
import { documentOutline, type OutlineSymbol } from '../../../server/src/core/editing/outline';
import { SEVERITIES, type Finding } from '../../../server/src/core/findings';
import { TOOL_LIMITS } from '../../../server/src/core/limits';
import type { ModelNode } from '../../../server/src/core/model/node';
import { LineIndex, type TextRange } from '../../../server/src/core/text';
import { INTERNAL_ERROR_RULE_ID, type Analysis } from '../../../server/src/core/analysis';
import { RULES_BY_ID } from '../../../server/src/core/rules/registry';
import type { Expectation, FuzzInput } from './corpus';

/**
 * What must hold for every input, whatever it is: the checks return readable violations
 * (empty when all is well) so one run reports every broken input, not just the first.
 */

/** A finding reduced to what the three front ends all show: rule, start and end line/character. */
export interface Signature {
  readonly ruleId: string;
  readonly start: { line: number; character: number };
  readonly end: { line: number; character: number };
}

export function signatures(findings: readonly Finding[], lines: LineIndex): Signature[] {
  return findings.map((f) => ({ ruleId: f.ruleId, start: lines.positionAt(f.range.start), end: lines.positionAt(f.range.end) }));
}

export function signatureKey(s: Signature): string {
  return `${s.ruleId}@${s.start.line}:${s.start.character}-${s.end.line}:${s.end.character}`;
}

function inText(range: TextRange, length: number): boolean {
  return Number.isInteger(range.start) && Number.isInteger(range.end) && range.start >= 0 && range.start <= range.end && range.end <= length;
}

function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Every finding is well formed: a known rule, a severity, a message of bounded length, ranges inside the text. */
export function checkFindings(text: string, findings: readonly Finding[]): string[] {
  const problems: string[] = [];
  const perRule = new Map<string, number>();
  findings.forEach((f, i) => {
    const where = `finding ${i} (${f.ruleId})`;
    if (f.ruleId === INTERNAL_ERROR_RULE_ID) problems.push(`${where}: a rule threw: ${f.message}`);
    else if (!RULES_BY_ID.has(f.ruleId)) problems.push(`${where}: rule id is not registered`);
    if (!SEVERITIES.includes(f.severity)) problems.push(`${where}: severity '${String(f.severity)}'`);
    if (typeof f.message !== 'string' || f.message.trim() === '') problems.push(`${where}: empty message`);
    else if (f.message.length > TOOL_LIMITS.maxMessageChars) problems.push(`${where}: message of ${f.message.length} characters`);
    if (/Maximum call stack|RangeError|TypeError|undefined is not|Cannot read prop/.test(f.message)) problems.push(`${where}: message leaks an exception: ${f.message.slice(0, 200)}`);
    if (!inText(f.range, text.length)) problems.push(`${where}: range ${JSON.stringify(f.range)} outside the text (${text.length})`);
    else if (splitsSurrogatePair(text, f.range.start) || splitsSurrogatePair(text, f.range.end)) problems.push(`${where}: range ${JSON.stringify(f.range)} splits a surrogate pair`);
    for (const r of f.related ?? []) if (!inText(r.range, text.length)) problems.push(`${where}: related range ${JSON.stringify(r.range)} outside the text`);
    if (f.fix) {
      if (!f.fix.title) problems.push(`${where}: fix without a title`);
      const edits = [...f.fix.edits].sort((a, b) => a.range.start - b.range.start);
      edits.forEach((e, k) => {
        if (!inText(e.range, text.length)) problems.push(`${where}: fix edit range ${JSON.stringify(e.range)} outside the text`);
        if (k > 0 && e.range.start < edits[k - 1].range.end) problems.push(`${where}: fix edits overlap`);
      });
    }
    perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
    if (i > 0) {
      const p = findings[i - 1];
      if (p.range.start > f.range.start || (p.range.start === f.range.start && p.range.end > f.range.end)) problems.push(`${where}: findings not sorted by position`);
    }
  });
  for (const [ruleId, n] of perRule) if (n > TOOL_LIMITS.maxFindingsPerRule) problems.push(`${n} '${ruleId}' findings, over the ${TOOL_LIMITS.maxFindingsPerRule} listed per rule`);
  return problems;
}

/** The node tree: ranges inside the text, paths that match the tree, depth within the limit. Iterative. */
export function checkModel(analysis: Analysis): string[] {
  const { model } = analysis;
  const problems: string[] = [];
  const length = model.text.length;
  for (const c of model.comments) {
    if (!inText(c.range, length)) problems.push(`comment range ${JSON.stringify(c.range)} outside the text`);
    else if (model.text[c.range.start] !== '#') problems.push(`comment at ${c.range.start} does not start with '#'`);
  }
  if (!model.root) return problems;
  const pending: { node: ModelNode; depth: number }[] = [{ node: model.root, depth: 0 }];
  let visited = 0;
  while (pending.length > 0 && problems.length < 20) {
    const { node, depth } = pending.pop()!;
    visited++;
    if (depth > TOOL_LIMITS.maxDepth + 1) problems.push(`node at ${node.range.start} is ${depth} levels deep`);
    if (!inText(node.range, length)) problems.push(`node range ${JSON.stringify(node.range)} outside the text`);
    if (node.keyRange && !inText(node.keyRange, length)) problems.push(`key range ${JSON.stringify(node.keyRange)} outside the text`);
    if (node.pairRange && !inText(node.pairRange, length)) problems.push(`pair range ${JSON.stringify(node.pairRange)} outside the text`);
    if (node.kind === 'map') {
      for (const [key, child] of node.entries) {
        if (child.path[child.path.length - 1] !== key) problems.push(`entry '${key}' has path ${JSON.stringify(child.path)}`);
        pending.push({ node: child, depth: depth + 1 });
      }
    } else if (node.kind === 'seq') {
      for (const child of node.items) pending.push({ node: child, depth: depth + 1 });
    }
  }
  if (visited > length + TOOL_LIMITS.maxAliasExpansion + 10) problems.push(`${visited} nodes for ${length} characters`);
  return problems;
}

/** The lazy parts every front end reads (decision, measurements) must not throw either. */
export function checkLazyParts(analysis: Analysis): string[] {
  const problems: string[] = [];
  try {
    void analysis.decision;
  } catch (error) {
    problems.push(`analysis.decision threw: ${errorText(error)}`);
  }
  try {
    const measurements = analysis.measurements;
    for (const m of measurements) if (typeof m !== 'object' || m === null) problems.push('a measurement is not an object');
  } catch (error) {
    problems.push(`analysis.measurements threw: ${errorText(error)}`);
  }
  return problems;
}

/** The input's expectations against findings reduced to signatures (so the CLI and server use the same check). */
export function checkExpectations(input: FuzzInput, found: readonly (Signature & { covers?: string })[]): string[] {
  const problems: string[] = [];
  for (const e of input.expect ?? []) {
    const matching = found.filter((f) => matches(f, e));
    if (matching.length === 0) {
      const sameRule = found.filter((f) => f.ruleId === e.ruleId);
      problems.push(`expected ${describe(e)}; ${sameRule.length ? `'${e.ruleId}' found at ${sameRule.slice(0, 3).map((f) => `line ${f.start.line}${f.covers !== undefined ? ` covering ${JSON.stringify(f.covers.slice(0, 20))}` : ''}`).join(', ')}` : `found ${[...new Set(found.map((f) => f.ruleId))].join(', ') || 'nothing'}`}`);
    }
    if (e.once && found.filter((f) => f.ruleId === e.ruleId).length !== 1) problems.push(`expected exactly one '${e.ruleId}', found ${found.filter((f) => f.ruleId === e.ruleId).length}`);
  }
  for (const ruleId of input.absent ?? []) {
    const present = found.filter((f) => f.ruleId === ruleId);
    if (present.length > 0) problems.push(`expected no '${ruleId}', found ${present.length} (first at line ${present[0].start.line})`);
  }
  if (input.only) {
    const wanted = new Set((input.expect ?? []).map((e) => e.ruleId));
    const others = found.filter((f) => !wanted.has(f.ruleId));
    if (others.length > 0) problems.push(`expected only ${[...wanted].join(', ')}; also found ${[...new Set(others.map((f) => f.ruleId))].join(', ')}`);
  }
  return problems;
}

function matches(f: Signature & { covers?: string }, e: Expectation): boolean {
  return f.ruleId === e.ruleId && (e.line === undefined || f.start.line === e.line) && (e.covers === undefined || f.covers === undefined || f.covers === e.covers);
}

function describe(e: Expectation): string {
  return `'${e.ruleId}'${e.line !== undefined ? ` on line ${e.line}` : ''}${e.covers !== undefined ? ` covering ${JSON.stringify(e.covers)}` : ''}`;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n') : String(error);
}

/** Applies non-overlapping edits (later ones first). */
export function applyEdits(text: string, edits: readonly { range: TextRange; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) out = out.slice(0, e.range.start) + e.newText + out.slice(e.range.end);
  return out;
}

/** Every fix that does not overlap an earlier one, as one edit list ("fix all"). */
export function allFixEdits(findings: readonly Finding[]): { range: TextRange; newText: string }[] {
  const chosen: { range: TextRange; newText: string }[] = [];
  for (const f of findings) {
    if (!f.fix) continue;
    const edits = f.fix.edits;
    const clash = edits.some((e) => chosen.some((c) => e.range.start < c.range.end && c.range.start < e.range.end || (e.range.start === c.range.start && e.range.end === c.range.end)));
    if (!clash) chosen.push(...edits);
  }
  return chosen;
}

/**
 * The editor features the server builds on the same analysis: hover and completion at the
 * given offsets, the outline and the folding ranges. No exception; ranges inside the text.
 */
export function checkEditing(analysis: Analysis, offsets: readonly number[]): string[] {
  const { model } = analysis;
  const problems: string[] = [];
  const length = model.text.length;
  const attempt = (what: string, run: () => void) => {
    try {
      run();
    } catch (error) {
      problems.push(`${what} threw: ${errorText(error)}`);
    }
  };
  for (const offset of offsets) {
    attempt(`hover at ${offset}`, () => {
      const hover = hoverAt(analysis, offset, { ruleDocUrl: (id) => `https://example.com/${id}.md` });
      if (hover && !inText(hover.range, length)) problems.push(`hover at ${offset}: range ${JSON.stringify(hover.range)} outside the text`);
    });
    attempt(`completion at ${offset}`, () => {
      for (const c of completionsAt(model.text, offset, model.lines)) if (!inText(c.replace, length)) problems.push(`completion '${c.label}' at ${offset}: replace range ${JSON.stringify(c.replace)} outside the text`);
    });
  }
  attempt('outline', () => {
    const pending: OutlineSymbol[] = [...documentOutline(model)];
    while (pending.length > 0) {
      const symbol = pending.pop()!;
      if (!inText(symbol.range, length) || !inText(symbol.selection, length)) problems.push(`outline symbol '${symbol.name}' has a range outside the text`);
      for (const child of symbol.children) pending.push(child);
    }
  });
  attempt('folding', () => {
    for (const f of foldingRanges(model)) if (f.startLine < 0 || f.endLine < f.startLine || f.endLine >= model.lines.lineCount) problems.push(`folding range ${f.startLine}-${f.endLine} outside the ${model.lines.lineCount} lines`);
  });
  return problems;
}
