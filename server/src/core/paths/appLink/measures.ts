import { fact, factValue, formatFactValue, type FactId } from '../../knowledge/facts';
import type { AppLinkPath, Design, Field } from '../../model/design';
import { inFactUnit, ratioOf, type Measurement } from '../../measurement';

/*
 * The numbers behind this path's rules, computed once here so a rule (value over the limit)
 * and the risk register (value near the limit) never disagree.
 */

/**
 * Whether AppLink callers wait for the answer: the path's `synchronous`, else the
 * requirement's (`requirements.salesforce_calls_heroku.synchronous`).
 */
export function appLinkSynchronous(design: Design, appLink: AppLinkPath): Field<boolean> | undefined {
  return appLink.synchronous ?? design.requirements?.salesforce_calls_heroku?.synchronous;
}

/** AppLink's limits: Platform API requests per hour, a synchronous response against the router timeout. */
export function measureAppLink(design: Design): Measurement[] {
  const appLink = design.paths?.heroku_applink;
  if (!appLink) return [];
  const out: Measurement[] = [];
  const requests = appLink.platform_api_requests_per_hour;
  if (requests) {
    const limit = factValue('applink-platform-api-rate');
    out.push({
      id: 'applink-platform-api-rate', label: 'AppLink Heroku Platform API requests per hour vs the per-add-on rate',
      value: requests.value, limit, unit: 'requests per hour', ratio: ratioOf(requests.value, limit),
      fact: 'applink-platform-api-rate', node: requests.node,
      impact: `The Heroku Platform API allows ${formatFactValue(fact('applink-platform-api-rate'))} per AppLink add-on; calls over it are throttled.`,
      mitigation: 'Cache and batch Platform API calls, or give each app its own AppLink add-on.',
      exceededRule: 'applink-platform-api-rate',
    });
  }
  const response = appLink.response_time;
  if (response && appLinkSynchronous(design, appLink)?.value === true) {
    const id: FactId = 'heroku-router-timeout';
    const limit = factValue(id);
    const value = inFactUnit(response.value, id);
    out.push({
      id: 'applink-response-time', label: 'Slowest synchronous AppLink response vs the Heroku router timeout',
      value, limit, unit: fact(id).unit ?? 'seconds', ratio: ratioOf(value, limit), fact: id, node: response.node,
      impact: `The Heroku router ends a request after ${formatFactValue(fact(id))}; the caller gets an error, not the result.`,
      mitigation: 'Make the endpoint answer well inside the router timeout, or accept the request at once and finish it in a worker (asynchronous call).',
      exceededRule: 'applink-router-timeout',
    });
  }
  return out;
}
