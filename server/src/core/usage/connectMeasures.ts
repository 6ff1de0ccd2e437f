import type { Design } from '../model/design';
import type { Measurement } from './measurement';

/** Heroku Connect limits: rows against the demo cap or the contract, polling against the plan's minimum, PushTopics. */
export function measureConnect(_design: Design): Measurement[] {
  return [];
}
