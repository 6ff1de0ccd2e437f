import { fact, factMilliseconds, factValue, formatFactValue } from '../../knowledge/facts';
import { describeDuration, formatCount, formatDuration } from '../../format/quantities';
import { calloutTotal, totalTimeMitigation } from './measures';
import { fix } from '../../findings';
import { replaceValue } from '../../yamlEdit/scalar';
import { setKey } from '../../yamlEdit/keys';
import type { Rule } from '../../rule';

/** The timeout the fixes write: the Heroku router's, since waiting longer gains nothing. */
function routerTimeoutText(): string {
  return formatDuration(factMilliseconds('heroku-router-timeout'));
}

export const APEX_RULES: readonly Rule[] = [
  {
    id: 'apex-callout-limit',
    title: 'Too many callouts per Apex transaction',
    category: 'apex',
    defaultSeverity: 'error',
    rationale: 'Apex governor limits cap the callouts one transaction can make; the one past the cap throws a limit exception that cannot be caught, and the whole transaction rolls back.',
    facts: ['apex-callouts-per-transaction'],
    check({ design, report }) {
      const callouts = design.paths?.apex_callout?.callouts_per_transaction;
      if (!callouts || callouts.value <= factValue('apex-callouts-per-transaction')) return;
      report({
        range: callouts.node.range,
        message: `An Apex transaction can make at most ${formatFactValue(fact('apex-callouts-per-transaction'))}; this design makes up to ${formatCount(callouts.value)}. The callout past the limit throws a limit exception that cannot be caught and the transaction rolls back. Bulkify: send many records per callout, or split the work across Queueable jobs.`,
      });
    },
  },
  {
    id: 'apex-callout-timeout-max',
    title: 'Callout timeout above the Apex maximum',
    category: 'apex',
    defaultSeverity: 'error',
    rationale: 'An Apex callout timeout has a hard maximum; a larger value is rejected. For a Heroku endpoint the router timeout is the useful ceiling anyway.',
    facts: ['apex-callout-max-timeout', 'heroku-router-timeout'],
    fix: 'Set the timeout to the Heroku router timeout.',
    check({ design, model, report }) {
      const timeout = design.paths?.apex_callout?.timeout;
      if (!timeout || timeout.value <= factMilliseconds('apex-callout-max-timeout')) return;
      report({
        range: timeout.node.range,
        message: `An Apex callout timeout can be at most ${formatFactValue(fact('apex-callout-max-timeout'))}; ${describeDuration(timeout.value)} is not allowed. Against Heroku, the router ends requests after ${formatFactValue(fact('heroku-router-timeout'))}, so set the timeout to ${routerTimeoutText()} and make the endpoint answer within it.`,
        fix: fix(`Set the timeout to ${routerTimeoutText()}`, replaceValue(model, timeout.node, routerTimeoutText())),
      });
    },
  },
  {
    id: 'apex-callout-router-timeout',
    title: 'Callout timeout longer than the Heroku router timeout',
    category: 'apex',
    defaultSeverity: 'warning',
    rationale: 'The Heroku router gives up on a request after a fixed time. An Apex timeout longer than that never gets a late answer: it only waits for the failure.',
    facts: ['heroku-router-timeout', 'apex-callout-max-timeout'],
    fix: 'Set the timeout to the Heroku router timeout.',
    check({ design, model, report }) {
      const timeout = design.paths?.apex_callout?.timeout;
      if (!timeout || timeout.value <= factMilliseconds('heroku-router-timeout')) return;
      // Above the Apex maximum, apex-callout-timeout-max reports it.
      if (timeout.value > factMilliseconds('apex-callout-max-timeout')) return;
      report({
        range: timeout.node.range,
        message: `The Heroku router ends a request after ${formatFactValue(fact('heroku-router-timeout'))}, so a callout timeout of ${describeDuration(timeout.value)} gains nothing: Heroku gives up first. Set the timeout to ${routerTimeoutText()} and make the endpoint answer within it; for longer work, accept the request at once and finish it in a worker.`,
        fix: fix(`Set the timeout to ${routerTimeoutText()}`, replaceValue(model, timeout.node, routerTimeoutText())),
      });
    },
  },
  {
    id: 'apex-callout-total-time',
    title: 'Callouts can outlast the per-transaction total',
    category: 'apex',
    defaultSeverity: 'warning',
    rationale: 'All callouts in one Apex transaction share a total time budget. If each may wait its full timeout, a slow Heroku endpoint can push the transaction past it.',
    facts: ['apex-callout-total-time', 'apex-callout-default-timeout', 'heroku-router-timeout'],
    check({ design, report }) {
      const apex = design.paths?.apex_callout;
      const total = apex && calloutTotal(apex);
      if (!total || total.totalMs <= factMilliseconds('apex-callout-total-time')) return;
      const timeout = total.timeout.node
        ? `a timeout of ${describeDuration(total.timeout.ms)}`
        : `the default timeout of ${formatFactValue(fact('apex-callout-default-timeout'))}`;
      const wait = total.cappedByRouter
        ? `${formatCount(total.callouts.value)} callouts can wait ${describeDuration(total.totalMs)} in the worst case: the timeout is ${describeDuration(total.timeout.ms)}, but the Heroku router ends each request after ${formatFactValue(fact('heroku-router-timeout'))}.`
        : `${formatCount(total.callouts.value)} callouts with ${timeout} can wait ${describeDuration(total.totalMs)} in the worst case.`;
      report({
        range: total.callouts.node.range,
        message: `All callouts of one Apex transaction may take ${formatFactValue(fact('apex-callout-total-time'))} together; ${wait} The transaction fails past the total. ${totalTimeMitigation(apex!)}`,
        related: total.timeout.node ? [{ range: total.timeout.node.range, message: 'Each callout may wait this long' }] : undefined,
      });
    },
  },
  {
    id: 'apex-callout-from-trigger',
    title: 'Synchronous callout from a trigger',
    category: 'apex',
    defaultSeverity: 'error',
    rationale: 'A callout cannot be made while DML is pending in the transaction, and a trigger always runs inside DML. A trigger must hand the callout to asynchronous Apex (Queueable or @future(callout=true)).',
    facts: ['apex-callout-after-dml'],
    fix: 'Move the callout to Queueable Apex (context: queueable, synchronous: false).',
    check({ design, model, report }) {
      const apex = design.paths?.apex_callout;
      const context = apex?.context;
      if (!apex || context?.value !== 'trigger' || apex.synchronous?.value === false) return;
      // An invalid `synchronous` is reported by validation; do not guess what it meant.
      if (!apex.synchronous && apex.$node.entries.has('synchronous')) return;
      report({
        range: context.node.range,
        message: 'A callout cannot be made while DML is pending in the transaction, and a trigger runs inside the DML that fired it, so a synchronous callout from a trigger fails. Enqueue a Queueable (or @future(callout=true)) from the trigger and make the callout there.',
        related: apex.synchronous ? [{ range: apex.synchronous.node.range, message: 'The callout runs in the trigger\'s transaction' }] : undefined,
        fix: fix('Move the callout to Queueable Apex',
          replaceValue(model, context.node, 'queueable'),
          setKey(model, apex.$node, 'synchronous', 'false')),
      });
    },
  },
  {
    id: 'apex-callout-named-credential',
    title: 'Callout without a Named Credential',
    category: 'apex',
    defaultSeverity: 'warning',
    rationale: 'A Named Credential holds the endpoint, and its External Credential holds the authentication with principals mapped to permission sets. Endpoints and secrets in Apex code or custom settings leak into source control and cannot be rotated without a deployment.',
    facts: ['named-credentials'],
    check({ design, report }) {
      const apex = design.paths?.apex_callout;
      // A key with an invalid value is reported by validation already.
      if (!apex || apex.$node.entries.has('named_credential')) return;
      report({
        range: apex.$node.keyRange ?? apex.$node.range,
        message: 'No named_credential: put the Heroku endpoint in a Named Credential and its authentication in an External Credential (principals mapped to permission sets), never in Apex code or custom settings. Name it in named_credential.',
      });
    },
  },
];
