import type { Rule } from './rule';

export const EXTERNAL_OBJECTS_RULES: readonly Rule[] = [];
