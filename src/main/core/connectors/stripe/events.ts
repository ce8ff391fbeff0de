// The change feed. With a cursor (the newest event id already processed) it asks
// for everything newer with `ending_before`; the SDK's auto-pagination then walks
// toward newer pages and yields oldest → newest. Stripe keeps events 30 days: when
// the cursor event is gone (or there is no cursor) the result says so and the
// engine falls back to a full rescan by list + `created`. An event that cannot be read
// is returned apart (`unread`, see event-page.ts) and the cursor still moves past it.
import { call, listAll, type CallContext } from './call';
import { StripeConnectorError } from './errors';
import { readEventPage, type UnreadEvent } from './event-page';
import type { StripeEventRecord } from './schemas';

export type { UnreadEvent } from './event-page';

export interface EventsSince {
  events: StripeEventRecord[];
  /** Store this; pass it next time. Null only when the account has no events. */
  cursor: string | null;
  /** True when events may have been missed: do a full rescan. */
  needsFullRescan: boolean;
  /** Events listed that could not be read (absent when none): quarantine them and re-read what they were about. */
  unread?: UnreadEvent[];
}

const MAX_TYPES = 20;

export async function listEventsSince(ctx: CallContext, cursor: string | null, types: string[] = []): Promise<EventsSince> {
  if (types.length > MAX_TYPES) throw new Error(`Stripe accepts at most ${MAX_TYPES} event types per list`);
  const filter = types.length > 0 ? { types } : {};
  if (cursor === null || !(await eventStillKept(ctx, cursor))) {
    const newest = await call(ctx, 'events.list(newest)', (s) => s.events.list({ limit: 1 }));
    return { events: [], cursor: newest.data[0]?.id ?? cursor, needsFullRescan: true };
  }
  const raw = await listAll(ctx, 'events.list', (s) => s.events.list({ ending_before: cursor, limit: 100, ...filter }));
  const { events, unread, newestId } = readEventPage(raw);
  return { events, cursor: newestId ?? cursor, needsFullRescan: false, ...(unread.length > 0 ? { unread } : {}) };
}

async function eventStillKept(ctx: CallContext, id: string): Promise<boolean> {
  try {
    await call(ctx, 'events.retrieve', (s) => s.events.retrieve(id));
    return true;
  } catch (error) {
    if (error instanceof StripeConnectorError && error.kind === 'not_found') return false;
    throw error;
  }
}
