import type { AllocationDefinition, Contribution } from '../estateModel';
import type { Design } from '../model/design';

/**
 * The org-wide allocations the designs of one org share. Each is stated under the same key in the
 * org file and under a design's `salesforce:` section; the designs' contributions are summed
 * against it (50 % a risk, 100 % an error: rules/estate.ts, artifacts/estateRisks.ts).
 */
export const ALLOCATIONS: readonly AllocationDefinition[] = [
  {
    id: 'daily-api-requests',
    key: 'daily_api_requests',
    label: 'API requests per 24 hours',
    unit: 'requests',
    fact: 'api-requests-daily-allocation',
    impact: 'The allocation counts every API call made to the org, whichever integration makes it; past it, every integration of the org is affected at once.',
    mitigation: 'Buy more API requests (or licenses) and state the new figure in daily_api_requests, or move calls that need not count to a path that does not (Heroku Connect\'s SOAP calls, for example).',
  },
  {
    id: 'event-deliveries',
    key: 'event_deliveries_per_day',
    label: 'high-volume platform event and Change Data Capture deliveries per 24 hours',
    unit: 'events per 24 hours',
    fact: 'event-delivery-allocation',
    impact: 'Each event counts once per external subscriber, and high-volume platform events and Change Data Capture share one allocation; past it, subscribers of every design stop getting events.',
    mitigation: 'Buy a Platform Events add-on and state the new figure in event_deliveries_per_day, or subscribe once on Heroku and fan out there.',
  },
];

/** The key under `salesforce:` (and in the org file) of each org figure a design may state too. */
export const SHARED_FIGURE_KEYS: readonly string[] = ['edition', 'org_type', 'instance', ...ALLOCATIONS.map((a) => a.key)];

/** Figures a sandbox reads from its production org when its own file does not state them (allocations_from). */
export const INHERITED_FIGURE_KEYS: readonly string[] = ['edition', ...ALLOCATIONS.map((a) => a.key)];

/** What a design adds to the org's allocations: one extractor per kind of use (a path's calls, its subscribers…). */
export type ContributionExtractor = (design: Design) => readonly Contribution[];

/**
 * The extractors the estate applies to every design. Empty in this version: the designs do not yet
 * state the calls per day each path makes. Each new one names an allocation of ALLOCATIONS, counts
 * only what the knowledge base says counts (Heroku Connect's SOAP calls do not count toward API
 * limits), and points at the line that states the amount.
 */
export const CONTRIBUTION_EXTRACTORS: readonly ContributionExtractor[] = [];
