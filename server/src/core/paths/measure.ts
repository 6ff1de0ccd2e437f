import type { Design } from '../model/design';
import { PATHS } from './index';
import type { Measurement } from '../measurement';

/** Every limit the design states a value for, with how close it comes, in document order. */
export function measure(design: Design): Measurement[] {
  return PATHS.flatMap((p) => p.measure?.(design) ?? []).sort((a, b) => a.node.range.start - b.node.range.start);
}
