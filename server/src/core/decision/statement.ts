import { describeDuration, formatCount } from '../format/quantities';
import { listWords } from '../format/suggest';
import type { DecisionInput } from './types';

const DIRECTION: Record<string, string> = {
  'salesforce-to-heroku': 'Salesforce → Heroku',
  'heroku-to-salesforce': 'Heroku → Salesforce',
  bidirectional: 'Bidirectional',
};

/**
 * The skill's first step: the integration in one sentence (direction, latency, volume,
 * source of truth). Unstated parts are said to be unstated rather than guessed.
 */
export function describeIntegration(input: DecisionInput): string {
  const what: string[] = [];
  if (input.herokuNeedsLocalCopy) what.push('a local Postgres copy of Salesforce data');
  if (input.callers && input.callers.length > 0) what.push(`${listWords([...input.callers])} calling Heroku logic${input.synchronousCalls ? ' synchronously' : ''}`);
  if (input.salesforceUsersViewHerokuData) what.push('Salesforce users viewing Heroku data in place');
  if (input.herokuReactsToSalesforceChanges) what.push('Heroku reacting to Salesforce changes within seconds');
  if (input.herokuNeedsOccasionalSalesforceData) what.push('occasional Salesforce reads from Heroku');
  if (input.uiEmbeddedInSalesforce) what.push('a Heroku UI embedded in Salesforce');
  if (input.crossOrgPassthrough) what.push('Heroku relaying data between Salesforce orgs');

  const direction = input.direction ? `${DIRECTION[input.direction]} integration` : 'Integration (direction not stated)';
  const needs = what.length ? ` for ${listWords(what, 'and')}` : '';
  const volume = input.rows !== undefined ? `${formatCount(input.rows)} rows` : 'an unstated number of rows';
  const events = input.eventsPerDay !== undefined ? ` and ${formatCount(input.eventsPerDay)} events a day` : '';
  const lag = input.acceptableLag !== undefined ? `at most ${describeDuration(input.acceptableLag)} of lag` : 'no stated lag';
  const truth = input.sourceOfTruth
    ? input.sourceOfTruth === 'shared' ? 'the source of truth split between both sides' : `the source of truth in ${input.sourceOfTruth === 'salesforce' ? 'Salesforce' : 'Heroku'}`
    : 'no stated source of truth';
  const environment = input.environment ? `, for ${input.environment === 'proof-of-concept' ? 'a proof of concept' : input.environment}` : '';
  return `${direction}${needs}: ${volume}${events}, ${lag}, with ${truth}${environment}.`;
}
