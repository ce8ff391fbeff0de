// toInstant and businessDay answer stored instants without luxon (a first sync files
// tens of thousands of invoices). Their answers must be luxon's, the code they replaced,
// for every instant: random ones from 1970 to 2070, ones with 1–3 fraction digits,
// days that do not exist, and every quarter hour of the days Sydney and Lord Howe
// change their clocks.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { businessDay, toInstant } from '../../src/main/core/money/business-day';
import { dateParts, dayText, timeText } from '../helpers/date-parts';

const ZONES = [
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Australia/Perth',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/St_Johns',
  'UTC',
];

function luxonInstant(value: string): string | null {
  const time = DateTime.fromISO(value, { zone: 'utc', setZone: false });
  return time.isValid ? time.toUTC().toISO({ suppressMilliseconds: true }) : null;
}

function luxonDay(instant: string, zone: string): { date: string; month: string } | null {
  const local = DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone);
  return local.isValid ? { date: local.toFormat('yyyy-MM-dd'), month: local.toFormat('yyyy-MM') } : null;
}

const attempt = <T>(run: () => T): T | null => {
  try {
    return run();
  } catch {
    return null;
  }
};

const instantText = fc
  .tuple(dateParts(), fc.constantFrom('', '.0', '.5', '.000', '.120', '.999', '.07'))
  .map(([parts, fraction]) => `${dayText(parts)}T${timeText(parts)}${fraction}Z`);

describe('stored instants without luxon', () => {
  it('toInstant gives luxon’s instant, and refuses the days luxon refuses', () => {
    fc.assert(
      fc.property(instantText, (text) => {
        expect(attempt(() => toInstant(text))).toBe(luxonInstant(text));
      }),
      { numRuns: 5000, seed: 20261202 },
    );
    expect(() => toInstant('2026-02-30T00:00:00Z')).toThrow(/not an instant/);
  });

  it('businessDay gives luxon’s local day and month in seven zones', () => {
    fc.assert(
      fc.property(instantText, fc.constantFrom(...ZONES), (text, zone) => {
        expect(attempt(() => businessDay(text, zone))).toEqual(luxonDay(text, zone));
      }),
      { numRuns: 5000, seed: 20261203 },
    );
    expect(() => businessDay('2026-04-31T10:00:00Z', 'Australia/Sydney')).toThrow(/cannot place/);
    expect(() => businessDay('2026-04-01T10:00:00Z', 'Mars/Olympus')).toThrow(/cannot place/);
  });

  it('businessDay around every change of clocks in Sydney and on Lord Howe Island', () => {
    let compared = 0;
    for (const zone of ['Australia/Sydney', 'Australia/Lord_Howe']) {
      for (const day of ['2026-04-04', '2026-10-03', '2027-04-03', '2027-10-02']) {
        const start = Date.parse(`${day}T00:00:00Z`);
        for (let step = 0; step < 2 * 24 * 4; step += 1) {
          const text = new Date(start + step * 15 * 60_000).toISOString().replace('.000Z', 'Z');
          expect(businessDay(text, zone), `${text} ${zone}`).toEqual(luxonDay(text, zone));
          compared += 1;
        }
      }
    }
    expect(compared).toBe(2 * 4 * 192);
  });
});
