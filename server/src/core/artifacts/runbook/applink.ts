import { describeSpan } from '../labels';
import { listWords } from '../../format/suggest';
import type { AppLinkPath } from '../../model/design';
import type { ArtifactContext } from '../context';
import { CALLER_LABELS } from '../labels';
import { apiEnabledNeed, genericSandboxStep, integrationUserStep, rotationStep } from './common';
import { measurementLines, usageNote } from './measures';
import type { Step, StepBody } from './step';
import { formatNumber } from '../../format/numbers';

export function appLinkSteps(ctx: ArtifactContext, applink: AppLinkPath): Step[] {
  const steps: Step[] = [userModeStep(ctx, applink)];
  if (applink.user_mode?.value === 'authorized-user') {
    steps.push(integrationUserStep(ctx, 'heroku_applink', [apiEnabledNeed(ctx)],
      'The objects and fields the authorized user needs: the design does not list them. Grant access to exactly those.'));
  }
  steps.push(provisionStep(ctx, applink), timeoutStep(ctx, applink));
  if (applink.user_mode?.value === 'authorized-user') steps.push(rotationStep(ctx, 'heroku_applink', ['the credentials']));
  const sandbox = genericSandboxStep(ctx, 'heroku_applink', 'check that the published actions still reach the Heroku app from the refreshed org');
  if (sandbox) steps.push(sandbox);
  return steps;
}

function userModeStep(ctx: ArtifactContext, applink: AppLinkPath): Step {
  const mode = applink.user_mode;
  const ref = ctx.cite.ref('applink-user-modes');
  const what: Record<string, string> = {
    user: `the Heroku code runs with the calling Salesforce user's context and permissions ${ref}. There is no integration user of its own, so each caller needs the permissions the actions use.`,
    'user-plus': `the calling user's permissions plus a session-based permission set declared in the OpenAPI spec ${ref}. Review that permission set like any other grant.`,
    'authorized-user': `the code runs as a pre-authorized user ${ref} (for worker dynos and scheduled jobs), provisioned in the next step.`,
  };
  const lines = [mode
    ? `- User mode **${mode.value}** (${ctx.at(mode.node)}): ${what[mode.value]}`
    : `- The design states no \`user_mode\`, so the default **user** mode applies: ${what.user}`];
  return { title: 'Decide whose permissions the code runs with', lines };
}

function provisionStep(ctx: ArtifactContext, applink: AppLinkPath): Step {
  const callers = applink.callers?.value ?? ctx.design?.requirements?.salesforce_calls_heroku?.from?.value ?? [];
  const lines = [
    `- Provision the add-on on the Heroku app: \`heroku addons:create heroku-applink\` sets the config vars \`HEROKU_APPLINK_API_URL\` and \`HEROKU_APPLINK_TOKEN\`; your own config vars cannot start with \`HEROKU_\` ${ctx.cite.ref('applink-provisioning')}.`,
    `- Provision one add-on per app, so each app's connections stay isolated ${ctx.cite.ref('applink-one-addon-per-app')}.`,
    callers.length
      ? `- Expose the app's API to ${listWords(callers.map((c) => CALLER_LABELS[c]), 'and')}${applink.callers ? ` (${ctx.at(applink.callers.node)})` : ' (from `requirements.salesforce_calls_heroku`)'}: AppLink makes Heroku apps invocable from Flow, Apex, Data Cloud and Agentforce ${ctx.cite.ref('applink-overview')}.`
      : `- Expose the app's API to its Salesforce callers ${ctx.cite.ref('applink-overview')}.`,
  ];
  const open = callers.length ? [] : ['Who calls the app (Flow, Apex, Agentforce, Data Cloud): the design states no `callers`.'];
  return { title: 'Provision AppLink and publish the app', lines, open };
}

function timeoutStep(ctx: ArtifactContext, applink: AppLinkPath): Step {
  const lines: string[] = [];
  const open: string[] = [];
  const sync = applink.synchronous?.value ?? ctx.design?.requirements?.salesforce_calls_heroku?.synchronous?.value;
  const response = applink.response_time;
  lines.push(`- The Heroku router ends any request after ${ctx.cite.value('heroku-router-timeout')}, so a caller waiting longer gains nothing.`);
  if (response) lines.push(`- The design expects responses within ${describeSpan(response.value)} (${ctx.at(response.node)})${sync ? ', and callers wait for them' : ''}${usageNote(ctx, 'applink-response-time')}.`);
  else if (sync) open.push('The slowest expected response: callers wait for the answer, and the design states no `response_time` to check against the router timeout.');
  const requests = applink.platform_api_requests_per_hour;
  lines.push(`- The Heroku Platform API allows ${ctx.cite.value('applink-platform-api-rate')} per AppLink add-on${requests ? `; the design expects ${formatNumber(requests.value)} (${ctx.at(requests.node)})${usageNote(ctx, 'applink-platform-api-rate')}` : ''}.`);
  return { title: 'Check response times and request rates', lines, open };
}

export function appLinkMonitoring(ctx: ArtifactContext): StepBody {
  const lines = [
    `- Requests cut off at the router timeout (${ctx.cite.value('heroku-router-timeout')}) mean an action took too long for its caller.`,
    ...measurementLines(ctx, 'applink-'),
  ];
  return { lines };
}

export function appLinkRecovery(): StepBody {
  return {
    lines: [],
    open: ['How to withdraw or roll back a published AppLink action: the design states no procedure, and the sources this tool uses document none.'],
  };
}
