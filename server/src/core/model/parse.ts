import { Composer, CST, isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, Parser, type Alias, type Document, type Node as YamlNode } from 'yaml';
import { TOOL_LIMITS } from '../limits';
import type { Finding } from '../findings';
import type { MapNode, ModelNode, NodePath, ScalarNode, SeqNode } from './node';
import { LineIndex, type TextRange } from '../text';
import { formatNumber } from '../format/numbers';

/** The structural problems the parser itself finds. Their ids are rule ids too. */
export const SYNTAX_RULE_IDS = {
  syntax: 'yaml-syntax',
  duplicateKey: 'duplicate-key',
  multipleDocuments: 'multiple-documents',
  tooLarge: 'document-too-large',
  aliasLimit: 'alias-expansion-limit',
  tooDeep: 'nesting-too-deep',
  complexKey: 'unsupported-key',
} as const;

/** A parsed design: the text, its line index, the node tree and what the parser found. */
export interface ModelDocument {
  readonly text: string;
  readonly lines: LineIndex;
  /** The root node, or undefined for an empty document or one too large to read. */
  readonly root: ModelNode | undefined;
  readonly findings: readonly Finding[];
  /** Comments with their ranges, for suppression directives. */
  readonly comments: readonly Comment[];
}

export interface Comment {
  readonly range: TextRange;
  /** Text after '#', trimmed. */
  readonly text: string;
  /** The comment is alone on its line. */
  readonly ownLine: boolean;
}

