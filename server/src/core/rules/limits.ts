import type { Rule } from './rule';

export const LIMITS_RULES: readonly Rule[] = [];
