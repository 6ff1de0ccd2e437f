import { inspectExisting, normalizeText } from './header';

/**
 * What to do where an artifact is about to be written:
 * - 'create': nothing there yet;
 * - 'unchanged': the file already has exactly this content;
 * - 'replace': a generated file nobody edited: replace it without asking;
 * - 'ask': edited by hand, or not a generated file at all: never overwrite without asking.
 */
export type WritePlan = 'create' | 'unchanged' | 'replace' | 'ask';

export function planWrite(existing: string | undefined, generated: string): WritePlan {
  if (existing === undefined) return 'create';
  const trim = (t: string) => normalizeText(t).replace(/^\uFEFF/, '').replace(/\s+$/, '');
  if (trim(existing) === trim(generated)) return 'unchanged';
  return inspectExisting(existing) === 'generated' ? 'replace' : 'ask';
}
