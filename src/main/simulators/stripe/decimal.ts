// Exact decimal arithmetic on Stripe's decimal strings (`unit_amount_decimal`,
// `quantity_decimal`: up to 12 places) with BigInt, never floats.

export const DECIMAL = /^-?\d+(\.\d{1,12})?$/;

export function scaledOf(decimal: string): { value: bigint; scale: bigint } {
  const [whole = '0', fraction = ''] = decimal.replace('-', '').split('.');
  const scale = 10n ** BigInt(fraction.length);
  const value = BigInt(whole) * scale + BigInt(fraction || '0');
  return { value: decimal.startsWith('-') ? -value : value, scale };
}

/** unit_amount_decimal (cents, up to 12 places) × quantity (decimal string), rounded half away from zero, exactly (no floats). */
export function decimalTimes(unit: string, quantity: number | string): number {
  const a = scaledOf(unit);
  const b = scaledOf(String(quantity));
  const product = a.value * b.value;
  const scale = a.scale * b.scale;
  const magnitude = product < 0n ? -product : product;
  const rounded = (magnitude * 2n + scale) / (2n * scale);
  return Number(product < 0n ? -rounded : rounded);
}

/** Trailing zeros dropped, as Stripe renders decimals ("1.50" → "1.5"). */
export function canonicalDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}
