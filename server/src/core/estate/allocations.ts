import type { AllocationDefault, AllocationDefinition, Contribution, OrgBasis, SettledFigure } from '../estateModel';
import { editionFrom, genericStreamingDeliveriesFact, highVolumeDeliveriesFact, pushTopicDeliveriesFact, pushTopicsPerOrgFact, type OrgEdition } from '../knowledge/editions';
import { apiUsageSetupPath, fact, factValue, formatFactValue, type FactId } from '../knowledge/facts';
import { formatNumber } from '../format/numbers';
import type { Design } from '../model/design';
import { defaultApiRequestsFact } from '../paths/orgMeasures';

/** The org's edition as its estate settled it (Enterprise assumed when no document states one). */
function editionOf(org: OrgBasis): { edition: OrgEdition; from: SettledFigure[] } {
  const stated = org.figures.get('edition');
  const orgType = org.figures.get('org_type');
  const edition = editionFrom(typeof stated?.value === 'string' ? stated.value : undefined, typeof orgType?.value === 'string' ? orgType.value : undefined);
  const from = edition.assumed ? (edition.edition === 'developer' && orgType ? [orgType] : []) : [stated!];
  return { edition, from };
}

/** An edition's default from its fact: "Unlimited Edition's default" (or the assumption, when no edition is stated). */
function editionDefault(org: OrgBasis, factOf: (edition: OrgEdition['edition']) => FactId): AllocationDefault {
  const { edition, from } = editionOf(org);
  const id = factOf(edition.edition);
  const assumed = edition.assumed && edition.edition === 'enterprise' ? ', as no document of the estate states the org\'s edition' : '';
  return { value: fact(id).value, fact: id, basis: `${edition.name}'s default${assumed}`, from };
}

/**
 * The allocations the designs of an org share (org-wide), or the designs that describe one Heroku
 * add-on share (per add-on). The rules `estate-allocation-approaching` and
 * `estate-allocation-exceeded` and the estate risk register sum the designs' contributions
 * (CONTRIBUTION_EXTRACTORS, extractors.ts) against them: the figure the org states under `key`,
 * else the default its edition or licenses give.
 */
