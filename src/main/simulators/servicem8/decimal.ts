// ServiceM8 keeps money and quantities as decimal strings ("1234.5600"). The
// simulator does its arithmetic in BigInt ten-thousandths so that totals are exact
// and rounding is explicit (half away from zero), never binary floating point.

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
const SCALE = 10_000n;

export class DecimalError extends Error {
  override readonly name = 'DecimalError';
}

/** Parses "12.5", "12.5000", 12.5 or "-3" into ten-thousandths (rounding beyond 4 dp). */
export function parseScaled(value: unknown): bigint {
  const text = typeof value === 'number' && Number.isFinite(value) ? value.toFixed(6) : typeof value === 'string' ? value.trim() : null;
  const match = text === null ? null : DECIMAL.exec(text);
  if (!match) throw new DecimalError(`not a decimal number: ${JSON.stringify(value)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const padded = `${fraction}00000`;
  let scaled = BigInt(whole) * SCALE + BigInt(padded.slice(0, 4));
  if (Number(padded[4]) >= 5) scaled += 1n;
  return sign === '-' ? -scaled : scaled;
}

/** Formats ten-thousandths as a 4-dp string, the way ServiceM8 returns money. */
export function format4(scaled: bigint): string {
  const sign = scaled < 0n ? '-' : '';
  const abs = scaled < 0n ? -scaled : scaled;
  return `${sign}${abs / SCALE}.${String(abs % SCALE).padStart(4, '0')}`;
}

/** Formats without trailing zeros ("10", "2.5"): quantities and tax percentages. */
export function formatPlain(scaled: bigint): string {
  return format4(scaled).replace(/\.?0+$/, '');
}

/** a × b, both scaled, rounded half away from zero back to the scale. */
export function mulScaled(a: bigint, b: bigint): bigint {
  return divRound(a * b, SCALE);
}

/** a ÷ b, both scaled, rounded half away from zero. */
export function divScaled(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new DecimalError('division by zero');
  return divRound(a * SCALE, b);
}

/** Rounds a scaled amount to whole cents (still scaled), half away from zero. */
export function roundToCents(scaled: bigint): bigint {
  return divRound(scaled, 100n) * 100n;
}

export const ONE = SCALE;

function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  let quotient = n / d;
  if ((n % d) * 2n >= d) quotient += 1n;
  return negative ? -quotient : quotient;
}
