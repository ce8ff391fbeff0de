// The one settings schema: electron-store in the app and a JSON file headless both
// validate against it. Every field has a default so an empty file is a valid file.
import { z } from 'zod';

export const SYNC_SIDES = ['servicem8', 'stripe'] as const;
export const FIELD_WINNERS = ['servicem8', 'stripe', 'newest', 'ask'] as const;
/** Client ⇄ customer fields whose winner can be set by rule. */
export const CLIENT_FIELDS = ['name', 'email', 'phone', 'address'] as const;

const CRON_FIELD = /^(\*|\d+|\d+-\d+)(\/\d+)?(,(\*|\d+|\d+-\d+)(\/\d+)?)*$/;

export function isIanaTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-AU', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}

/** Five or six cron fields of numbers, ranges, lists and steps (what node-cron accepts). */
export function isCronExpression(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((field) => CRON_FIELD.test(field));
}

const fieldWinner = z.enum(FIELD_WINNERS);

export const settingsSchema = z
  .object({
    schemaVersion: z.literal(1).default(1),
    sync: z
      .object({
        /** Minutes between sync cycles (a timeout chain: the next starts after the last ends). */
        pollIntervalMinutes: z.number().int().min(1).max(1440).default(5),
        paused: z.boolean().default(false),
        /** Seconds ServiceM8's edit_date cursor is stepped back to survive clock skew. */
        overlapSeconds: z.number().int().min(1).max(3600).default(120),
      })
      .prefault({}),
    reconciliation: z
      .object({
        cron: z.string().refine(isCronExpression, 'must be a cron expression such as "0 18 * * *"').default('0 18 * * *'),
      })
      .prefault({}),
    businessTimeZone: z.string().refine(isIanaTimeZone, 'must be an IANA time zone such as "Australia/Sydney"').default('Australia/Sydney'),
    invoices: z
      .object({
        trigger: z.enum(['approved', 'completed', 'invoice_sent']).default('invoice_sent'),
        emailCustomer: z.boolean().default(false),
        stripeCreatedInvoice: z.enum(['create', 'ask', 'ignore']).default('ask'),
      })
      .prefault({}),
    gst: z.object({ basis: z.enum(['accrual', 'cash']).default('accrual') }).prefault({}),
    payments: z
      .object({
        /** A Stripe refund or lost dispute: `ask` (a conflict showing both sides) or `record` (a negative ServiceM8 job payment). */
        refunds: z.enum(['ask', 'record']).default('ask'),
      })
      .prefault({}),
    rules: z
      .object({
        filters: z
          .object({
            requireEmail: z.boolean().default(true),
            clientBadges: z.array(z.string().min(1)).default([]),
            jobCategories: z.array(z.string().min(1)).default([]),
          })
          .prefault({}),
        transforms: z
          .object({
            phoneFormat: z.enum(['national', 'international', 'e164']).default('national'),
            nameCasing: z.enum(['keep', 'title']).default('keep'),
          })
          .prefault({}),
        fieldWinners: z.partialRecord(z.enum(CLIENT_FIELDS), fieldWinner).default({}),
        defaultWinner: fieldWinner.default('ask'),
      })
      .prefault({}),
    archiving: z
      .object({
        deletedStripeCustomer: z.enum(['ask', 'archive', 'ignore']).default('ask'),
      })
      .prefault({}),
    notifications: z
      .object({
        conflicts: z.boolean().default(true),
        failures: z.boolean().default(true),
        /** A failing sync alerts only after it has failed for this long. */
        failureThresholdMinutes: z.number().int().min(0).max(1440).default(30),
        reconciliationFindings: z.boolean().default(true),
      })
      .prefault({}),
    app: z.object({ startAtLogin: z.boolean().default(false) }).prefault({}),
  })
  .strict();

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/** Describes each zod issue as `field.path: message (got value)`, for people. */
export function describeSettingsIssues(error: z.ZodError, input: unknown): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.join('.') : '(root)';
      const got = valueAt(input, issue.path);
      const gotText = got === undefined ? '' : ` (got ${JSON.stringify(got)})`;
      if (issue.code === 'unrecognized_keys') return `${field}: unknown setting(s) ${issue.keys.join(', ')}`;
      return `${field}: ${issue.message}${gotText}`;
    })
    .join('; ');
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current == null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Parses untrusted settings; throws SettingsError naming each bad field and its value. */
export function parseSettings(input: unknown, source = 'settings'): Settings {
  const result = settingsSchema.safeParse(input);
  if (!result.success) throw new SettingsError(`Invalid ${source}: ${describeSettingsIssues(result.error, input)}`);
  return result.data;
}