export const ALLOCATIONS: readonly AllocationDefinition[] = [
  {
    id: 'daily-api-requests',
    scope: 'org',
    key: 'daily_api_requests',
    label: 'API requests per 24 hours',
    unit: 'requests per 24 hours',
    fact: 'api-daily-requests-paid-base',
    defaultFor(org) {
      const { edition, from } = editionOf(org);
      const id = defaultApiRequestsFact(edition.edition === 'developer');
      if (id === 'api-daily-requests-developer') return { value: factValue(id), fact: id, basis: 'the Developer Edition allocation', from };
      const licenses = org.figures.get('licenses.salesforce');
      const more = licenses
        ? `; the org's ${formatNumber(Number(licenses.value))} licenses raise it, but the per-license formula is unconfirmed (a rule of thumb), so only a stated daily_api_requests is used`
        : '; licenses and purchased API calls raise it';
      return { value: factValue(id), fact: id, basis: `the figure paid editions start at${more}`, floor: true, from: licenses ? [...from, licenses] : from };
    },
    designRule: 'api-requests-daily-allocation',
    impact: 'The allocation counts every REST, SOAP, Bulk and Connect REST API call made to the org, whichever integration makes it; past it, every integration of the org is affected at once.',
    readFigure: `Read the org's real allocation in ${apiUsageSetupPath()}`,
    mitigation: 'Buy more API requests (or licenses), batch or cache requests; Heroku Connect\'s SOAP calls do not count.',
  },
  {
    id: 'event-deliveries',
    scope: 'org',
    key: 'event_deliveries_per_day',
    label: 'high-volume platform event and Change Data Capture deliveries per 24 hours',
    unit: 'events per 24 hours',
    fact: 'event-delivery-shared',
    defaultFor: (org) => editionDefault(org, highVolumeDeliveriesFact),
    designRule: 'events-delivery-allocation',
    impact: 'Each event counts once per external subscriber, and high-volume platform events and Change Data Capture share one allocation; past it, subscribers of every design stop getting events.',
    readFigure: 'Read the org\'s real allocation (the REST API limits resource reports it as DailyDeliveredPlatformEvents)',
    mitigation: 'Buy a Platform Events add-on, or subscribe once on Heroku and fan out there.',
  },
  {
    id: 'pushtopics',
    scope: 'org',
    label: 'PushTopics',
    unit: 'PushTopics',
    fact: 'connect-accelerated-counts-pushtopic-allocations',
    defaultFor: (org) => editionDefault(org, pushTopicsPerOrgFact),
    designRule: 'connect-pushtopic-limit',
    impact: 'PushTopics are allocated per org by edition and shared by every Streaming API client; past the allocation no more can be created, so an accelerated mapping cannot get its own.',
    mitigation: 'Use accelerated polling only for objects that need near-real-time reads; the others poll on their interval.',
  },
  {
    id: 'pushtopic-deliveries',
    scope: 'org',
    label: 'PushTopic event deliveries per 24 hours',
    unit: 'events per 24 hours',
    fact: 'event-delivery-shared',
    defaultFor: (org) => editionDefault(org, pushTopicDeliveriesFact),
    designRule: 'events-delivery-allocation',
    impact: 'Each notification counts once per CometD client, shared by all of the org\'s PushTopic subscribers; past it the org gets "Organization total events daily limit exceeded" errors.',
    mitigation: 'Subscribe once on Heroku and fan out there, or move to platform events or Change Data Capture.',
  },
  {
    id: 'generic-streaming-deliveries',
    scope: 'org',
    label: 'durable generic streaming deliveries per 24 hours',
    unit: 'events per 24 hours',
    fact: 'event-delivery-shared',
    defaultFor: (org) => editionDefault(org, genericStreamingDeliveriesFact),
    designRule: 'events-delivery-allocation',
    impact: 'Each event counts once per client, shared by every generic streaming subscriber of the org; past it, clients stop getting events.',
    mitigation: 'Subscribe once on Heroku and fan out there, or move to platform events or Change Data Capture.',
  },
  {
    id: 'canvas-calls',
    scope: 'org',
    label: 'Canvas calls per 24 hours',
    unit: 'calls per day',
    fact: 'canvas-calls-per-day',
    defaultFor(org) {
      const licenses = org.figures.get('licenses.salesforce');
      const perLicense = formatFactValue(fact('canvas-calls-per-day'));
      if (typeof licenses?.value !== 'number') return { fact: 'canvas-calls-per-day', basis: `${perLicense} per full Salesforce license, and the org states no licenses.salesforce`, from: [] };
      return { value: licenses.value * factValue('canvas-calls-per-day'), fact: 'canvas-calls-per-day', basis: `${perLicense} per full Salesforce license × ${formatNumber(licenses.value)} licenses`, from: [licenses] };
    },
    impact: 'Canvas calls are allocated per full Salesforce license and shared across the org; each signed-request call counts twice.',
    mitigation: 'Cache what the canvas apps read, or buy more licenses.',
  },
  {
    id: 'external-objects-requests',
    scope: 'add-on',
    label: 'External Objects requests per hour',
    unit: 'requests per hour',
    fact: 'external-objects-rate-limit',
    defaultFor: () => ({ value: factValue('external-objects-rate-limit'), fact: 'external-objects-rate-limit', basis: 'the External Objects service\'s rate on paid plans', from: [] }),
    designRule: 'external-objects-rate-limit',
    impact: 'The External Objects service of one Heroku Connect add-on is rate-limited per hour; every list view, page, search and report that reads its external objects is a request, whichever design made the object; over the limit, pages showing them fail to load.',
    mitigation: 'Ask Heroku to raise the limit before go-live, or cut callouts (fewer list views and related lists, cache in Apex).',
  },
  {
    id: 'applink-platform-api',
    scope: 'add-on',
    label: 'Heroku Platform API requests per hour through one AppLink add-on',
    unit: 'requests per hour',
    fact: 'applink-platform-api-rate',
    defaultFor: () => ({ value: factValue('applink-platform-api-rate'), fact: 'applink-platform-api-rate', basis: 'the rate per AppLink add-on', from: [] }),
    designRule: 'applink-platform-api-rate',
    impact: 'The Heroku Platform API rate is per AppLink add-on, shared by every service published through it; calls over it are throttled.',
    mitigation: 'Cache and batch Platform API calls, or give each app its own AppLink add-on.',
  },
];

export const ALLOCATIONS_BY_ID: ReadonlyMap<string, AllocationDefinition> = new Map(ALLOCATIONS.map((a) => [a.id, a]));

/** The org allocations the org can state (the org file's and a design's `salesforce:` keys). */
const STATED_ALLOCATION_KEYS: readonly string[] = ALLOCATIONS.flatMap((a) => (a.key ? [a.key] : []));

/** The key under `salesforce:` (and in the org file) of each org figure a design may state too. */
export const SHARED_FIGURE_KEYS: readonly string[] = ['edition', 'org_type', 'instance', ...STATED_ALLOCATION_KEYS];

/** Figures a sandbox reads from its production org when its own file does not state them (allocations_from). */
export const INHERITED_FIGURE_KEYS: readonly string[] = ['edition', 'licenses.salesforce', ...STATED_ALLOCATION_KEYS];

/** What a design adds to the shared allocations: one extractor per kind of use (a path's calls, its subscribers…). */
export type ContributionExtractor = (design: Design) => readonly Contribution[];
