import type { Rule } from './rule';

export const REST_RULES: readonly Rule[] = [];
