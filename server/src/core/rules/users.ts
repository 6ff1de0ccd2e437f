import { fact, formatFactValue } from '../knowledge/facts';
import { pathModule } from '../paths';
import { PATH_NAMES } from '../vocabulary';
import { listWords } from '../format/suggest';
import { chosenPathSections, integrationUsers, type Design, type PathKey, type Section } from '../model/design';
import type { ModelNode, SeqNode } from '../model/node';
import type { ModelDocument } from '../model/parse';
import type { TextEdit } from '../text';
import { fix } from '../findings';
import { replaceValue } from '../yamlEdit/scalar';
import { nestedIndentStep } from '../yamlEdit/indentation';
import { insertBlockKey, insertKey, insertTopLevelBefore } from '../yamlEdit/keys';
import { appendListItem, removeListItem } from '../yamlEdit/lists';
import type { Rule } from '../rule';

const approvals = (): string => formatFactValue(fact('connected-app-approvals-per-user'));

export const USERS_RULES: readonly Rule[] = [
  {
    id: 'integration-user-shared',
    title: 'Integration user shared by several paths',
    category: 'users',
    defaultSeverity: 'warning',
    rationale: `Salesforce recommends one user per integration. Many client apps logging in as the same user raise the risk of query-limit errors, and each connected app keeps a fixed number of approvals (refresh tokens) per user, revoking the oldest. (The skill document's "10 concurrent queries per user" is outdated: ${fact('query-cursor-limit-removed').statement})`,
    facts: ['integration-user-license', 'shared-user-query-risk', 'connected-app-approvals-per-user', 'query-cursor-limit-removed'],
    check({ design, report }) {
      for (const [id, user] of integrationUsers(design)) {
        const usedBy = user.used_by;
        if (!usedBy || usedBy.value.length < 2) continue;
        report({
          range: keyRangeOf(user.$node),
          message: `Integration user '${id}' is shared by ${listPaths(usedBy.value)}. Salesforce recommends one user per integration: many clients logging in as the same user raise the risk of query-limit errors, and a connected app keeps at most ${approvals()} (refresh tokens) per user, revoking the oldest when another is granted, so clients sharing the user and app can revoke each other's tokens. Give each path its own integration user.`,
          related: usedBy.value.map((path, i) => ({ range: usedBy.nodes[i].range, message: `Also used by ${PATH_NAMES[path]}` })),
        });
      }
    },
  },
  {
    id: 'integration-user-is-person',
    title: 'Integration runs as a person\'s account',
    category: 'users',
    defaultSeverity: 'warning',
    rationale: 'A human\'s account ties the integration to that person: a password change breaks any login that stores the password, deactivation when they leave stops the integration, and their own sessions share the user\'s query limits and connected-app approvals.',
    facts: ['integration-user-license', 'shared-user-query-risk', 'connected-app-approvals-per-user'],
    fix: 'Change kind to integration (after creating a dedicated user in Salesforce).',
    check({ design, model, report }) {
      for (const [id, user] of integrationUsers(design)) {
        if (user.kind?.value !== 'person') continue;
        report({
          range: user.kind.node.range,
          message: `Integration user '${id}' is a person's account. A password change breaks any login that stores the password, deactivating the account when they leave stops the integration, and their own sessions share the user's query limits and the ${approvals()} each connected app keeps per user. Salesforce recommends a dedicated user per integration; the Salesforce Integration user license gives it an API-only profile.`,
          fix: fix('Change kind to integration (create the dedicated user in Salesforce)', replaceValue(model, user.kind.node, 'integration')),
        });
      }
    },
  },
  {
    id: 'integration-user-missing-api-enabled',
    title: 'Integration user without API Enabled',
    category: 'users',
    defaultSeverity: 'error',
    rationale: 'A user needs the API Enabled permission to use the Salesforce API; without it every path that logs in as the user fails.',
    facts: ['api-enabled-required'],
    fix: 'Add api-enabled to the permissions.',
    check({ design, model, report }) {
      for (const [id, user] of integrationUsers(design)) {
        const permissions = user.permissions;
        if (!permissions || permissions.value.includes('api-enabled') || mentionsApiEnabled(permissions.node)) continue;
        report({
          range: keyRangeOf(permissions.node),
          message: `Integration user '${id}' lists permissions without api-enabled. ${fact('api-enabled-required').statement} Without it every path that logs in as '${id}' fails. Add api-enabled.`,
          fix: fix('Add api-enabled', appendListItem(model, permissions.node, 'api-enabled')),
        });
      }
    },
  },
  {
    id: 'integration-user-permissions-unstated',
    title: 'Integration user permissions not stated',
    category: 'users',
    defaultSeverity: 'info',
    rationale: 'The runbook provisions the user from its permissions; API Enabled is needed for any API access, and Heroku Connect also needs View All on mapped objects (or View All Data).',
    facts: ['api-enabled-required', 'connect-view-all-required'],
    fix: 'Add `permissions: [api-enabled]`.',
    check({ design, model, report }) {
      for (const [id, user] of integrationUsers(design)) {
        if (user.$node.entries.has('permissions')) continue;
        const connect = user.used_by?.value.includes('heroku_connect') ? ` Heroku Connect also needs View All on each mapped object (or View All Data) for optimal operation.` : '';
        report({
          range: keyRangeOf(user.$node),
          message: `Integration user '${id}' states no permissions; it needs at least api-enabled. ${fact('api-enabled-required').statement}${connect}`,
          fix: fix('Add permissions: [api-enabled]', insertKey(model, user.$node, 'permissions', '[api-enabled]')),
        });
      }
    },
  },
  {
    id: 'integration-user-license',
    title: 'Full Salesforce license for an API-only user',
    category: 'users',
    defaultSeverity: 'info',
    rationale: 'The Salesforce Integration user license exists for API-only integration users: it gives the "Minimum Access - API Only Integrations" profile, so a full Salesforce license is not needed.',
    facts: ['integration-user-license', 'integration-user-license-editions'],
    fix: 'Change the license to salesforce-integration.',
    check({ design, model, report }) {
      if (design.salesforce?.edition?.value === 'professional') return; // the Integration license is not offered there
      for (const [id, user] of integrationUsers(design)) {
        const license = user.license;
        if (license?.value !== 'salesforce' || user.kind?.value === 'person') continue;
        report({
          range: license.node.range,
          message: `Integration user '${id}' has a full Salesforce license for API-only work. ${fact('integration-user-license').statement} ${fact('integration-user-license-editions').statement}`,
          fix: fix('Use the Salesforce Integration user license', replaceValue(model, license.node, 'salesforce-integration')),
        });
      }
    },
  },
  {
    id: 'integration-user-missing',
    title: 'Path with no integration user',
    category: 'users',
    defaultSeverity: 'warning',
    rationale: 'Heroku Connect, the REST API, event subscribers and AppLink in authorized-user mode log in to Salesforce as a user. The design should say which one, so the runbook can provision it and the other checks can look at it.',
    facts: ['integration-user-license', 'api-enabled-required'],
    fix: 'Add a dedicated integration user for the path.',
    check({ design, model, report }) {
      const covered = new Set(integrationUsers(design).flatMap(([, user]) => user.used_by?.value ?? []));
      for (const login of pathsLoggingIn(design)) {
        if (covered.has(login.key)) continue;
        const edit = addUserEdit(model, design, login.key);
        report({
          range: keyRangeOf(login.section.$node),
          message: `${PATH_NAMES[login.key]} ${login.how}, but no integration user lists ${login.key} in used_by. Add a dedicated integration user (Salesforce recommends one user per integration) with api-enabled, so the runbook can provision it and its permissions can be checked.`,
          fix: edit ? fix(`Add an integration user for ${PATH_NAMES[login.key]}`, edit) : undefined,
        });
      }
    },
  },
  {
    id: 'integration-user-unknown-path',
    title: 'Integration user used by a path the design does not choose',
    category: 'users',
    defaultSeverity: 'warning',
    rationale: 'used_by names a path that is not under paths: either the path is missing from the design or the user entry is stale.',
    facts: [],
    fix: 'Remove the path from used_by.',
    check({ design, model, report }) {
      const chosen = new Set(chosenPathSections(design).map(([key]) => key));
      for (const [id, user] of integrationUsers(design)) {
        const usedBy = user.used_by;
        if (!usedBy) continue;
        usedBy.value.forEach((path, i) => {
          if (chosen.has(path)) return;
          const item = usedBy.nodes[i];
          const edit = removeListItem(model, usedBy.node, item);
          report({
            range: item.range,
            message: `Integration user '${id}' is used by ${path}, but the design does not choose ${PATH_NAMES[path]}: paths has no ${path}. Add paths.${path}, or remove it from used_by.`,
            fix: edit ? fix(`Remove ${path} from used_by`, edit) : undefined,
          });
        });
      }
    },
  },
];

