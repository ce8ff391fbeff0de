// Reads a pair starts while the pair before it sends its writes (SyncPair.readAhead).
// A first sync's writes take minutes of waiting on the rate limit, with the thread
// mostly idle; the next pair's reads (20,000 jobs to fetch and parse) fit in that
// idle time instead of in a pause of their own between the two pairs.

export class ReadAhead<T> {
  private readonly started = new Map<string, Promise<T>>();

  /** Starts a read under a key that names everything it depends on (the cycle, the cursor). */
  start(key: string, read: Promise<T>): void {
    // Taken later (and then awaited, its error thrown there) or dropped: never an unhandled rejection.
    read.catch(() => undefined);
    this.started.set(key, read);
  }

  /** The read started under exactly this key, once; null when none was: read now instead. */
  take(key: string): Promise<T> | null {
    const read = this.started.get(key) ?? null;
    this.started.delete(key);
    return read;
  }

  /** Forgets reads not taken (another cycle's, or a cursor that moved since). */
  clear(): void {
    this.started.clear();
  }
}
