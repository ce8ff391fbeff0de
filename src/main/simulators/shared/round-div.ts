/**
 * Integer division rounded half away from zero: how the simulated Stripe rounds tax
 * per line. It lives with the simulators, apart from the app's own money code, so a
 * rounding mistake in one cannot hide the same mistake in the other.
 */
export function roundDiv(numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('denominator must be positive');
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  const quotient = Math.floor(abs / denominator);
  const remainder = abs - quotient * denominator;
  return sign * (remainder * 2 >= denominator ? quotient + 1 : quotient);
}
