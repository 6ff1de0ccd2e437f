import { describeSpan } from '../labels';
import { listWords } from '../../format/suggest';
import { integrationUsers, sharedWith, type IntegrationUser, type PathKey, type Permission } from '../../model/design';
import type { ArtifactContext } from '../context';
import { LICENSE_LABELS, PERMISSION_LABELS } from '../labels';
import { code } from '../markdown';
import { fill, StepWriter } from './commands';
import { displayed, orgAlias, pathUser, pathUsername } from './resources';
import type { Step } from './step';

/** A permission a path needs: any one of `anyOf` satisfies it. */
export interface PermissionNeed {
  readonly anyOf: readonly Permission[];
  readonly label: string;
  /** Why, with its citation. */
  readonly why: string;
  readonly required: boolean;
}

/** The users a path logs in as, with the one to use in instructions. */
export function pathUsers(ctx: ArtifactContext, path: PathKey): [string, IntegrationUser][] {
  if (!ctx.design) return [];
  return integrationUsers(ctx.design).filter(([, u]) => u.used_by?.value.includes(path));
}

export function userName(id: string, user: IntegrationUser): string {
  return code(user.username?.value ?? id);
}

/**
 * "Provision the dedicated integration user": license, the exact permissions the path
 * needs (and what the design grants beyond them), one user per integration; then where to
 * create it, the permission set to assign, and the queries that show it is in place.
 */
export function integrationUserStep(ctx: ArtifactContext, path: PathKey, needs: readonly PermissionNeed[], openAccess?: string): Step {
  const users = pathUsers(ctx, path);
  const w = new StepWriter(ctx, 'Provision the dedicated integration user');
  if (users.length === 0) {
    w.ask(`Which Salesforce user ${ctx.pathName(path)} runs as: no entry of \`integration_users\` lists \`${path}\` in \`used_by\`. Add a dedicated integration user for it.`);
    w.say(`Create a dedicated integration user for ${ctx.pathName(path)} on the Salesforce Integration license, which comes with the "Minimum Access - API Only Integrations" profile ${ctx.cite.ref('integration-user-license')}, and grant it:`, '');
    w.say(...needs.map((n) => `- ${n.required ? '' : '*Optional:* '}**${n.label}**: ${n.why}`));
  }
  if (users.length > 1) {
    w.ask(`Which of ${listWords(users.map(([id, u]) => userName(id, u)), 'and')} ${ctx.pathName(path)} logs in as: the design lists ${users.length} users for it.`);
  }
  users.forEach(([id, user], index) => {
    if (index > 0) w.say('');
    const name = userName(id, user);
    const where = `\`integration_users.${id}\`, ${ctx.at(user.$node)}`;
    const license = user.license?.value;
    w.say(`**${name}** (${where}):`, '');
    if (user.kind?.value === 'person') {
      w.say(`- **The design uses a person's account.** Create a dedicated integration user instead: Salesforce recommends one user per integration ${ctx.cite.ref('integration-user-license')}, and a person's password changes and own sessions would affect the integration.`);
    } else {
      w.say(`- Create it as a dedicated integration user${user.kind ? '' : ' (the design does not state `kind`)'}.`);
    }
    if (license === 'salesforce-integration') {
      w.say(`- License: the Salesforce Integration license, which gives the "Minimum Access - API Only Integrations" profile ${ctx.cite.ref('integration-user-license')}${editionNote(ctx)}.`);
    } else if (license) {
      w.say(`- License: the design states a ${LICENSE_LABELS[license]}. An API-only integration can use the Salesforce Integration license instead ${ctx.cite.ref('integration-user-license')}.`);
    } else {
      w.ask(`The license of ${name}: the design does not state one. The Salesforce Integration license gives the "Minimum Access - API Only Integrations" profile ${ctx.cite.ref('integration-user-license')}.`);
    }
    const granted = new Set(user.permissions?.value ?? []);
    w.say('- Grant exactly what this path needs:');
    for (const need of needs) {
      const has = need.anyOf.filter((p) => granted.has(p));
      const status = has.length ? `granted in the design as ${listWords(has.map((p) => PERMISSION_LABELS[p]))}` : need.required ? '**not granted in the design**' : 'not granted in the design';
      w.say(`  - ${need.required ? '' : '*Optional:* '}**${need.label}** (${status}): ${need.why}`);
    }
    const covered = new Set(needs.flatMap((n) => n.anyOf));
    const extra = [...granted].filter((p) => !covered.has(p));
    if (extra.length) {
      w.say(`- The design also grants ${listWords(extra.map((p) => PERMISSION_LABELS[p]), 'and')}, which ${ctx.pathName(path)} does not need${otherPathsNote(ctx, user, path)}.`);
    }
    if (!user.permissions) w.ask(`The permissions of ${name}: the design does not list them.`);
    const others = sharedWith(user, path);
    if (others.length) {
      w.say(`- **Shared with ${listWords(others.map((p) => ctx.pathName(p)), 'and')}.** Salesforce recommends one user per integration ${ctx.cite.ref('integration-user-license')}, and many clients logging in as one user raise the risk of query-limit errors ${ctx.cite.ref('shared-user-query-risk')}: give each path its own user.`);
    } else {
      w.say(`- Use it for ${ctx.pathName(path)} only ${ctx.cite.ref('integration-user-license')}.`);
    }
  });
  if (openAccess) w.ask(openAccess);
  addUserCommands(ctx, w, path);
  return w.step();
}

