import type { Design } from '../model/design';
import { PATHS } from './index';
import type { Measurement } from '../measurement';
import { measureOrg } from './orgMeasures';

/** Every limit the design states a value for (each path's, and the org's allocations), with how close it comes, in document order. */
export function measure(design: Design): Measurement[] {
  return [...PATHS.flatMap((p) => p.measure?.(design) ?? []), ...measureOrg(design)].sort((a, b) => a.node.range.start - b.node.range.start);
}
