import type { Rule } from './rule';

export const USERS_RULES: readonly Rule[] = [];
