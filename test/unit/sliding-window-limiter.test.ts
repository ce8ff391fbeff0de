import { describe, expect, it, vi } from 'vitest';
import { safetyMargin, SlidingWindowLimiter } from '../../src/main/core/util/sliding-window-limiter';

function fakeClock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('SlidingWindowLimiter', () => {
  it('allows exactly `limit` requests in any window, then says how long to wait', () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter([{ limit: 3, ms: 1000 }], clock);
    expect(limiter.tryAcquire().ok).toBe(true);
    clock.advance(100);
    expect(limiter.tryAcquire().ok).toBe(true);
    expect(limiter.tryAcquire().ok).toBe(true);
    const denied = limiter.tryAcquire();
    expect(denied).toEqual({ ok: false, retryAfterMs: 900 });
    clock.advance(900);
    expect(limiter.tryAcquire().ok).toBe(true);
    expect(limiter.tryAcquire().ok).toBe(false);
  });

  it('honours the tightest of several windows (per minute and per day)', () => {
    const clock = fakeClock();
    const limiter = new SlidingWindowLimiter(
      [
        { limit: 5, ms: 1000 },
        { limit: 7, ms: 60_000 },
      ],
      clock,
    );
    for (let i = 0; i < 5; i += 1) expect(limiter.tryAcquire().ok).toBe(true);
    clock.advance(1000);
    expect(limiter.tryAcquire().ok).toBe(true);
    expect(limiter.tryAcquire().ok).toBe(true);
    const denied = limiter.tryAcquire();
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.retryAfterMs).toBe(59_000);
  });

  it('acquire() waits in order and never exceeds the limit (timers and clock simulated: exact, whatever the load)', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const limiter = new SlidingWindowLimiter([{ limit: 4, ms: 200 }]);
      const stamps: number[] = [];
      const order: number[] = [];
      const all = Promise.all(Array.from({ length: 10 }, (_, i) => limiter.acquire().then(() => (order.push(i), stamps.push(Date.now())))));
      await vi.advanceTimersByTimeAsync(1000);
      await all;
      expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(stamps).toEqual([0, 0, 0, 0, 200, 200, 200, 200, 400, 400]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('acquire() stops when aborted', async () => {
    const limiter = new SlidingWindowLimiter([{ limit: 1, ms: 60_000 }]);
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stopped'));
    await expect(waiting).rejects.toThrow('stopped');
  });

  it('pads a client window by 2 % with a floor', () => {
    expect(safetyMargin(60_000, 250)).toBe(1200);
    expect(safetyMargin(1000, 20)).toBe(20);
    expect(safetyMargin(1000, 250)).toBe(250);
  });
});
