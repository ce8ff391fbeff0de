import type { SqliteDatabase } from '../open-database';
import type { Side } from './mirror-repository';
import { fromJson, safeText, toJson } from './json';

export interface QuarantinedRecord {
  id: number;
  side: Side;
  object: string;
  recordId: string;
  reason: string;
  raw: unknown;
  firstSeenAt: string;
  lastSeenAt: string;
  releasedAt: string | null;
}

interface QuarantineRow {
  id: number;
  side: Side;
  object: string;
  record_id: string;
  reason: string;
  raw_json: string | null;
  first_seen_at: string;
  last_seen_at: string;
  released_at: string | null;
}

const toRecord = (row: QuarantineRow): QuarantinedRecord => ({
  id: row.id,
  side: row.side,
  object: row.object,
  recordId: row.record_id,
  reason: row.reason,
  raw: fromJson(row.raw_json),
  firstSeenAt: row.first_seen_at,
  lastSeenAt: row.last_seen_at,
  releasedAt: row.released_at,
});

/** Records that failed validation, with the reason; the rest of a cycle goes on without them. */
export class QuarantineRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  put(input: { side: Side; object: string; recordId: string; reason: string; raw?: unknown }): QuarantinedRecord {
    const at = this.now();
    const row = this.db
      .prepare<unknown[], QuarantineRow>(
        `INSERT INTO quarantine (side, object, record_id, reason, raw_json, first_seen_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (side, object, record_id) DO UPDATE SET reason = excluded.reason, raw_json = excluded.raw_json,
           last_seen_at = excluded.last_seen_at, released_at = NULL
         RETURNING *`,
      )
      .get(input.side, input.object, input.recordId, safeText(input.reason), toJson(input.raw), at, at);
    return toRecord(row!);
  }

  /** The record became valid again (it was fixed at the source). */
  release(side: Side, object: string, recordId: string): boolean {
    return (
      this.db
        .prepare(`UPDATE quarantine SET released_at = ? WHERE side = ? AND object = ? AND record_id = ? AND released_at IS NULL`)
        .run(this.now(), side, object, recordId).changes > 0
    );
  }

  /** Lets go of every entry of one kind not seen for `days` (records that can no longer be looked at). */
  releaseUnseenFor(side: Side, object: string, days: number): number {
    const now = this.now();
    const before = new Date(Date.parse(now) - days * 86_400_000).toISOString();
    return this.db
      .prepare(`UPDATE quarantine SET released_at = ? WHERE side = ? AND object = ? AND last_seen_at < ? AND released_at IS NULL`)
      .run(now, side, object, before).changes;
  }

  listActive(): QuarantinedRecord[] {
    return this.db.prepare<[], QuarantineRow>('SELECT * FROM quarantine WHERE released_at IS NULL ORDER BY id').all().map(toRecord);
  }

  /** Active entries, leaving out the objects in `except` (kinds that are notes, not records a person must fix). */
  countActive(options: { except?: readonly string[] } = {}): number {
    const except = options.except ?? [];
    const notIn = except.length ? ` AND object NOT IN (${except.map(() => '?').join(', ')})` : '';
    return (
      this.db.prepare<string[], { n: number }>(`SELECT count(*) AS n FROM quarantine WHERE released_at IS NULL${notIn}`).get(...except)
        ?.n ?? 0
    );
  }
}
