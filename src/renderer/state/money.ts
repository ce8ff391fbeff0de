// How money screens read: cents as en-AU dollars (integers in, text out, no float sums),
// months in the business time zone, and every state code in words.
import type { GST_STATUSES } from '../../shared/report-schemas';

// The state words are shared with the terminal (one set of words everywhere).
export { FINDING_KIND_LABEL, INVOICE_STATE_LABEL, PAYMENT_STATE_LABEL } from '../../shared/labels';

/** 123456 → "$1,234.56", -500 → "−$5.00"; the digits are built from the integer, never a float. */
export function formatCents(cents: number | null, fallback = '—'): string {
  if (cents === null || !Number.isFinite(cents)) return fallback;
  const abs = Math.abs(Math.trunc(cents));
  const dollars = Math.floor(abs / 100).toLocaleString('en-AU');
  const text = `$${dollars}.${String(abs % 100).padStart(2, '0')}`;
  return cents < 0 ? `−${text}` : text;
}

/** Stripe minus ServiceM8, or null when either side is unknown. */
export function difference(servicem8: number | null, stripe: number | null): number | null {
  return servicem8 === null || stripe === null ? null : stripe - servicem8;
}

/** The month (YYYY-MM) an instant falls in, in the business time zone. */
export function monthOf(instant: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}

/** "2026-11" → "November 2026". */
export function monthLabel(month: string): string {
  const [year, mon] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-AU', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year!, mon! - 1, 1));
}

/** The current month and the `count - 1` before it, newest first. */
export function recentMonths(current: string, count = 13): string[] {
  const [year, mon] = current.split('-').map(Number);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const total = year! * 12 + (mon! - 1) - i;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

export const GST_STATUS_LABEL: Record<(typeof GST_STATUSES)[number], string> = {
  matched: 'Matches',
  rounding: 'Rounding only',
  missing_in_stripe: 'Not in Stripe',
  missing_in_servicem8: 'Not in ServiceM8',
  total_differs: 'Totals differ',
  gst_differs: 'GST differs',
  servicem8_pay: 'ServiceM8 Pay',
};

export const TRIGGER_LABEL: Record<'manual' | 'cli' | 'schedule' | 'sync', string> = {
  manual: 'Run now in the app',
  cli: 'From the terminal',
  schedule: 'Scheduled',
  sync: 'After a sync',
};

/** Tone of a state for its badge: ok, warn, bad, idle. */
export function tone(state: string): 'ok' | 'warn' | 'bad' | 'idle' {
  if (['synced', 'servicem8_pay', 'matched', 'rounding', 'sent'].includes(state)) return 'ok';
  if (['failed', 'total_differs', 'gst_differs'].includes(state)) return 'bad';
  if (['needs_approval', 'unmatched', 'missing_in_stripe', 'missing_in_servicem8', 'waiting'].includes(state)) return 'warn';
  return 'idle';
}

/** "12 Nov 2026" in the business time zone. */
export function formatDay(iso: string, zone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat('en-AU', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }).format(date);
}

/** Which sides hold a payment, in words. */
export function sidesLabel(servicem8: string | null, stripe: string | null): string {
  if (servicem8 && stripe) return 'ServiceM8 and Stripe';
  return servicem8 ? 'ServiceM8 only' : 'Stripe only';
}

/** The server's reasons are clauses ("not matched to …"); on screen each starts a sentence. */
export function sentence(text: string): string {
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}` : text;
}
