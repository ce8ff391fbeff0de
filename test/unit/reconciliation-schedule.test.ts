// Reconciliation's cron on an injected clock and hand-driven timers: 18:00 Sydney time
// across daylight saving, a changed expression, a sleep past the time (one catch-up
// run, not two), and the notification rule.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { nextCronRun, startReconciliationSchedule, type Timers } from '../../src/main/core/app/reconciliation-schedule';
import { reconciliationNotification } from '../../src/main/core/app/notification-policy';

const SYDNEY = 'Australia/Sydney';

describe('nextCronRun', () => {
  it('18:00 in Sydney is 07:00Z in summer (AEDT) and 08:00Z in winter (AEST), across the change', () => {
    expect(nextCronRun('0 18 * * *', SYDNEY, new Date('2026-01-10T00:00:00Z'))?.toISOString()).toBe('2026-01-10T07:00:00.000Z');
    // Daylight saving ends on 5 April 2026 at 03:00 local.
    expect(nextCronRun('0 18 * * *', SYDNEY, new Date('2026-04-04T07:00:00Z'))?.toISOString()).toBe('2026-04-05T08:00:00.000Z');
    expect(nextCronRun('0 18 * * *', SYDNEY, new Date('2026-04-04T06:59:59Z'))?.toISOString()).toBe('2026-04-04T07:00:00.000Z');
  });

  it('weekdays only, steps, a time daylight saving skips, and one it repeats', () => {
    // Friday 2026-03-13 18:30 local → next weekday 09:00 is Monday the 16th.
    expect(nextCronRun('0 9 * * 1-5', SYDNEY, new Date('2026-03-13T07:30:00Z'))?.toISOString()).toBe('2026-03-15T22:00:00.000Z');
    expect(nextCronRun('*/15 * * * *', 'UTC', new Date('2026-03-13T07:31:00Z'))?.toISOString()).toBe('2026-03-13T07:45:00.000Z');
    // 4 October 2026: 02:00–03:00 does not exist in Sydney; 02:30 runs the next day.
    expect(nextCronRun('30 2 * * *', SYDNEY, new Date('2026-10-03T14:00:00Z'))?.toISOString()).toBe('2026-10-04T15:30:00.000Z');
    // 5 April 2026: 02:30 happens twice; it runs once, at the first.
    const first = nextCronRun('30 2 * * *', SYDNEY, new Date('2026-04-04T14:00:00Z'))!;
    expect(first.toISOString()).toBe('2026-04-04T15:30:00.000Z');
    expect(nextCronRun('30 2 * * *', SYDNEY, first)?.toISOString()).toBe('2026-04-05T16:30:00.000Z');
  });
});

/** Timers the test fires by hand: each holds its delay, nothing runs on wall time. */
function manualTimers() {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  const timers: Timers = {
    set: (run, ms) => {
      pending.set(next, { run, ms });
      return next++;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  return {
    timers,
    pending,
    /** Fires the one armed timer after moving the clock by its delay. */
    async fire(clock: { now: Date }) {
      expect(pending.size).toBe(1);
      const [id, timer] = [...pending][0]!;
      pending.delete(id);
      clock.now = new Date(clock.now.getTime() + timer.ms);
      timer.run();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('the reconciliation schedule', () => {
  it('runs at 18:00 business time each day, looking at the clock at least hourly', async () => {
    const clock = { now: new Date('2026-03-10T05:00:00Z') }; // 16:00 in Sydney
    const manual = manualTimers();
    const runs: string[] = [];
    const settings: Settings = DEFAULT_SETTINGS;
    const schedule = startReconciliationSchedule({
      run: () => Promise.resolve(runs.push(clock.now.toISOString())),
      settings: () => settings,
      clock: () => clock.now,
      timers: manual.timers,
    });
    expect(schedule.nextRunAt()?.toISOString()).toBe('2026-03-10T07:00:00.000Z');
    expect([...manual.pending.values()][0]!.ms).toBe(3_600_000);
    await manual.fire(clock); // 17:00: looks, does not run
    expect(runs).toEqual([]);
    await manual.fire(clock); // 18:00
    expect(runs).toEqual(['2026-03-10T07:00:00.000Z']);
    expect(schedule.nextRunAt()?.toISOString()).toBe('2026-03-11T07:00:00.000Z');
    schedule.stop();
    expect(manual.pending.size).toBe(0);
  });

  it('after a sleep past the time, runs once on waking; a changed cron is picked up by reschedule()', async () => {
    const clock = { now: new Date('2026-03-10T05:00:00Z') };
    const manual = manualTimers();
    const runs: string[] = [];
    let settings: Settings = DEFAULT_SETTINGS;
    const schedule = startReconciliationSchedule({
      run: () => Promise.resolve(runs.push(clock.now.toISOString())),
      settings: () => settings,
      clock: () => clock.now,
      timers: manual.timers,
    });
    // The machine slept until 21:00 local, two days later; the hour timer fires on waking.
    const [id, timer] = [...manual.pending][0]!;
    manual.pending.delete(id);
    clock.now = new Date('2026-03-12T10:00:00Z');
    timer.run();
    await new Promise((resolve) => setImmediate(resolve));
    expect(runs).toEqual(['2026-03-12T10:00:00.000Z']);
    expect(schedule.nextRunAt()?.toISOString()).toBe('2026-03-13T07:00:00.000Z');

    settings = { ...DEFAULT_SETTINGS, reconciliation: { cron: '30 6 * * *' } };
    schedule.reschedule();
    expect(schedule.nextRunAt()?.toISOString()).toBe('2026-03-12T19:30:00.000Z');
    schedule.stop();
  });

  it('a failed run is reported and the next day is still scheduled', async () => {
    const clock = { now: new Date('2026-03-10T06:59:00Z') };
    const manual = manualTimers();
    const errors: unknown[] = [];
    const schedule = startReconciliationSchedule({
      run: () => Promise.reject(new Error('busy')),
      settings: () => DEFAULT_SETTINGS,
      clock: () => clock.now,
      timers: manual.timers,
      onError: (error) => errors.push(error),
    });
    await manual.fire(clock);
    expect(errors).toHaveLength(1);
    expect(schedule.nextRunAt()?.toISOString()).toBe('2026-03-11T07:00:00.000Z');
    schedule.stop();
  });
});

describe('reconciliation notifications', () => {
  const event = { reportId: 3, trigger: 'schedule' as const, findings: 5, newFindings: 2, newNeedingPerson: 2 };
  it('notifies only for new findings that need a person, and only when the setting is on', () => {
    expect(reconciliationNotification(event, DEFAULT_SETTINGS)).toMatchObject({
      kind: 'reconciliation',
      title: 'Reconciliation found 2 new differences',
    });
    expect(reconciliationNotification({ ...event, newFindings: 1, newNeedingPerson: 0 }, DEFAULT_SETTINGS)).toBeNull();
    expect(reconciliationNotification({ ...event, newFindings: 0, newNeedingPerson: 0 }, DEFAULT_SETTINGS)).toBeNull();
    const off = { ...DEFAULT_SETTINGS, notifications: { ...DEFAULT_SETTINGS.notifications, reconciliationFindings: false } };
    expect(reconciliationNotification(event, off)).toBeNull();
  });
});
