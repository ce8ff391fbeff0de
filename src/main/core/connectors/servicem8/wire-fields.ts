// Defensive readers for ServiceM8 wire values. The API is loose about types (flags
// arrive as 1, "1" or true; money as "12.5000" or 12.5; empty references as ""), so
// each reader accepts every shape seen in the wild and rejects anything else with a
// reason, which makes the whole record a quarantined one rather than a silent guess.
import { z } from 'zod';
import { MoneyFormatError, toCents } from '../../util/money';
import { LocalTimeError, localToUtcIso } from './local-time';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Free text; numbers become their text, a missing field is "". */
export const text = z
  .union([z.string(), z.number()])
  .transform(String)
  .optional()
  .transform((v) => v ?? '');

/** A required non-empty identifier. */
export const uuid = z.string().trim().min(1, 'uuid is required');

/** A reference to another record: "" (the API's "none") and null become null. */
export const ref = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v.trim()));

/** 0/1 flags in any of the shapes the API uses. */
export const flag = scalar.optional().transform((value, ctx) => readFlag(value, ctx));

function readFlag(value: unknown, ctx: z.RefinementCtx): boolean {
  if (value === 1 || value === '1' || value === true) return true;
  if (value === 0 || value === '0' || value === false || value === '' || value === null || value === undefined) return false;
  ctx.addIssue({ code: 'custom', message: `not a 0/1 flag: ${JSON.stringify(value)}` });
  return z.NEVER;
}

function cents(value: string | number, ctx: z.RefinementCtx): number {
  try {
    return toCents(value);
  } catch (error) {
    if (!(error instanceof MoneyFormatError)) throw error;
    ctx.addIssue({ code: 'custom', message: `not a money amount: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
}

/** A required money amount (decimal string or number) → integer cents. */
export const money = z.union([z.string(), z.number()]).transform((value, ctx) => cents(value, ctx));

/**
 * A money amount read both ways: integer cents (rounded as `money` does) and the exact
 * decimal text in dollars ("45.4545"), for callers that must not lose ServiceM8's 4 dp.
 */
export const moneyWithText = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `not a money amount: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return { cents: cents(value, ctx), text: text.includes('.') ? text.replace(/\.?0+$/, '') : text };
});

/** Money the API derives or defaults; missing or "" reads as zero. */
export const moneyOrZero = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value, ctx) => (value === undefined || value === null || value === '' ? 0 : cents(value, ctx)));

/** A decimal quantity or percentage kept as normalised text ("2.5", "10"): never a float. */
export const decimalText = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const out = typeof value === 'number' ? value.toFixed(6) : value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(out)) {
    ctx.addIssue({ code: 'custom', message: `not a decimal number: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return out.includes('.') ? out.replace(/\.?0+$/, '') : out;
});

/** A whole number sent as a number or as text (`sort_order` is "3" per the spec, 3 in older data); missing reads as 0. */
export const wholeNumber = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null || value === '') return 0;
    const number = typeof value === 'number' ? value : /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (Number.isSafeInteger(number)) return number;
    ctx.addIssue({ code: 'custom', message: `not a whole number: ${JSON.stringify(value)}` });
    return z.NEVER;
  });

/** An account-local naive stamp → UTC ISO instant (null when unset). */
export function instant(zone: string) {
  return z
    .union([z.string(), z.null()])
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === null) return null;
      try {
        return localToUtcIso(value, zone);
      } catch (error) {
        if (!(error instanceof LocalTimeError)) throw error;
        ctx.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    });
}

/** edit_date must be present and set: it drives incremental sync. */
export const editDateLocal = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'edit_date must be "YYYY-MM-DD HH:MM:SS"')
  .refine((v) => !v.startsWith('0000'), 'edit_date is unset');

/** badges: a JSON-encoded string array on the wire (a raw array is tolerated on read). */
export const badges = z
  .union([z.string(), z.array(z.string()), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value === undefined || value === null || value === '') return [];
    if (Array.isArray(value)) return value;
    try {
      const parsed = JSON.parse(value) as unknown;
      if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: `badges is not a JSON string array: ${JSON.stringify(value).slice(0, 60)}` });
    return z.NEVER;
  });

/** A flag that must be present (active: a missing value, "" included, must not read as "deleted"). */
export const requiredFlag = z.union([z.string(), z.number(), z.boolean()]).transform((value, ctx) => {
  if (typeof value === 'string' && value.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'is empty, not a 0/1 flag' });
    return z.NEVER;
  }
  return readFlag(value, ctx);
});
