// The daily-limit sentence: the retry time in the business time zone, against today there.
import { describe, expect, it } from 'vitest';
import { dailyLimitNotice, resumeWhen } from '../../src/main/core/app/budget-resume';
import type { OutboxItem } from '../../src/main/core/store/repositories/outbox-repository';

const SYDNEY = 'Australia/Sydney';

describe('when syncing resumes after the ServiceM8 daily limit', () => {
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
    const outbox = (items: OutboxItem[]) => ({ outbox: { list: () => items } }) as unknown as Parameters<typeof dailyLimitNotice>[0];
    const now = new Date('2026-12-01T22:00:00Z');
    const perDay = 'ServiceM8 429: ServiceM8 POST /company/x.json failed (429): Number of allowed API requests per day exceeded';
    const perMinute = 'ServiceM8 429: ServiceM8 POST /company/x.json failed (429): Number of allowed API requests per minute exceeded';
    expect(
      dailyLimitNotice(
        outbox([item(perMinute, '2026-12-01T22:01:00Z'), item(perDay, '2026-12-02T23:00:00Z'), item(perDay, '2026-12-02T23:05:00Z')]),
        now,
        SYDNEY,
      ),
    ).toBe("ServiceM8's daily request limit is used up — syncing resumes at 10:00 tomorrow");
    expect(dailyLimitNotice(outbox([item(perMinute, '2026-12-01T22:01:00Z'), item(null, '2026-12-01T22:00:00Z')]), now, SYDNEY)).toBeNull();
  });
});
