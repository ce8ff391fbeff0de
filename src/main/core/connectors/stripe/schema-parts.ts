// Building blocks shared by the record schemas: integer cents, Unix seconds turned
// into UTC ISO instants, string metadata, and a parse that turns a shape mismatch
// into a clear connector error naming the object and the field.
import type { z } from 'zod';
import { z as zod } from 'zod';
import { StripeConnectorError } from './errors';

export const cents = zod.number().int();
/** The last second a JS Date can hold: past it, turning the stamp into an instant would throw instead of rejecting. */
const LAST_DATE_SECOND = 8_640_000_000_000;
export const unix = zod.number().int().nonnegative().max(LAST_DATE_SECOND, 'not a Unix time in seconds (too far in the future)');
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

/** The id and the issue are quoted in the error: a 100 kB field must not make a 100 kB message. */
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** The first issue in words ("lines.data.0.amount: Invalid input: expected int, received number"), clipped. */
export function shapeReason(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? clip(`${issue.path.join('.') || '(root)'}: ${issue.message}`, 200) : 'unknown';
}

function idIn(value: unknown): string {
  const raw = value !== null && typeof value === 'object' && 'id' in value && typeof value.id === 'string' ? value.id.trim() : '';
  return raw === '' ? '?' : clip(raw, 60);
}

/** Parses one Stripe object; a mismatch becomes a `validation` error with `code: unexpected_shape`. */
export function parseRecord<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new StripeConnectorError('validation', `Stripe ${what} ${idIn(value)} has an unexpected shape (${shapeReason(result.error)}).`, {
    code: 'unexpected_shape',
    param: result.error.issues[0]?.path.join('.'),
  });
}

/** A listed object that did not parse: its id and why, for the sync to quarantine. */
export interface UnreadObject {
  id: string;
  reason: string;
}

/**
 * Parses every object of a list. Without `unread` one bad object fails the list (as
 * parseRecord does); with it, a bad one is reported there and the rest are returned, so a
 * full scan is not stopped by one malformed record.
 */
export function parseEach<S extends z.ZodType>(schema: S, values: unknown[], what: string, unread?: UnreadObject[]): z.output<S>[] {
  const out: z.output<S>[] = [];
  for (const value of values) {
    if (!unread) {
      out.push(parseRecord(schema, value, what));
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) out.push(result.data);
    else unread.push({ id: idIn(value), reason: `Stripe ${what} has an unexpected shape (${shapeReason(result.error)}).` });
  }
  return out;
}
