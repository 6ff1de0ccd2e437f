import { factMilliseconds, factValue, type FactId, type Unit } from './knowledge/facts';
import type { ModelNode } from './model/node';

/**
 * How close the design comes to one limit. The `limit-approaching` rule and the risk
 * register both read these, so "50% of a limit" is computed in one place.
 */
export interface Measurement {
  /** Stable id, e.g. 'connect-rows-demo-cap'. */
  readonly id: string;
  /** "Rows synchronized (all mappings) against the demo plan cap". */
  readonly label: string;
  readonly value: number;
  readonly limit: number;
  readonly unit: Unit;
  /** value / limit, or limit / value for limits that are floors (polling minimum). */
  readonly ratio: number;
  /** Where the limit comes from. For contractual limits, the fact says so and the number is the design's. */
  readonly fact: FactId;
  /** The limit is a number the design states (e.g. contracted rows), not a platform figure. */
  readonly limitFromDesign?: boolean;
  /** With limitFromDesign: the org's figure its estate states (its org file), not the design itself. */
  readonly limitFromOrg?: boolean;
  /** The limit is a floor (the polling minimum): the design's value should stay above it. */
  readonly floor?: boolean;
  /** Where the design states the value. */
  readonly node: ModelNode;
  readonly impact: string;
  readonly mitigation: string;
  /** The rule that reports this limit when it is exceeded. */
  readonly exceededRule: string;
}

/** A duration in milliseconds, expressed in the unit its fact is stated in (hours for retention, seconds for timeouts). */
export function inFactUnit(ms: number, id: FactId): number {
  return (ms / factMilliseconds(id)) * factValue(id);
}

/** value / limit, Infinity for a positive value against a zero limit. */
export function ratioOf(value: number, limit: number): number {
  return limit > 0 ? value / limit : value > 0 ? Infinity : 0;
}

/** "stated in the design", or "stated for the org" for a figure of the design's estate (its org file). */
export function statedLimit(m: Measurement): string {
  return m.limitFromOrg ? 'stated for the org' : 'stated in the design';
}
