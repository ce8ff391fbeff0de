// The daily-limit sentence: the retry time in the business time zone, against today there.
import { describe, expect, it } from 'vitest';
import { dailyLimitNotice, resumeWhen } from '../../src/main/core/app/budget-resume';
import type { OutboxItem } from '../../src/main/core/store/repositories/outbox-repository';
import type { SyncRun } from '../../src/main/core/store/repositories/sync-runs-repository';

const SYDNEY = 'Australia/Sydney';

describe('when syncing tries again after the ServiceM8 daily limit', () => {
  it('says today, tomorrow or the day, in the business zone (not UTC)', () => {
    // 09:00 Wednesday 2 December in Sydney (AEDT, UTC+11) is 22:00 Tuesday UTC.
    const now = new Date('2026-12-01T22:00:00Z');
    expect(resumeWhen(new Date('2026-12-01T23:30:00Z'), now, SYDNEY)).toBe('10:30 today');
    expect(resumeWhen(new Date('2026-12-02T23:00:00Z'), now, SYDNEY)).toBe('10:00 tomorrow');
    expect(resumeWhen(new Date('2026-12-03T23:00:00Z'), now, SYDNEY)).toBe('10:00 on Fri 4 Dec');
    // Against 22:00 UTC on 1 December, 10:00 UTC on 2 December is tomorrow in UTC (in Sydney it is still 2 December, today).
    expect(resumeWhen(new Date('2026-12-02T10:00:00Z'), now, 'UTC')).toBe('10:00 tomorrow');
  });

  it('uses the earliest retry time of the writes the daily limit refused, and nothing else', () => {
    const item = (lastError: string | null, nextAttemptAt: string) => ({ lastError, nextAttemptAt }) as OutboxItem;
    const outbox = (items: OutboxItem[]) =>
      ({ outbox: { list: () => items }, runs: { list: () => [] } }) as unknown as Parameters<typeof dailyLimitNotice>[0];
    const now = new Date('2026-12-01T22:00:00Z');
    const perDay = 'ServiceM8 429: ServiceM8 POST /company/x.json failed (429): Number of allowed API requests per day exceeded';
    const perMinute = 'ServiceM8 429: ServiceM8 POST /company/x.json failed (429): Number of allowed API requests per minute exceeded';
    expect(
      dailyLimitNotice(
        outbox([item(perMinute, '2026-12-01T22:01:00Z'), item(perDay, '2026-12-02T23:00:00Z'), item(perDay, '2026-12-02T23:05:00Z')]),
        now,
        SYDNEY,
      ),
    ).toBe("ServiceM8's daily request limit is used up — syncing tries again at 10:00 tomorrow");
    expect(dailyLimitNotice(outbox([item(perMinute, '2026-12-01T22:01:00Z'), item(null, '2026-12-01T22:00:00Z')]), now, SYDNEY)).toBeNull();
  });

  it('a cycle paused by the limit (its reads refused) says when it tries again; one that got through since does not', () => {
    const now = new Date('2026-12-01T22:00:00Z');
    const perDay = 'ServiceM8 429: ServiceM8 GET /company.json failed (429): Number of allowed API requests per day exceeded';
    const run = (id: number, summary: unknown, dryRun = false) => ({ id, state: 'completed', dryRun, summary }) as SyncRun;
    const pausedRun = run(1, { entities: [], paused: { until: '2026-12-01T23:00:00Z', reason: perDay } });
    const store = (runs: SyncRun[]) =>
      ({ outbox: { list: () => [] }, runs: { list: () => runs } }) as unknown as Parameters<typeof dailyLimitNotice>[0];
    expect(dailyLimitNotice(store([pausedRun]), now, SYDNEY)).toBe(
      "ServiceM8's daily request limit is used up — syncing tries again at 10:00 today",
    );
    // A dry run since does not count; a real run that got through clears it.
    expect(dailyLimitNotice(store([run(2, { entities: [] }, true), pausedRun]), now, SYDNEY)).not.toBeNull();
    expect(dailyLimitNotice(store([run(2, { entities: [] }), pausedRun]), now, SYDNEY)).toBeNull();
    // A pause for another reason is not the daily limit.
    expect(
      dailyLimitNotice(store([run(1, { paused: { until: '2026-12-01T23:00:00Z', reason: 'Stripe: busy' } })]), now, SYDNEY),
    ).toBeNull();
  });
});
