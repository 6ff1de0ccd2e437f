import { describeSpan } from '../labels';
import type { ApexCalloutPath } from '../../model/design';
import type { ArtifactContext } from '../context';
import { code } from '../markdown';
import { fill, known, StepWriter, unknown, type Fill } from './commands';
import { genericSandboxStep } from './common';
import { deploy, metadataPath, METADATA_NAMESPACE, projectFile, useProject, XML_HEADER } from './metadata';
import { displayed, orgAlias, pathApp } from './resources';
import { measurementLines, usageNote } from './measures';
import type { Step, StepBody } from './step';

export function apexSteps(ctx: ArtifactContext, apex: ApexCalloutPath): Step[] {
  const steps = [endpointStep(ctx, apex), credentialStep(ctx, apex), secretStep(ctx, apex), transactionStep(ctx, apex), rotation(ctx, apex)];
  const sandbox = genericSandboxStep(ctx, 'apex_callout', 'check the Named Credential in the refreshed org still points at the right Heroku endpoint and authenticates', (w) =>
    w.check('the Named Credential\'s endpoint in the refreshed org', [['sf-query-named-credential', { name: apexFills(ctx, apex).namedCredential, alias: orgAlias(ctx) }]]));
  if (sandbox) steps.push(sandbox);
  return steps;
}

/** The principal of the External Credential: one named principal, the name this runbook gives it. */
const PRINCIPAL = 'Heroku';

function apexFills(ctx: ArtifactContext, apex: ApexCalloutPath): { namedCredential: Fill; externalCredential: Fill; permissionSet: Fill; endpoint: Fill } {
  return {
    namedCredential: fill(apex.named_credential, '<named-credential>', 'The Named Credential the callout uses: the design states no `named_credential`.'),
    externalCredential: fill(apex.external_credential, '<external-credential>', 'The External Credential that authenticates the callout: the design states no `paths.apex_callout.external_credential`.'),
    permissionSet: fill(apex.permission_set, '<callout-permission-set>', 'The permission set that lets users call out through the External Credential: the design states no `paths.apex_callout.permission_set`.'),
    endpoint: fill(apex.endpoint, '<heroku-endpoint-url>', 'The HTTPS URL of the Heroku endpoint: the design states no `paths.apex_callout.endpoint`.'),
  };
}

function endpointStep(ctx: ArtifactContext, apex: ApexCalloutPath): Step {
  const { endpoint } = apexFills(ctx, apex);
  const w = new StepWriter(ctx, 'Find the Heroku endpoint');
  w.say(apex.endpoint
    ? `The callout goes to ${code(apex.endpoint.value)} (${ctx.at(apex.endpoint.node)}).`
    : 'The design states no `endpoint`: the app\'s domains show where it answers.');
  w.check(`\`heroku domains\` lists the app's default domain and any custom domain; the endpoint ${code(displayed(endpoint))} must be one of them`, [['app-domains', { app: pathApp(ctx, 'apex_callout') }]]);
  return w.step();
}

