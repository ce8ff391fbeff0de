// An independent exact-arithmetic oracle for money tests: fractions as [numerator,
// denominator] BigInt pairs with its own rounding, sharing no code with src/main/core/money.
export type Q = readonly [bigint, bigint];

export const q = (n: bigint | number, d: bigint | number = 1n): Q => {
  const dd = BigInt(d);
  return dd < 0n ? [-BigInt(n), -dd] : [BigInt(n), dd];
};
export const qAdd = (a: Q, b: Q): Q => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
export const qSub = (a: Q, b: Q): Q => q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
export const qMul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
/** a ≤ b */
export const qLe = (a: Q, b: Q): boolean => a[0] * b[1] <= b[0] * a[1];

/** Decimal text → fraction, by digits and a power of ten. */
export function qDecimal(text: string): Q {
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const [whole, fraction = ''] = body.split('.');
  const n = BigInt(`${whole}${fraction}`);
  return q(negative ? -n : n, 10n ** BigInt(fraction.length));
}

/** Half away from zero, computed as floor((2|n| + d) / 2d) with the sign put back. */
export function qRound(a: Q): bigint {
  const magnitude = a[0] < 0n ? -a[0] : a[0];
  const rounded = (2n * magnitude + a[1]) / (2n * a[1]);
  return a[0] < 0n ? -rounded : rounded;
}

/** Every integer k with |k − a| ≤ 1/2 (one, or two at a tie). */
export function qNearIntegers(a: Q): bigint[] {
  const guess = qRound(a);
  return [guess - 1n, guess, guess + 1n].filter((k) => qLe(qSub(q(k), a), q(1, 2)) && qLe(qSub(a, q(k)), q(1, 2)));
}

/** The ATO's legal cents for exact GST a: nearest, a tie rounded up; both neighbours of a negative tie. */
export function qLegalCents(a: Q): bigint[] {
  return a[0] >= 0n ? [qRound(a)] : qNearIntegers(a);
}

/** n cents as "d.cc" dollars, by string building (not formatCents). */
export function dollars(cents: bigint, trailingZeros = 0): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}${'0'.repeat(trailingZeros)}`;
}
