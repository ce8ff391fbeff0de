// One walk of Stripe's events list turned into events the sync can use, plus the ones it
// cannot read (wrong types, no `data.object`, a timestamp past any date, ...). One bad
// event must not stop every sync until Stripe drops it 30 days later: it is set aside
// with what can still be read of it (its id, type and the id of the object it is about),
// so the sync can quarantine it and read that object's kind again from Stripe instead.
import { createHash } from 'node:crypto';
import { eventRecord, type StripeEventRecord } from './schemas';
import { shapeReason } from './schema-parts';

/** An event that did not parse: what could be read of it, and why. */
export interface UnreadEvent {
  /** The event's id, or a stand-in made from its content when even the id is unreadable (stable across reads). */
  id: string;
  /** Null when the type itself is unreadable: nobody can tell which records it was about. */
  type: string | null;
  objectId: string | null;
  reason: string;
  raw: unknown;
}

export interface EventPage {
  /** Oldest → newest. */
  events: StripeEventRecord[];
  unread: UnreadEvent[];
  /** The newest event id the walk saw (readable or not), for `ending_before` next time; null if none. */
  newestId: string | null;
}

const EVENT_ID = /^evt_[A-Za-z0-9_]{1,250}$/;
const EVENT_TYPE = /^[a-z0-9_]{1,60}(\.[a-z0-9_]{1,60}){1,4}$/;

/** `value[key]` when `value` is a plain object, else undefined (for reading what can be read of a malformed event). */
export const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;

function text(value: unknown, pattern: RegExp): string | null {
  return typeof value === 'string' && pattern.test(value) ? value : null;
}

function standIn(raw: unknown): string {
  let body: string;
  try {
    body = JSON.stringify(raw) ?? String(raw);
  } catch {
    body = String(raw);
  }
  return `unreadable-event-${createHash('sha256').update(body).digest('hex').slice(0, 16)}`;
}

function unreadOf(raw: unknown, reason: string): UnreadEvent {
  const id = text(field(raw, 'id'), EVENT_ID);
  const objectId = field(field(field(raw, 'data'), 'object'), 'id');
  return {
    id: id ?? standIn(raw),
    type: text(field(raw, 'type'), EVENT_TYPE),
    objectId: typeof objectId === 'string' && objectId.length <= 255 && objectId.trim() !== '' ? objectId : null,
    reason: `Stripe event ${id ?? '(id unreadable)'} has an unexpected shape (${reason}).`,
    raw,
  };
}

/** `raw` in the order the SDK walked it (oldest → newest with `ending_before`). Never throws. */
export function readEventPage(raw: unknown[]): EventPage {
  const events: StripeEventRecord[] = [];
  const unread: UnreadEvent[] = [];
  let newestId: string | null = null;
  for (const value of raw) {
    // The cursor goes past every event listed, read or not: `ending_before` needs only the id Stripe listed.
    newestId = text(field(value, 'id'), EVENT_ID) ?? newestId;
    const parsed = eventRecord.safeParse(value);
    if (parsed.success) events.push(parsed.data);
    else unread.push(unreadOf(value, shapeReason(parsed.error)));
  }
  // Defensive: keep oldest → newest whatever order the pages came in.
  events.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { events, unread, newestId };
}
