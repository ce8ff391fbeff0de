// An independent oracle for decimal text → integer cents (BigInt, no floats): rounds half
// away from zero at the third decimal place, as the connectors document.
const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** Cents of a decimal text or JSON number, or null when it is not a plain decimal. */
export function oracleCents(value: unknown): bigint | null {
  const text = typeof value === 'number' ? (Number.isFinite(value) ? value.toFixed(6) : '') : typeof value === 'string' ? value.trim() : '';
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const scaled = BigInt(whole!) * 100n + BigInt(`${fraction}00`.slice(0, 2));
  const rounded = scaled + (Number(fraction[2] ?? '0') >= 5 ? 1n : 0n);
  return sign === '-' ? -rounded : rounded;
}

/** Whether two decimal texts are the same number exactly ("2.50" = "2.5", "-0" = "0"). */
export function sameDecimal(a: string, b: string): boolean {
  const scale = (text: string): bigint | null => {
    const match = DECIMAL.exec(text.trim());
    if (!match) return null;
    const [, sign, whole, fraction = ''] = match;
    const value = BigInt(whole! + fraction.padEnd(40, '0').slice(0, 40));
    return sign === '-' ? -value : value;
  };
  const left = scale(a);
  return left !== null && left === scale(b);
}
