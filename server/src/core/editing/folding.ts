import type { ModelNode } from '../model/node';
import type { ModelDocument } from '../model/parse';

export interface FoldRange {
  /** Zero-based lines; the start line stays visible when folded. */
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: 'comment';
}

/** Folding ranges: every block mapping and list spanning lines (from its key), and comment blocks. */
export function foldingRanges(model: ModelDocument): FoldRange[] {
  const out: FoldRange[] = [];
  const lineOf = (offset: number) => model.lines.positionAt(offset).line;
  const visit = (node: ModelNode, from: number): void => {
    if (node.kind === 'scalar') return;
    const start = lineOf(from);
    const end = lineOf(Math.max(node.range.start, node.range.end - 1));
    if (end > start) out.push({ startLine: start, endLine: end });
    if (node.kind === 'map') for (const child of node.entries.values()) visit(child, child.keyRange?.start ?? child.range.start);
    else for (const item of node.items) visit(item, item.range.start);
  };
  if (model.root && model.root.kind !== 'scalar') {
    for (const child of model.root.kind === 'map' ? model.root.entries.values() : model.root.items.values()) {
      visit(child, child.keyRange?.start ?? child.range.start);
    }
  }
  // Runs of whole-line comments.
  let runStart = -1;
  let previous = -2;
  const flush = () => {
    if (runStart >= 0 && previous > runStart) out.push({ startLine: runStart, endLine: previous, kind: 'comment' });
  };
  for (const comment of model.comments) {
    if (!comment.ownLine) continue;
    const line = lineOf(comment.range.start);
    if (line !== previous + 1) {
      flush();
      runStart = line;
    }
    previous = line;
  }
  flush();
  // One range per start line (the widest); editors fold by start line.
  const sorted = out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return sorted.filter((r, i) => i === 0 || sorted[i - 1].startLine !== r.startLine);
}
