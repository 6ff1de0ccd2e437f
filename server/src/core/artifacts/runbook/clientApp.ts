import { connectedAppsRestrictedSince } from '../../knowledge/facts';
import type { ArtifactContext } from '../context';
import { code } from '../markdown';
import { displayed, instanceUrl, pathApp, pathUser, pathUsername } from './resources';
import { fill, known, StepWriter, unknown, type Fill } from './commands';
import type { PathKey } from '../../model/design';
import type { Step } from './step';

/** The shell variables that carry what is copied from Setup, so it never appears on a command line. */
export const CONSUMER_KEY = 'SF_CONSUMER_KEY';
export const CONSUMER_SECRET = 'SF_CONSUMER_SECRET';

/** The External Client App's API name, from the path's `external_client_app`. */
/** The paths that log in through an External Client App of their own. */
export type ClientAppPath = 'rest_api' | 'platform_events' | 'canvas';

export function clientAppName(ctx: ArtifactContext, path: ClientAppPath): Fill {
  return fill(ctx.design?.paths?.[path]?.external_client_app, '<external-client-app>', `The API name of the External Client App ${ctx.pathName(path)} uses: the design states no \`paths.${path}.external_client_app\`.`);
}

/** The private key and the self-signed certificate the JWT bearer flow signs with. */
export function keyAndCertificateStep(ctx: ArtifactContext): Step {
  const w = new StepWriter(ctx, 'Create the private key and the certificate');
  w.say('The JWT bearer flow signs each token request with a private key; Salesforce checks it against the certificate uploaded to the External Client App. Salesforce recommends a key and certificate issued by your certification authority; a self-signed pair, as below, is for getting started.');
  w.run('Create `server.key` (the private key: it never leaves your machine and the app\'s config, and never goes into the design) and `server.crt` (the certificate); the second command asks for your company\'s details', [
    ['openssl-key', {}], ['openssl-csr', {}], ['openssl-certificate', {}],
  ]);
  w.check('the certificate\'s subject and expiry date print; note the date, the certificate must be replaced before it', [['openssl-inspect', {}]]);
  return w.step();
}

/** The External Client App: OAuth enabled, the flow, and the integration user pre-authorized. */
export function externalClientAppStep(ctx: ArtifactContext, path: 'rest_api' | 'platform_events', flow: 'jwt-bearer' | 'client-credentials'): Step {
  const name = clientAppName(ctx, path);
  const user = pathUser(ctx, path);
  const permissionSet = fill(user?.[1].permission_set, '<permission-set>', user
    ? `The permission set that grants \`integration_users.${user[0]}\` its permissions: the design states no \`integration_users.${user[0]}.permission_set\`.`
    : `The permission set that grants ${ctx.pathName(path)}'s integration user its permissions: the design names no single user for it.`);
  const w = new StepWriter(ctx, 'Create the External Client App');
  w.say(`Since ${connectedAppsRestrictedSince()} new connected apps need Salesforce Support; External Client Apps replace them ${ctx.cite.ref('new-connected-apps-restricted')}.`);
  w.ui(`Create the app ${code(displayed(name))}`, 'eca-new', `Give it a callback URL (the flow below does not use it) and the OAuth scopes the app needs, including \`api\`.`);
  if (flow === 'jwt-bearer') {
    w.ui('Enable the JWT bearer flow and upload `server.crt`', 'eca-flows', `Salesforce DX requires an External Client App for \`sf org login jwt\` ${ctx.cite.source('sfdxJwtFlow')} ${ctx.cite.source('sfdxEca')}.`);
  } else {
    w.ui(`Enable the client credentials flow and set its run-as user to ${code(displayed(pathUsername(ctx, path)))}, which must have the API Only permission ${ctx.cite.source('metaEcaPolicies')}`, 'eca-flows');
  }
  w.ui(`Pre-authorize the integration user through its permission set ${code(displayed(permissionSet))}: admin-approved users need no interactive approval ${ctx.cite.ref('jwt-bearer-flow')}`, 'eca-policies');
  w.ui('Copy the consumer key', 'eca-consumer-key', flow === 'client-credentials' ? 'Copy the consumer secret too: it is a secret, so keep it out of the design, this runbook and any file.' : '');
  w.run(`Paste it into a shell variable, so the commands below use it without writing it out (paste, then Enter)${flow === 'client-credentials' ? '; then the same for the consumer secret' : ''}`, [
    ['read-variable', { variable: known(CONSUMER_KEY) }],
    ...(flow === 'client-credentials' ? [['read-variable', { variable: known(CONSUMER_SECRET) }] as const] : []),
  ]);
  w.check('the app\'s policies show the permitted users and the permission set above; the `sf org login jwt` check below proves the app, the certificate and the pre-authorization together');
  return w.step();
}