interface Login {
  readonly key: PathKey;
  readonly section: Section;
  /** "logs in to Salesforce as a user". */
  readonly how: string;
}

/** The chosen paths that log in to Salesforce as a user (their modules say how). */
function pathsLoggingIn(design: Design): Login[] {
  return chosenPathSections(design).flatMap(([key, section]) => {
    const how = pathModule(key).login?.how(design);
    return how ? [{ key, section, how }] : [];
  });
}

/** Adds a user for `path`: into integration_users when it exists, else a new section before `paths`. */
function addUserEdit(model: ModelDocument, design: Design, path: PathKey): TextEdit | undefined {
  const users = design.integration_users;
  const taken = new Set(users ? Object.keys(users) : []);
  const newUser = pathModule(path).login?.newUser;
  if (!newUser) return undefined;
  let id = newUser.id;
  for (let n = 2; taken.has(id); n++) id = `${newUser.id}_${n}`;
  const lines = ['kind: integration', `permissions: [${newUser.permissions.join(', ')}]`, `used_by: [${path}]`];
  if (users) return insertBlockKey(model, users.$node, id, lines, nestedIndentStep(model, users.$node));
  if (model.root?.kind !== 'map' || model.root.entries.has('integration_users')) return undefined;
  return insertTopLevelBefore(model, 'paths', ['integration_users:', `  ${id}:`, ...lines.map((l) => `    ${l}`)]);
}

/** A written item meant as API Enabled but invalid (e.g. `api_enabled`): schema validation already offers its fix. */
function mentionsApiEnabled(seq: SeqNode): boolean {
  return seq.items.some((i) => i.kind === 'scalar' && typeof i.value === 'string' && /^api[\s_-]?enabled$/i.test(i.value.trim()));
}

function keyRangeOf(node: ModelNode): { start: number; end: number } {
  return node.keyRange ?? node.range;
}

function listPaths(paths: readonly PathKey[]): string {
  return listWords(paths.map((p) => PATH_NAMES[p]), 'and');
}

