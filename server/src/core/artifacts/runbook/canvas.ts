import { connectedAppsRestrictedSince } from '../../knowledge/facts';
import { formatCount } from '../../format/quantities';
import { listWords } from '../../format/suggest';
import type { CanvasPath } from '../../model/design';
import type { ArtifactContext } from '../context';
import { code } from '../markdown';
import { clientAppName, CONSUMER_SECRET } from './clientApp';
import { fill, known, StepWriter, unknown } from './commands';
import { genericSandboxStep, sandboxOrg } from './common';
import { displayed, pathApp } from './resources';
import { measurementLines } from './measures';
import type { Step, StepBody } from './step';

export function canvasSteps(ctx: ArtifactContext, canvas: CanvasPath): Step[] {
  const steps = [appStep(ctx, canvas), authStep(ctx, canvas), secretStep(ctx, canvas), rotation(ctx, canvas)];
  const sandbox = genericSandboxStep(ctx, 'canvas', 'open the Canvas app in the refreshed org and check its requests verify');
  if (sandbox) steps.push(sandbox);
  return steps;
}

const CANVAS_CONFIG_VAR_ASK = 'The name of the config var the Heroku app reads the consumer secret from (to verify signed requests): the design does not say.';

function appStep(ctx: ArtifactContext, canvas: CanvasPath): Step {
  const locations = canvas.locations;
  const name = clientAppName(ctx, 'canvas');
  const url = fill(canvas.url, '<canvas-url>', 'The canvas app\'s URL on Heroku: the design states no `paths.canvas.url`.');
  const signed = (canvas.auth?.value ?? ['signed-request']).includes('signed-request');
  const w = new StepWriter(ctx, 'Create the Canvas app on an External Client App');
  w.say(`- Since ${connectedAppsRestrictedSince()} new connected apps need Salesforce Support, and Salesforce recommends External Client Apps for all new Canvas integrations: the canvas app is the Canvas plugin of an External Client App ${ctx.cite.ref('new-connected-apps-restricted')} ${ctx.cite.source('canvasEca')}.`);
  if (locations && locations.value.length) w.say(`- Show it in ${listWords(locations.value.map(code), 'and')} (${ctx.at(locations.node)}).`);
  else w.ask('Where the Canvas app appears (page layout, console, app launcher…): the design lists no `locations`.');
  const calls = canvas.calls_per_day;
  w.say(`- Canvas allows ${ctx.cite.value('canvas-calls-per-day')} per full Salesforce user license, shared org-wide; each signed-request call counts twice${calls ? `. The design expects ${formatCount(calls.value)} calls a day (${ctx.at(calls.node)})` : ''}.`);
  w.run(`List the app's domains: the canvas URL ${code(displayed(url))} must be on one of them`, [['app-domains', { app: pathApp(ctx, 'canvas') }]]);
  w.ui(`Create the External Client App ${code(displayed(name))}`, 'eca-new');
  w.ui(`Configure its Canvas plugin: the canvas app URL ${code(displayed(url))}, ${signed ? 'the signed request (POST) access method' : 'the OAuth (GET) access method'} and the locations above`, 'eca-canvas');
  w.ui('Let the users who see the app use it without an approval prompt: admin-approved users are pre-authorized through their profiles or permission sets', 'eca-policies');
  w.ask('Which users see the Canvas app (the profiles or permission sets the External Client App pre-authorizes): the design does not say.');
  w.check(`open a page where the app is placed: the frame loads the app${sandboxOrg(ctx).sandbox ? ' (in this sandbox)' : ''}, and the app's log shows the request Salesforce sent`, [['app-logs', { app: pathApp(ctx, 'canvas') }]]);
  return w.step();
}

