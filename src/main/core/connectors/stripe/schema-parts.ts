// Building blocks shared by the record schemas: integer cents, Unix seconds turned
// into UTC ISO instants, string metadata, and a parse that turns a shape mismatch
// into a clear connector error naming the object and the field.
import type { z } from 'zod';
import { z as zod } from 'zod';
import { StripeConnectorError } from './errors';

export const cents = zod.number().int();
export const unix = zod.number().int().nonnegative();
export const nullableUnix = unix.nullable();
export const metadata = zod.record(zod.string(), zod.string());
/**
 * A Stripe decimal (`quantity_decimal`, `unit_amount_decimal`): a string on the wire,
 * which SDK ≥21 turns into a Stripe.Decimal object; either way, the exact decimal string.
 */
export const decimalString = zod
  .union([
    zod.string(),
    zod.custom<{ toString(): string }>(
      (v) => v !== null && typeof v === 'object' && typeof (v as { toString?: unknown }).toString === 'function',
    ),
  ])
  .transform((v) => (typeof v === 'string' ? v : v.toString()))
  .pipe(zod.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal'));
/** An id, or the object when the request expanded it. */
export const idOf = zod.union([zod.string(), zod.object({ id: zod.string() }).transform((o) => o.id)]);

export const toIso = (seconds: number): string => new Date(seconds * 1000).toISOString();
export const toIsoOrNull = (seconds: number | null | undefined): string | null =>
  seconds === null || seconds === undefined ? null : toIso(seconds);

/** Parses one Stripe object; a mismatch becomes a `validation` error with `code: unexpected_shape`. */
export function parseRecord<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const id = value !== null && typeof value === 'object' && 'id' in value && typeof value.id === 'string' ? value.id : '?';
  const issue = result.error.issues[0];
  const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown';
  throw new StripeConnectorError('validation', `Stripe ${what} ${id} has an unexpected shape (${where}).`, {
    code: 'unexpected_shape',
    param: issue?.path.join('.'),
  });
}
