import type { Finding } from '../findings';
import type { TextEdit } from '../text';

/**
 * The edits of every fix that does not overlap an earlier one (in document order), so they
 * can be applied together. Fixes left out can be applied after the document is re-checked.
 */
export function nonOverlappingFixEdits(findings: readonly Finding[]): { edits: TextEdit[]; applied: Finding[] } {
  const taken: TextEdit[] = [];
  const applied: Finding[] = [];
  const seen = new Set<string>();
  const fixable = [...findings].filter((f) => f.fix && f.fix.edits.length > 0).sort((a, b) => a.range.start - b.range.start);
  for (const finding of fixable) {
    const edits = finding.fix!.edits;
    const key = JSON.stringify(edits);
    if (seen.has(key)) continue; // two findings sharing one fix
    if (edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    seen.add(key);
    taken.push(...edits);
    applied.push(finding);
  }
  return { edits: taken.sort((a, b) => a.range.start - b.range.start), applied };
}

/** Overlapping, or two insertions at one point (their order would be ambiguous). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.range.start === b.range.start) return true;
  return a.range.start < b.range.end && b.range.start < a.range.end;
}
