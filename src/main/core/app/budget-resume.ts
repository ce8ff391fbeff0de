// When ServiceM8's daily request limit stops a sync (its reads or its writes), the sync
// still completes and nothing is lost: refused writes wait in the outbox with the reason
// and their retry time; a refused read pauses the cycle (cycle-pause.ts) before any
// cursor moves. This says so in words, with the retry time in the business time zone:
// "ServiceM8's daily request limit is used up — syncing tries again at 10:00 tomorrow".
// "Tries again", not "resumes": ServiceM8 sends no Retry-After and documents no reset time,
// so the time is our rule (an hour after the refusal), not a promise that it works then.
// Status shows it as its headline and `sm8sync sync` prints it.
import { DateTime } from 'luxon';
import type { Store } from '../store/store';
import { currentPause } from '../sync/engine/cycle-pause';

export const DAILY_LIMIT_WORDS = "ServiceM8's daily request limit is used up";

/** ServiceM8's own 429 text for the daily budget (reference §6), as the outbox keeps it. */
const DAILY_LIMIT_ERROR = /requests per day exceeded/i;

/** The earliest retry time of the writes waiting because the daily limit was used up; null when none waits on it. */
export function dailyLimitResumeAt(store: Pick<Store, 'outbox'>): Date | null {
  let earliest = Infinity;
  for (const item of store.outbox.list({ state: 'pending' }))
    if (item.lastError && DAILY_LIMIT_ERROR.test(item.lastError)) earliest = Math.min(earliest, Date.parse(item.nextAttemptAt));
  return Number.isFinite(earliest) ? new Date(earliest) : null;
}

/** "10:00 today", "10:00 tomorrow", "10:00 on Thu 3 Dec": the instant in the business zone, against now. */
export function resumeWhen(at: Date, now: Date, zone: string): string {
  const when = DateTime.fromJSDate(at, { zone });
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const days = Math.round(when.startOf('day').diff(today, 'days').days);
  const time = when.toFormat('HH:mm');
  if (days <= 0) return `${time} today`;
  if (days === 1) return `${time} tomorrow`;
  return `${time} on ${when.toFormat('ccc d LLL')}`;
}

export const isDailyLimitError = (text: string | null): boolean => text !== null && DAILY_LIMIT_ERROR.test(text);

/** The sentence for a resume time; without one (no schedule), what to do instead. */
export function dailyLimitSentence(at: Date | null, now: Date, zone: string): string {
  return at === null
    ? `${DAILY_LIMIT_WORDS} — use Sync now to try again later`
    : `${DAILY_LIMIT_WORDS} — syncing tries again at ${resumeWhen(at, now, zone)}`;
}

/**
 * The sentence, or null when nothing waits on the daily limit. A cycle paused by it (its
 * reads refused) tries again when the pause ends; otherwise the writes it refused do.
 */
export function dailyLimitNotice(store: Pick<Store, 'outbox' | 'runs'>, now: Date, zone: string): string | null {
  const pause = currentPause(store.runs);
  if (pause && isDailyLimitError(pause.reason)) return dailyLimitSentence(new Date(pause.until), now, zone);
  const at = dailyLimitResumeAt(store);
  return at === null ? null : dailyLimitSentence(at, now, zone);
}
