// Exact fractions over BigInt: the GST of a line is rarely a whole number of cents
// (amount × 10/110), and "round once per invoice" needs the unrounded sum, so the
// money code keeps fractions exact until the one place that rounds.

export interface Rational {
  /** Numerator; carries the sign. */
  readonly n: bigint;
  /** Denominator; always positive. */
  readonly d: bigint;
}

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('a fraction cannot have a zero denominator');
  const sign = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return { n: (sign * n) / g, d: abs(d) / g };
}

export const ZERO: Rational = rational(0n);

export function add(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.n * b.n, a.d * b.d);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('division by zero');
  return rational(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1 as a < b, a = b, a > b. */
export function compare(a: Rational, b: Rational): number {
  const left = a.n * b.d;
  const right = b.n * a.d;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function absolute(a: Rational): Rational {
  return a.n < 0n ? rational(-a.n, a.d) : a;
}

/**
 * Rounds to the nearest integer, halves away from zero: 0.5 → 1, -0.5 → -1. This is
 * the ATO's "0.5 cent up" for positive amounts and the same magnitude for credits,
 * and what both the Stripe and ServiceM8 simulators do.
 */
export function roundHalfAwayFromZero(a: Rational): bigint {
  const magnitude = abs(a.n);
  let quotient = magnitude / a.d;
  if ((magnitude % a.d) * 2n >= a.d) quotient += 1n;
  return a.n < 0n ? -quotient : quotient;
}

/** A BigInt that must fit a JavaScript number exactly (cents are stored as numbers). */
export function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`${what} is out of range: ${value}`);
  }
  return Number(value);
}
