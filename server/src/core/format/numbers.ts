/**
 * Numbers as an en-US reader expects them ("1,200,000", "0.25"), written without ICU:
 * the first `toLocaleString` call makes Node map ICU's number-format data and code, about
 * 7 MB of the language server's resident memory (docs/performance.md).
 */
export function formatNumber(n: number, maxFractionDigits = 3): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  // Whole numbers (most of what the product prints, many per keystroke in a large estate): grouped directly.
  if (Number.isSafeInteger(n)) return `${n < 0 ? '-' : ''}${group(String(Math.abs(n)))}`;
  const [whole, fraction] = roundDecimal(plainDecimal(Math.abs(n)), maxFractionDigits);
  const grouped = group(whole);
  const text = fraction ? `${grouped}.${fraction}` : grouped;
  return n < 0 && text !== '0' ? `-${text}` : text;
}

/** "1234567" → "1,234,567". */
function group(digits: string): string {
  if (digits.length <= 3) return digits;
  let out = digits.slice(0, digits.length % 3 || 3);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}

/** The shortest decimal that reads back as `abs` (what JavaScript prints), without an exponent. */
function plainDecimal(abs: number): string {
  const [mantissa, exponentText] = String(abs).split('e');
  if (exponentText === undefined) return mantissa;
  const exponent = Number(exponentText);
  const [intDigits, fracDigits = ''] = mantissa.split('.');
  const digits = intDigits + fracDigits;
  const point = intDigits.length + exponent;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Rounds a plain decimal half away from zero on its decimal digits, as ICU does (so 1.0005
 * becomes 1.001, where `toFixed` works on the binary value and gives 1.000); trailing zeros go.
 */
function roundDecimal(decimal: string, maxFractionDigits: number): [whole: string, fraction: string] {
  const [whole, fraction = ''] = decimal.split('.');
  if (fraction.length <= maxFractionDigits) return [whole, fraction.replace(/0+$/, '')];
  const kept = whole + fraction.slice(0, maxFractionDigits);
  const roundedUp = fraction.charCodeAt(maxFractionDigits) >= 53 /* '5' */;
  const digits = roundedUp ? incrementDigits(kept) : kept;
  const wholeLength = digits.length - maxFractionDigits;
  return [digits.slice(0, wholeLength).replace(/^0+(?=\d)/, ''), digits.slice(wholeLength).replace(/0+$/, '')];
}

/** Adds one to a string of decimal digits ("0999" → "1000", "99" → "100"). */
function incrementDigits(digits: string): string {
  let carry = 1;
  let out = '';
  for (let i = digits.length - 1; i >= 0; i--) {
    const sum = digits.charCodeAt(i) - 48 + carry;
    carry = sum === 10 ? 1 : 0;
    out = String(sum % 10) + out;
  }
  return carry ? `1${out}` : out;
}

/** A ratio as a whole percentage, rounded down so "50%" never means 49.6%. */
export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '∞';
  return `${formatNumber(Math.floor(ratio * 100))}%`;
}

/** A share of a figure ("55%"), in words when the figure is 0 (an infinite ratio). */
export function formatShare(ratio: number): string {
  return Number.isFinite(ratio) ? formatPercent(ratio) : 'over 100% (the figure is 0)';
}
