import { connectedAppsRestrictedSince } from '../../knowledge/facts';
import type { RestApiPath } from '../../model/design';
import type { ArtifactContext } from '../context';
import { addAppCredentials, externalClientAppStep, jwtLoginCheck, keyAndCertificateStep, rotateKeyPair } from './clientApp';
import { StepWriter } from './commands';
import { apiEnabledNeed, genericSandboxStep, integrationUserStep, rotationStep } from './common';
import { measurementLines, usageNote } from './measures';
import type { Step, StepBody } from './step';

const FLOW_NAMES: Record<string, string> = {
  'jwt-bearer': 'the OAuth 2.0 JWT bearer flow',
  'client-credentials': 'the OAuth 2.0 client credentials flow',
  'web-server': 'the OAuth 2.0 web server flow',
  'refresh-token': 'a stored refresh token',
};

export function restSteps(ctx: ArtifactContext, rest: RestApiPath): Step[] {
  const flow = rest.auth_flow?.value;
  const steps: Step[] = [
    integrationUserStep(ctx, 'rest_api', [apiEnabledNeed(ctx)], 'The objects and fields the Heroku app reads or writes through the REST API: the design does not list them. Grant access to exactly those.'),
    appStep(ctx, rest),
  ];
  const clientApp = rest.app_type?.value !== 'connected-app';
  if (flow === 'jwt-bearer') steps.push(keyAndCertificateStep(ctx));
  if (clientApp && (flow === 'jwt-bearer' || flow === 'client-credentials')) steps.push(externalClientAppStep(ctx, 'rest_api', flow));
  steps.push(authorizeStep(ctx, rest), restRotation(ctx, rest));
  const sandbox = genericSandboxStep(ctx, 'rest_api', 'check that the Heroku app still obtains a token from the refreshed org', (w) => {
    if (flow === 'jwt-bearer') jwtLoginCheck(ctx, w, 'rest_api');
  });
  if (sandbox) steps.push(sandbox);
  return steps;
}

function restRotation(ctx: ArtifactContext, rest: RestApiPath): Step {
  const flow = rest.auth_flow?.value;
  const rotated = flow === 'jwt-bearer' ? 'the private key and the certificate the JWT bearer flow signs with'
    : flow === 'client-credentials' ? 'the consumer secret of the client credentials flow'
      : 'the credentials the Heroku app authenticates with';
  return rotationStep(ctx, 'rest_api', rotated, (w) => {
    w.say(`- Access tokens expire with the app's session timeout, and refresh-token rotation can be enabled on the app ${ctx.cite.ref('access-token-lifetime')}.`);
    if (flow === 'jwt-bearer') rotateKeyPair(ctx, w, 'rest_api');
  });
}

function appStep(ctx: ArtifactContext, rest: RestApiPath): Step {
  const app = rest.app_type;
  const restricted = ctx.cite.ref('new-connected-apps-restricted');
  if (!app) {
    return {
      title: 'Set up the app the Heroku side authenticates through', lines: [],
      open: [`Which Salesforce app the Heroku side authenticates through: the design states no \`app_type\`. Since ${connectedAppsRestrictedSince()} new connected apps need Salesforce Support; External Client Apps replace them ${restricted}.`],
    };
  }
  const text: Record<string, string> = {
    'external-client-app': `an External Client App (${ctx.at(app.node)}), the replacement for connected apps ${restricted}.`,
    'connected-app': `the existing connected app (${ctx.at(app.node)}); existing connected apps keep working ${restricted}.`,
    'new-connected-app': `**a connected app still to be created** (${ctx.at(app.node)}): since ${connectedAppsRestrictedSince()} that needs Salesforce Support to enable it; create an External Client App instead ${restricted}.`,
  };
  return { title: 'Set up the app the Heroku side authenticates through', lines: [`- Authenticate through ${text[app.value]}`] };
}

function authorizeStep(ctx: ArtifactContext, rest: RestApiPath): Step {
  const flow = rest.auth_flow;
  const lines: string[] = [];
  const open: string[] = [];
  if (!flow) open.push(`The OAuth flow: the design states no \`auth_flow\`. For server-to-server calls Salesforce recommends the client credentials flow with an Integration user ${ctx.cite.ref('client-credentials-recommended')}; the JWT bearer flow needs no client secret ${ctx.cite.ref('jwt-bearer-flow')}.`);
  else lines.push(`- Authenticate with ${FLOW_NAMES[flow.value]} (${ctx.at(flow.node)}).`);
  if (flow?.value === 'jwt-bearer') {
    lines.push(`- Upload the certificate that signs the JWT to the app, and pre-approve the integration user for the app through its profile or a permission set: the JWT bearer flow needs no user interaction and no client secret, but the app must already be approved for the user ${ctx.cite.ref('jwt-bearer-flow')}. Keep the private key in a Heroku config var, never in the design.`);
  }
  if (flow?.value === 'client-credentials') lines.push(`- Run the client credentials flow as the Integration user, as Salesforce recommends for server-to-server REST ${ctx.cite.ref('client-credentials-recommended')}.`);
  if (flow?.value === 'web-server' || flow?.value === 'refresh-token' || rest.token_holders) {
    lines.push(`- Each connected app allows ${ctx.cite.value('connected-app-approvals-per-user')} per user; a new approval revokes the oldest${rest.token_holders ? `. The design has ${rest.token_holders.value} token holders for one user (${ctx.at(rest.token_holders.node)})${usageNote(ctx, 'rest-token-approvals')}` : ''}.`);
  }
  const w = new StepWriter(ctx, 'Authorize the Heroku app');
  if (flow?.value === 'jwt-bearer' || flow?.value === 'client-credentials') addAppCredentials(ctx, w, 'rest_api', flow.value);
  const longRunning = rest.long_running_requests;
  const developer = ['developer', 'scratch'].includes(ctx.design?.salesforce?.org_type?.value ?? '') || ctx.design?.salesforce?.edition?.value === 'developer';
  lines.push(`- At most ${ctx.cite.value(developer ? 'long-running-requests-developer' : 'long-running-requests-production')} lasting ${ctx.cite.value('long-running-request-threshold')} or more run at once per ${developer ? 'Developer Edition or trial' : 'production or sandbox'} org; more fail with REQUEST_LIMIT_EXCEEDED${longRunning ? `. The design expects ${longRunning.value} at once (${ctx.at(longRunning.node)})${usageNote(ctx, 'rest-long-running-requests')}` : ''}.`);
  for (const text of open) w.ask(text);
  const step = w.step();
  return { ...step, lines: [...lines, ...(step.lines.length ? ['', ...step.lines] : [])] };
}

export function restMonitoring(ctx: ArtifactContext): StepBody {
  return {
    lines: [
      `- Alert on REQUEST_LIMIT_EXCEEDED: too many long-running requests at once ${ctx.cite.ref('long-running-requests-production')}.`,
      ...measurementLines(ctx, 'rest-'),
    ],
  };
}

export function restRecovery(): StepBody {
  return {
    lines: ['1. If a signing key, client secret or token leaks, rotate it at once (see “Rotate credentials and tokens”).'],
    open: ['How failed REST calls are retried or replayed: the design states no procedure.'],
  };
}
