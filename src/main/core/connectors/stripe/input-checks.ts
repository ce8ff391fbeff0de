// Checks of our own input before anything is sent, with Stripe's limits (reference
// §6): a bad value fails as a clear `validation` error naming the field, and no
// half-written invoice is left behind in Stripe.
import { StripeConnectorError } from './errors';

function fail(message: string, param: string): never {
  throw new StripeConnectorError('validation', message, { code: 'invalid_input', param });
}

export function checkCents(value: number, param: string): number {
  if (!Number.isSafeInteger(value)) fail(`${param} must be an integer number of cents, got ${value}.`, param);
  return value;
}

export function checkCustomFields(fields: { name: string; value: string }[] | undefined): void {
  if (!fields) return;
  if (fields.length > 4) fail(`Stripe allows at most 4 custom fields, got ${fields.length}.`, 'custom_fields');
  fields.forEach((f, i) => {
    if (f.name.length === 0 || f.name.length > 40)
      fail(`Custom field name must be 1–40 characters: "${f.name}".`, `custom_fields[${i}][name]`);
    if (f.value.length === 0 || f.value.length > 140)
      fail(`Custom field value must be 1–140 characters (field "${f.name}").`, `custom_fields[${i}][value]`);
  });
}

export function checkMetadata(metadata: Record<string, string> | undefined, param = 'metadata'): void {
  if (!metadata) return;
  const keys = Object.keys(metadata);
  if (keys.length > 50) fail(`Stripe allows at most 50 metadata keys, got ${keys.length}.`, param);
  for (const key of keys) {
    if (key.length > 40 || key.includes('[') || key.includes(']'))
      fail(`Metadata key "${key}" must be ≤40 characters without brackets.`, `${param}[${key}]`);
    if ((metadata[key] ?? '').length > 500) fail(`Metadata value of "${key}" must be ≤500 characters.`, `${param}[${key}]`);
  }
}

/** A decimal string of at most 12 places (Stripe's `*_decimal` params). */
export function checkDecimal(value: string, param: string): string {
  if (!/^\d+(\.\d{1,12})?$/.test(value)) fail(`${param} must be a non-negative decimal with at most 12 places, got "${value}".`, param);
  return value;
}

/** An ISO instant (or Date) as Unix seconds. */
export function unixSeconds(value: string | Date, param: string): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) fail(`${param} must be an ISO 8601 instant, got "${String(value)}".`, param);
  return Math.floor(ms / 1000);
}
