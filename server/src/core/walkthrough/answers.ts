import type { DecisionInput } from '../decision/types';
import { formatDuration, formatYamlCount, parseCount, parseDuration } from '../format/quantities';
import { listWords } from '../format/suggest';
import { QUESTIONS_BY_KEY, questionOptions, type AnswerKey, type Question } from './questions';

/**
 * Answers as the panel sends them (text for durations and counts, booleans, lists of
 * callers) and as the YAML states them. The panel is untrusted: every raw answer is parsed
 * and checked against the schema's allowed values here.
 */
import type { AnswerDisplay, RawAnswer } from './views';

export type { AnswerDisplay, RawAnswer };

export type ParsedAnswer = { readonly ok: true; readonly value: NonNullable<DecisionInput[AnswerKey]> } | { readonly ok: false; readonly reason: string };

export function parseAnswer(key: AnswerKey, raw: unknown): ParsedAnswer {
  const question = QUESTIONS_BY_KEY.get(key);
  if (!question) return { ok: false, reason: `'${String(key)}' is not a question of the walkthrough` };
  switch (question.kind) {
    case 'yes-no':
      return typeof raw === 'boolean' ? { ok: true, value: raw } : { ok: false, reason: 'expected yes or no' };
    case 'choice': {
      const allowed = questionOptions(question).map((o) => o.value);
      return typeof raw === 'string' && allowed.includes(raw)
        ? { ok: true, value: raw as NonNullable<DecisionInput['direction']> }
        : { ok: false, reason: `expected ${listWords(allowed)}` };
    }
    case 'duration': {
      if (typeof raw !== 'string') return { ok: false, reason: 'expected a duration such as 10m' };
      const parsed = parseDuration(raw.trim());
      return parsed.ok ? { ok: true, value: parsed.value } : parsed;
    }
    case 'count': {
      if (typeof raw !== 'string') return { ok: false, reason: 'expected a whole number such as 25000 or 1_200_000' };
      // People type "1,200,000" or "1 200 000" in a form; the file format groups with '_'.
      const text = raw.trim().replace(/[ ,](?=[0-9]{3}\b)/g, '');
      const parsed = /^[0-9]+$/.test(text) ? { ok: true as const, value: Number(text) } : parseCount(text);
      if (parsed.ok && !Number.isSafeInteger(parsed.value)) return { ok: false, reason: 'that number is too large' };
      return parsed;
    }
    case 'callers': {
      const allowed = questionOptions(question).map((o) => o.value);
      if (!Array.isArray(raw) || !raw.every((c) => typeof c === 'string' && allowed.includes(c))) {
        return { ok: false, reason: `expected callers among ${listWords(allowed, 'and')}` };
      }
      // Schema order, without duplicates, so the same choice always writes the same list.
      return { ok: true, value: allowed.filter((c) => raw.includes(c)) as NonNullable<DecisionInput['callers']> };
    }
  }
}

/**
 * The checked value (what parseAnswer gives) for a key, when `value` is a valid one; undefined
 * otherwise. Used for answers that come back from outside as values, not as typed text.
 */
export function checkedAnswerValue(key: AnswerKey, value: unknown): NonNullable<DecisionInput[AnswerKey]> | undefined {
  const question = QUESTIONS_BY_KEY.get(key);
  if (!question) return undefined;
  switch (question.kind) {
    case 'duration':
      return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
    case 'count':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
    default: {
      // Booleans, choices and callers are their own typed form.
      const parsed = parseAnswer(key, value);
      return parsed.ok ? parsed.value : undefined;
    }
  }
}

/** How the panel shows an answer: durations and counts as the text a user would type. */
export function displayAnswer(question: Question, value: DecisionInput[AnswerKey]): AnswerDisplay {
  if (value === undefined) return null;
  if (question.kind === 'duration') return formatDuration(value as number);
  if (question.kind === 'count') return formatYamlCount(value as number);
  return value as AnswerDisplay;
}

/** The YAML text of a scalar answer; callers are written as a list by the caller of this. */
export function yamlScalar(question: Question, value: NonNullable<DecisionInput[AnswerKey]>): string {
  if (question.kind === 'duration') return formatDuration(value as number);
  if (question.kind === 'count') return formatYamlCount(value as number);
  return String(value);
}

/** Counts as the format writes them: plain below five digits, `_`-grouped above (`1_200_000`). */
export function sameAnswer(a: DecisionInput[AnswerKey], b: DecisionInput[AnswerKey]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.includes(x));
  return a === b;
}
