// The hour-offset shortcut must give, for every stamp, exactly what luxon gives: the
// conversion before the shortcut existed. Random stamps over 1970–2070 in zones with
// whole-hour, half-hour and 45-minute offsets, and every minute of the days Sydney and
// Lord Howe change their clocks, are compared with luxon's own answer.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { cachedLocalToUtcMs } from '../../src/main/core/connectors/servicem8/local-hour-offsets';
import { localToUtcIso } from '../../src/main/core/connectors/servicem8/local-time';
import { dateParts, dayText, pad, timeText } from '../helpers/date-parts';

const ZONES = [
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Australia/Adelaide',
  'Australia/Perth',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'UTC',
];

function luxonIso(stamp: string, zone: string): string | null {
  const local = DateTime.fromSQL(stamp, { zone });
  return local.isValid ? local.toUTC().toISO({ suppressMilliseconds: true }) : null;
}

/** What the conversion gives now, or null where it refuses the stamp. */
function convertedIso(stamp: string, zone: string): string | null {
  try {
    return localToUtcIso(stamp, zone);
  } catch {
    return null;
  }
}

describe('ServiceM8 stamps: the hour-offset shortcut agrees with luxon', () => {
  it('for random stamps in seven zones, invalid days and hours included', () => {
    const stamp = dateParts(24).map((parts) => `${dayText(parts)} ${timeText(parts)}`);
    fc.assert(
      fc.property(stamp, fc.constantFrom(...ZONES), (text, zone) => {
        expect(convertedIso(text, zone)).toBe(luxonIso(text, zone));
      }),
      { numRuns: 5000, seed: 20261202 },
    );
  });

  it('for every minute of the days the clocks change in Sydney and on Lord Howe Island', () => {
    const days = ['2026-04-05', '2026-10-04', '2027-04-04', '2027-10-03'];
    let compared = 0;
    for (const zone of ['Australia/Sydney', 'Australia/Lord_Howe']) {
      for (const day of days) {
        for (let minute = 0; minute < 24 * 60; minute += 1) {
          for (const second of [0, 59]) {
            const text = `${day} ${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:${pad(second)}`;
            expect(convertedIso(text, zone), `${text} ${zone}`).toBe(luxonIso(text, zone));
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBe(2 * 4 * 24 * 60 * 2);
  });

  it('steps aside where an hour holds a change of offset', () => {
    // Lord Howe moves its clocks by half an hour at 02:00: its 02:00 hour has two offsets.
    expect(cachedLocalToUtcMs('2026-10-04 02:45:00', 'Australia/Lord_Howe')).toBeUndefined();
    expect(cachedLocalToUtcMs('2026-10-04 03:45:00', 'Australia/Lord_Howe')).toBe(Date.parse('2026-10-03T16:45:00Z'));
    expect(cachedLocalToUtcMs('0099-01-01 00:00:00', 'UTC')).toBeUndefined();
  });
});
