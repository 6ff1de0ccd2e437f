import { formatNumber } from './numbers';

/**
 * Values with units, as the format writes them: durations (`10m`, `31d`, `1h30m`) and
 * counts (`1_200_000`). Parsing returns either the value or a reason it is malformed.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const DURATION_UNITS: Record<string, number> = {
  ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000,
};
const DURATION_PART = /([0-9]+)(ms|s|m|h|d|w)/y;

export const DURATION_EXAMPLES = '`30s`, `10m`, `72h`, `31d` or `1h30m`';

export function parseDuration(input: unknown): Parsed<number> {
  if (typeof input === 'number') {
    return { ok: false, reason: `a duration needs a unit: write ${DURATION_EXAMPLES}` };
  }
  if (typeof input !== 'string') return { ok: false, reason: `expected a duration such as ${DURATION_EXAMPLES}` };
  const text = input.trim();
  if (text === '') return { ok: false, reason: `expected a duration such as ${DURATION_EXAMPLES}` };
  let total = 0;
  let index = 0;
  let lastUnitSize = Infinity;
  while (index < text.length) {
    DURATION_PART.lastIndex = index;
    const match = DURATION_PART.exec(text);
    if (!match) {
      const unit = /^[0-9.]+\s*([a-zA-Z]+)/.exec(text.slice(index))?.[1];
      const hint = unit ? `'${unit}' is not a unit (use ms, s, m, h, d or w)` : `'${text}' is not a duration`;
      return { ok: false, reason: `${hint}: write ${DURATION_EXAMPLES}` };
    }
    const size = DURATION_UNITS[match[2]];
    if (size >= lastUnitSize) return { ok: false, reason: `'${text}' repeats or reorders units: write the largest first, e.g. 1h30m` };
    lastUnitSize = size;
    total += Number(match[1]) * size;
    index = DURATION_PART.lastIndex;
  }
  return { ok: true, value: total };
}

/** Largest exact unit: 600000 → "10m", 90000 → "1m30s". */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const order: [string, number][] = [['w', 604_800_000], ['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000], ['ms', 1]];
  let rest = ms;
  let out = '';
  for (const [unit, size] of order) {
    if (rest >= size) {
      const n = Math.floor(rest / size);
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

/** Human words for hovers and messages: 600000 → "10 minutes". */
export function describeDuration(ms: number): string {
  const order: [string, number][] = [['week', 604_800_000], ['day', 86_400_000], ['hour', 3_600_000], ['minute', 60_000], ['second', 1_000], ['millisecond', 1]];
  for (const [unit, size] of order) {
    if (ms >= size && ms % size === 0) {
      const n = ms / size;
      return `${formatNumber(n)} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return formatDuration(ms);
}

const GROUPED = /^[0-9]{1,3}(_[0-9]{3})+$/;

export function parseCount(input: unknown): Parsed<number> {
  if (typeof input === 'number') {
    if (Number.isInteger(input) && input >= 0) return { ok: true, value: input };
    return { ok: false, reason: `expected a whole number of 0 or more, not ${input}` };
  }
  if (typeof input === 'string') {
    const text = input.trim();
    if (GROUPED.test(text)) return { ok: true, value: Number(text.replace(/_/g, '')) };
    if (/^[0-9][0-9_,.]*$/.test(text)) {
      return { ok: false, reason: `'${text}' is not a whole number: group thousands with '_' in threes, e.g. 1_200_000` };
    }
    if (/^[0-9.]+\s*[kKmM]$/.test(text)) {
      return { ok: false, reason: `'${text}' uses a suffix: write the number in full, e.g. 1_200_000` };
    }
  }
  return { ok: false, reason: 'expected a whole number such as 25000 or 1_200_000' };
}

export function formatCount(n: number): string {
  return formatNumber(n);
}

/** A count as YAML states it, thousands grouped with `_` from five digits on (`20_000`). */
export function formatYamlCount(n: number): string {
  const digits = String(n);
  if (digits.length < 5) return digits;
  return digits.replace(/\B(?=([0-9]{3})+$)/g, '_');
}

/** "1 user", "2 users". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatNumber(n)} ${n === 1 ? word : pluralWord}`;
}
