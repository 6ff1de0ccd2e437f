import { PATH_NAMES } from '../../decision/table';
import type { ArtifactContext } from '../context';
import { assembleDocument } from '../document';
import { ENVIRONMENT_LABELS } from '../labels';
import { code, inlineText } from '../markdown';
import { appLinkMonitoring, appLinkRecovery, appLinkSteps } from './applink';
import { apexMonitoring, apexRecovery, apexSteps } from './apex';
import { canvasMonitoring, canvasRecovery, canvasSteps } from './canvas';
import { connectMonitoring, connectRecovery, connectSteps } from './connect';
import { eventsMonitoring, eventsRecovery, eventsSteps } from './events';
import { externalObjectsMonitoring, externalObjectsRecovery, externalObjectsSteps } from './externalObjects';
import { restMonitoring, restRecovery, restSteps } from './rest';
import { renderParts, type Part, type Step } from './step';

/**
 * The connection runbook: a numbered procedure per chosen path (user, plan, regions,
 * authorization, rotation, sandbox refresh, retention), then monitoring, then rollback
 * and recovery. What the design leaves open is listed as an open decision, at its step
 * and at the top, never filled in with a made-up value.
 */
export function generateRunbook(ctx: ArtifactContext): string {
  const design = ctx.design;
  if (!design) return assembleDocument('runbook', ctx, []);
  const paths = design.paths ?? { $node: undefined as never };
  const parts: Part[] = [];
  const monitoring: Step[] = [];
  const recovery: Step[] = [];
  if (paths.heroku_connect) {
    parts.push({ title: 'Heroku Connect', steps: connectSteps(ctx, paths.heroku_connect) });
    monitoring.push(connectMonitoring(ctx, paths.heroku_connect));
    recovery.push(connectRecovery(ctx, paths.heroku_connect));
  }
  if (paths.heroku_applink) {
    parts.push({ title: 'Heroku AppLink', steps: appLinkSteps(ctx, paths.heroku_applink) });
    monitoring.push(appLinkMonitoring(ctx));
    recovery.push(appLinkRecovery());
  }
  if (paths.external_objects) {
    parts.push({ title: 'Heroku External Objects', steps: externalObjectsSteps(ctx, paths.external_objects) });
    monitoring.push(externalObjectsMonitoring(ctx));
    recovery.push(externalObjectsRecovery(ctx));
  }
  if (paths.platform_events) {
    parts.push({ title: PATH_NAMES.platform_events, steps: eventsSteps(ctx, paths.platform_events) });
    monitoring.push(eventsMonitoring(ctx, paths.platform_events));
    recovery.push(eventsRecovery(ctx, paths.platform_events));
  }
  if (paths.rest_api) {
    parts.push({ title: PATH_NAMES.rest_api, steps: restSteps(ctx, paths.rest_api) });
    monitoring.push(restMonitoring(ctx));
    recovery.push(restRecovery());
  }
  if (paths.apex_callout) {
    parts.push({ title: PATH_NAMES.apex_callout, steps: apexSteps(ctx, paths.apex_callout) });
    monitoring.push(apexMonitoring(ctx));
    recovery.push(apexRecovery());
  }
  if (paths.canvas) {
    parts.push({ title: PATH_NAMES.canvas, steps: canvasSteps(ctx, paths.canvas) });
    monitoring.push(canvasMonitoring(ctx));
    recovery.push(canvasRecovery(ctx));
  }
  if (parts.length > 0) {
    monitoring.push({ title: 'Who is alerted', lines: [], open: ['Who is alerted, and how, when one of the states or limits above fires: the design does not say.'] });
    parts.push({ title: 'Maintenance windows and monitoring', steps: monitoring });
    parts.push({ title: 'Rollback and recovery', steps: recovery });
  }
  const { markdown, open } = renderParts(parts);
  return assembleDocument('runbook', ctx, [
    overview(ctx),
    openDecisions(open),
    parts.length ? markdown : 'The design chooses no path, so there is nothing to set up yet.',
  ]);
}

function overview(ctx: ArtifactContext): string {
  const design = ctx.design!;
  const org = design.salesforce;
  const orgParts = [
    org?.edition ? `${org.edition.value} edition` : undefined,
    org?.org_type ? `${org.org_type.value} org` : undefined,
    org?.instance ? `instance ${code(org.instance.value)}` : undefined,
  ].filter((x): x is string => Boolean(x));
  const rows = [
    ['Environment', design.environment ? ENVIRONMENT_LABELS[design.environment.value] : 'not stated'],
    ['Salesforce org', orgParts.length ? orgParts.join(', ') : 'not stated'],
    ['Paths', ctx.chosenPaths.map((p) => PATH_NAMES[p]).join(', ') || 'none'],
    ['Decision', ctx.siblingLink('recommendation', 'decision recommendation')],
    ['Risks', ctx.siblingLink('risks', 'risk register')],
  ];
  return [`**The integration in one sentence:** ${inlineText(ctx.analysis.decision.statement)}`, '', ...rows.map(([k, v]) => `- **${k}:** ${v}`)].join('\n');
}

function openDecisions(open: readonly { step: string; text: string }[]): string {
  const lines = ['## Open decisions', ''];
  if (open.length === 0) {
    lines.push('None: the design states everything this runbook needs.');
  } else {
    lines.push(`The design leaves ${open.length === 1 ? 'this' : `these ${open.length}`} open. Decide ${open.length === 1 ? 'it' : 'them'} before go-live, and state ${open.length === 1 ? 'it' : 'them'} in the design where it has a key for ${open.length === 1 ? 'it' : 'them'}:`, '');
    lines.push(...open.map((o, i) => `${i + 1}. **Step ${o.step}:** ${o.text}`));
  }
  return lines.join('\n');
}
