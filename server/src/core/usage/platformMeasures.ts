import type { Design } from '../model/design';
import type { Measurement } from './measurement';

/** Limits of the other paths: event deliveries and retention, callouts, request rates, Canvas calls. */
export function measurePlatform(_design: Design): Measurement[] {
  return [];
}
