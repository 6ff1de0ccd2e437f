import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareText } from '../../../server/src/core/format/compare';
import { formatNumber } from '../../../server/src/core/format/numbers';

// formatNumber replaces toLocaleString('en-US') (which maps ICU into the server's memory);
// the reference output here is ICU's own, so any drift from what users saw before shows up.
const SAMPLES: readonly number[] = [
  0, 1, 7, 12, 999, 1000, 1001, 9999, 10000, 12345, 100000, 999999, 1000000, 1200000, 150000000,
  2147483647, 9007199254740991, 1e20, -1, -1000, -1234567.891, 0.5, 0.25, 0.1 + 0.2, 1.0005, 1.2345,
  2.5, 33.333333, 1234.5678, 0.0004, 0.0005, 0.9999, 99.9996, 5e-7,
];

for (const maxFractionDigits of [0, 2, 3]) {
  test(`formatNumber matches en-US formatting with at most ${maxFractionDigits} fraction digits`, () => {
    for (const n of SAMPLES) {
      const expected = n.toLocaleString('en-US', { maximumFractionDigits: maxFractionDigits });
      assert.equal(formatNumber(n, maxFractionDigits), expected, `formatNumber(${n}, ${maxFractionDigits})`);
    }
  });
}

test('formatNumber defaults to three fraction digits, like toLocaleString', () => {
  for (const n of SAMPLES) assert.equal(formatNumber(n), n.toLocaleString('en-US'), `formatNumber(${n})`);
});

test('formatNumber writes huge and non-finite numbers without an exponent or a crash', () => {
  assert.equal(formatNumber(1e21), '1,000,000,000,000,000,000,000');
  assert.equal(formatNumber(Infinity), '∞');
  assert.equal(formatNumber(-Infinity), '-∞');
  assert.equal(formatNumber(Number.NaN), 'NaN');
});

test('formatNumber writes negative zero and values that round to zero as "0" (ICU would write "-0")', () => {
  assert.equal(formatNumber(-0), '0');
  assert.equal(formatNumber(-0.0001), '0');
});

test('compareText orders by code unit, independent of locale', () => {
  assert.deepEqual(['b', 'B', 'a', 'A', 'é', 'e', '10', '9'].sort(compareText), ['10', '9', 'A', 'B', 'a', 'b', 'e', 'é']);
  assert.equal(compareText('same', 'same'), 0);
});

test('formatNumber agrees with en-US formatting on a deterministic sweep of magnitudes and fractions', () => {
  let seed = 42;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 5000; i++) {
    const n = (next() - 0.3) * 10 ** Math.floor(next() * 24 - 8);
    const digits = i % 4;
    const icu = n.toLocaleString('en-US', { maximumFractionDigits: digits });
    assert.equal(formatNumber(n, digits), icu === '-0' ? '0' : icu, `formatNumber(${n}, ${digits})`);
  }
});
