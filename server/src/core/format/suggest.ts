import { formatNumber } from './numbers';

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

/** The closest candidate, if it is close enough to be what was meant. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  const normalized = input.toLowerCase().replace(/[\s-]/g, '_');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const d = c.replace(/-/g, '_') === normalized ? 0 : editDistance(input.toLowerCase(), c);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  if (best === undefined) return undefined;
  const allowed = Math.max(2, Math.floor(Math.max(input.length, best.length) / 3));
  return bestDistance <= allowed ? best : undefined;
}

/** "a, b or c" */
export function listWords(words: readonly string[], conjunction = 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/**
 * "a, b and c" when there are at most `max` names, else the first `max` − 1 and "and 7 more".
 * `total` counts the names when only the first ones are passed (at least `max` of them).
 */
export function listSome(names: readonly string[], max: number, total = names.length): string {
  if (total <= max) return listWords(names.slice(0, total), 'and');
  return `${names.slice(0, max - 1).join(', ')} and ${formatNumber(total - max + 1)} more`;
}
