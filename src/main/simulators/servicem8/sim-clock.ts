// The simulated time. Tests and the demo set it (POST /_sim/clock) to build a past
// month; from then on it runs with wall time, so a write a second later is stamped a
// second later. Rate limits and token lifetimes stay on wall time (A14, A28).
export class SimClock {
  private offsetMs = 0;

  constructor(private readonly wall: () => Date) {}

  now(): Date {
    return new Date(this.wall().getTime() + this.offsetMs);
  }

  set(instant: Date): void {
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
