import type { Rule } from './rule';

export const REGIONS_RULES: readonly Rule[] = [];
