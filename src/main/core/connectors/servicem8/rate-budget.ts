// The client-side request budget. ServiceM8 allows 180 requests a minute and 20,000 a
// day per account (reference §6); the connector waits for a slot rather than earn a
// 429. Each window is lengthened by a small safety margin because the server counts
// arrivals, not departures, and network jitter can bunch requests up on the way.
import { safetyMargin, SlidingWindowLimiter } from '../../util/sliding-window-limiter';

export interface ServiceM8Limits {
  perMinute: number;
  perDay: number;
  /** Window lengths, shortened for benchmarks and tests (defaults 60 s and 24 h). */
  minuteMs?: number;
  dayMs?: number;
}

export const SERVICEM8_LIMITS: ServiceM8Limits = { perMinute: 180, perDay: 20_000 };

/** Margin added to a window: 2% of it, at least 250 ms (assumption C4). */
const MARGIN_FLOOR_MS = 250;

/**
 * One limiter per ServiceM8 account: share it between every client of that account.
 * The daily count lives in memory, so a restart forgets it (assumption C5; the server still enforces it).
 */
export function createServiceM8Limiter(limits: ServiceM8Limits = SERVICEM8_LIMITS): SlidingWindowLimiter {
  const minuteMs = limits.minuteMs ?? 60_000;
  const dayMs = limits.dayMs ?? 86_400_000;
  return new SlidingWindowLimiter([
    { limit: limits.perMinute, ms: minuteMs + safetyMargin(minuteMs, MARGIN_FLOOR_MS) },
    { limit: limits.perDay, ms: dayMs + safetyMargin(dayMs, MARGIN_FLOOR_MS) },
  ]);
}
