import type { Finding } from '../findings';
import type { ModelDocument } from '../model/parse';
import type { LineIndex, TextRange } from '../text';
import { removeCommentEdit, removeListedWordEdit } from '../yamlEdit/commentRemoval';

export const SUPPRESSION_PREFIX = 'integration-lint-disable';
export const UNUSED_SUPPRESSION_RULE_ID = 'unused-suppression';

/**
 * Inline suppressions, in comments:
 *   # integration-lint-disable-next-line rule-a, rule-b -- reason
 *   # integration-lint-disable rule-a            (whole file)
 * Without rule ids a directive covers every rule.
 */
export interface Suppression {
  readonly scope: 'next-line' | 'file';
  /** Zero-based line the directive covers ('next-line' only). */
  readonly line: number;
  /** Rule ids with the range of each id in the comment; empty means every rule. */
  readonly rules: readonly { readonly id: string; readonly range: TextRange }[];
  /** The whole comment. */
  readonly range: TextRange;
  readonly ownLine: boolean;
}

const DIRECTIVE = /^integration-lint-disable(-next-line)?(?=\s|$)/;

export function parseSuppressions(model: ModelDocument): Suppression[] {
  const out: Suppression[] = [];
  const nextContentLine = nextContentLineFinder(model);
  for (const comment of model.comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const hashOffset = model.text.indexOf(comment.text, comment.range.start);
    const body = comment.text.slice(match[0].length).split(/\s--\s|\s--$/)[0];
    const rules: { id: string; range: TextRange }[] = [];
    const idPattern = /[A-Za-z0-9][A-Za-z0-9-]*/g;
    let id: RegExpExecArray | null;
    while ((id = idPattern.exec(body))) {
      const start = hashOffset + match[0].length + id.index;
      rules.push({ id: id[0], range: { start, end: start + id[0].length } });
    }
    const line = model.lines.positionAt(comment.range.start).line;
    out.push({
      scope: match[1] ? 'next-line' : 'file',
      line: comment.ownLine ? nextContentLine(line) : line,
      rules, range: comment.range, ownLine: comment.ownLine,
    });
  }
  return out;
}

/**
 * The line a next-line directive covers: the next line that is not blank or a comment.
 * Remembers the answer for the run of blank and comment lines it crossed, so a stack of
 * thousands of directive lines costs one pass instead of one pass per directive.
 */
function nextContentLineFinder(model: ModelDocument): (line: number) => number {
  /** Line → the first content line at or after it (-1: none before the end). */
  const known = new Map<number, number>();
  return (line) => {
    let found = -1;
    let l = line + 1;
    for (; l < model.lines.lineCount; l++) {
      const cached = known.get(l);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      const text = model.lines.lineText(l).trim();
      if (text !== '' && !text.startsWith('#')) {
        found = l;
        break;
      }
    }
    for (let crossed = line + 1; crossed < l; crossed++) known.set(crossed, found);
    return found < 0 ? line + 1 : found;
  };
}

export interface SuppressionResult {
  readonly kept: Finding[];
  readonly suppressed: Finding[];
  readonly unused: Finding[];
  /** The directives the document's comments hold (the estate applies them to its own findings). */
  readonly suppressions: readonly Suppression[];
}

/**
 * Removes suppressed findings and reports each directive (or rule id in it) that
 * suppressed nothing. `knownRuleIds` tells a misspelt id from an unused one. Rule ids in
 * `judgedElsewhere` are never reported as unused here: their findings come from another pass (the
 * rules that compare documents, run by the estate), which applies the same directives to them.
 */