/** Where the user is created, the permission set assigned to it, and the queries that check both. */
function addUserCommands(ctx: ArtifactContext, w: StepWriter, path: PathKey): void {
  const user = pathUser(ctx, path);
  const alias = orgAlias(ctx);
  const username = pathUsername(ctx, path);
  const permissionSet = fill(user?.[1].permission_set, '<permission-set>', user
    ? `The permission set that grants \`integration_users.${user[0]}\` its permissions: the design states no \`integration_users.${user[0]}.permission_set\`.`
    : `The permission set that grants ${ctx.pathName(path)}'s integration user its permissions: the design names no single user for it.`);
  const license = user?.[1].license?.value;
  if (license && license !== 'salesforce-integration') {
    w.ui(`Create the user with the username ${code(displayed(username))} and the ${LICENSE_LABELS[license]} the design states`, 'users-new');
  } else {
    w.ui(`Create the user with the username ${code(displayed(username))}, User License **Salesforce Integration** and Profile **Minimum Access - API Only Integrations** ${ctx.cite.ref('integration-user-license')}`, 'users-new',
      'Then assign it the **Salesforce API Integration** permission set license, which that user license makes available, so permission sets can grant it more than the profile does.');
  }
  w.ui(`Create the permission set ${code(displayed(permissionSet))} with the permissions above`, 'permission-sets');
  w.run('Assign it to the user', [['sf-assign-permset', { permission_set: permissionSet, username, alias }]]);
  w.check('the first query returns the user, active (`IsActive` true) with the profile above; the second lists the permission set', [
    ['sf-query-user', { username, alias }],
    ['sf-query-permission-sets', { username, alias }],
  ]);
}

function editionNote(ctx: ArtifactContext): string {
  const edition = ctx.design?.salesforce?.edition?.value;
  if (!edition) return '';
  const available = ['enterprise', 'unlimited', 'performance', 'developer'].includes(edition);
  return available
    ? ` (available in this ${edition} edition org ${ctx.cite.ref('integration-user-license-editions')})`
    : `; **it is not listed for the ${edition} edition** ${ctx.cite.ref('integration-user-license-editions')}`;
}

function otherPathsNote(ctx: ArtifactContext, user: IntegrationUser, path: PathKey): string {
  const others = sharedWith(user, path);
  return others.length ? ` (it may be there for ${listWords(others.map((p) => ctx.pathName(p)), 'and')})` : ': remove it';
}

/** API Enabled: what every path that logs in needs. */
export function apiEnabledNeed(ctx: ArtifactContext): PermissionNeed {
  return { anyOf: ['api-enabled'], label: 'API Enabled', why: `needed for any API access ${ctx.cite.ref('api-enabled-required')}.`, required: true };
}

/**
 * "Rotate credentials and tokens": what is really rotated for this path, at the cadence
 * the design states per user, or an open decision; never a made-up interval. `body` adds
 * the path's commands, check and rollback.
 */
export function rotationStep(ctx: ArtifactContext, path: PathKey, rotated: string, body?: (w: StepWriter) => void): Step {
  const users = pathUsers(ctx, path);
  const w = new StepWriter(ctx, 'Rotate credentials and tokens');
  w.say(`What is rotated: ${rotated}.`);
  const cadences: string[] = [];
  for (const [id, user] of users) {
    const rotation = user.credential_rotation;
    if (rotation) {
      cadences.push(`- Rotate it for ${userName(id, user)} every **${describeSpan(rotation.value)}** (\`credential_rotation\`, ${ctx.at(rotation.node)}).`);
    } else {
      w.ask(`How often to rotate the credentials of ${userName(id, user)}: the design states no \`credential_rotation\` for \`integration_users.${id}\`.`);
    }
  }
  if (cadences.length) w.say('', ...cadences);
  if (users.length === 0) w.ask(`How often to rotate the credentials of ${ctx.pathName(path)}: the design names no user for it, so states no \`credential_rotation\`.`);
  body?.(w);
  return w.step();
}

/** Whether the design's org is a sandbox, and where it says so. */
export function sandboxOrg(ctx: ArtifactContext): { sandbox: boolean; because: string } {
  const orgType = ctx.design?.salesforce?.org_type;
  if (orgType) return { sandbox: orgType.value === 'sandbox', because: `\`salesforce.org_type: ${orgType.value}\`, ${ctx.at(orgType.node)}` };
  const env = ctx.design?.environment;
  if (env) return { sandbox: env.value === 'sandbox', because: `\`environment: ${env.value}\`, ${ctx.at(env.node)}` };
  return { sandbox: false, because: 'the design states neither `salesforce.org_type` nor `environment`' };
}

/**
 * After a sandbox refresh, for paths whose procedure no source this tool uses documents:
 * say so, point back at the steps that authenticate, and show how to check (`check`).
 */
export function genericSandboxStep(ctx: ArtifactContext, path: PathKey, recheck: string, check?: (w: StepWriter) => void): Step | undefined {
  const org = sandboxOrg(ctx);
  if (!org.sandbox) return undefined;
  const w = new StepWriter(ctx, 'After a sandbox refresh');
  w.say(`The org is a sandbox (${org.because}). The sources this tool uses document a refresh procedure only for Heroku Connect. After each refresh, ${recheck} before ${ctx.pathName(path)} takes traffic again.`);
  check?.(w);
  return w.step();
}
