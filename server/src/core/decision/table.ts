import { fact, formatFactValue, type FactId } from '../knowledge/facts';
import type { DecisionRow } from './types';

const limit = (id: FactId): string => formatFactValue(fact(id));

const APPLINK_CALLERS = ['flow', 'apex', 'agentforce', 'data-cloud'] as const;

/**
 * The skill document's Decision Guidance table, in its order. Walked by `decide`: first
 * match wins; when two rows match, the more specific one (volume or latency) wins.
 */
export const DECISION_TABLE: readonly DecisionRow[] = [
  {
    id: 'local-postgres-copy',
    situation: 'Heroku app needs a local Postgres copy of Account / Contact / custom objects',
    approach: 'Heroku Connect', recommends: 'heroku_connect',
    reason: 'Managed bidirectional sync; eventual consistency.',
    whyNotAlternative: 'A custom polling job against the REST API has no managed retry, no trigger-log replay and no easy write-back; Connect is the managed equivalent.',
    conditions: [{ kind: 'flag', input: 'herokuNeedsLocalCopy', equals: true }],
    specificity: 0,
  },
  {
    id: 'salesforce-calls-heroku-logic',
    situation: 'Salesforce Flow (or Apex, Agentforce, Data Cloud) needs to call a service hosted on Heroku',
    approach: 'Heroku AppLink', recommends: 'heroku_applink',
    reason: 'Exposes the API as a Flow-native action, no Apex callout class.',
    whyNotAlternative: 'An Apex @InvocableMethod wrapper around an HTTP callout works but adds code to maintain for something the platform now handles natively.',
    conditions: [{ kind: 'callers', includesAny: APPLINK_CALLERS }],
    specificity: 0,
  },
  {
    id: 'salesforce-users-view-heroku-data',
    situation: 'Salesforce users want to search / report on Heroku transactional data without copying',
    approach: 'Heroku External Objects', recommends: 'external_objects',
    reason: 'Salesforce Connect (OData) virtualizes the tables.',
    whyNotAlternative: 'Heroku Connect would copy the data into Salesforce storage (data and index costs); External Objects leaves it in Postgres, at the price of OData round trips on every view.',
    conditions: [{ kind: 'flag', input: 'salesforceUsersViewHerokuData', equals: true }],
    specificity: 0,
  },
  {
    id: 'react-to-changes-within-seconds',
    situation: 'Heroku service must react to Salesforce record changes within seconds',
    approach: 'Platform Events → Heroku subscriber (Pub/Sub API)', recommends: 'platform_events',
    reason: 'Lower overhead than Connect for pure event flow.',
    whyNotAlternative: 'Heroku Connect polls on an interval and mirrors whole objects; for reacting to changes an event subscription is lighter and faster.',
    conditions: [{ kind: 'flag', input: 'herokuReactsToSalesforceChanges', equals: true }],
    specificity: 0,
  },
  {
    id: 'occasional-salesforce-data',
    situation: 'Heroku app needs occasional Salesforce data, not a continuous mirror',
    approach: 'Heroku → Salesforce REST API with JWT bearer flow', recommends: 'rest_api',
    reason: 'No add-on, just OAuth.',
    whyNotAlternative: 'A Connect mirror syncs whole objects continuously; for occasional reads that is cost and rows for nothing.',
    conditions: [{ kind: 'flag', input: 'herokuNeedsOccasionalSalesforceData', equals: true }],
    specificity: 0,
  },
  {
    id: 'trigger-needs-synchronous-data',
    situation: 'Salesforce trigger needs synchronous data from a Heroku microservice',
    approach: 'Apex callout via Named Credential', recommends: 'apex_callout',
    reason: 'Same governors as any callout: bulkify.',
    whyNotAlternative: 'AppLink targets Flow, Apex actions and agents; a trigger that needs an answer in its own logic calls out through a Named Credential (asynchronously, since callouts cannot run with DML pending).',
    conditions: [{ kind: 'callers', includesAny: ['apex-trigger'], synchronous: true }],
    specificity: 0,
  },
  {
    id: 'embed-heroku-ui',
    situation: 'Embed a Heroku UI inside Salesforce for end users',
    approach: 'Canvas (Signed Request)', recommends: 'canvas',
    reason: 'Default auth; no consent prompt.',
    whyNotAlternative: 'OAuth web server flow adds a consent screen and is only worth it when the app also runs outside Salesforce.',
    conditions: [{ kind: 'flag', input: 'uiEmbeddedInSalesforce', equals: true }],
    specificity: 0,
  },
  {
    id: 'proof-of-concept-demo-plan',
    situation: `Demo / proof of concept: at most ${limit('connect-demo-max-rows')}, a lag of ${limit('connect-demo-min-polling')} or more`,
    approach: 'Heroku Connect demo plan', recommends: 'heroku_connect', plan: 'demo',
    reason: `Free, ${limit('connect-demo-max-rows')} cap, ${limit('connect-demo-min-polling')} minimum polling: fine for a proof of concept.`,
    whyNotAlternative: 'A paid plan buys rows and polling a proof of concept does not need.',
    conditions: [
      { kind: 'flag', input: 'herokuNeedsLocalCopy', equals: true },
      { kind: 'environment', oneOf: ['proof-of-concept'] },
      { kind: 'rows-at-most', fact: 'connect-demo-max-rows' },
      { kind: 'lag-at-least', fact: 'connect-demo-min-polling' },
    ],
    specificity: 2,
  },
  {
    id: 'production-scale-connect',
    situation: `Production: ${limit('decision-production-rows')} or more, or a lag under ${limit('decision-production-lag')} (the skill document's thresholds, rules of thumb)`,
    approach: 'Heroku Connect Enterprise / Shield', recommends: 'heroku_connect', plan: 'enterprise',
    reason: 'The demo plan cannot meet production SLAs.',
    whyNotAlternative: `The demo plan stops at ${limit('connect-demo-max-rows')} and polls no faster than every ${limit('connect-demo-min-polling')}.`,
    conditions: [
      { kind: 'flag', input: 'herokuNeedsLocalCopy', equals: true },
      { kind: 'environment', oneOf: ['production'] },
      { kind: 'any', of: [{ kind: 'rows-at-least', fact: 'decision-production-rows' }, { kind: 'lag-below', fact: 'decision-production-lag' }] },
    ],
    specificity: 1,
  },
  {
    id: 'cross-org-passthrough',
    situation: 'Cross-org integration where Heroku is just a passthrough',
    approach: 'Probably none of these: a direct Salesforce → Salesforce path or MuleSoft', recommends: 'none',
    reason: 'Heroku adds latency without buying you anything.',
    whyNotAlternative: 'Any Heroku path here is an extra hop; Salesforce-to-Salesforce options or MuleSoft connect the orgs directly.',
    conditions: [{ kind: 'flag', input: 'crossOrgPassthrough', equals: true }],
    specificity: 0,
    decisive: true,
  },
];

