import type { Rule } from './rule';

export const DECISION_RULES: readonly Rule[] = [];
