import { fact, factMilliseconds, factValue, formatFactValue } from '../../knowledge/facts';
import { describeDuration, formatCount } from '../../format/quantities';
import { appLinkSynchronous } from './measures';
import { fix } from '../../findings';
import { replaceValue } from '../../yamlEdit/scalar';
import type { Rule } from '../../rule';

export const APPLINK_RULES: readonly Rule[] = [
  {
    id: 'applink-router-timeout',
    title: 'Synchronous AppLink call slower than the Heroku router timeout',
    category: 'applink',
    defaultSeverity: 'error',
    rationale: 'Every request to a Heroku web app goes through the router, which gives up after a fixed time. A synchronous caller that needs longer gets the error, never the result.',
    facts: ['heroku-router-timeout'],
    fix: 'Make the AppLink call asynchronous (synchronous: false).',
    check({ design, model, report }) {
      const appLink = design.paths?.heroku_applink;
      const response = appLink?.response_time;
      if (!appLink || !response) return;
      const synchronous = appLinkSynchronous(design, appLink);
      if (synchronous?.value !== true) return;
      if (response.value <= factMilliseconds('heroku-router-timeout')) return;
      const inPath = synchronous === appLink.synchronous;
      report({
        range: response.node.range,
        message: `The Heroku router times out a request after ${formatFactValue(fact('heroku-router-timeout'))}, but this synchronous AppLink call may take ${describeDuration(response.value)}: Heroku gives up first and the caller gets an error, not the result. Make the endpoint answer within the router timeout, or accept the request at once and finish the work in a worker dyno (synchronous: false).`,
        related: [{ range: synchronous.node.range, message: inPath ? 'Callers wait for the response here' : 'The requirement says callers wait for the answer' }],
        // Only offered where the path itself says synchronous: the requirement is the user's to change.
        fix: inPath ? fix('Make the AppLink call asynchronous', replaceValue(model, synchronous.node, 'false')) : undefined,
      });
    },
  },
  {
    id: 'applink-platform-api-rate',
    title: 'AppLink Heroku Platform API rate exceeded',
    category: 'applink',
    defaultSeverity: 'error',
    rationale: 'Each AppLink add-on gets a fixed hourly budget of Heroku Platform API requests. A design that needs more is throttled at peak.',
    facts: ['applink-platform-api-rate', 'applink-one-addon-per-app'],
    check({ design, report }) {
      const requests = design.paths?.heroku_applink?.platform_api_requests_per_hour;
      if (!requests || requests.value <= factValue('applink-platform-api-rate')) return;
      report({
        range: requests.node.range,
        message: `The Heroku Platform API allows ${formatFactValue(fact('applink-platform-api-rate'))} per AppLink add-on; this design makes ${formatCount(requests.value)}. Requests over the rate are throttled. Cache and batch Platform API calls, or give each app its own AppLink add-on.`,
      });
    },
  },
];
