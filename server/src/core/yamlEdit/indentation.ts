import type { MapNode } from '../model/node';
import type { ModelDocument } from '../model/parse';

/**
 * The indentation step the document uses below `map`'s entries: from the first entry that
 * is a block mapping with a key under it, else 2.
 */
export function nestedIndentStep(model: ModelDocument, map: MapNode): number {
  for (const child of map.entries.values()) {
    if (child.kind !== 'map' || child.flow || !child.keyRange) continue;
    const first = [...child.entries.values()][0];
    if (!first?.keyRange) continue;
    const step = model.lines.positionAt(first.keyRange.start).character - model.lines.positionAt(child.keyRange.start).character;
    if (step > 0) return step;
  }
  return 2;
}

/** The document's indentation step: from its first nested block mapping, else 2. */
export function documentIndentStep(model: ModelDocument): number {
  const root = model.root;
  return root?.kind === 'map' ? nestedIndentStep(model, root) : 2;
}
