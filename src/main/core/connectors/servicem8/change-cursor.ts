// The incremental-read cursor. ServiceM8 only offers `edit_date gt '…'` at one-second
// resolution, in account-local time, so (reference §4, §9):
//  - each read steps the cursor back by an overlap window (several writes share a
//    second; clocks skew), and re-delivery is prevented by remembering which
//    uuid+edit_date pairs inside that window were already delivered (`seen`);
//  - the cursor never advances past "walk start − safety" measured on our clock, so a
//    record edited on an already-read page during a long walk is picked up next time
//    (T2 backs off 15 minutes); it is the max of server stamps seen otherwise, so a
//    fast local clock cannot skip anything.
//  - when daylight saving ends, the account's wall clock repeats an hour (Sydney: the
//    first Sunday of April, 03:00 back to 02:00), so an edit made in the second 02:xx
//    is stamped *earlier* than a cursor set in the first 02:xx. Around such a backward
//    transition the read steps back by the transition's size on top of the overlap
//    (found in the time-zone database through luxon; see `backwardShiftNear`).
// The cursor is plain JSON: the sync engine stores it and hands it back. (Assumption C6.)
import { hash } from 'node:crypto';
import { DateTime } from 'luxon';
import { shiftNaive } from './local-time';

export interface ChangeCursor {
  /** Account-local naive stamp ("YYYY-MM-DD HH:MM:SS"); null = read everything. */
  editDate: string | null;
  /** `${edit_date}|${uuid}|${content hash}` keys already delivered inside the overlap window. */
  seen: string[];
}

export interface CursorSettings {
  overlapSeconds: number;
  walkSafetySeconds: number;
}

export const DEFAULT_CURSOR_SETTINGS: CursorSettings = { overlapSeconds: 60, walkSafetySeconds: 900 };

/**
 * Dedupe key: uuid + edit_date, plus a short hash of the row, because edit_date has
 * one-second resolution and a second edit within the same second must not be dropped.
 */
export function seenKey(row: { uuid: string; edit_date: string }): string {
  // One-shot hash: a first sync keys some 60,000 rows, and a Hash object apiece showed in profiles.
  const digest = hash('sha256', JSON.stringify(row), 'base64url').slice(0, 12);
  return `${row.edit_date}|${row.uuid}|${digest}`;
}

/** The uuid inside a seen key (`edit_date|uuid|hash`). */
function uuidOfKey(key: string): string {
  return key.split('|')[1] ?? key;
}

/** Where and when the read happens: the account's IANA zone and our clock. */
export interface CursorContext {
  zone: string;
  /** Omitted: a transition counts whether or not it has happened yet. */
  now?: Date;
}

const HOUR_MS = 3_600_000;
/** Offsets change on quarter hours at the finest, so sampling at 15 minutes sees every change. */
const STEP_MS = 15 * 60_000;

/**
 * The size in seconds of the largest backward (clock goes back) transition of `zone` that
 * can make an edit stamped after it sort at or before `cursorLocal`, or 0. A transition
 * matters only within two hours either side of the cursor's instant (no zone shifts by
 * more than that; the cursor's stamp may itself be in the repeated hour), and only if it
 * has happened by `now` plus the overlap. The search is 17 offset look-ups, whatever the
 * cursor's age.
 */
export function backwardShiftNear(cursorLocal: string, context: CursorContext, overlapSeconds: number): number {
  // An ambiguous stamp reads as its first occurrence (luxon's choice), i.e. the earliest instant.
  const instant = DateTime.fromSQL(cursorLocal, { zone: context.zone });
  if (!instant.isValid) return 0;
  const from = instant.toMillis() - 2 * HOUR_MS;
  const to = Math.min(instant.toMillis() + 2 * HOUR_MS, (context.now?.getTime() ?? Infinity) + overlapSeconds * 1000);
  let largest = 0;
  let previous = DateTime.fromMillis(from, { zone: context.zone }).offset;
  for (let at = from + STEP_MS; at < to + STEP_MS; at += STEP_MS) {
    const offset = DateTime.fromMillis(Math.min(at, to), { zone: context.zone }).offset;
    if (offset < previous) largest = Math.max(largest, (previous - offset) * 60);
    previous = offset;
  }
  return largest;
}

/**
 * The `edit_date gt` bound for the next read, or null for a full read. Without a context
 * (zone and clock unknown) only the fixed overlap applies.
 */
export function lowerBound(cursor: ChangeCursor | null, settings: CursorSettings, context?: CursorContext): string | null {
  if (!cursor?.editDate) return null;
  const transition = context ? backwardShiftNear(cursor.editDate, context, settings.overlapSeconds) : 0;
  return shiftNaive(cursor.editDate, -(settings.overlapSeconds + transition));
}

export function advanceCursor(
  previous: ChangeCursor | null,
  walkStartLocal: string,
  newestSeen: string | null,
  delivered: string[],
  settings: CursorSettings,
  context?: CursorContext,
): ChangeCursor {
  const cap = shiftNaive(walkStartLocal, -settings.walkSafetySeconds);
  let editDate = previous?.editDate ?? null;
  if (newestSeen !== null) {
    const candidate = newestSeen < cap ? newestSeen : cap;
    if (editDate === null || candidate > editDate) editDate = candidate;
  }
  if (editDate === null) return { editDate: null, seen: [] };
  // Keys are kept as far back as the next read may reach, so a widened read re-delivers nothing.
  const transition = context ? backwardShiftNear(editDate, { zone: context.zone }, settings.overlapSeconds) : 0;
  const floor = shiftNaive(editDate, -(settings.overlapSeconds + transition));
  // A record's earlier keys go once a newer copy of it is delivered: the server only ever answers
  // its current copy, and a record changed back to one of them (in the same second) is news again.
  const fresh = new Set(delivered.map(uuidOfKey));
  const kept = (previous?.seen ?? []).filter((key) => !fresh.has(uuidOfKey(key)));
  const seen = [...new Set([...kept, ...delivered])].filter((key) => key.slice(0, 19) > floor).sort();
  return { editDate, seen };
}
