// A request budget over one or more sliding windows (ServiceM8: 180 a minute and
// 20,000 a day; Stripe: 25 a second). Clients call acquire() and wait for a slot;
// simulators call tryAcquire() and answer 429 when it says no. A sliding log is
// exact: it never allows more than `limit` requests in any window of `ms`.

export interface WindowLimit {
  limit: number;
  ms: number;
}

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * How much longer a client's window should be than the server's: the client counts
 * when it sends, the server when requests arrive, and jitter can bunch arrivals.
 * 2 % of the window, at least `floorMs`.
 */
export function safetyMargin(windowMs: number, floorMs: number): number {
  return Math.max(floorMs, Math.round(windowMs * 0.02));
}

/** The budget has no slot for longer than the caller would wait; `retryAfterMs` says when one frees up. */
export class BudgetSpentError extends Error {
  override readonly name = 'BudgetSpentError';

  constructor(readonly retryAfterMs: number) {
    super(`request budget spent; a slot frees up in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}

export class SlidingWindowLimiter {
  private readonly logs: number[][];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly windows: WindowLimit[],
    private readonly clock: Clock = systemClock,
  ) {
    if (windows.length === 0) throw new Error('SlidingWindowLimiter needs at least one window');
    for (const w of windows) {
      if (!(w.limit > 0 && w.ms > 0)) throw new Error(`Invalid window ${JSON.stringify(w)}`);
    }
    this.logs = windows.map(() => []);
  }

  /** Milliseconds until a request may be made (0 = now). */
  waitTime(now = this.clock.now()): number {
    let wait = 0;
    this.windows.forEach((window, index) => {
      const log = this.prune(index, now);
      if (log.length >= window.limit) {
        const oldestInWindow = log[log.length - window.limit]!;
        wait = Math.max(wait, oldestInWindow + window.ms - now);
      }
    });
    return wait;
  }

  /** Records a request if the budget allows it now; otherwise says how long to wait. */
  tryAcquire(now = this.clock.now()): { ok: true } | { ok: false; retryAfterMs: number } {
    const wait = this.waitTime(now);
    if (wait > 0) return { ok: false, retryAfterMs: wait };
    for (const log of this.logs) log.push(now);
    return { ok: true };
  }

  /**
   * Waits (in FIFO order) until the budget allows one more request, then records it.
   * With `refuseBeyondMs`, a wait longer than that is refused at once (BudgetSpentError)
   * instead of slept through: a day's budget spent must not hold a request for hours.
   */
  acquire(signal?: AbortSignal, refuseBeyondMs = Infinity): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot(signal, refuseBeyondMs));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Requests recorded in the window at `index` as of now. */
  used(index = 0, now = this.clock.now()): number {
    return this.prune(index, now).length;
  }

  private async waitForSlot(signal: AbortSignal | undefined, refuseBeyondMs: number): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const result = this.tryAcquire();
      if (result.ok) return;
      if (result.retryAfterMs > refuseBeyondMs) throw new BudgetSpentError(result.retryAfterMs);
      await sleep(result.retryAfterMs, signal);
    }
  }

  private prune(index: number, now: number): number[] {
    const log = this.logs[index]!;
    const cutoff = now - this.windows[index]!.ms;
    let drop = 0;
    while (drop < log.length && log[drop]! <= cutoff) drop += 1;
    if (drop > 0) log.splice(0, drop);
    return log;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