export function parseModel(text: string): ModelDocument {
  const lines = new LineIndex(text);
  if (text.length > TOOL_LIMITS.maxDocumentChars) {
    return {
      text, lines, root: undefined, comments: [],
      findings: [{
        ruleId: SYNTAX_RULE_IDS.tooLarge, severity: 'error', range: { start: 0, end: Math.min(text.length, lines.lineEnd(0)) },
        message: `Document too large to validate: ${formatNumber(text.length)} characters, over the ${formatNumber(TOOL_LIMITS.maxDocumentChars)} this tool reads. A design is normally a few hundred lines.`,
      }],
    };
  }
  const findings: Finding[] = [];
  // parseAllDocuments in two steps, so nesting too deep to read is cut from the syntax tree
  // before the composer (which recurses per level) sees it.
  // The composer makes an Error per YAML error (hundreds of thousands for a line of stray
  // quotes); without capturing their stacks, which nobody reads, that is three times faster.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  let list: Document.Parsed[];
  let prunedAt: number | undefined;
  try {
    const tokens = Array.from(new Parser().parse(text));
    prunedAt = pruneDeepNesting(tokens, TOOL_LIMITS.maxDepth + 1);
    list = Array.from(new Composer({ uniqueKeys: false, keepSourceTokens: false }).compose(tokens)) as Document.Parsed[];
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  // Where the yaml composer ran out of stack anyway (it reports RESOURCE_EXHAUSTION "Maximum
  // call stack size exceeded"): that is nesting-too-deep, not a syntax error.
  let exhaustedAt: TextRange | undefined = prunedAt === undefined ? undefined : { start: prunedAt, end: prunedAt };
  const reported = new Set<string>(); // nested unclosed brackets repeat one error at one spot
  let listed = 0;
  let unlisted = 0; // syntax errors past TOOL_LIMITS.maxFindingsPerRule: counted, not built
  for (const doc of list) {
    for (const error of doc.errors) {
      const key = `${error.pos[0]}:${error.pos[1]}:${error.code}`;
      if (reported.has(key)) continue;
      if (listed >= TOOL_LIMITS.maxFindingsPerRule && error.code !== 'RESOURCE_EXHAUSTION') {
        unlisted++;
        continue;
      }
      reported.add(key);
      if (error.code === 'RESOURCE_EXHAUSTION') {
        exhaustedAt ??= clampRange(error.pos, text.length);
        continue;
      }
      // The parser reports an unclosed quote where the text ends, maybe far below the
      // mistake: point at the quote that opens the string instead.
      const opening = error.code === 'MISSING_CHAR' && /^Missing closing .?quote/.test(error.message) ? openingQuote(doc, error.pos[0]) : undefined;
      listed++;
      findings.push({
        ruleId: SYNTAX_RULE_IDS.syntax, severity: 'error', range: opening ?? wholeCharacters(clampRange(error.pos, text.length), text),
        message: opening ? `YAML syntax error: this quoted string is never closed (${firstLine(error.message)})` : `YAML syntax error: ${firstLine(error.message)}`,
      });
    }
  }
  if (unlisted > 0) {
    const last = findings.length - 1;
    findings[last] = { ...findings[last], message: `${findings[last].message} (${formatNumber(unlisted)} more YAML syntax errors after this one are not listed.)` };
  }
  for (let i = 1; i < list.length; i++) {
    const start = list[i].range[0];
    findings.push({
      ruleId: SYNTAX_RULE_IDS.multipleDocuments, severity: 'error', range: { start, end: Math.max(start, lines.lineEnd(lines.positionAt(start).line)) },
      message: 'A design file holds one integration: this second YAML document is ignored. Put it in its own file.',
    });
  }
  const first = list[0];
  const builder = new TreeBuilder(first, text, findings);
  const root = first?.contents ? builder.build(first.contents as YamlNode, [], 0) : undefined;
  if (exhaustedAt) builder.reportTooDeep(exhaustedAt);
  // Comments in ignored documents (after a second `---`) are ignored too: their directives
  // would only be reported as unused.
  const end = list.length > 1 ? list[1].range[0] : text.length;
  const comments = scanComments(text, lines, multiLineScalars(list, text)).filter((c) => c.range.start < end);
  return { text, lines, root, findings, comments };
}

class TreeBuilder {
  private aliasBudget: number = TOOL_LIMITS.maxAliasExpansion;
  /**
   * Characters of scalar text reached through aliases: at most the document's own size, so
   * rules that scan text (secrets) stay linear. Without it a 900 KB string aliased 10,000
   * times (one 1 MB file) made the rules read 9 GB of text: minutes.
   */
  private aliasChars: number = TOOL_LIMITS.maxDocumentChars;
  private aliasReported = false;
  /** The alias being expanded (outermost): where an alias-limit finding points, not inside the anchor. */
  private aliasSite: TextRange | undefined;
  private depthReported = false;
  /** Alias → anchored node, computed once (see aliasTargets). */
  private targets: Map<Alias, YamlNode> | undefined;

  constructor(
    private readonly doc: Document.Parsed | undefined,
    private readonly text: string,
    private readonly findings: Finding[],
  ) {}

  private reportAliasLimit(range: TextRange, what: string): void {
    if (this.aliasReported) return;
    this.aliasReported = true;
    this.findings.push({ ruleId: SYNTAX_RULE_IDS.aliasLimit, severity: 'error', range, message: `Alias expansion limit: aliases here expand to more than ${what}, so the rest is not read.` });
  }

  /** One nesting-too-deep finding per document, wherever the depth was first exceeded. */
  reportTooDeep(range: TextRange): void {
    if (this.depthReported) return;
    this.depthReported = true;
    this.findings.push({ ruleId: SYNTAX_RULE_IDS.tooDeep, severity: 'error', range, message: `Nesting deeper than ${TOOL_LIMITS.maxDepth} levels is not read; the design format is at most 6 levels deep.` });
  }

  /**
   * `keyRange` and `pairRange` place a mapping's value; they are passed down rather than
   * added afterwards so each node is created once (this runs for every node, per keystroke).
   */
  build(node: YamlNode, path: NodePath, depth: number, inAlias = false, at?: TextRange, keyRange?: TextRange, pairRange?: TextRange): ModelNode | undefined {
    const range = at ?? rangeOf(node, this.text.length);
    if (depth > TOOL_LIMITS.maxDepth) {
      this.reportTooDeep(range);
      return undefined;
    }
    if (isAlias(node)) {
      this.targets ??= this.doc ? aliasTargets(this.doc) : new Map();
      const target = this.targets.get(node);
      if (!target) {
        // The yaml parser leaves unresolved aliases to toJS(), which this tool never calls.
        if (!inAlias) this.findings.push({ ruleId: SYNTAX_RULE_IDS.syntax, severity: 'error', range, message: `YAML syntax error: the alias *${node.source} has no anchor &${node.source} before it.` });
        return undefined;
      }
      if (inAlias) return this.build(target, path, depth + 1, true, range, keyRange, pairRange);
      this.aliasSite = range;
      try {
        return this.build(target, path, depth + 1, true, range, keyRange, pairRange);
      } finally {
        this.aliasSite = undefined;
      }
    }
    if (inAlias && --this.aliasBudget < 0) {
      this.reportAliasLimit(this.aliasSite ?? range, `${formatNumber(TOOL_LIMITS.maxAliasExpansion)} nodes`);
      return undefined;
    }
    if (inAlias && isScalar(node) && typeof node.value === 'string' && (this.aliasChars -= node.value.length) < 0) {
      this.reportAliasLimit(this.aliasSite ?? range, `${formatNumber(TOOL_LIMITS.maxDocumentChars)} characters of text`);
      return undefined;
    }
    if (isMap(node)) return this.buildMap(node, path, depth, inAlias, range, keyRange, pairRange);
    if (isSeq(node)) {
      const items: ModelNode[] = [];
      for (let index = 0; index < node.items.length; index++) {
        const item = node.items[index] as YamlNode | null;
        const child = item ? this.build(item, [...path, index], depth + 1, inAlias) : undefined;
        if (child) items.push(child);
      }
      const seq: SeqNode = { kind: 'seq', path, range, keyRange, pairRange, items, flow: node.flow === true };
      return seq;
    }
    if (isScalar(node)) {
      const value = node.value;
      const scalar: ScalarNode = {
        kind: 'scalar', path, range, keyRange, pairRange,
        value: typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : value === null || value === undefined ? null : String(value),
        source: this.text.slice(range.start, range.end),
        style: String(node.type ?? 'PLAIN'),
      };
      return scalar;
    }
    return undefined;
  }

  private buildMap(node: YamlNode & { items: unknown[]; flow?: boolean }, path: NodePath, depth: number, inAlias: boolean, range: TextRange, ownKeyRange?: TextRange, ownPairRange?: TextRange): MapNode {
    const entries = new Map<string, ModelNode>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyRange = keyNode ? rangeOf(keyNode, this.text.length) : range;
      if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number' && typeof keyNode.value !== 'boolean')) {
        if (!inAlias && keyNode) this.findings.push({ ruleId: SYNTAX_RULE_IDS.complexKey, severity: 'error', range: keyRange, message: 'Keys must be plain words such as `plan`; this key is not read.' });
        continue;
      }
      const key = String(keyNode.value);
      const valueNode = pair.value as YamlNode | null;
      const valueRange = valueNode ? rangeOf(valueNode, this.text.length) : { start: keyRange.end, end: keyRange.end };
      const earlier = entries.get(key);
      if (earlier) {
        if (!inAlias) {
          const first = earlier.keyRange ?? earlier.range;
          this.findings.push({
            ruleId: SYNTAX_RULE_IDS.duplicateKey, severity: 'error', range: keyRange,
            message: `Duplicate key '${key}': only the first one is read.`,
            related: [{ range: first, message: `First '${key}' is here` }],
          });
        }
        continue;
      }
      const childPath = [...path, key];
      // Inside an alias the text of the key is elsewhere: point at the alias.
      const childKeyRange = inAlias ? range : keyRange;
      const childPairRange = inAlias ? range : { start: keyRange.start, end: Math.max(valueRange.end, keyRange.end) };
      const child: ModelNode = (valueNode && this.build(valueNode, childPath, depth + 1, inAlias, undefined, childKeyRange, childPairRange))
        || emptyScalar(childPath, valueRange, childKeyRange, childPairRange);
      entries.set(key, child);
    }
    return { kind: 'map', path, range, keyRange: ownKeyRange, pairRange: ownPairRange, entries, flow: node.flow === true };
  }
}