/** `sf org login jwt` as the integration user: shows the app, certificate and pre-authorization work together. */
export function jwtLoginCheck(ctx: ArtifactContext, w: StepWriter, path: PathKey): void {
  const username = pathUsername(ctx, path);
  w.check(`\`sf org login jwt\` logs in as ${code(displayed(username))} with no browser, which proves the app, the certificate and the pre-authorization; \`sf org display\` then shows that user and the instance URL`, [
    ['sf-login-jwt', { username, variable: known(CONSUMER_KEY), instance_url: instanceUrl(ctx) }],
    ['sf-user-display', { username }],
  ]);
}


/** The config vars the app reads its credentials from: the design has no place for their names. */
export const CONFIG_VAR_ASK = 'The names of the config vars the Heroku app reads its Salesforce credentials from (private key, consumer key, consumer secret): the design does not say.';

/** Gives the Heroku app its credentials from the key file and the shell variables, then checks them. */
export function addAppCredentials(ctx: ArtifactContext, w: StepWriter, path: 'rest_api' | 'platform_events', flow: 'jwt-bearer' | 'client-credentials'): void {
  const app = pathApp(ctx, path);
  if (flow === 'jwt-bearer') {
    w.run('Give the Heroku app the private key and the consumer key, from the file and the shell variable, so neither appears on a command line', [
      ['config-set-from-file', { var: unknown('<key-config-var>', CONFIG_VAR_ASK), file: known('server.key'), app }],
      ['config-set-from-variable', { var: unknown('<client-id-config-var>', CONFIG_VAR_ASK), variable: known(CONSUMER_KEY), app }],
    ]);
    jwtLoginCheck(ctx, w, path);
  } else {
    w.run('Give the Heroku app the consumer key and secret from the shell variables, so neither appears on a command line', [
      ['config-set-from-variable', { var: unknown('<client-id-config-var>', CONFIG_VAR_ASK), variable: known(CONSUMER_KEY), app }],
      ['config-set-from-variable', { var: unknown('<client-secret-config-var>', CONFIG_VAR_ASK), variable: known(CONSUMER_SECRET), app }],
    ]);
    w.check('the app\'s log shows its first token request succeeding after a restart', [['app-logs', { app }]]);
  }
}

/** Rotating the JWT key pair: a new pair, the new certificate on the app, the new key on Heroku, then the login check. */
export function rotateKeyPair(ctx: ArtifactContext, w: StepWriter, path: 'rest_api' | 'platform_events'): void {
  const app = pathApp(ctx, path);
  w.say('', 'Keep the current `server.key` and `server.crt` aside, then create a new pair as in “Create the private key and the certificate”.');
  w.ui('Upload the new `server.crt` to the External Client App', 'eca-flows');
  w.run('Give the app the new key', [['config-set-from-file', { var: unknown('<key-config-var>', CONFIG_VAR_ASK), file: known('server.key'), app }]]);
  jwtLoginCheck(ctx, w, path);
  w.rollback('upload the previous `server.crt` again and set the previous key on the app with the same `heroku config:set` command; they stay valid until the certificate\'s expiry date.');
}
