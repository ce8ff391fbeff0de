// A change feed several pairs read (Stripe's events: customers, invoices, payments all
// arrive there). The engine reads it once per cycle, with the union of the event types
// the pairs declare, hands the same batch to each, and advances the cursor in the
// transaction of the last pair that reads it, so a crash re-reads rather than skips.
//
// An event the feed could not read is quarantined (with the cursor, by the engine) and
// the cursor moves past it, so one bad event does not stop every sync. What it was about
// must not be lost, and the smallest design that is correct for every kind of event (an
// update, a deletion, a refund, one whose object or type cannot be read at all) is to
// re-list: each pair that reads the event's type (every reader when the type cannot be
// read) gets this batch as a full rescan, the path it already takes after a long outage,
// which reads the current state of all its records, that one included. The other pairs
// apply the good events as usual, in order. Fetching just the named object would be
// cheaper, but it needs a read per kind of object and still a rescan when no id is readable.
// Known limits: a rescan sees records as they are now, so a reader that rescans gets no
// events at all (events: []) and loses the signals only events carry for the good events
// of that batch (the clients pair's findOverwrites and stampStripeEditTimes); and a record
// deleted at the source is seen only if the pair's full scan confirms what is missing from
// its listing (the clients pair does, with confirmDeleted; the invoices pair with confirmMissing).
import type { Side } from '../../store/repositories/mirror-repository';

export interface FeedBatch {
  events: FeedEvent[];
  /** True when events may have been missed (first run, or older than the service keeps): list everything. */
  needsFullRescan: boolean;
  cursor: string | null;
  /** Events listed that could not be read (absent when none). */
  unread?: UnreadFeedEvent[];
}

export interface UnreadFeedEvent {
  /** Its id, or a stand-in the feed made when even that cannot be read. */
  id: string;
  /** Null when unreadable: every reader of the feed must then rescan. */
  type: string | null;
  objectId: string | null;
  /** Why, in the connector's words (for the log and support; the screens word it themselves). */
  reason: string;
  raw: unknown;
}

export interface FeedEvent {
  id: string;
  type: string;
  createdAt: string;
  objectId: string | null;
  object: unknown;
  previousAttributes?: unknown;
  idempotencyKey?: string | null;
}

export interface ChangeFeed {
  name: string;
  read(cursor: string | null, types: string[], signal: AbortSignal): Promise<FeedBatch>;
  /** Where its unreadable events are quarantined, and how many days the service keeps an event (then the entry is let go). */
  unread?: { side: Side; object: string; keptDays: number };
}

export interface FeedCursorStore {
  get(name: string): string | null;
}

/** Reads each feed at most once per cycle. */
export class CycleFeeds {
  private readonly batches = new Map<string, Promise<FeedBatch>>();

  constructor(
    private readonly feeds: Map<string, ChangeFeed>,
    private readonly types: Map<string, string[]>,
    private readonly cursors: FeedCursorStore,
    private readonly signal: AbortSignal,
  ) {}

  /**
   * The batch as a reader that declared `reader` types sees it: a full rescan when an event
   * it may need could not be read (see the top of this file). Without `reader`, the batch as read.
   */
  read(name: string, reader?: readonly string[]): Promise<FeedBatch> {
    const feed = this.feeds.get(name);
    if (!feed) return Promise.reject(new Error(`no change feed "${name}" is configured`));
    let batch = this.batches.get(name);
    if (!batch) {
      batch = feed.read(this.cursors.get(feedCursorName(name)), this.types.get(name) ?? [], this.signal);
      this.batches.set(name, batch);
    }
    if (!reader) return batch;
    const declared = this.types.get(name) ?? [];
    return batch.then((b) => (mustRescan(b, reader, declared) ? { ...b, events: [], needsFullRescan: true } : b));
  }

  /** The batch already read this cycle (for saving its cursor), if any. */
  async readIfStarted(name: string): Promise<FeedBatch | null> {
    const batch = this.batches.get(name);
    return batch ? batch : null;
  }
}

/** An unread event concerns a reader when its type is one it reads, or when nobody can tell (unreadable or undeclared type). */
export function mustRescan(batch: FeedBatch, reader: readonly string[], declared: readonly string[]): boolean {
  return (batch.unread ?? []).some((u) => u.type === null || !declared.includes(u.type) || reader.includes(u.type));
}

export const feedCursorName = (name: string) => `feed.${name}`;