/**
 * Each alias's node: the last node before it (in document order) with that anchor, as YAML
 * and `Alias.resolve` define it. One iterative pass: `Alias.resolve` walks the whole
 * document for every alias, which made a file of many aliases take minutes, and recursion
 * could overflow the stack on deep documents.
 */
function aliasTargets(doc: Document.Parsed): Map<Alias, YamlNode> {
  const targets = new Map<Alias, YamlNode>();
  const anchors = new Map<string, YamlNode>();
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const item = pending.pop();
    if (isAlias(item)) {
      const target = anchors.get(item.source);
      if (target) targets.set(item, target);
    } else if (isPair(item)) {
      pending.push(item.value, item.key); // the key comes first in document order
    } else if (isNode(item)) {
      if (item.anchor) anchors.set(item.anchor, item);
      if (isCollection(item)) for (let i = item.items.length - 1; i >= 0; i--) pending.push(item.items[i]);
    }
  }
  return targets;
}

function emptyScalar(path: NodePath, range: TextRange, keyRange?: TextRange, pairRange?: TextRange): ScalarNode {
  return { kind: 'scalar', path, range, keyRange, pairRange, value: null, source: '', style: 'PLAIN' };
}

function rangeOf(node: YamlNode, length: number): TextRange {
  const r = node.range;
  if (!r) return { start: 0, end: 0 };
  return clampRange([r[0], r[1]], length);
}

function clampRange(pos: readonly [number, number], length: number): TextRange {
  const start = Math.max(0, Math.min(pos[0], length));
  const end = Math.max(start, Math.min(pos[1], length));
  return { start, end };
}

