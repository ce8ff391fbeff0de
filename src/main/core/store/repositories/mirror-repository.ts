import type { SqliteDatabase } from '../open-database';
import { MIRROR_KEY_SQL, type MirrorKey } from './mirror-keys';

export type { MirrorKey } from './mirror-keys';

export type Side = 'servicem8' | 'stripe';

export interface MirrorRecord<T = unknown> {
  side: Side;
  object: string;
  id: string;
  record: T;
  editedAt: string | null;
  active: boolean;
  fetchedAt: string;
}

interface MirrorRow {
  side: Side;
  object: string;
  id: string;
  record_json: string;
  edited_at: string | null;
  active: number;
  fetched_at: string;
}

/** Bound values per statement for a list of ids or keys (well under SQLite's limit of 32,766). */
const CHUNK = 500;

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/** Rows read in several statements, each once, in the order `list` gives (by id, compared bytewise as SQLite does). */
function inIdOrder<T>(rows: MirrorRow[]): MirrorRecord<T>[] {
  const unique = [...new Map(rows.map((row) => [row.id, row])).values()];
  return unique.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((row) => toRecord<T>(row));
}

const toRecord = <T>(row: MirrorRow): MirrorRecord<T> => ({
  side: row.side,
  object: row.object,
  id: row.id,
  record: JSON.parse(row.record_json) as T,
  editedAt: row.edited_at,
  active: row.active === 1,
  fetchedAt: row.fetched_at,
});

/**
 * The local copy of both sides' records in canonical form. An older copy never
 * replaces a newer one (guarded by edited_at), so a late page cannot roll back a record.
 */
export class MirrorRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  /** Returns false when the stored copy is newer and was kept. */
  upsert(input: { side: Side; object: string; id: string; record: unknown; editedAt: string | null; active: boolean }): boolean {
    const result = this.db
      .prepare(
        `INSERT INTO mirror (side, object, id, record_json, edited_at, active, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (side, object, id) DO UPDATE SET
           record_json = excluded.record_json, edited_at = excluded.edited_at,
           active = excluded.active, fetched_at = excluded.fetched_at
         WHERE mirror.edited_at IS NULL OR excluded.edited_at IS NULL OR excluded.edited_at >= mirror.edited_at`,
      )
      .run(input.side, input.object, input.id, JSON.stringify(input.record), input.editedAt, input.active ? 1 : 0, this.now());
    return result.changes > 0;
  }

  get<T>(side: Side, object: string, id: string): MirrorRecord<T> | null {
    const row = this.db
      .prepare<[Side, string, string], MirrorRow>('SELECT * FROM mirror WHERE side = ? AND object = ? AND id = ?')
      .get(side, object, id);
    return row ? toRecord<T>(row) : null;
  }

  list<T>(side: Side, object: string, options: { activeOnly?: boolean } = {}): MirrorRecord<T>[] {
    const sql = `SELECT * FROM mirror WHERE side = ? AND object = ?${options.activeOnly ? ' AND active = 1' : ''} ORDER BY id`;
    return this.db
      .prepare<[Side, string], MirrorRow>(sql)
      .all(side, object)
      .map((row) => toRecord<T>(row));
  }

  /** The records with these ids (those the mirror holds), by id. */
  listByIds<T>(side: Side, object: string, ids: Iterable<string>): MirrorRecord<T>[] {
    return inIdOrder(this.keyed(side, object, 'id', ids));
  }

  /**
   * The records whose key (mirror-keys.ts: job uuid, company uuid, email as matching compares it, cross-references,
   * customer) is one of `values`, or (withoutKey) holds no such key, by id.
   */
  listByKey<T>(
    side: Side,
    object: string,
    key: MirrorKey,
    values: Iterable<string>,
    options: { withoutKey?: boolean } = {},
  ): MirrorRecord<T>[] {
    const rows = this.keyed(side, object, MIRROR_KEY_SQL[key], values);
    if (options.withoutKey)
      rows.push(
        ...this.db
          .prepare<[Side, string], MirrorRow>(`SELECT * FROM mirror WHERE side = ? AND object = ? AND ${MIRROR_KEY_SQL[key]} IS NULL`)
          .all(side, object),
      );
    return inIdOrder(rows);
  }

  private keyed(side: Side, object: string, expression: string, values: Iterable<string>): MirrorRow[] {
    const rows: MirrorRow[] = [];
    for (const chunk of chunks([...new Set(values)])) {
      const sql = `SELECT * FROM mirror WHERE side = ? AND object = ? AND ${expression} IN (${chunk.map(() => '?').join(', ')})`;
      rows.push(...this.db.prepare<unknown[], MirrorRow>(sql).all(side, object, ...chunk));
    }
    return rows;
  }

  /** Just the ids (no record is parsed): a full scan compares them with its listing to find what is missing. */
  ids(side: Side, object: string): string[] {
    return this.db
      .prepare<[Side, string], { id: string }>('SELECT id FROM mirror WHERE side = ? AND object = ? ORDER BY id')
      .all(side, object)
      .map((row) => row.id);
  }

  /** The record is gone at the source (Stripe confirmed a deleted draft invoice): nothing is left to match or plan against. */
  remove(side: Side, object: string, id: string): void {
    this.db.prepare('DELETE FROM mirror WHERE side = ? AND object = ? AND id = ?').run(side, object, id);
  }

  count(side: Side, object: string): number {
    return (
      this.db.prepare<[Side, string], { n: number }>('SELECT count(*) AS n FROM mirror WHERE side = ? AND object = ?').get(side, object)
        ?.n ?? 0
    );
  }
}
