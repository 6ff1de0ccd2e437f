import { formatCount } from '../../format/quantities';
import type { ConnectPath, Design, Mapping } from '../../model/design';
import type { ModelNode } from '../../model/node';

/** One counted number of rows and where the design states it. */
export interface RowCount {
  readonly count: number;
  readonly node: ModelNode;
  /** "the Account mapping", "mapping 3", "requirements.volume.rows". */
  readonly label: string;
}

export interface RowTotal {
  readonly total: number;
  /** Where each counted number is stated (the nodes of `parts`, in the same order). */
  readonly nodes: readonly ModelNode[];
  /** Each counted number with its node, for per-location messages. */
  readonly parts: readonly RowCount[];
  /** 'mappings' when summed over mappings, 'requirements' when taken from requirements.volume.rows. */
  readonly from: 'mappings' | 'requirements';
  /** Mappings that state no rows, when summed over mappings: the total is then a lower bound. */
  readonly unstatedMappings: number;
}

/** "the Account mapping", or "mapping 2" when the object is not (validly) stated. */
export function mappingLabel(mapping: Mapping, index: number): string {
  return mapping.object ? `the ${mapping.object.value} mapping` : `mapping ${index + 1}`;
}

/**
 * Rows Heroku Connect will sync: the sum over mappings that state rows (Connect counts
 * across all mappings), else the design's stated volume. Undefined when neither is stated.
 */
export function connectRowTotal(design: Design, connect: ConnectPath | undefined = design.paths?.heroku_connect): RowTotal | undefined {
  const mappings = connect?.mappings?.items ?? [];
  const parts: RowCount[] = [];
  mappings.forEach((m, i) => {
    if (m.rows) parts.push({ count: m.rows.value, node: m.rows.node, label: mappingLabel(m, i) });
  });
  if (parts.length > 0) {
    return {
      total: parts.reduce((sum, p) => sum + p.count, 0), nodes: parts.map((p) => p.node), parts,
      from: 'mappings', unstatedMappings: mappings.length - parts.length,
    };
  }
  const stated = design.requirements?.volume?.rows;
  if (!stated) return undefined;
  const part: RowCount = { count: stated.value, node: stated.node, label: 'requirements.volume.rows' };
  return { total: stated.value, nodes: [stated.node], parts: [part], from: 'requirements', unstatedMappings: 0 };
}

/**
 * The total as a clause: "maps 11,000 rows", "maps at least 11,000 rows (1 mapping states
 * no rows)", "states 1,200,000 rows in requirements.volume.rows".
 */
export function describeRowTotal(rows: RowTotal): string {
  if (rows.from === 'requirements') return `states ${formatCount(rows.total)} rows in requirements.volume.rows`;
  if (rows.unstatedMappings === 0) return `maps ${formatCount(rows.total)} rows`;
  const n = rows.unstatedMappings;
  return `maps at least ${formatCount(rows.total)} rows (${n} mapping${n === 1 ? ' states' : 's state'} no rows)`;
}

/** Related-location message for one counted number: "6,000 rows counted here (the Account mapping)". */
export function describeRowCount(part: RowCount): string {
  return `${formatCount(part.count)} row${part.count === 1 ? '' : 's'} counted here (${part.label})`;
}
