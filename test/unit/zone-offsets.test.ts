// The per-hour offset cache behind the reports' fast date and time formatters must give
// luxon's answer for every instant, in zones with DST, half- and quarter-hour offsets,
// a half-hour DST shift (Lord Howe), a zero offset and around each change of offset.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDateFormatter, localTimeFormatter } from '../../src/main/core/money/business-day';
import { zoneOffsets } from '../../src/main/core/money/zone-offsets';

const ZONES = [
  'Australia/Sydney',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'Europe/London',
  'UTC',
];
const FROM = Date.parse('2020-01-01T00:00:00Z');
const TO = Date.parse('2035-01-01T00:00:00Z');

/** Instants at and around each offset change of the zone in 2026, every 7 s (some with milliseconds). */
function aroundChanges(zone: string): number[] {
  const out: number[] = [];
  let previous = DateTime.fromMillis(Date.parse('2026-01-01T00:00:00Z'), { zone }).offset;
  for (let millis = Date.parse('2026-01-01T00:00:00Z'); millis < Date.parse('2027-01-01T00:00:00Z'); millis += 900_000) {
    const offset = DateTime.fromMillis(millis, { zone }).offset;
    if (offset !== previous) for (let step = -5400; step <= 5400; step += 7) out.push(millis + step * 1000 + (step % 1000));
    previous = offset;
  }
  return out;
}

describe('zone offsets per hour', () => {
  it('formats dates and times exactly as luxon, for random instants and around every change of offset', () => {
    for (const zone of ZONES) {
      const date = localDateFormatter(zone);
      const time = localTimeFormatter(zone);
      const check = (millis: number) => {
        const instant = new Date(millis).toISOString();
        const expected = DateTime.fromMillis(millis, { zone });
        expect(date(instant)).toBe(expected.toISODate());
        expect(time(instant)).toBe(expected.toISO({ suppressMilliseconds: true }));
      };
      fc.assert(fc.property(fc.integer({ min: FROM, max: TO }), check), { numRuns: 200 });
      const changes = aroundChanges(zone);
      if (!['Asia/Kathmandu', 'Australia/Perth', 'UTC'].includes(zone)) expect(changes.length).toBeGreaterThan(0);
      changes.forEach(check);
    }
  });

  it('answers null for an hour that holds a change, and the offset elsewhere', () => {
    const sydney = zoneOffsets('Australia/Sydney');
    // 5 April 2026, 03:00 AEDT = 16:00 UTC on the 4th: clocks go back to 02:00 AEST.
    expect(sydney(Date.parse('2026-04-04T15:59:59Z'))).toBe(11 * 3_600_000);
    expect(sydney(Date.parse('2026-04-04T16:00:00Z'))).toBe(10 * 3_600_000);
    // Lord Howe moves half an hour at 02:00 local, 15:30 UTC on 3 October 2026: mid-hour.
    expect(zoneOffsets('Australia/Lord_Howe')(Date.parse('2026-10-03T15:10:00Z'))).toBeNull();
    expect(zoneOffsets('Australia/Lord_Howe')(Date.parse('2026-10-03T14:59:59Z'))).toBe(10.5 * 3_600_000);
  });
});
