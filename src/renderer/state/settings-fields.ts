// Every setting of src/shared/settings.ts as the Settings screen shows it: grouped,
// labelled and explained in words, with the checks that give each field its own
// message (the schema stays the final judge when saving).
import { CLIENT_FIELDS, isCronExpression, isIanaTimeZone, type Settings } from '../../shared/settings';

export type FieldKind =
  | { type: 'number'; min: number; max: number; unit: string }
  | { type: 'toggle' }
  | { type: 'choice'; options: [string, string][] }
  | { type: 'text'; check: (value: string) => string | null }
  | { type: 'list' };

export interface FieldSpec {
  path: string;
  label: string;
  help: string;
  kind: FieldKind;
}

const WINNERS: [string, string][] = [
  ['ask', 'Ask me'],
  ['servicem8', 'ServiceM8 wins'],
  ['stripe', 'Stripe wins'],
  ['newest', 'The newest change wins'],
];
const FIELD_NAMES: Record<(typeof CLIENT_FIELDS)[number], string> = { name: 'Name', email: 'Email', phone: 'Phone', address: 'Address' };

export const SETTINGS_GROUPS: { title: string; fields: FieldSpec[] }[] = [
  {
    title: 'Sync',
    fields: [
      {
        path: 'sync.pollIntervalMinutes',
        label: 'Sync every',
        help: 'Minutes between scheduled syncs.',
        kind: { type: 'number', min: 1, max: 1440, unit: 'minutes' },
      },
      { path: 'sync.paused', label: 'Pause scheduled syncs', help: 'Sync now still works while paused.', kind: { type: 'toggle' } },
      {
        path: 'sync.overlapSeconds',
        label: 'Read back',
        help: 'Seconds of ServiceM8 changes read again each sync, in case its clock is behind.',
        kind: { type: 'number', min: 1, max: 3600, unit: 'seconds' },
      },
    ],
  },
  {
    title: 'Business',
    fields: [
      {
        path: 'businessTimeZone',
        label: 'Time zone',
        help: 'Times, days and GST months are counted in this zone.',
        kind: {
          type: 'text',
          check: (v) => (isIanaTimeZone(v.trim()) ? null : 'Enter a time zone such as Australia/Sydney or Australia/Perth.'),
        },
      },
      {
        path: 'reconciliation.cron',
        label: 'Reconcile at',
        help: 'When the daily reconciliation runs, as a cron schedule ("0 18 * * *" is 6 pm every day).',
        kind: {
          type: 'text',
          check: (v) => (isCronExpression(v) ? null : 'Enter a cron schedule of five parts, such as 0 18 * * * for 6 pm every day.'),
        },
      },
    ],
  },
  {
    title: 'Invoices and GST',
    fields: [
      {
        path: 'invoices.trigger',
        label: 'Make a Stripe invoice when a job is',
        help: 'The ServiceM8 moment that sends a job to Stripe as an invoice.',
        kind: {
          type: 'choice',
          options: [
            ['approved', 'Approved in ServiceM8 Invoicing'],
            ['completed', 'Completed'],
            ['invoice_sent', 'Invoiced in ServiceM8'],
          ],
        },
      },
      {
        path: 'invoices.emailCustomer',
        label: 'Email the invoice to the customer from Stripe',
        help: 'Off: the invoice is finalized in Stripe but not emailed; you send it when you choose.',
        kind: { type: 'toggle' },
      },
      {
        path: 'invoices.stripeCreatedInvoice',
        label: 'An invoice made in Stripe',
        help: 'What to do with an invoice someone creates directly in Stripe.',
        kind: {
          type: 'choice',
          options: [
            ['ask', 'Ask me'],
            ['create', 'Add it to ServiceM8 as a job'],
            ['ignore', 'Leave it in Stripe only'],
          ],
        },
      },
      {
        path: 'gst.basis',
        label: 'GST basis',
        help: 'How your BAS counts GST: when invoiced (accrual) or when paid (cash).',
        kind: {
          type: 'choice',
          options: [
            ['accrual', 'Accrual (when invoiced)'],
            ['cash', 'Cash (when paid)'],
          ],
        },
      },
    ],
  },
  {
    title: 'Which clients sync, and how',
    fields: [
      {
        path: 'rules.filters.requireEmail',
        label: 'Only clients with an email address',
        help: 'Clients without one stay in their own system.',
        kind: { type: 'toggle' },
      },
      {
        path: 'rules.filters.clientBadges',
        label: 'Only clients with these ServiceM8 badges',
        help: 'Badge names, separated by commas. Empty: every client.',
        kind: { type: 'list' },
      },
      {
        path: 'rules.filters.jobCategories',
        label: 'Only jobs in these categories',
        help: 'Category names, separated by commas. Empty: every job.',
        kind: { type: 'list' },
      },
      {
        path: 'rules.transforms.phoneFormat',
        label: 'Write phone numbers as',
        help: 'How phones are written on the other side.',
        kind: {
          type: 'choice',
          options: [
            ['national', 'National (0412 345 678)'],
            ['international', 'International (+61 412 345 678)'],
            ['e164', 'Compact (+61412345678)'],
          ],
        },
      },
      {
        path: 'rules.transforms.nameCasing',
        label: 'Client names',
        help: 'Change the capitals of names when copying them.',
        kind: {
          type: 'choice',
          options: [
            ['keep', 'Keep as typed'],
            ['title', 'Capitalise Each Word'],
          ],
        },
      },
      {
        path: 'rules.defaultWinner',
        label: 'When both sides changed a field',
        help: 'The rule for any field without its own rule below.',
        kind: { type: 'choice', options: WINNERS },
      },
      ...CLIENT_FIELDS.map((field): FieldSpec => ({
        path: `rules.fieldWinners.${field}`,
        label: `${FIELD_NAMES[field]}: when both sides changed it`,
        help: 'Overrides the rule above for this field.',
        kind: { type: 'choice', options: [['', 'Same as above'], ...WINNERS] },
      })),
      {
        path: 'archiving.deletedStripeCustomer',
        label: 'A customer deleted in Stripe',
        help: 'What happens to the ServiceM8 client.',
        kind: {
          type: 'choice',
          options: [
            ['ask', 'Ask me'],
            ['archive', 'Archive the ServiceM8 client'],
            ['ignore', 'Leave the ServiceM8 client as it is'],
          ],
        },
      },
    ],
  },
  {
    title: 'Notifications',
    fields: [
      { path: 'notifications.conflicts', label: 'Tell me about new decisions', help: '', kind: { type: 'toggle' } },
      { path: 'notifications.failures', label: 'Tell me when syncing keeps failing', help: '', kind: { type: 'toggle' } },
      {
        path: 'notifications.failureThresholdMinutes',
        label: 'After failing for',
        help: 'Short outages are not worth a notification.',
        kind: { type: 'number', min: 0, max: 1440, unit: 'minutes' },
      },
      { path: 'notifications.reconciliationFindings', label: 'Tell me about reconciliation findings', help: '', kind: { type: 'toggle' } },
      { path: 'app.startAtLogin', label: 'Start sm8sync when I log in', help: 'The tray app only.', kind: { type: 'toggle' } },
    ],
  },
];

export function getAt(settings: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), settings);
}

/** A copy of `settings` with `path` set (or removed, for an empty field-winner choice). */
export function setAt(settings: Settings, path: string, value: unknown): Settings {
  const copy = structuredClone(settings) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy as unknown as Settings;
}

/** The field's message in words, or null when the value is fine. `raw` is what the person typed. */
export function fieldError(spec: FieldSpec, raw: string): string | null {
  const { kind } = spec;
  if (kind.type === 'number') {
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(n) || n < kind.min || n > kind.max)
      return `Enter a whole number of ${kind.unit} from ${kind.min} to ${kind.max.toLocaleString('en-AU')}.`;
  }
  if (kind.type === 'text') return kind.check(raw);
  return null;
}

/** A setting's value as the text a field shows (settings hold only text, numbers, booleans and lists). */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}
