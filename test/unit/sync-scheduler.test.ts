import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncScheduler } from '../../src/main/core/app/sync-scheduler';

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-24T00:00:00.000Z') }));
afterEach(() => vi.useRealTimers());

const MINUTE = 60_000;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('sync scheduler (timeout chain)', () => {
  it('schedules the next run only after the previous one finished', async () => {
    const runs: { trigger: string; at: number }[] = [];
    let gate = deferred();
    const scheduler = createSyncScheduler({
      run: async (trigger) => {
        runs.push({ trigger, at: Date.now() });
        await gate.promise;
      },
      intervalMs: () => 5 * MINUTE,
      minIntervalMs: MINUTE,
    });
    scheduler.start(1000);
    expect(scheduler.nextRunAt()?.toISOString()).toBe('2026-11-24T00:00:01.000Z');
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toHaveLength(1);
    // A slow run: 20 minutes pass, and no second run starts while it is in progress.
    await vi.advanceTimersByTimeAsync(20 * MINUTE);
    expect(runs).toHaveLength(1);
    expect(scheduler.nextRunAt()).toBeNull();
    gate.resolve();
    gate = deferred();
    gate.resolve();
    await vi.advanceTimersByTimeAsync(0);
    const finishedAt = Date.now();
    expect(scheduler.nextRunAt()?.getTime()).toBe(finishedAt + 5 * MINUTE);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(runs.map((r) => r.trigger)).toEqual(['startup', 'schedule']);
    expect(runs[1]!.at - finishedAt).toBe(5 * MINUTE);
    scheduler.stop();
  });

  it('honours the minimum interval and the skew, and keeps going after an error', async () => {
    const errors: unknown[] = [];
    let count = 0;
    const scheduler = createSyncScheduler({
      run: () => {
        count += 1;
        return count === 1 ? Promise.reject(new Error('offline')) : Promise.resolve();
      },
      intervalMs: () => 1000, // below the minimum
      minIntervalMs: MINUTE,
      skewMs: 10_000,
      random: () => 0.5,
      onError: (error) => errors.push(error),
    });
    scheduler.start(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MINUTE + 4_999);
    expect(count).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(count).toBe(2);
    scheduler.stop();
  });

  it('skips while paused, stops for good, and runNow coalesces with a run in progress', async () => {
    let paused = true;
    const triggers: string[] = [];
    let gate = deferred();
    const scheduler = createSyncScheduler({
      run: async (trigger) => {
        triggers.push(trigger);
        await gate.promise;
      },
      intervalMs: () => MINUTE,
      isPaused: () => paused,
    });
    scheduler.start(0);
    await vi.advanceTimersByTimeAsync(MINUTE * 3);
    expect(triggers).toEqual([]);
    paused = false;
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(triggers).toEqual(['schedule']);
    scheduler.runNow('resume');
    scheduler.runNow('resume');
    expect(triggers).toHaveLength(1);
    gate.resolve();
    gate = deferred();
    gate.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(triggers).toEqual(['schedule', 'resume']);
    scheduler.stop();
    scheduler.runNow('resume');
    await vi.advanceTimersByTimeAsync(MINUTE * 10);
    expect(triggers).toEqual(['schedule', 'resume']);
    expect(scheduler.nextRunAt()).toBeNull();
  });
  it('while a pause holds it looks again each interval, so a pause lifted early (Sync now got through) does not sleep to its old end', async () => {
    const runs: number[] = [];
    let until: Date | null = new Date(Date.now() + 60 * MINUTE);
    const scheduler = createSyncScheduler({
      run: () => {
        runs.push(Date.now());
        return Promise.resolve();
      },
      intervalMs: () => 5 * MINUTE,
      minIntervalMs: MINUTE,
      notBefore: () => until,
    });
    const start = Date.now();
    scheduler.start(0);
    expect(scheduler.nextRunAt()?.getTime()).toBe(start + 60 * MINUTE);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(runs).toHaveLength(0); // still paused: looked, did not run
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    until = null; // a manual sync got through
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    expect(runs).toEqual([start + 10 * MINUTE]);
    scheduler.stop();
  });
});
