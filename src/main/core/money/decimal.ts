// Decimal strings parsed exactly: "2.5", "-0.125", "1234.5600". Floats are refused
// here on purpose (a JSON number has already lost its exact value); callers that
// receive numbers from an API use util/money's toCents, which documents its rounding.
import { MoneyFormatError } from '../util/money';
import { rational, type Rational } from './rational';

export { MoneyFormatError };

/** An amount with more decimals than its unit allows ("12.345" dollars). */
export class MoneyPrecisionError extends MoneyFormatError {
  override readonly name: string = 'MoneyPrecisionError';
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
const MAX_DIGITS = 30;

/** "12.50" → 25/2, exactly. Throws MoneyFormatError with the offending text. */
export function parseDecimal(text: string, what = 'amount'): Rational {
  if (typeof text !== 'string') throw new MoneyFormatError(`${what} must be a decimal string, got ${typeof text}`);
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new MoneyFormatError(`${what} is not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  if (whole.length + fraction.length > MAX_DIGITS) throw new MoneyFormatError(`${what} has too many digits: ${JSON.stringify(text)}`);
  const digits = BigInt(whole + fraction);
  return rational(sign === '-' ? -digits : digits, 10n ** BigInt(fraction.length));
}

/** Decimal places that carry a non-zero digit ("1.2500" → 2). */
export function significantDecimals(text: string): number {
  const match = DECIMAL.exec(text.trim());
  return match ? (match[3] ?? '').replace(/0+$/, '').length : 0;
}

/**
 * Dollars as a decimal string → integer cents, exactly. More than two significant
 * decimals is refused (MoneyPrecisionError), never rounded: a sub-cent amount means
 * the caller picked the wrong unit. Trailing zeros are fine (ServiceM8 sends "99.9000").
 */
export function parseCents(text: string, what = 'amount'): number {
  const value = parseDecimal(text, what);
  if (significantDecimals(text) > 2) {
    throw new MoneyPrecisionError(`${what} ${JSON.stringify(text.trim())} has more than 2 decimal places; money is kept in whole cents`);
  }
  const cents = (value.n * 100n) / value.d;
  if (cents > BigInt(Number.MAX_SAFE_INTEGER) || cents < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MoneyFormatError(`${what} is out of range: ${JSON.stringify(text)}`);
  }
  return Number(cents);
}