export function applySuppressions(model: ModelDocument, findings: readonly Finding[], knownRuleIds: ReadonlySet<string>, judgedElsewhere: ReadonlySet<string> = new Set()): SuppressionResult {
  const suppressions = parseSuppressions(model);
  if (suppressions.length === 0) return { kept: [...findings], suppressed: [], unused: [], suppressions };
  const firstCovering = coveringIndex(suppressions);
  const used = new Set<string>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) {
    const line = model.lines.positionAt(finding.range.start).line;
    const by = firstCovering(line, finding.ruleId);
    if (by < 0 || finding.ruleId === UNUSED_SUPPRESSION_RULE_ID) {
      kept.push(finding);
      continue;
    }
    suppressed.push(finding);
    const s = suppressions[by];
    used.add(s.rules.length === 0 ? `${by}` : `${by}:${finding.ruleId}`);
  }
  const unused: Finding[] = [];
  suppressions.forEach((s, index) => {
    const removeComment = { title: 'Remove this suppression comment', edits: [removeCommentEdit(model, s.range, s.ownLine)] };
    if (s.rules.length === 0) {
      if (!used.has(`${index}`)) {
        unused.push({ ruleId: UNUSED_SUPPRESSION_RULE_ID, severity: 'hint', range: s.range, unnecessary: true, message: 'Unused suppression: nothing here is reported.', fix: removeComment });
      }
      return;
    }
    const unusedIds = s.rules.filter((r) => !used.has(`${index}:${r.id}`) && !judgedElsewhere.has(r.id));
    for (const r of unusedIds) {
      const message = knownRuleIds.has(r.id)
        ? `Unused suppression: '${r.id}' reports nothing ${s.scope === 'file' ? 'in this file' : 'on the line it covers'}.`
        : `Unknown rule '${r.id}' in suppression: it suppresses nothing.`;
      const fix = unusedIds.length === s.rules.length ? removeComment : { title: `Remove '${r.id}' from this suppression`, edits: [removeListedWordEdit(model.text, r.range)] };
      unused.push({ ruleId: UNUSED_SUPPRESSION_RULE_ID, severity: knownRuleIds.has(r.id) ? 'hint' : 'warning', range: r.range, unnecessary: true, message, fix });
    }
  });
  return { kept, suppressed, unused, suppressions };
}

/**
 * Splits findings computed outside `analyze` (the estate's) into those a document's directives
 * suppress and the others. Unused directives are not judged here (see applySuppressions).
 */
export function splitSuppressed(suppressions: readonly Suppression[], lines: LineIndex, findings: readonly Finding[]): { kept: Finding[]; suppressed: Finding[] } {
  if (suppressions.length === 0) return { kept: [...findings], suppressed: [] };
  const firstCovering = coveringIndex(suppressions);
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const finding of findings) (firstCovering(lines.positionAt(finding.range.start).line, finding.ruleId) < 0 ? kept : suppressed).push(finding);
  return { kept, suppressed };
}

/** The first directives (by index) covering every rule, and each rule id, in one scope. */
interface ScopeIndex {
  all: number;
  readonly byRule: Map<string, number>;
}

/**
 * `(line, ruleId) →` the index of the first suppression covering that finding, or -1: the
 * same answer as searching the list for each finding, without the cost of that search
 * (findings × directives), which took tens of seconds on files with thousands of each.
 */
function coveringIndex(suppressions: readonly Suppression[]): (line: number, ruleId: string) => number {
  const file: ScopeIndex = { all: -1, byRule: new Map() };
  const lines = new Map<number, ScopeIndex>();
  suppressions.forEach((s, index) => {
    let scope = file;
    if (s.scope === 'next-line') {
      scope = lines.get(s.line) ?? { all: -1, byRule: new Map() };
      lines.set(s.line, scope);
    }
    if (s.rules.length === 0) {
      if (scope.all < 0) scope.all = index;
    } else {
      for (const r of s.rules) if (!scope.byRule.has(r.id)) scope.byRule.set(r.id, index);
    }
  });
  const first = (scope: ScopeIndex | undefined, ruleId: string): number => {
    if (!scope) return -1;
    const byRule = scope.byRule.get(ruleId) ?? -1;
    return scope.all < 0 ? byRule : byRule < 0 ? scope.all : Math.min(scope.all, byRule);
  };
  return (line, ruleId) => {
    const inFile = first(file, ruleId);
    const onLine = first(lines.get(line), ruleId);
    return inFile < 0 ? onLine : onLine < 0 ? inFile : Math.min(inFile, onLine);
  };
}