function credentialStep(ctx: ArtifactContext, apex: ApexCalloutPath): Step {
  const { namedCredential, externalCredential, permissionSet, endpoint } = apexFills(ctx, apex);
  const alias = orgAlias(ctx);
  const protocol = apex.auth_protocol?.value;
  const w = new StepWriter(ctx, 'Create the Named Credential and the External Credential');
  w.say(
    `- The named credential holds the endpoint; an external credential holds the authentication protocol and principals, mapped to permission sets ${ctx.cite.ref('named-credentials')}.`,
    `- Authenticate with a protocol the external credential supports (OAuth 2.0 JWT bearer, client credentials with a JWT assertion, or JWT); managing them needs Manage Named Credentials or Customize Application ${ctx.cite.ref('external-credential-protocols')}.`,
  );
  if (!protocol) w.ask('The protocol the Heroku endpoint accepts from the External Credential: the design states no `paths.apex_callout.auth_protocol`.');
  const ec = w.value('external_credential', externalCredential);
  const nc = w.value('named_credential', namedCredential);
  const ps = w.value('permission_set', permissionSet);
  const url = w.value('endpoint', endpoint);
  w.say('', `The metadata below is deployable; it holds no secret (the secret goes into Setup in the next step). The principal is named \`${PRINCIPAL}\` (this runbook's choice).`);
  useProject(ctx, w);
  if (protocol === 'custom') {
    w.file('The External Credential, with the Custom protocol and one named principal', metadataPath('externalCredentials', ec, 'externalCredential'), [
      XML_HEADER,
      `<ExternalCredential xmlns="${METADATA_NAMESPACE}">`,
      '    <authenticationProtocol>Custom</authenticationProtocol>',
      '    <externalCredentialParameters>',
      `        <parameterGroup>${PRINCIPAL}</parameterGroup>`,
      `        <parameterName>${PRINCIPAL}</parameterName>`,
      '        <parameterType>NamedPrincipal</parameterType>',
      '        <sequenceNumber>1</sequenceNumber>',
      '    </externalCredentialParameters>',
      `    <label>${ec}</label>`,
      '</ExternalCredential>',
    ], 'metaExternalCredential');
  } else {
    w.ui(`Create the External Credential ${code(ec)}${protocol ? ` with the ${PROTOCOL_NAMES[protocol]} protocol` : ''} and a named principal \`${PRINCIPAL}\``, 'external-credentials', `(For the OAuth 2.0 JWT bearer flow Salesforce documents the same place ${ctx.cite.ref('external-credential-protocols')}.)`);
  }
  w.file('The Named Credential: the endpoint, authenticated by the External Credential', metadataPath('namedCredentials', nc, 'namedCredential'), [
    XML_HEADER,
    `<NamedCredential xmlns="${METADATA_NAMESPACE}">`,
    '    <allowMergeFieldsInBody>false</allowMergeFieldsInBody>',
    '    <allowMergeFieldsInHeader>true</allowMergeFieldsInHeader>',
    '    <calloutStatus>Enabled</calloutStatus>',
    '    <generateAuthorizationHeader>true</generateAuthorizationHeader>',
    `    <label>${nc}</label>`,
    '    <namedCredentialParameters>',
    '        <parameterName>Url</parameterName>',
    '        <parameterType>Url</parameterType>',
    `        <parameterValue>${url}</parameterValue>`,
    '    </namedCredentialParameters>',
    '    <namedCredentialParameters>',
    `        <externalCredential>${ec}</externalCredential>`,
    '        <parameterName>ExternalCredential</parameterName>',
    '        <parameterType>Authentication</parameterType>',
    '    </namedCredentialParameters>',
    '    <namedCredentialType>SecuredEndpoint</namedCredentialType>',
    '</NamedCredential>',
  ], 'metaNamedCredential');
  w.file('The permission set that gives its holders the principal', metadataPath('permissionsets', ps, 'permissionset'), [
    XML_HEADER,
    `<PermissionSet xmlns="${METADATA_NAMESPACE}">`,
    '    <externalCredentialPrincipalAccesses>',
    '        <enabled>true</enabled>',
    `        <externalCredentialPrincipal>${ec}-${PRINCIPAL}</externalCredentialPrincipal>`,
    '    </externalCredentialPrincipalAccesses>',
    `    <label>${ps}</label>`,
    '</PermissionSet>',
  ], 'metaPermissionSet');
  deploy(ctx, w, 'the credentials and the permission set');
  const caller = unknown('<callout-username>', 'Who runs the Apex that calls out (the users, or the user an asynchronous job runs as): the design does not say, so the permission set cannot be assigned to them.');
  w.run('Assign the permission set to the users whose transactions make the callout, and to yourself for the check below', [
    ['sf-assign-permset', { permission_set: permissionSet, username: caller, alias }],
    ['sf-assign-permset-self', { permission_set: permissionSet, alias }],
  ]);
  w.check('the query returns the Named Credential with the endpoint above', [['sf-query-named-credential', { name: namedCredential, alias }]]);
  return w.step();
}

const PROTOCOL_NAMES: Readonly<Record<string, string>> = {
  custom: 'Custom',
  jwt: 'JWT',
  'oauth-jwt-bearer': 'OAuth 2.0 (JWT bearer flow)',
  'oauth-client-credentials': 'OAuth 2.0 (client credentials flow)',
};

/** The callout-check Apex: a request to the Named Credential, printing the status the endpoint answers with. */
const CHECK_FILE = projectFile('scripts/apex/heroku-callout-check.apex');

function secretStep(ctx: ArtifactContext, apex: ApexCalloutPath): Step {
  const { namedCredential, externalCredential } = apexFills(ctx, apex);
  const w = new StepWriter(ctx, 'Give the principal its secret');
  w.ui(`Open the External Credential ${code(displayed(externalCredential))}, edit its principal \`${PRINCIPAL}\` and enter the credential the Heroku endpoint expects${apex.auth_protocol?.value === 'custom' ? ', then add the custom header the endpoint reads, built from that parameter' : ''}. The secret is entered there only: never in the design, the metadata or a command line`, 'external-credentials');
  w.file('A check: one callout through the Named Credential, with `callout:` and its name as the endpoint', CHECK_FILE, [
    'HttpRequest request = new HttpRequest();',
    `request.setEndpoint('callout:${w.value('named_credential', namedCredential)}');`,
    "request.setMethod('GET');",
    'System.debug(new Http().send(request).getStatusCode());',
  ], 'apexNamedCredentials');
  w.check('the debug log line prints the HTTP status the Heroku endpoint answered with: a 401 or 403 means the secret or the header is wrong', [['sf-apex-run', { file: known(CHECK_FILE), alias: orgAlias(ctx) }]]);
  return w.step();
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

function rotation(ctx: ArtifactContext, apex: ApexCalloutPath): Step {
  const protocol = apex.auth_protocol?.value;
  const w = new StepWriter(ctx, 'Rotate the callout credentials');
  const rotated = protocol === 'custom' ? 'the secret stored on the External Credential\'s principal, and the same secret on the Heroku side'
    : protocol === 'jwt' || protocol === 'oauth-jwt-bearer' ? 'the certificate the External Credential signs with'
      : protocol === 'oauth-client-credentials' ? 'the client secret stored on the External Credential' : 'the External Credential\'s secret or certificate';
  w.say(`What is rotated: ${rotated}.`);
  w.ask('How often the External Credential\'s secret or certificate is rotated: the design has no place to state it.');
  w.ui('Enter the new value on the principal', 'external-credentials', 'Change the Heroku side at the same moment, or callouts fail in between.');
  w.check('the callout check of “Give the principal its secret” prints a 2xx status again', [['sf-apex-run', { file: known(CHECK_FILE), alias: orgAlias(ctx) }]]);
  w.rollback('enter the previous value on the principal and on the Heroku side; keep it until the check passes with the new one.');
  return w.step();
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
