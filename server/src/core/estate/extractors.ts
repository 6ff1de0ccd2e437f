import { formatCount } from '../format/quantities';
import { listSome } from '../format/suggest';
import { appLinkAddOn, connectAddOn, externalObjectsService } from '../model/addOns';
import { acceleratedMappings } from '../paths/herokuConnect/measures';
import { apiDailyRequests } from '../paths/orgMeasures';
import { eventDeliveries, type DeliveryKind } from '../paths/platformEvents/measures';
import type { ContributionExtractor } from './allocations';

/*
 * What each design adds to the shared allocations (estate/allocations.ts), counting only what the
 * knowledge base says counts. Each extractor reads the same figures as the design's own measure
 * (paths/), so a design's share in its estate is what its own checks count.
 *
 * Not counted, on purpose:
 * - Heroku Connect's SOAP API calls: they do not count toward the org's API request limits
 *   (connect-soap-calls-not-counted). Whether its Bulk API batches (above 10,000 records) count is
 *   not documented (connect-bulk-calls-counting-unknown): they are left out, and the estate risk
 *   register says so.
 * - Canvas calls (`paths.canvas.calls_per_day`) count against the Canvas allocation, not the API
 *   requests; the other API calls a canvas app makes are not in the format.
 * - PushTopic notifications that accelerated polling consumes: the design states no amount.
 */

/** REST API and AppLink requests per day, against the org's daily API request allocation. */
const apiRequests: ContributionExtractor = (design) => (apiDailyRequests(design)?.uses ?? []).map((use) => ({
  allocation: 'daily-api-requests',
  amount: use.field.value,
  range: use.field.node.range,
  label: `Salesforce API requests a day ${use.via}`,
  fact: use.via === 'through AppLink' ? 'applink-api-calls-count' : 'api-daily-requests-paid-base',
}));

const DELIVERY_ALLOCATIONS: Readonly<Record<DeliveryKind, string>> = {
  'high-volume': 'event-deliveries',
  'push-topic': 'pushtopic-deliveries',
  'generic-streaming': 'generic-streaming-deliveries',
};

/** Events per day × external subscribers: usage is counted per subscribed client. */
const deliveries: ContributionExtractor = (design) => {
  const d = eventDeliveries(design);
  if (!d) return [];
  return [{
    allocation: DELIVERY_ALLOCATIONS[d.allocation.kind],
    amount: d.total,
    range: d.perDay.node.range,
    label: `${formatCount(d.perDay.value)} events a day × ${formatCount(d.subscribers)} external subscriber${d.subscribers === 1 ? '' : 's'}`,
    fact: 'event-delivery-shared',
  }];
};

/**
 * One PushTopic per object with accelerated polling (Connect builds one per synchronized object).
 * That they count against the org's PushTopics is an inference (its fact is unconfirmed), and the
 * same add-on's object described in two designs is one PushTopic.
 */
const pushTopics: ContributionExtractor = (design) => {
  const connect = design.paths?.heroku_connect;
  const accelerated = connect ? acceleratedMappings(connect) : [];
  if (!connect || accelerated.length === 0) return [];
  const objects = (connect.mappings?.items ?? []).flatMap((m, i) => (m.accelerated_polling?.value ? [m.object?.value ?? `mapping ${i + 1}`] : []));
  return [{
    allocation: 'pushtopics',
    amount: accelerated.length,
    range: accelerated[accelerated.length - 1].node.range,
    label: `${formatCount(accelerated.length)} mapping${accelerated.length === 1 ? '' : 's'} with accelerated polling (${namedObjects(objects)}), one PushTopic each by inference`,
    consumer: connectAddOn(design),
    items: objects,
    fact: 'connect-accelerated-counts-pushtopic-allocations',
  }];
};

/** "Order, Account and Case", or the first four "and 6 more". */
function namedObjects(objects: readonly string[]): string {
  return listSome(objects, 5);
}

/** OData requests per hour, against the rate of the External Objects service they go through. */
const externalObjects: ContributionExtractor = (design) => {
  const requests = design.paths?.external_objects?.requests_per_hour;
  if (!requests) return [];
  return [{
    allocation: 'external-objects-requests', amount: requests.value, range: requests.node.range,
    label: 'External Objects requests per hour at peak', consumer: externalObjectsService(design), fact: 'external-objects-rate-limit',
  }];
};

/** Heroku Platform API requests per hour, against the rate of the AppLink add-on they go through. */
const appLinkPlatformApi: ContributionExtractor = (design) => {
  const requests = design.paths?.heroku_applink?.platform_api_requests_per_hour;
  if (!requests) return [];
  return [{
    allocation: 'applink-platform-api', amount: requests.value, range: requests.node.range,
    label: 'Heroku Platform API requests per hour through AppLink', consumer: appLinkAddOn(design), fact: 'applink-platform-api-rate',
  }];
};

/** Canvas calls per day, against the org's Canvas allocation (per full Salesforce license). */
const canvasCalls: ContributionExtractor = (design) => {
  const calls = design.paths?.canvas?.calls_per_day;
  if (!calls) return [];
  return [{ allocation: 'canvas-calls', amount: calls.value, range: calls.node.range, label: 'Canvas calls per day', fact: 'canvas-calls-per-day' }];
};

/** The extractors the estate applies to every design. */
export const CONTRIBUTION_EXTRACTORS: readonly ContributionExtractor[] = [apiRequests, deliveries, pushTopics, externalObjects, appLinkPlatformApi, canvasCalls];

