import { describeSpan } from '../labels';
import type { ApexCalloutPath } from '../../model/design';
import type { ArtifactContext } from '../context';
import { code } from '../markdown';
import { genericSandboxStep } from './common';
import { measurementLines, usageNote } from './measures';
import type { Step, StepBody } from './step';

export function apexSteps(ctx: ArtifactContext, apex: ApexCalloutPath): Step[] {
  const steps = [credentialStep(ctx, apex), transactionStep(ctx, apex), rotation()];
  const sandbox = genericSandboxStep(ctx, 'apex_callout', 'check the Named Credential in the refreshed org still points at the right Heroku endpoint and authenticates');
  if (sandbox) steps.push(sandbox);
  return steps;
}

function credentialStep(ctx: ArtifactContext, apex: ApexCalloutPath): Step {
  const nc = apex.named_credential;
  const lines = [
    `- ${nc ? `Create the Named Credential ${code(nc.value)} (${ctx.at(nc.node)})` : 'Create a Named Credential'} for the Heroku endpoint. The named credential holds the endpoint; an external credential holds the authentication protocol and principals, mapped to permission sets ${ctx.cite.ref('named-credentials')}.`,
    `- Authenticate with a protocol the external credential supports (OAuth 2.0 JWT bearer, client credentials with a JWT assertion, or JWT); managing them needs Manage Named Credentials or Customize Application ${ctx.cite.ref('external-credential-protocols')}.`,
  ];
  const open = nc ? [] : ['The Named Credential the callout uses: the design states no `named_credential`.'];
  open.push('The protocol the Heroku endpoint accepts from the external credential: the design does not state it.');
  return { title: 'Create the Named Credential', lines, open };
}

function transactionStep(ctx: ArtifactContext, apex: ApexCalloutPath): Step {
  const lines: string[] = [];
  const context = apex.context;
  if (context) {
    lines.push(`- The callout runs from ${code(context.value)} (${ctx.at(context.node)}).${context.value === 'trigger' ? ` **A trigger runs inside DML, and a callout cannot be made while DML is pending**: move it to queueable or \`@future(callout=true)\` Apex ${ctx.cite.ref('apex-callout-after-dml')}.` : ''}`);
  } else {
    lines.push(`- Make the callout before any DML in the transaction: a callout cannot be made while DML, async Apex, scheduled Apex or email sends are pending ${ctx.cite.ref('apex-callout-after-dml')}.`);
  }
  const timeout = apex.timeout;
  lines.push(`- Timeout: ${timeout ? `${describeSpan(timeout.value)} (${ctx.at(timeout.node)})${usageNote(ctx, 'apex-callout-timeout')}` : `the default ${ctx.cite.value('apex-callout-default-timeout')} (the design states no \`timeout\`)`}. Apex allows up to ${ctx.cite.value('apex-callout-max-timeout')}, but the Heroku router ends a request after ${ctx.cite.value('heroku-router-timeout')}, so waiting longer gains nothing.`);
  const callouts = apex.callouts_per_transaction;
  lines.push(`- A transaction makes at most ${ctx.cite.value('apex-callouts-per-transaction')}, taking at most ${ctx.cite.value('apex-callout-total-time')} together${callouts ? `; the design expects up to ${callouts.value} (${ctx.at(callouts.node)})${usageNote(ctx, 'apex-callouts-per-transaction')}. Bulkify` : ''}.`);
  return { title: 'Fit the callout into the Apex transaction', lines };
}

function rotation(): Step {
  return {
    title: 'Rotate the callout credentials',
    lines: [],
    open: ['How often the external credential\'s secrets or certificates are rotated: the design has no place to state it.'],
  };
}

export function apexMonitoring(ctx: ArtifactContext): StepBody {
  return {
    lines: [`- Callouts that end at the Heroku router timeout (${ctx.cite.value('heroku-router-timeout')}) or at the Apex timeout fail in the calling transaction: log them in Apex.`, ...measurementLines(ctx, 'apex-')],
  };
}

export function apexRecovery(): StepBody {
  return {
    lines: [],
    open: ['What the calling Apex does when the Heroku endpoint is down (retry, queue, fail the transaction): the design does not say.'],
  };
}
