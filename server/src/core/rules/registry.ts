import type { Rule } from '../rule';
import { PATHS, pathModule } from '../paths';
import { STRUCTURE_RULES } from './structure';
import { DECISION_RULES } from './decision';
import { USERS_RULES } from './users';
import { REGIONS_RULES } from './regions';
import { SECURITY_RULES } from './security';
import { LIMITS_RULES } from './limits';
import { ALLOCATIONS_RULES } from './allocations';
import { ESTATE_RULES } from './estate';
import { UNUSED_SUPPRESSION_RULE_ID } from './suppressions';

const ENGINE_RULES: readonly Rule[] = [
  { id: UNUSED_SUPPRESSION_RULE_ID, title: 'Unused suppression', category: 'engine', defaultSeverity: 'hint', facts: [], fix: 'Remove the suppression (or the rule id in it).',
    rationale: 'A suppression comment that suppresses nothing is stale, or names a rule that does not exist; either way it hides nothing and misleads readers.' },
  { id: 'internal-error', title: 'Internal error in a rule', category: 'engine', defaultSeverity: 'error', facts: [],
    rationale: 'A rule failed on this document. Its findings are missing; every other rule still ran. Please report it with the document.' },
];

/**
 * Every rule, in the order the documentation lists them: the cross-cutting rules here, each
 * path's rules from its module (core/paths/). Heroku Connect's come before the user and
 * region rules, where docs/rules.md has always listed them; the other paths' follow in the
 * path registry's order.
 */
export const RULES: readonly Rule[] = [
  ...STRUCTURE_RULES,
  ...DECISION_RULES,
  ...pathModule('heroku_connect').rules,
  ...USERS_RULES,
  ...REGIONS_RULES,
  ...PATHS.filter((p) => p.key !== 'heroku_connect').flatMap((p) => p.rules),
  ...SECURITY_RULES,
  ...ALLOCATIONS_RULES,
  ...LIMITS_RULES,
  ...ESTATE_RULES,
  ...ENGINE_RULES,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** The rules that compare documents (an org's designs, the org files): the estate runs them, not `analyze`. */
export const CROSS_DOCUMENT_RULES: readonly Rule[] = RULES.filter((r) => r.checkEstate || r.checkOrgFiles);
export const CROSS_DOCUMENT_RULE_IDS: ReadonlySet<string> = new Set(CROSS_DOCUMENT_RULES.map((r) => r.id));

/** Where a rule's documentation lives, relative to the package root. */
export function ruleDocPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
