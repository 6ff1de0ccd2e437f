import type { Rule } from './rule';
import { STRUCTURE_RULES } from './structure';
import { DECISION_RULES } from './decision';
import { CONNECT_RULES } from './connect';
import { USERS_RULES } from './users';
import { REGIONS_RULES } from './regions';
import { APPLINK_RULES } from './applink';
import { EXTERNAL_OBJECTS_RULES } from './externalObjects';
import { EVENTS_RULES } from './events';
import { REST_RULES } from './rest';
import { APEX_RULES } from './apex';
import { CANVAS_RULES } from './canvas';
import { SECURITY_RULES } from './security';
import { LIMITS_RULES } from './limits';
import { UNUSED_SUPPRESSION_RULE_ID } from './suppressions';

const ENGINE_RULES: readonly Rule[] = [
  { id: UNUSED_SUPPRESSION_RULE_ID, title: 'Unused suppression', category: 'engine', defaultSeverity: 'hint', facts: [], fix: 'Remove the suppression (or the rule id in it).',
    rationale: 'A suppression comment that suppresses nothing is stale, or names a rule that does not exist; either way it hides nothing and misleads readers.' },
  { id: 'internal-error', title: 'Internal error in a rule', category: 'engine', defaultSeverity: 'error', facts: [],
    rationale: 'A rule failed on this document. Its findings are missing; every other rule still ran. Please report it with the document.' },
];

/** Every rule, in the order the documentation lists them. */
export const RULES: readonly Rule[] = [
  ...STRUCTURE_RULES,
  ...DECISION_RULES,
  ...CONNECT_RULES,
  ...USERS_RULES,
  ...REGIONS_RULES,
  ...APPLINK_RULES,
  ...EXTERNAL_OBJECTS_RULES,
  ...EVENTS_RULES,
  ...REST_RULES,
  ...APEX_RULES,
  ...CANVAS_RULES,
  ...SECURITY_RULES,
  ...LIMITS_RULES,
  ...ENGINE_RULES,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** Where a rule's documentation lives, relative to the package root. */
export function ruleDocPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
