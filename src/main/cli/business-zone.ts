// The terminal shows times as the window does: in the business time zone, with the
// zone named. Commands read the zone from the settings.
import { DateTime } from 'luxon';
import { call, type AppBackend } from '../core/app/app-backend';
import { businessTime } from '../core/app/status-words';

export interface TimeWords {
  zone: string;
  /** "3 Nov 2026, 9:15 am AEDT"; `fallback` when there is no time. */
  at(iso: string | null, fallback?: string): string;
  /** "2026-11-03": the calendar day in the business zone (a 9 am Sydney payment is not the previous UTC day). */
  day(iso: string): string;
}

export async function timeWords(backend: AppBackend): Promise<TimeWords> {
  const zone = (await call(backend, 'getSettings', {})).businessTimeZone;
  return {
    zone,
    at: (iso, fallback = '') => businessTime(iso, zone, fallback),
    day: (iso) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toISODate() ?? iso.slice(0, 10),
  };
}
