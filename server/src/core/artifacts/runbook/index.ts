import type { Paths } from '../../model/design';
import { PATH_KEYS, PATH_NAMES, type PathKey } from '../../vocabulary';
import { apexMonitoring, apexRecovery, apexSteps } from './apex';
import { appLinkMonitoring, appLinkRecovery, appLinkSteps } from './applink';
import { canvasMonitoring, canvasRecovery, canvasSteps } from './canvas';
import { connectMonitoring, connectRecovery, connectSteps } from './connect';
import { eventsMonitoring, eventsRecovery, eventsSteps } from './events';
import { externalObjectsMonitoring, externalObjectsRecovery, externalObjectsSteps } from './externalObjects';
import { restMonitoring, restRecovery, restSteps } from './rest';
import { architectureSection } from '../architecture';
import type { ArtifactContext } from '../context';
import { assembleDocument } from '../document';
import { ENVIRONMENT_LABELS } from '../labels';
import { code, gfmInlineText } from '../markdown';
import { beforeYouStart, herokuResources } from './resources';
import { renderParts, type Part, type Step, type StepBody } from './step';

/** A path's part of the runbook. Monitoring and recovery are titled with the path's name. */
interface RunbookSection<K extends PathKey> {
  /** The numbered procedure, in the order an operator does it. */
  steps(ctx: ArtifactContext, section: NonNullable<Paths[K]>): Step[];
  /** What to watch, under "Maintenance windows and monitoring". */
  monitoring(ctx: ArtifactContext, section: NonNullable<Paths[K]>): StepBody;
  /** Under "Rollback and recovery". */
  recovery(ctx: ArtifactContext, section: NonNullable<Paths[K]>): StepBody;
}

/** Every path's section (a new path without one does not compile). */
const SECTIONS: { readonly [K in PathKey]: RunbookSection<K> } = {
  heroku_connect: { steps: connectSteps, monitoring: connectMonitoring, recovery: connectRecovery },
  heroku_applink: { steps: appLinkSteps, monitoring: appLinkMonitoring, recovery: appLinkRecovery },
  external_objects: { steps: externalObjectsSteps, monitoring: externalObjectsMonitoring, recovery: externalObjectsRecovery },
  platform_events: { steps: eventsSteps, monitoring: eventsMonitoring, recovery: eventsRecovery },
  rest_api: { steps: restSteps, monitoring: restMonitoring, recovery: restRecovery },
  apex_callout: { steps: apexSteps, monitoring: apexMonitoring, recovery: apexRecovery },
  canvas: { steps: canvasSteps, monitoring: canvasMonitoring, recovery: canvasRecovery },
};

/**
 * The connection runbook: a numbered procedure per chosen path (user, plan, regions,
 * authorization, rotation, sandbox refresh, retention), then monitoring, then rollback
 * and recovery. What the design leaves open is listed as an open decision, at its step
 * and at the top, never filled in with a made-up value.
 */
export function generateRunbook(ctx: ArtifactContext): string {
  const design = ctx.design;
  if (!design) return assembleDocument('runbook', ctx, []);
  const parts: Part[] = [];
  const monitoring: Step[] = [];
  const recovery: Step[] = [];
  if (ctx.chosenPaths.length > 0) parts.push(beforeYouStart(ctx), herokuResources(ctx));
  for (const key of PATH_KEYS) addSection(key, design.paths?.[key], ctx, { parts, monitoring, recovery });
  if (parts.length > 0) {
    monitoring.push({ title: 'Who is alerted', lines: [], open: ['Who is alerted, and how, when one of the states or limits above fires: the design does not say.'] });
    parts.push({ title: 'Maintenance windows and monitoring', steps: monitoring });
    parts.push({ title: 'Rollback and recovery', steps: recovery });
  }
  const { markdown, open } = renderParts(parts);
  return assembleDocument('runbook', ctx, [
    overview(ctx),
    architectureSection(ctx),
    openDecisions(open),
    parts.length ? markdown : 'The design chooses no path, so there is nothing to set up yet.',
  ]);
}

function addSection<K extends PathKey>(key: K, section: Paths[K] | undefined, ctx: ArtifactContext, into: { parts: Part[]; monitoring: Step[]; recovery: Step[] }): void {
  if (!section) return;
  const runbook = SECTIONS[key];
  const title = PATH_NAMES[key];
  into.parts.push({ title, steps: runbook.steps(ctx, section) });
  into.monitoring.push({ title, ...runbook.monitoring(ctx, section) });
  into.recovery.push({ title, ...runbook.recovery(ctx, section) });
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
  return [`**The integration in one sentence:** ${gfmInlineText(ctx.analysis.decision.statement)}`, '', ...rows.map(([k, v]) => `- **${k}:** ${v}`)].join('\n');
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
