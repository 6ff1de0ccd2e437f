import { fact, factMilliseconds, factValue, formatFactValue, type FactId } from '../../knowledge/facts';
import type { ApexCalloutPath, Design, Field } from '../../model/design';
import type { ModelNode } from '../../model/node';
import { inFactUnit, ratioOf, type Measurement } from '../../measurement';

/*
 * The numbers behind this path's rules, computed once here so a rule (value over the limit)
 * and the risk register (value near the limit) never disagree.
 */

export interface CalloutTimeout {
  readonly ms: number;
  /** Absent when the design does not state a timeout and Apex's default applies. */
  readonly node?: ModelNode;
}

export function calloutTimeout(apex: ApexCalloutPath): CalloutTimeout {
  return apex.timeout ? { ms: apex.timeout.value, node: apex.timeout.node } : { ms: factMilliseconds('apex-callout-default-timeout') };
}

export interface CalloutTotal {
  readonly callouts: Field<number>;
  readonly timeout: CalloutTimeout;
  /** The longest one callout can wait: its timeout, or the Heroku router's when that is shorter. */
  readonly perCalloutMs: number;
  /** True when the router's timeout, not the Apex timeout, bounds each callout. */
  readonly cappedByRouter: boolean;
  /** Worst case: every callout waits as long as it can. */
  readonly totalMs: number;
}

/**
 * The longest a transaction's callouts can take together; undefined when the timeout alone is
 * invalid. The endpoint is a Heroku app, so the router ends each request at its timeout: a
 * longer Apex timeout never makes a callout wait longer.
 */
export function calloutTotal(apex: ApexCalloutPath): CalloutTotal | undefined {
  const callouts = apex.callouts_per_transaction;
  if (!callouts) return undefined;
  const timeout = calloutTimeout(apex);
  if (timeout.ms > factMilliseconds('apex-callout-max-timeout')) return undefined;
  const router = factMilliseconds('heroku-router-timeout');
  const perCalloutMs = Math.min(timeout.ms, router);
  return { callouts, timeout, perCalloutMs, cappedByRouter: timeout.ms > router, totalMs: callouts.value * perCalloutMs };
}

/** True when the callouts already run in asynchronous Apex (Queueable, @future, batch, scheduled). */
export function calloutsAreAsync(apex: ApexCalloutPath): boolean {
  const context = apex.context?.value;
  return context === 'queueable' || context === 'future' || context === 'batch' || context === 'scheduled';
}

/** What to do about callouts that can outlast the per-transaction total, for where they run. */
export function totalTimeMitigation(apex: ApexCalloutPath): string {
  return calloutsAreAsync(apex)
    ? 'Make fewer callouts per transaction, lower the timeout, or split the callouts across more Queueable jobs (each job is a transaction with its own total).'
    : 'Make fewer callouts per transaction, lower the timeout, or move the callouts to Queueable jobs.';
}

/** Apex callout limits: callouts per transaction, the timeout against the router's, the worst-case total time. */
export function measureApex(design: Design): Measurement[] {
  const apex = design.paths?.apex_callout;
  if (!apex) return [];
  const out: Measurement[] = [];
  const callouts = apex.callouts_per_transaction;
  if (callouts) {
    const id: FactId = 'apex-callouts-per-transaction';
    const limit = factValue(id);
    out.push({
      id: 'apex-callouts-per-transaction', label: 'Apex callouts per transaction vs the governor limit',
      value: callouts.value, limit, unit: 'callouts', ratio: ratioOf(callouts.value, limit), fact: id, node: callouts.node,
      impact: `A transaction can make at most ${formatFactValue(fact(id))}; the next one throws a limit exception that cannot be caught.`,
      mitigation: 'Bulkify: send many records per callout, or split the work across Queueable jobs.',
      exceededRule: 'apex-callout-limit',
    });
  }
  if (apex.timeout) {
    const id: FactId = 'heroku-router-timeout';
    const limit = factValue(id);
    const value = inFactUnit(apex.timeout.value, id);
    out.push({
      id: 'apex-callout-timeout', label: 'Apex callout timeout vs the Heroku router timeout',
      value, limit, unit: fact(id).unit ?? 'seconds', ratio: ratioOf(value, limit), fact: id, node: apex.timeout.node,
      impact: `The Heroku router ends a request after ${formatFactValue(fact(id))}, so a longer Apex timeout only waits for a failure.`,
      mitigation: 'Set the timeout to the router timeout or less, and make the Heroku endpoint answer within it.',
      exceededRule: 'apex-callout-router-timeout',
    });
  }
  const total = calloutTotal(apex);
  if (total) {
    const id: FactId = 'apex-callout-total-time';
    const limit = factValue(id);
    const value = inFactUnit(total.totalMs, id);
    out.push({
      id: 'apex-callout-total-time',
      label: `Worst-case callout time per transaction (callouts × ${total.cappedByRouter ? 'the timeout, capped by the Heroku router' : total.timeout.node ? 'timeout' : 'default timeout'}) vs the per-transaction total`,
      value, limit, unit: fact(id).unit ?? 'seconds', ratio: ratioOf(value, limit), fact: id, node: total.callouts.node,
      impact: `All callouts of one transaction may take ${formatFactValue(fact(id))} together; if slow responses add up past it, the transaction fails.`,
      mitigation: totalTimeMitigation(apex),
      exceededRule: 'apex-callout-total-time',
    });
  }
  return out;
}
