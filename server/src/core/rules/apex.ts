import type { Rule } from './rule';

export const APEX_RULES: readonly Rule[] = [];
