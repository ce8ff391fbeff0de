// Money is integer cents everywhere in the app. ServiceM8 sends decimal strings
// ("1234.5600") and sometimes JSON numbers; both are parsed as text, never as floats.

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

export class MoneyFormatError extends Error {
  override readonly name: string = 'MoneyFormatError';
}

/**
 * Parses a decimal amount into integer cents, rounding half away from zero at the
 * third decimal. Accepts strings and finite numbers (formatted without exponent).
 */
export function toCents(value: string | number): number {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim();
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyFormatError(`not a decimal amount: ${JSON.stringify(value)}`);
  const [, sign, whole, fraction = ''] = match;
  const padded = `${fraction}000`;
  let cents = Number(whole) * 100 + Number(padded.slice(0, 2));
  const rest = padded.slice(2).replace(/0+$/, '');
  if (rest !== '' && Number(rest[0]) >= 5) cents += 1;
  if (!Number.isSafeInteger(cents)) throw new MoneyFormatError(`amount out of range: ${JSON.stringify(value)}`);
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** Formats cents as a plain decimal with two places: 123456 → "1234.56", -5 → "-0.05". */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new MoneyFormatError(`cents must be a safe integer, got ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Cents as a person reads an amount: 123456 → "$1234.56", -5 → "-$0.05". */
export function formatDollars(cents: number): string {
  return cents < 0 ? `-$${formatCents(-cents)}` : `$${formatCents(cents)}`;
}

function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new MoneyFormatError(`not a finite amount: ${value}`);
  // toFixed(6) keeps JSON numbers like 12.3 or 0.1+0.2 from leaking binary noise into cents.
  return value.toFixed(6);
}
