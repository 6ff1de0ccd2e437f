import { apiUsageSetupPath, fact, factValue, formatFactValue, type FactId } from '../knowledge/facts';
import { orgEdition } from '../knowledge/editions';
import { formatCount } from '../format/quantities';
import type { Design, Field } from '../model/design';
import { figureLocation, isNumber, orgFigure, type OrgFigure } from '../model/orgFigures';
import { ratioOf, type Measurement } from '../measurement';
import type { TextRange } from '../text';

/*
 * Allocations of the org, not of one path: the daily API request allocation, which every path
 * that makes Salesforce API requests draws on. Computed once here so the rule (over the
 * allocation) and the risk register (near it) never disagree.
 */

/** Where API usage notifications are set up, as the knowledge base states it (the statement's first clause). */
export function apiUsageNotificationsPath(): string {
  return fact('api-usage-notifications').statement.split(':')[0];
}

/** One path's stated Salesforce API requests per day. */
export interface ApiRequestUse {
  readonly field: Field<number>;
  /** "through the REST API". */
  readonly via: string;
}

export interface ApiDailyRequests {
  readonly uses: readonly ApiRequestUse[];
  readonly total: number;
  readonly limit: number;
  /** The figure the limit comes from when the design states none. */
  readonly fact: FactId;
  /** The org's allocation as stated: in the design (salesforce.daily_api_requests) or, for a design of an estate, its org file. */
  readonly stated?: OrgFigure<number>;
  /** "the 100,000 requests per 24 hours paid editions start at", "the org's stated allocation of …". */
  readonly allocation: string;
}

/**
 * The Salesforce API requests the design's paths make per day, against the org's allocation:
 * the one stated in salesforce.daily_api_requests (or, for a design of an estate, the org's, its
 * org file's first), else the figure paid editions start at (Developer Edition's for a developer
 * org). Heroku Connect's SOAP calls do not count, so it states none; AppLink's calls count. The
 * estate sums the same uses (estate/extractors.ts) against the same figure.
 */
export function apiDailyRequests(design: Design): ApiDailyRequests | undefined {
  const paths = design.paths;
  const uses: ApiRequestUse[] = [];
  if (paths?.rest_api?.api_requests_per_day) uses.push({ field: paths.rest_api.api_requests_per_day, via: 'through the REST API' });
  if (paths?.heroku_applink?.api_requests_per_day) uses.push({ field: paths.heroku_applink.api_requests_per_day, via: 'through AppLink' });
  if (uses.length === 0) return undefined;
  uses.sort((a, b) => b.field.value - a.field.value || a.field.node.range.start - b.field.node.range.start);
  const total = uses.reduce((sum, u) => sum + u.field.value, 0);
  const stated = orgFigure(design, 'daily_api_requests', isNumber);
  const id = defaultApiRequestsFact(orgEdition(design).edition === 'developer');
  const allocation = stated
    ? `the org's stated allocation of ${formatCount(stated.value)} (${stated.where})`
    : id === 'api-daily-requests-developer' ? `the ${formatFactValue(fact(id))} a Developer Edition org gets` : `the ${formatFactValue(fact(id))} paid editions start at`;
  return { uses, total, limit: stated?.value ?? factValue(id), fact: id, stated, allocation };
}

/** The daily API request figure an org that states none starts from: Developer Edition's, else what paid editions start at. */
export function defaultApiRequestsFact(developer: boolean): FactId {
  return developer ? 'api-daily-requests-developer' : 'api-daily-requests-paid-base';
}

/** Where the org's stated allocation is, as a related location. */
export function statedApiAllocation(api: ApiDailyRequests): { uri?: string; range: TextRange } | undefined {
  return api.stated ? figureLocation(api.stated) : undefined;
}

/** "(80,000 through the REST API, 30,000 through AppLink)", or "(through the REST API)" for one path. */
export function describeApiUses(api: ApiDailyRequests): string {
  if (api.uses.length === 1) return `(${api.uses[0].via})`;
  return `(${api.uses.map((u) => `${formatCount(u.field.value)} ${u.via}`).join(', ')})`;
}

/** The org's allocations the design draws on; the node is where the largest use is stated. */
export function measureOrg(design: Design): Measurement[] {
  const api = apiDailyRequests(design);
  if (!api) return [];
  const stated = api.stated !== undefined;
  return [{
    id: 'api-daily-requests',
    label: `API requests to Salesforce per day (${api.uses.map((u) => u.via.replace(/^through (the )?/, '')).join(' + ')}) vs ${api.stated ? `the org's stated allocation (${api.stated.where})` : api.fact === 'api-daily-requests-developer' ? 'the Developer Edition allocation' : 'what paid editions start at (more with licenses)'}`,
    value: api.total, limit: api.limit, unit: 'requests per 24 hours', ratio: ratioOf(api.total, api.limit),
    fact: api.fact, limitFromDesign: stated || undefined, limitFromOrg: (api.stated && !api.stated.node) || undefined, node: api.uses[0].field.node,
    impact: 'Every REST, SOAP, Bulk and Connect API call of the org counts toward one rolling 24-hour allocation, shared with every other integration and user.',
    mitigation: `${stated ? 'Buy more API requests (or licenses) before the sum reaches it' : `Read the org's real allocation in ${apiUsageSetupPath()} and state it in salesforce.daily_api_requests`}; watch it with an API Usage Notification (${apiUsageNotificationsPath()}); batch or cache requests.`,
    exceededRule: 'api-requests-daily-allocation',
  }];
}