/** Widens a range that starts or ends between the two halves of a surrogate pair (an emoji) to the whole character. */
function wholeCharacters(range: TextRange, text: string): TextRange {
  const splits = (at: number) => at > 0 && at < text.length && /[\uD800-\uDBFF]/.test(text[at - 1]) && /[\uDC00-\uDFFF]/.test(text[at]);
  return { start: splits(range.start) ? range.start - 1 : range.start, end: splits(range.end) ? range.end + 1 : range.end };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * Finds `#` comments line by line. A `#` starts a comment at the line start or after
 * whitespace, outside quotes; that is all the suppression directives need.
 */
function scanComments(text: string, lines: LineIndex, scalarText: readonly TextRange[]): Comment[] {
  const comments: Comment[] = [];
  if (!text.includes('#')) return comments;
  let inside = 0; // index into scalarText (sorted), advanced as the lines go by
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    const hash = commentStart(content);
    if (hash < 0) continue;
    const start = lines.lineStart(line) + hash;
    while (inside < scalarText.length && scalarText[inside].end <= start) inside++;
    // A `#` line inside a block scalar (`summary: |`) or a multi-line quoted string is text:
    // read as a comment, "# integration-lint-disable" there would silence the whole file.
    if (inside < scalarText.length && scalarText[inside].start <= start) continue;
    comments.push({
      range: { start, end: lines.lineStart(line) + content.length },
      text: content.slice(hash + 1).trim(),
      ownLine: content.slice(0, hash).trim() === '',
    });
  }
  return comments;
}

/**
 * Empties every collection nested deeper than `maxDepth` in the concrete syntax tree, and
 * returns where the first one starts. The yaml composer recurses per level and runs out of
 * stack a few hundred levels down, at a depth that depends on the caller's stack, so the CLI
 * and the server read the same hostile file differently; the model never reads past
 * TOOL_LIMITS.maxDepth anyway. Iterative: the syntax tree itself can be deep.
 */
function pruneDeepNesting(tokens: readonly CST.Token[], maxDepth: number): number | undefined {
  let first: number | undefined;
  const pending: { token: CST.Token; depth: number }[] = [];
  for (const token of tokens) if (token.type === 'document' && token.value) pending.push({ token: token.value, depth: 0 });
  while (pending.length > 0) {
    const { token, depth } = pending.pop()!;
    if (!CST.isCollection(token)) continue;
    if (depth > maxDepth) {
      first = Math.min(first ?? token.offset, token.offset);
      token.items = [];
      continue;
    }
    for (const item of token.items) {
      if (item.key) pending.push({ token: item.key, depth: depth + 1 });
      if (item.value) pending.push({ token: item.value, depth: depth + 1 });
    }
  }
  return first;
}

/** The opening quote of the quoted scalar that runs unclosed to `end`. */
function openingQuote(doc: Document.Parsed, end: number): TextRange | undefined {
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const item = pending.pop();
    if (isPair(item)) pending.push(item.value, item.key);
    else if (isCollection(item)) for (const child of item.items) pending.push(child); // no spread: lists can be huge
    else if (isScalar(item) && (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE') && item.range?.[1] === end) {
      return { start: item.range[0], end: item.range[0] + 1 };
    }
  }
  return undefined;
}

/**
 * The text of every scalar that spans lines (block scalars, multi-line quoted strings), from
 * the end of its first line: the lines where a `#` is text, not a comment. Sorted; iterative
 * so deep documents cannot overflow the stack.
 */
function multiLineScalars(docs: readonly Document.Parsed[], text: string): TextRange[] {
  const ranges: TextRange[] = [];
  if (!text.includes('#')) return ranges;
  const pending: unknown[] = docs.map((d) => d.contents).reverse();
  while (pending.length > 0) {
    const item = pending.pop();
    if (isPair(item)) {
      pending.push(item.value, item.key);
    } else if (isScalar(item)) {
      const r = item.range;
      if (r && item.type !== 'PLAIN') {
        const firstBreak = text.slice(r[0], r[1]).search(/[\r\n]/); // within the scalar only: linear overall
        if (firstBreak >= 0) ranges.push({ start: r[0] + firstBreak, end: r[1] });
      }
    } else if (isCollection(item)) {
      for (let i = item.items.length - 1; i >= 0; i--) pending.push(item.items[i]);
    }
  }
  return ranges;
}

/** Where a `#` comment starts on a line (outside quotes, at the start or after whitespace), or -1. */
export function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") {
      if (i === 0 || /[\s:[{,-]/.test(line[i - 1])) quote = c;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return i;
  }
  return -1;
}
