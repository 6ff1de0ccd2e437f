import { fact, factValue, formatFactValue } from '../../knowledge/facts';
import { formatCount } from '../../format/quantities';
import { flowIssuesApprovals, longRunningLimit } from './measures';
import { fix } from '../../findings';
import { replaceValue } from '../../yamlEdit/scalar';
import type { Rule } from '../../rule';

export const REST_RULES: readonly Rule[] = [
  {
    id: 'rest-new-connected-app',
    title: 'New connected apps need Salesforce Support',
    category: 'rest',
    defaultSeverity: 'warning',
    rationale: 'Salesforce no longer lets customers create new connected apps without Support enabling it; External Client Apps replace them. Existing connected apps keep working.',
    facts: ['new-connected-apps-restricted'],
    fix: 'Change app_type to external-client-app.',
    check({ design, model, report }) {
      const appType = design.paths?.rest_api?.app_type;
      if (appType?.value !== 'new-connected-app') return;
      report({
        range: appType.node.range,
        message: `This design plans a new connected app. ${fact('new-connected-apps-restricted').statement} Use an External Client App (app_type: external-client-app).`,
        fix: fix('Use an External Client App', replaceValue(model, appType.node, 'external-client-app')),
      });
    },
  },
  {
    id: 'rest-token-approvals',
    title: 'More refresh-token holders than approvals per user',
    category: 'rest',
    defaultSeverity: 'error',
    rationale: 'A connected app keeps a fixed number of approvals per user, and every refresh token is one. When another holder gets a token, the oldest approval is revoked and that holder\'s calls start failing. The limit is per user per connected app, not a cap on OAuth tokens per user.',
    facts: ['connected-app-approvals-per-user', 'jwt-bearer-flow', 'client-credentials-recommended'],
    fix: 'Change auth_flow to jwt-bearer (no refresh tokens).',
    check({ design, model, report }) {
      const rest = design.paths?.rest_api;
      const holders = rest?.token_holders;
      if (!rest || !holders || !flowIssuesApprovals(rest)) return;
      if (holders.value <= factValue('connected-app-approvals-per-user')) return;
      const flow = rest.auth_flow!;
      report({
        range: holders.node.range,
        message: `Each connected app allows ${formatFactValue(fact('connected-app-approvals-per-user'))} per user, and each refresh token from the ${flow.value} flow is one; ${formatCount(holders.value)} token holders for the same user means every new approval revokes the oldest, and that holder's calls fail. Share one refresh token through a token service, or use the JWT bearer or client credentials flow, which issue no refresh tokens.`,
        related: [{ range: flow.node.range, message: 'This flow issues a refresh token per holder' }],
        fix: fix('Use the JWT bearer flow', replaceValue(model, flow.node, 'jwt-bearer')),
      });
    },
  },
  {
    id: 'rest-long-running-requests',
    title: 'More concurrent long-running requests than the org allows',
    category: 'rest',
    defaultSeverity: 'error',
    rationale: 'Salesforce limits how many long-running API requests run at once per org, not per user: every integration and user of the org shares the limit. Requests over it fail with REQUEST_LIMIT_EXCEEDED.',
    facts: ['long-running-requests-production', 'long-running-requests-developer', 'long-running-request-threshold'],
    check({ design, report }) {
      const requests = design.paths?.rest_api?.long_running_requests;
      if (!requests) return;
      const org = longRunningLimit(design);
      if (requests.value <= factValue(org.fact)) return;
      report({
        range: requests.node.range,
        message: `A ${org.orgKind} org runs at most ${formatFactValue(fact(org.fact))} lasting ${formatFactValue(fact('long-running-request-threshold'))} or more at once — per org, shared with every other integration and user, not per user; this design may run ${formatCount(requests.value)}. The rest fail with REQUEST_LIMIT_EXCEEDED. Keep requests under ${formatFactValue(fact('long-running-request-threshold'))} (selective queries, Bulk API for large jobs), or queue them so fewer run at once.`,
        related: org.node ? [{ range: org.node.range, message: `${org.orgKind} org` }] : undefined,
      });
    },
  },
  {
    id: 'rest-interactive-auth-flow',
    title: 'Interactive OAuth flow for a server-to-server integration',
    category: 'rest',
    defaultSeverity: 'info',
    rationale: 'The web server flow needs a person to log in and approve, and leaves a refresh token to store and rotate. A Heroku app calling Salesforce on its own is better served by the JWT bearer flow or by client credentials with an Integration user, which Salesforce recommends for server-to-server REST.',
    facts: ['client-credentials-recommended', 'jwt-bearer-flow'],
    fix: 'Change auth_flow to client-credentials.',
    check({ design, model, report }) {
      const flow = design.paths?.rest_api?.auth_flow;
      if (flow?.value !== 'web-server') return;
      report({
        range: flow.node.range,
        message: 'The web server flow is interactive: someone must log in and approve, and the refresh token must be stored and rotated. For Heroku calling Salesforce server to server, prefer the JWT bearer flow (certificate-signed, no user interaction) or client credentials with an Integration user, which Salesforce recommends. Keep web-server only if the app acts for each signed-in user.',
        fix: fix('Use the client credentials flow', replaceValue(model, flow.node, 'client-credentials')),
      });
    },
  },
];
