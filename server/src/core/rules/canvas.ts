import type { Rule } from './rule';

export const CANVAS_RULES: readonly Rule[] = [];
