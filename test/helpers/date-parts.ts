// Calendar parts for property tests of date and time code: 1970–2070, days up to 31 in
// every month (so days that do not exist come up), and zero-padded text from them.
import fc from 'fast-check';

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** `maxHour` 24 lets the hour that no clock shows come up too. */
export function dateParts(maxHour = 23): fc.Arbitrary<DateParts> {
  return fc.record({
    year: fc.integer({ min: 1970, max: 2070 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: maxHour }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
  });
}

export const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "YYYY-MM-DD" and "HH:mm:ss" of the parts. */
export const dayText = (p: DateParts) => `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
export const timeText = (p: DateParts) => `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
