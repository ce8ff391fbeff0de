// The change feed. With a cursor (the newest event id already processed) it asks
// for everything newer with `ending_before`; the SDK's auto-pagination then walks
// toward newer pages and yields oldest → newest. Stripe keeps events 30 days: when
// the cursor event is gone (or there is no cursor) the result says so and the
// engine falls back to a full rescan by list + `created`.
import { call, listAll, type CallContext } from './call';
import { StripeConnectorError } from './errors';
import { eventRecord, type StripeEventRecord } from './schemas';
import { parseEach } from './schema-parts';

export interface EventsSince {
  events: StripeEventRecord[];
  /** Store this; pass it next time. Null only when the account has no events. */
  cursor: string | null;
  /** True when events may have been missed: do a full rescan. */
  needsFullRescan: boolean;
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
  // One unreadable event stops the feed with a clear error: skipping it could lose the change it names.
  const events = parseEach(eventRecord, raw, 'event');
  // Defensive: keep oldest → newest whatever order the pages came in.
  events.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { events, cursor: events.at(-1)?.id ?? cursor, needsFullRescan: false };
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
