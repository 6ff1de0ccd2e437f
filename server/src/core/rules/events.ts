import type { Rule } from './rule';

export const EVENTS_RULES: readonly Rule[] = [];
