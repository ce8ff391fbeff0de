// A zone's UTC offset, found once per UTC hour instead of once per instant: reports
// place tens of thousands of instants, most in a few hundred distinct hours. An hour
// whose first and last second have the same offset has it throughout (zones change
// offset months apart, never twice in an hour); an hour holding a change answers null
// and the caller asks luxon for that instant.

const HOUR_MS = 3_600_000;

/** `(millis) => offset in milliseconds east of UTC`, or null inside an hour that holds a change. */
export function zoneOffsets(zone: string): (millis: number) => number | null {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    era: 'short',
  });
  const offsetAt = (millis: number): number | null => {
    const field: Record<string, string> = {};
    for (const part of parts.formatToParts(millis)) field[part.type] = part.value;
    if (field.era !== 'AD') return null; // years before 1 CE: not worth the arithmetic
    const local = Date.UTC(
      Number(field.year),
      Number(field.month) - 1,
      Number(field.day),
      Number(field.hour),
      Number(field.minute),
      Number(field.second),
    );
    // Date.UTC maps years 0-99 to 1900-1999, and some engines write midnight as hour 24: slow path.
    if (Number(field.year) < 100 || field.hour === '24' || !Number.isFinite(local)) return null;
    return local - (millis - (((millis % 1000) + 1000) % 1000));
  };
  const byHour = new Map<number, number | null>();
  return (millis) => {
    const hour = Math.floor(millis / HOUR_MS);
    let offset = byHour.get(hour);
    if (offset === undefined) {
      const first = offsetAt(hour * HOUR_MS);
      const last = offsetAt(hour * HOUR_MS + HOUR_MS - 1000);
      offset = first !== null && first === last ? first : null;
      byHour.set(hour, offset);
    }
    return offset;
  };
}
