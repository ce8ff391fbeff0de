// Instants are UTC; the GST report files them by the business-local day and month
// (luxon, IANA zone such as Australia/Sydney), DST included.
import { DateTime } from 'luxon';
import { zoneOffsets } from './zone-offsets';

export class BusinessDateError extends Error {
  override readonly name = 'BusinessDateError';
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface BusinessDay {
  /** YYYY-MM-DD in the business zone. */
  date: string;
  /** YYYY-MM in the business zone. */
  month: string;
}

/** A stamp as a UTC instant: ISO text (with offset or Z) or Unix seconds (Stripe). */
export function toInstant(value: string | number, what = 'time'): string {
  const stored = typeof value === 'string' ? storedMillis(value) : Number.NaN;
  if (!Number.isNaN(stored)) {
    const iso = new Date(stored).toISOString();
    return iso.endsWith('.000Z') ? `${iso.slice(0, 19)}Z` : iso; // luxon's suppressMilliseconds
  }
  const time =
    typeof value === 'number' ? DateTime.fromSeconds(value, { zone: 'utc' }) : DateTime.fromISO(value, { zone: 'utc', setZone: false });
  if (!time.isValid || (typeof value === 'string' && !/(Z|[+-]\d{2}:?\d{2})$/i.test(value.trim()))) {
    throw new BusinessDateError(`${what} is not an instant with a time zone: ${JSON.stringify(value)}`);
  }
  return time.toUTC().toISO({ suppressMilliseconds: true });
}

/**
 * The milliseconds of an instant in the one form stored instants take, or NaN for any
 * other text (luxon's to read). The round trip through Date checks the day exists:
 * Date.parse alone reads 30 February as 2 March.
 */
function storedMillis(text: string): number {
  if (!STORED_INSTANT.test(text)) return Number.NaN;
  const millis = Date.parse(text);
  if (Number.isNaN(millis)) return millis;
  const fraction = text.length > 20 ? text.slice(20, -1) : '';
  return new Date(millis).toISOString() === `${text.slice(0, 19)}.${fraction.padEnd(3, '0')}Z` ? millis : Number.NaN;
}

export function businessDay(instant: string, zone: string): BusinessDay {
  // A sync files every invoice it stores; one Intl call per hour (zone-offsets) instead of luxon's per instant.
  const millis = storedMillis(instant);
  const offset = Number.isNaN(millis) ? null : offsetsOf(zone)(millis);
  if (offset !== null) {
    const date = new Date(millis + offset).toISOString().slice(0, 10);
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return { date, month: date.slice(0, 7) };
  }
  const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
  if (!local.isValid)
    throw new BusinessDateError(`cannot place ${JSON.stringify(instant)} in zone ${JSON.stringify(zone)}: ${local.invalidReason}`);
  return { date: local.toFormat('yyyy-MM-dd'), month: local.toFormat('yyyy-MM') };
}

const offsetsByZone = new Map<string, (millis: number) => number | null>();

/** One hour-offset cache per zone for the process (a zone's rules do not change while it runs). */
function offsetsOf(zone: string): (millis: number) => number | null {
  let offsets = offsetsByZone.get(zone);
  if (!offsets) {
    offsets = isKnownZone(zone) ? zoneOffsets(zone) : () => null;
    offsetsByZone.set(zone, offsets);
  }
  return offsets;
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The UTC instants [from, to) a business month covers; 30 or 31 days of local midnights. */
export function monthRange(month: string, zone: string): { from: string; to: string } {
  const match = MONTH.exec(month);
  if (!match) throw new BusinessDateError(`month must be YYYY-MM, got ${JSON.stringify(month)}`);
  const start = DateTime.fromObject({ year: Number(match[1]), month: Number(match[2]), day: 1 }, { zone });
  if (!start.isValid) throw new BusinessDateError(`unknown time zone ${JSON.stringify(zone)}`);
  const iso = (time: DateTime) => time.toUTC().toISO({ suppressMilliseconds: true })!;
  return { from: iso(start), to: iso(start.plus({ months: 1 })) };
}

/** ServiceM8's invoice date: the invoice_sent stamp when set, else the completion date. */
export function serviceM8InvoiceAt(stamps: { invoiceSentAt?: string | null; completedAt?: string | null }): string | null {
  const stamp = stamps.invoiceSentAt || stamps.completedAt;
  return stamp ? toInstant(stamp, 'ServiceM8 invoice date') : null;
}

/** Stripe's invoice date: effective_at, else finalized_at, else created (Unix seconds or ISO). */
export function stripeInvoiceAt(stamps: {
  effectiveAt?: number | string | null;
  finalizedAt?: number | string | null;
  created: number | string;
}): string {
  const stamp = stamps.effectiveAt ?? stamps.finalizedAt ?? stamps.created;
  return toInstant(stamp, 'Stripe invoice date');
}

/**
 * A fast instant → business-local YYYY-MM-DD for reports over thousands of rows (the
 * same answer as businessDay, through one cached Intl formatter instead of luxon).
 */
export function localDateFormatter(zone: string): (instant: string) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const offsets = zoneOffsets(zone);
  const seen = new Map<string, string>();
  return (instant) => {
    let date = seen.get(instant);
    if (date === undefined) {
      const millis = Date.parse(instant);
      if (Number.isNaN(millis)) throw new BusinessDateError(`not an instant: ${JSON.stringify(instant)}`);
      // The hour's offset when known (one Intl call per hour), else Intl for this instant.
      const offset = offsets(millis);
      date = offset === null ? format.format(millis) : new Date(millis + offset).toISOString().slice(0, 10);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) date = businessDay(instant, zone).date;
      seen.set(instant, date);
    }
    return date;
  };
}

/** Instant → ISO time with the business offset ("2026-04-02T11:00:00+11:00"), cached per instant. */
export function localTimeFormatter(zone: string): (instant: string) => string {
  const offsets = zoneOffsets(zone);
  const seen = new Map<string, string>();
  return (instant) => {
    let text = seen.get(instant);
    if (text === undefined && STORED_INSTANT.test(instant)) {
      // A stored instant in an hour of known, whole-minute, non-zero offset: written here as
      // luxon's toISO writes it (luxon writes a zero offset as Z or +00:00 by zone kind).
      const millis = Date.parse(instant);
      const offset = Number.isNaN(millis) ? null : offsets(millis);
      if (offset !== null && offset !== 0 && offset % 60_000 === 0) text = isoWithOffset(millis, offset);
    }
    if (text === undefined) {
      const time = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
      if (!time.isValid) throw new BusinessDateError(`not an instant: ${JSON.stringify(instant)}`);
      text = time.toISO({ suppressMilliseconds: true });
      seen.set(instant, text);
    }
    return text;
  };
}

/** The one form stored instants take (toInstant, clocks' toISOString): UTC, Z, at most milliseconds. */
const STORED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function isoWithOffset(millis: number, offset: number): string {
  const local = new Date(millis + offset).toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ
  const minutes = Math.abs(offset) / 60_000;
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${local.endsWith('.000Z') ? local.slice(0, 19) : local.slice(0, 23)}${zone}`;
}
