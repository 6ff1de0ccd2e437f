import type { Design } from '../model/design';
import { measureConnect } from './connectMeasures';
import { measurePlatform } from './platformMeasures';
import type { Measurement } from './measurement';

/** Every limit the design states a value for, with how close it comes, in document order. */
export function measure(design: Design): Measurement[] {
  return [...measureConnect(design), ...measurePlatform(design)].sort((a, b) => a.node.range.start - b.node.range.start);
}
