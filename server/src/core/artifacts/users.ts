import { integrationUsers, sharedWith, type Design, type IntegrationUser, type PathKey } from '../model/design';
import { pathModule } from '../paths';
import { PATH_NAMES } from '../vocabulary';
import { listWords } from '../format/suggest';
import { code } from './markdown';

/**
 * Whether a path logs in to Salesforce as a user of its own (so needs an integration user):
 * its module says how, e.g. AppLink only in authorized-user mode (otherwise it runs as the
 * calling Salesforce user).
 */
export function pathNeedsIntegrationUser(design: Design, path: PathKey): boolean {
  return pathModule(path).login?.how(design) !== undefined;
}

export interface UserAssignment {
  readonly path: PathKey;
  readonly users: readonly [string, IntegrationUser][];
}

/** For each chosen path that needs a user, the users the design assigns to it. */
export function userAssignments(design: Design, paths: readonly PathKey[]): UserAssignment[] {
  const users = integrationUsers(design);
  return paths.filter((p) => pathNeedsIntegrationUser(design, p))
    .map((path) => ({ path, users: users.filter(([, u]) => u.used_by?.value.includes(path)) }));
}

/**
 * The integration-user model in one sentence: dedicated or shared, integration user or a
 * person's account, and what is missing.
 */
export function describeUserModel(design: Design, paths: readonly PathKey[]): string {
  const assignments = userAssignments(design, paths);
  if (assignments.length === 0) {
    return 'None of the chosen paths logs in to Salesforce as an integration user of its own.';
  }
  const sentences: string[] = [];
  const dedicated: string[] = [];
  const missing: string[] = [];
  const seenShared = new Set<string>();
  for (const { path, users } of assignments) {
    if (users.length === 0) {
      missing.push(PATH_NAMES[path]);
      continue;
    }
    for (const [id, user] of users) {
      const name = code(user.username?.value ?? id);
      const person = user.kind?.value === 'person';
      const others = sharedWith(user, path);
      if (others.length > 0) {
        if (seenShared.has(id)) continue;
        seenShared.add(id);
        sentences.push(`${name} is shared by ${listWords([path, ...others].map((p) => PATH_NAMES[p]), 'and')}${person ? ', and is a person\'s account rather than a dedicated integration user' : ''}.`);
      } else {
        dedicated.push(`${name} for ${PATH_NAMES[path]}${person ? ' (a person\'s account rather than a dedicated integration user)' : ''}`);
      }
    }
  }
  if (dedicated.length > 0) sentences.unshift(`${dedicated.length === 1 ? 'A dedicated integration user' : 'One dedicated integration user per path'}: ${listWords(dedicated, 'and')}.`);
  if (missing.length > 0) sentences.push(`No integration user is stated for ${listWords(missing, 'or')}.`);
  return sentences.join(' ');
}
