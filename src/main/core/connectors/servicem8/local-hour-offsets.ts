// The inverse of money/zone-offsets.ts (which maps instants to wall time). A ServiceM8 first sync turns some 100,000 naive stamps into instants, and luxon's
// zone arithmetic (Intl formatting, two or three times a stamp) was a quarter of the
// worker's CPU while it parsed them. Within one local hour the zone's offset is the
// same for every stamp unless a transition falls inside that hour, so each hour is
// converted by luxon once, at its first and last second; when the two agree, every
// stamp in the hour is that offset away from UTC. Hours where they differ (Lord Howe's
// half-hour shifts) and anything unusual go back to luxon stamp by stamp.
import { DateTime } from 'luxon';

const STAMP = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;
const MAX_HOURS_PER_ZONE = 100_000; // about eleven years of distinct hours; then start again
const MIXED = Number.NaN;

const byZone = new Map<string, Map<string, number>>();

/** Wall-clock milliseconds of a naive stamp read as if it were UTC. */
function wallMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Wall time minus luxon's instant for one stamp, or NaN when luxon rejects it. */
function luxonGap(stamp: string, zone: string, wall: number): number {
  const local = DateTime.fromSQL(stamp, { zone });
  return local.isValid ? wall - local.toMillis() : MIXED;
}

function hourGap(zone: string, prefix: string, year: number, month: number, day: number, hour: number): number {
  let hours = byZone.get(zone);
  if (!hours) byZone.set(zone, (hours = new Map<string, number>()));
  const known = hours.get(prefix);
  if (known !== undefined) return known;
  const first = luxonGap(`${prefix}:00:00`, zone, wallMs(year, month, day, hour, 0, 0));
  const last = luxonGap(`${prefix}:59:59`, zone, wallMs(year, month, day, hour, 59, 59));
  const gap = first === last ? first : MIXED;
  if (hours.size >= MAX_HOURS_PER_ZONE) hours.clear();
  hours.set(prefix, gap);
  return gap;
}

/**
 * The UTC instant (ms) luxon would give for a naive stamp in the zone, or undefined when
 * this shortcut cannot be sure (then ask luxon itself).
 */
export function cachedLocalToUtcMs(stamp: string, zone: string): number | undefined {
  const match = STAMP.exec(stamp);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Date.UTC maps years 0–99 to the 1900s; such stamps are luxon's to judge.
  if (year < 1000 || minute > 59 || second > 59) return undefined;
  const prefix = `${match[1]}-${match[2]}-${match[3]} ${match[4] ?? '00'}`;
  const gap = hourGap(zone, prefix, year, month, day, hour);
  return Number.isNaN(gap) ? undefined : wallMs(year, month, day, hour, minute, second) - gap;
}