function secretStep(ctx: ArtifactContext, canvas: CanvasPath): Step {
  const app = pathApp(ctx, 'canvas');
  const w = new StepWriter(ctx, 'Give the Heroku app the consumer secret');
  const models = canvas.auth?.value ?? [];
  if (models.length && !models.includes('signed-request')) {
    w.say('Not needed for signed requests: the design uses OAuth only, and the app runs the OAuth flow itself.');
    return w.step();
  }
  w.ui('Copy the consumer secret', 'eca-consumer-key');
  w.run('Paste it into a shell variable (paste, then Enter) and give it to the app from there, so it appears on no command line', [
    ['read-variable', { variable: known(CONSUMER_SECRET) }],
    ['config-set-from-variable', { var: unknown('<consumer-secret-config-var>', CANVAS_CONFIG_VAR_ASK), variable: known(CONSUMER_SECRET), app }],
  ]);
  w.check('reload the page that shows the app: the app\'s log shows the signed request verified', [['app-logs', { app }]]);
  return w.step();
}

function authStep(ctx: ArtifactContext, canvas: CanvasPath): Step {
  const auth = canvas.auth;
  const models = auth?.value ?? [];
  const lines: string[] = [];
  const signed = models.includes('signed-request') || models.length === 0;
  if (models.length === 0) lines.push(`- The design states no \`auth\`, so Canvas's default applies: signed request ${ctx.cite.ref('canvas-signed-request-default')}.`);
  else lines.push(`- Auth: ${listWords(models.map(code), 'and')} (${ctx.at(auth!.node)}).`);
  if (signed) {
    lines.push(`- Signed request: Salesforce POSTs the context signed with the consumer secret, and admin-approved users are never prompted ${ctx.cite.ref('canvas-signed-request-default')}. Pre-approve the users through their profiles or permission sets.`);
    lines.push(`- Verify every request on the Heroku side: split it on the first period, HMAC-SHA256 the Base64 context with the consumer secret, Base64-encode the result and compare it with the first part ${ctx.cite.ref('canvas-signed-request-verify')}. Keep the consumer secret in a Heroku config var.`);
  }
  if (models.some((m) => m !== 'signed-request')) {
    lines.push(`- OAuth (${listWords(models.filter((m) => m !== 'signed-request').map(code), 'and')}): Salesforce loads the canvas URL with GET ${ctx.cite.ref('canvas-oauth-flow')}${canvas.runs_outside_salesforce?.value ? '; the design says the app also runs outside Salesforce, which is what OAuth is for' : ''}.`);
  }
  if (models.length > 1 && signed) lines.push(`- **The design uses both signed request and OAuth.** The skill document warns that signing a request and then re-running OAuth in the same app creates a confused-deputy situation ${ctx.cite.ref('canvas-auth-not-interchangeable')}.`);
  return { title: 'Set up authentication', lines };
}

function rotation(ctx: ArtifactContext, canvas: CanvasPath): Step {
  const app = pathApp(ctx, 'canvas');
  const w = new StepWriter(ctx, 'Rotate the consumer secret');
  w.say(`What is rotated: the External Client App's consumer secret, which signs every request ${ctx.cite.ref('canvas-signed-request-default')}. After rotating it, update the Heroku config var at the same time, or requests stop verifying.`);
  w.ask('How often the consumer secret is rotated: the design has no place to state it.');
  w.ui('The consumer key and secret are shown at', 'eca-consumer-key', 'Rotate the secret there and copy the new one; the sources this tool uses do not describe the rotation screen itself.');
  w.run('Give it to the app as in “Give the Heroku app the consumer secret”', [
    ['read-variable', { variable: known(CONSUMER_SECRET) }],
    ['config-set-from-variable', { var: unknown('<consumer-secret-config-var>', CANVAS_CONFIG_VAR_ASK), variable: known(CONSUMER_SECRET), app }],
  ]);
  w.check('the app\'s log shows signed requests verified again', [['app-logs', { app }]]);
  w.rollback('requests failing to verify mean the app and Salesforce disagree on the secret: set the secret the External Client App shows now, with the same two commands.');
  return w.step();
}

export function canvasMonitoring(ctx: ArtifactContext): StepBody {
  return {
    lines: [`- Watch Canvas calls against ${ctx.cite.value('canvas-calls-per-day')} per full user license, and requests that fail verification.`, ...measurementLines(ctx, 'canvas-')],
  };
}

export function canvasRecovery(ctx: ArtifactContext): StepBody {
  return {
    lines: [`1. If the consumer secret leaks, rotate it and update the Heroku config var together ${ctx.cite.ref('canvas-signed-request-default')}.`],
  };
}
