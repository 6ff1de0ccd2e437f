import { describeSpan } from '../labels';
import { listWords } from '../../format/suggest';
import type { AppLinkPath } from '../../model/design';
import type { ArtifactContext } from '../context';
import { CALLER_LABELS } from '../labels';
import { fill, StepWriter, type Fill } from './commands';
import { apiEnabledNeed, genericSandboxStep, integrationUserStep, rotationStep } from './common';
import { displayed, instanceUrl, pathApp } from './resources';
import { measurementLines, usageNote } from './measures';
import type { Step, StepBody } from './step';
import { formatNumber } from '../../format/numbers';

export function appLinkSteps(ctx: ArtifactContext, applink: AppLinkPath): Step[] {
  const steps: Step[] = [userModeStep(ctx, applink)];
  if (applink.user_mode?.value === 'authorized-user') {
    steps.push(integrationUserStep(ctx, 'heroku_applink', [apiEnabledNeed(ctx)],
      'The objects and fields the authorized user needs: the design does not list them. Grant access to exactly those.'));
  }
  steps.push(provisionStep(ctx, applink), connectionStep(ctx, applink));
  if (applink.user_mode?.value === 'authorized-user') steps.push(authorizationStep(ctx, applink));
  steps.push(publishStep(ctx, applink), timeoutStep(ctx, applink));
  if (applink.user_mode?.value === 'authorized-user') steps.push(appLinkRotation(ctx, applink));
  const { app, addon, connection } = appLinkFills(ctx, applink);
  const sandbox = genericSandboxStep(ctx, 'heroku_applink', 'check that the connection and the published actions still reach the Heroku app from the refreshed org', (w) =>
    w.check('the connection\'s status and the publications', [['applink-connection-info', { connection, app, addon }], ['applink-publications', { app, addon }]]));
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

/** The values AppLink commands name: the app, the add-on (`--addon`), the connection. */
function appLinkFills(ctx: ArtifactContext, applink: AppLinkPath): { app: Fill; addon: Fill; connection: Fill } {
  return {
    app: pathApp(ctx, 'heroku_applink'),
    addon: fill(applink.addon, '<applink-addon>', 'The name of the Heroku AppLink add-on: the design states no `paths.heroku_applink.addon`.'),
    connection: fill(applink.connection_name, '<connection-name>', 'The name of the AppLink connection to the org: the design states no `paths.heroku_applink.connection_name`.'),
  };
}

function provisionStep(ctx: ArtifactContext, applink: AppLinkPath): Step {
  const { app, addon } = appLinkFills(ctx, applink);
  const w = new StepWriter(ctx, 'Provision the AppLink add-on');
  w.say(
    `- The add-on sets the config vars \`HEROKU_APPLINK_API_URL\` and \`HEROKU_APPLINK_TOKEN\`; your own config vars cannot start with \`HEROKU_\` ${ctx.cite.ref('applink-provisioning')}.`,
    `- Provision one add-on per app, so each app's connections stay isolated ${ctx.cite.ref('applink-one-addon-per-app')}.`,
  );
  w.run('Create the add-on on the app, and install the Heroku AppLink CLI plugin', [
    ['applink-create', { app, addon }],
    ['applink-plugin-install', {}],
  ]);
  w.check('`heroku addons:info` shows the add-on with `State: provisioned`', [['addon-info', { addon, app }]]);
  return w.step();
}

function connectionStep(ctx: ArtifactContext, applink: AppLinkPath): Step {
  const { app, addon, connection } = appLinkFills(ctx, applink);
  const w = new StepWriter(ctx, 'Connect the org');
  w.run('Connect the add-on to the org; the command opens a browser window for the Salesforce login', [
    ['applink-connect', { connection, login_url: instanceUrl(ctx), app, addon }],
  ]);
  w.check(`\`applink:connections:info\` shows the connection \`${displayed(connection)}\` with the status \`connected\`; the AppLink dashboard shows it too, on ${w.uiPath('applink-dashboard')}`, [['applink-connection-info', { connection, app, addon }]]);
  return w.step();
}

function authorizationStep(ctx: ArtifactContext, applink: AppLinkPath): Step {
  const { app, addon } = appLinkFills(ctx, applink);
  const authorization = fill(applink.authorization, '<authorization-name>', 'The developer name of the AppLink authorization (authorized-user mode): the design states no `paths.heroku_applink.authorization`.');
  const w = new StepWriter(ctx, 'Authorize the user the code runs as');
  w.say(`In authorized-user mode the code runs as the user of an authorization, created once ${ctx.cite.ref('applink-user-modes')}.`);
  w.run('Create the authorization; log in as the integration user above in the browser window the command opens', [
    ['applink-authorize', { authorization, login_url: instanceUrl(ctx), app, addon }],
  ]);
  w.check('`applink:authorizations:info` shows the authorization with the integration user\'s username', [['applink-authorization-info', { authorization, app, addon }]]);
  return w.step();
}

function publishStep(ctx: ArtifactContext, applink: AppLinkPath): Step {
  const { app, addon, connection } = appLinkFills(ctx, applink);
  const callers = applink.callers?.value ?? ctx.design?.requirements?.salesforce_calls_heroku?.from?.value ?? [];
  const w = new StepWriter(ctx, 'Publish the app\'s API to the org');
  w.say(callers.length
    ? `- Expose the app's API to ${listWords(callers.map((c) => CALLER_LABELS[c]), 'and')}${applink.callers ? ` (${ctx.at(applink.callers.node)})` : ' (from `requirements.salesforce_calls_heroku`)'}: AppLink makes Heroku apps invocable from Flow, Apex, Data Cloud and Agentforce ${ctx.cite.ref('applink-overview')}.`
    : `- Expose the app's API to its Salesforce callers ${ctx.cite.ref('applink-overview')}.`);
  if (!callers.length) w.ask('Who calls the app (Flow, Apex, Agentforce, Data Cloud): the design states no `callers`.');
  if (applink.user_mode?.value === 'user-plus') {
    w.say(`- User-plus mode: the session-based permission set is declared in the OpenAPI spec ${ctx.cite.ref('applink-user-modes')} ${ctx.cite.source('appLinkOpenApi')}. \`salesforce:publish\` can also name it with \`--authorization-permission-set-name\`, and the External Client App with \`--authorization-external-client-app-name\` (its \`--authorization-connected-app-name\` is deprecated) ${ctx.cite.source('appLinkPlugin', '`heroku salesforce:publish`')}.`);
  }
  w.run('From the app\'s repository, where the spec file is, publish the app\'s OpenAPI spec under its client name', [
    ['applink-publish', {
      api_spec: fill(applink.api_spec, '<api-spec.yaml>', 'The path of the app\'s OpenAPI spec: the design states no `paths.heroku_applink.api_spec`.'),
      client: fill(applink.client_name, '<client-name>', 'The client name the app is published under: the design states no `paths.heroku_applink.client_name`.'),
      connection, app, addon,
    }],
  ]);
  w.check('`heroku salesforce:publications` lists the org the app is published to', [['applink-publications', { app, addon }]]);
  return w.step();
}

function appLinkRotation(ctx: ArtifactContext, applink: AppLinkPath): Step {
  const { app, addon } = appLinkFills(ctx, applink);
  const authorization = fill(applink.authorization, '<authorization-name>', 'The developer name of the AppLink authorization (authorized-user mode): the design states no `paths.heroku_applink.authorization`.');
  return rotationStep(ctx, 'heroku_applink', 'the AppLink authorization of the authorized user (an OAuth authorization, granted by logging in as that user)', (w) => {
    w.run('Remove the authorization and create it again, logging in as the same user; the code cannot act as that user in between, so do it in a quiet hour', [
      ['applink-authorization-remove', { authorization, app, addon }],
      ['applink-authorize', { authorization, login_url: instanceUrl(ctx), app, addon }],
    ]);
    w.check('`applink:authorizations:info` shows the authorization again', [['applink-authorization-info', { authorization, app, addon }]]);
    w.rollback('if the new authorization fails, create it again with `salesforce:authorizations:add` as above; nothing else refers to the removed one.');
  });
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
