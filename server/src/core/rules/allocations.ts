import { apiDailyRequests, apiUsageNotificationsPath, describeApiUses, statedApiAllocation } from '../paths/orgMeasures';
import { formatCount } from '../format/quantities';
import { apiUsageSetupPath } from '../knowledge/facts';
import type { RelatedLocation } from '../findings';
import type { Rule } from '../rule';

/** Allocations of the whole org that the design's paths draw on together. */
export const ALLOCATIONS_RULES: readonly Rule[] = [
  {
    id: 'api-requests-daily-allocation',
    title: 'API requests over the org\'s daily allocation',
    category: 'limits',
    defaultSeverity: 'warning',
    rationale: 'An org\'s REST, SOAP, Bulk and Connect REST API calls share one allocation per rolling 24 hours, whoever makes them. Heroku AppLink\'s Salesforce API calls count toward it; Heroku Connect\'s SOAP calls do not. The allocation grows with the org\'s licenses and purchased API calls and no official table of it could be read, so the design states the org\'s figure; without it the figure paid editions start at is used.',
    facts: ['api-daily-requests-paid-base', 'api-daily-requests-developer', 'applink-api-calls-count', 'connect-soap-calls-not-counted'],
    mentions: ['connect-bulk-calls-counting-unknown', 'api-daily-requests-formula', 'api-usage-notifications', 'api-usage-in-setup'],
    check({ design, report }) {
      const api = apiDailyRequests(design);
      if (!api || api.total <= api.limit) return;
      const stated = api.stated !== undefined;
      const related: RelatedLocation[] = api.uses.slice(1).map((u) => ({ range: u.field.node.range, message: `${formatCount(u.field.value)} API requests a day ${u.via}` }));
      const statedAt = statedApiAllocation(api);
      if (statedAt) related.push({ ...statedAt, message: 'The org\'s stated allocation' });
      const connect = design.paths?.heroku_connect
        ? ' Heroku Connect\'s SOAP API calls do not count toward it; whether its Bulk API batches do is not documented on any page we could read.'
        : '';
      const read = stated ? '' : ` The org's real allocation grows with its licenses and purchased API calls: read it in ${apiUsageSetupPath()} and state it in salesforce.daily_api_requests.`;
      report({
        range: api.uses[0].field.node.range,
        message: `The design makes ${formatCount(api.total)} Salesforce API requests a day ${describeApiUses(api)}, over ${api.allocation}, which every other integration and user of the org shares.${read}${connect} Watch it with an API Usage Notification (${apiUsageNotificationsPath()}), and batch or cache requests.`,
        related: related.length ? related : undefined,
        // A default is where the org's allocation starts; the design's own figure is certain.
        severity: stated ? 'error' : undefined,
      });
    },
  },
];
