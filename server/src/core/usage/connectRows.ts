import type { ConnectPath, Design } from '../model/design';
import type { ModelNode } from '../model/node';

export interface RowTotal {
  readonly total: number;
  /** Where each counted number is stated. */
  readonly nodes: readonly ModelNode[];
  /** 'mappings' when summed over mappings, 'requirements' when taken from requirements.volume.rows. */
  readonly from: 'mappings' | 'requirements';
}

/**
 * Rows Heroku Connect will sync: the sum over mappings that state rows (Connect counts
 * across all mappings), else the design's stated volume. Undefined when neither is stated.
 */
export function connectRowTotal(design: Design, connect: ConnectPath | undefined = design.paths?.heroku_connect): RowTotal | undefined {
  const mappings = connect?.mappings?.items ?? [];
  const counted = mappings.filter((m) => m.rows !== undefined);
  if (counted.length > 0) {
    return { total: counted.reduce((sum, m) => sum + (m.rows?.value ?? 0), 0), nodes: counted.map((m) => m.rows!.node), from: 'mappings' };
  }
  const stated = design.requirements?.volume?.rows;
  return stated ? { total: stated.value, nodes: [stated.node], from: 'requirements' } : undefined;
}
