// The simulated time. Tests and the demo set it (POST /_sim/clock) to build a past
// month; from then on it runs with wall time, so a write a second later is stamped a
// second later. It is also the time ServiceM8's rate limits count (A14): moving it
// forward is time passing, so the minute and the day slide with it; moving it back
// relabels the time without giving any back, so a rewind never refills the budget (A28).
export class SimClock {
  private offsetMs = 0;
  /** The sum of every move forward: time that has passed for the rate limits. */
  private passedMs = 0;

  constructor(private readonly wall: () => Date) {}

  now(): Date {
    return new Date(this.wall().getTime() + this.offsetMs);
  }

  /** Milliseconds on a clock that never runs back: wall time plus every move forward (the rate limits' clock). */
  elapsedMs(): number {
    return this.wall().getTime() + this.passedMs;
  }

  set(instant: Date): void {
    const step = instant.getTime() - this.now().getTime();
    if (step > 0) this.passedMs += step;
    this.offsetMs = instant.getTime() - this.wall().getTime();
  }
}

/** Reads `{"now": "<ISO 8601 instant>"}`; the instant must carry Z or an offset (a naive time is ambiguous). */
export function parseClockBody(body: unknown): Date | string {
  const now = (body as { now?: unknown } | null)?.now;
  if (typeof now !== 'string') return 'expected a JSON body {"now": "<ISO 8601 instant>"}';
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(now))
    return `"now" must be an ISO 8601 instant with Z or an offset, e.g. 2026-11-01T09:00:00+11:00 (got ${JSON.stringify(now)})`;
  const instant = new Date(now);
  return Number.isNaN(instant.getTime()) ? `"now" is not a valid instant: ${JSON.stringify(now)}` : instant;
}
