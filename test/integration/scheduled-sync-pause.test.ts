// The long-lived app's schedule (serve, demo, the tray app's worker) while ServiceM8's
// daily limit has paused the last cycle: it does not try again every interval (each try
// would be one more refused request), it waits until the pause ends, then the chain goes
// on at its interval. The pause is read from the store as the engine records it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startScheduledSync } from '../../src/main/core/app/scheduled-sync';
import type { OpenedApp } from '../../src/main/core/app/open-app';
import { Store } from '../../src/main/core/store/store';
import { parseSettings } from '../../src/shared/settings';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const MINUTE = 60_000;
const START = Date.parse('2026-12-01T22:00:00.000Z');

beforeEach(() => vi.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
afterEach(() => vi.useRealTimers());

describe('scheduled sync while the ServiceM8 daily limit is spent', () => {
  it('waits until the paused cycle tries again, then keeps its interval', async () => {
    const store = Store.open(tempDir());
    const settings = parseSettings({ sync: { pollIntervalMinutes: 5 } });
    const starts: number[] = [];
    // Each cycle is recorded as the engine records it: the first pauses for an hour (its reads refused), the rest get through.
    const runCycle = () => {
      starts.push(Date.now());
      const run = store.runs.start('schedule', false);
      const paused =
        starts.length === 1
          ? {
              until: new Date(Date.now() + 60 * MINUTE).toISOString(),
              reason: 'ServiceM8: Number of allowed API requests per day exceeded',
            }
          : undefined;
      store.runs.finish(run.id, { state: 'completed', summary: { entities: [], planned: 0, ...(paused ? { paused } : {}) } });
      return Promise.resolve(null);
    };
    const opened = { store, settings: { get: () => settings, update: () => settings }, service: { runCycle } } as unknown as Pick<
      OpenedApp,
      'service' | 'settings' | 'store'
    >;
    const scheduler = startScheduledSync(opened, 0);
    await vi.advanceTimersByTimeAsync(0);
    expect(starts).toEqual([START]);
    expect(scheduler.nextRunAt()?.getTime()).toBe(START + 60 * MINUTE);
    // Eleven intervals pass without a try; a wake from sleep does not try either.
    await vi.advanceTimersByTimeAsync(55 * MINUTE);
    scheduler.runNow('resume');
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    expect(starts).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(starts).toEqual([START, START + 60 * MINUTE]);
    // That one got through: the chain is back to every 5 minutes (plus up to 30 s of skew).
    await vi.advanceTimersByTimeAsync(5 * MINUTE + 30_000);
    expect(starts).toHaveLength(3);
    expect(starts[2]! - starts[1]!).toBeLessThanOrEqual(5 * MINUTE + 30_000);
    scheduler.stop();
    store.close();
  });
});
