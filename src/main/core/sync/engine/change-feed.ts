// A change feed several pairs read (Stripe's events: customers, invoices, payments all
// arrive there). The engine reads it once per cycle, with the union of the event types
// the pairs declare, hands the same batch to each, and advances the cursor in the
// transaction of the last pair that reads it, so a crash re-reads rather than skips.
export interface FeedBatch {
  events: FeedEvent[];
  /** True when events may have been missed (first run, or older than the service keeps): list everything. */
  needsFullRescan: boolean;
  cursor: string | null;
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

  read(name: string): Promise<FeedBatch> {
    const feed = this.feeds.get(name);
    if (!feed) return Promise.reject(new Error(`no change feed "${name}" is configured`));
    let batch = this.batches.get(name);
    if (!batch) {
      batch = feed.read(this.cursors.get(feedCursorName(name)), this.types.get(name) ?? [], this.signal);
      this.batches.set(name, batch);
    }
    return batch;
  }

  /** The batch already read this cycle (for saving its cursor), if any. */
  async readIfStarted(name: string): Promise<FeedBatch | null> {
    const batch = this.batches.get(name);
    return batch ? batch : null;
  }
}

export const feedCursorName = (name: string) => `feed.${name}`;
