// The incremental-read cursor. ServiceM8 only offers `edit_date gt '…'` at one-second
// resolution, in account-local time, so (reference §4, §9):
//  - each read steps the cursor back by an overlap window (several writes share a
//    second; clocks skew), and re-delivery is prevented by remembering which
//    uuid+edit_date pairs inside that window were already delivered (`seen`);
//  - the cursor never advances past "walk start − safety" measured on our clock, so a
//    record edited on an already-read page during a long walk is picked up next time
//    (T2 backs off 15 minutes); it is the max of server stamps seen otherwise, so a
//    fast local clock cannot skip anything.
// The cursor is plain JSON: the sync engine stores it and hands it back. (Assumption C6.)
import { createHash } from 'node:crypto';
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
  const hash = createHash('sha256').update(JSON.stringify(row)).digest('base64url').slice(0, 12);
  return `${row.edit_date}|${row.uuid}|${hash}`;
}

/** The `edit_date gt` bound for the next read, or null for a full read. */
export function lowerBound(cursor: ChangeCursor | null, settings: CursorSettings): string | null {
  return cursor?.editDate ? shiftNaive(cursor.editDate, -settings.overlapSeconds) : null;
}

export function advanceCursor(
  previous: ChangeCursor | null,
  walkStartLocal: string,
  newestSeen: string | null,
  delivered: string[],
  settings: CursorSettings,
): ChangeCursor {
  const cap = shiftNaive(walkStartLocal, -settings.walkSafetySeconds);
  let editDate = previous?.editDate ?? null;
  if (newestSeen !== null) {
    const candidate = newestSeen < cap ? newestSeen : cap;
    if (editDate === null || candidate > editDate) editDate = candidate;
  }
  if (editDate === null) return { editDate: null, seen: [] };
  const floor = shiftNaive(editDate, -settings.overlapSeconds);
  const seen = [...new Set([...(previous?.seen ?? []), ...delivered])].filter((key) => key.slice(0, 19) > floor).sort();
  return { editDate, seen };
}
