// Reconciliation on `reconciliation.cron` in the business time zone (default daily
// 18:00), inside the sync worker. node-cron parses the expression; the next time is
// worked out here with luxon from an injected clock, so tests drive it without wall
// time. A timer never waits more than an hour before looking at the clock again, so a
// laptop that slept or a changed clock cannot make it miss or double a run. A local
// time daylight saving skips (02:30 on the spring-forward night) does not run that day;
// one it repeats runs once.
import { DateTime } from 'luxon';
import cron from 'node-cron';
import type { Settings } from '../../../shared/settings';

const MAX_WAIT_MS = 3_600_000;
const MAX_DAYS = 4 * 366 + 1; // 29 February comes round at least every 4 years (bar centuries)

/** The first time after `after` that the expression names, in `zone`; null if none within four years. */
export function nextCronRun(expression: string, zone: string, after: Date): Date | null {
  const fields = cron.parse(expression);
  const dom = new Set(fields.dayOfMonth.map(Number));
  const dow = new Set(fields.dayOfWeek.map(Number));
  const months = new Set(fields.month);
  const start = DateTime.fromJSDate(after, { zone }).startOf('day');
  for (let offset = 0; offset < MAX_DAYS; offset += 1) {
    const day = start.plus({ days: offset });
    if (!months.has(day.month) || !dom.has(day.day) || !dow.has(day.weekday % 7)) continue;
    for (const hour of fields.hour)
      for (const minute of fields.minute)
        for (const second of fields.second) {
          const at = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute, second }, { zone });
          if (!at.isValid || at.hour !== hour || at.minute !== minute) continue; // skipped by daylight saving
          if (at.toMillis() > after.getTime()) return at.toJSDate();
        }
  }
  return null;
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface ReconciliationScheduleOptions {
  run: () => Promise<unknown>;
  settings: () => Pick<Settings, 'reconciliation' | 'businessTimeZone'>;
  clock?: () => Date;
  timers?: Timers;
  onError?: (error: unknown) => void;
}

export interface ReconciliationSchedule {
  /** Settings changed: work the next time out again. */
  reschedule(): void;
  nextRunAt(): Date | null;
  stop(): void;
}

export function startReconciliationSchedule(options: ReconciliationScheduleOptions): ReconciliationSchedule {
  const clock = options.clock ?? (() => new Date());
  const timers: Timers = options.timers ?? {
    set: (run, ms) => {
      const handle = setTimeout(run, ms);
      handle.unref?.();
      return handle;
    },
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let due: Date | null = null;
  let handle: unknown = null;
  let stopped = false;
  let running = false;

  function plan(from: Date): void {
    const current = options.settings();
    due = nextCronRun(current.reconciliation.cron, current.businessTimeZone, from);
    arm();
  }

  function arm(): void {
    if (handle !== null) timers.clear(handle);
    handle = null;
    if (stopped || due === null) return;
    handle = timers.set(() => void tick(), Math.max(0, Math.min(MAX_WAIT_MS, due.getTime() - clock().getTime())));
  }

  async function tick(): Promise<void> {
    handle = null;
    if (stopped || due === null) return;
    const now = clock();
    if (now.getTime() < due.getTime() || running) return arm();
    const ran = due;
    running = true;
    try {
      await options.run();
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
    // The next time after the one that ran (or now, if the run outlasted it): never twice for one time.
    plan(new Date(Math.max(ran.getTime(), clock().getTime())));
  }

  plan(clock());
  return {
    reschedule: () => plan(clock()),
    nextRunAt: () => due,
    stop() {
      stopped = true;
      if (handle !== null) timers.clear(handle);
      handle = null;
      due = null;
    },
  };
}
