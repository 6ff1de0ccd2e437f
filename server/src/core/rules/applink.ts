import type { Rule } from './rule';

export const APPLINK_RULES: readonly Rule[] = [];
