import { formatCount } from '../../format/quantities';
import { listWords } from '../../format/suggest';
import type { CanvasPath } from '../../model/design';
import type { ArtifactContext } from '../context';
import { code } from '../markdown';
import { genericSandboxStep } from './common';
import { measurementLines } from './measures';
import type { Step, StepBody } from './step';

export function canvasSteps(ctx: ArtifactContext, canvas: CanvasPath): Step[] {
  const steps = [appStep(ctx, canvas), authStep(ctx, canvas), rotation(ctx)];
  const sandbox = genericSandboxStep(ctx, 'canvas', 'open the Canvas app in the refreshed org and check its requests verify');
  if (sandbox) steps.push(sandbox);
  return steps;
}

function appStep(ctx: ArtifactContext, canvas: CanvasPath): Step {
  const locations = canvas.locations;
  const lines = [
    `- The Canvas app is configured on a connected app. If it does not exist yet: since Spring '26 creating a new connected app needs Salesforce Support ${ctx.cite.ref('new-connected-apps-restricted')}.`,
    locations && locations.value.length ? `- Show it in ${listWords(locations.value.map(code), 'and')} (${ctx.at(locations.node)}).` : '',
  ].filter(Boolean);
  const calls = canvas.calls_per_day;
  lines.push(`- Canvas allows ${ctx.cite.value('canvas-calls-per-day')} per full Salesforce user license, shared org-wide; each signed-request call counts twice${calls ? `. The design expects ${formatCount(calls.value)} calls a day (${ctx.at(calls.node)})` : ''}.`);
  const open = locations && locations.value.length ? [] : ['Where the Canvas app appears (page layout, console, app launcher…): the design lists no `locations`.'];
  return { title: 'Set up the Canvas app', lines, open };
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

function rotation(ctx: ArtifactContext): Step {
  return {
    title: 'Rotate the consumer secret',
    lines: [`- The consumer secret signs every request ${ctx.cite.ref('canvas-signed-request-default')}: after rotating it, update the Heroku config var at the same time, or requests stop verifying.`],
    open: ['How often the consumer secret is rotated: the design has no place to state it.'],
  };
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
