import type { SqliteDatabase } from '../open-database';

export interface Snapshot<T = Record<string, unknown>> {
  linkId: number;
  fields: T;
  syncedAt: string;
}

/** The base of the three-way merge: what both sides agreed on at the last successful sync. */
export class SnapshotsRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  get<T = Record<string, unknown>>(linkId: number): Snapshot<T> | null {
    const row = this.db
      .prepare<[number], { link_id: number; fields_json: string; synced_at: string }>('SELECT * FROM snapshots WHERE link_id = ?')
      .get(linkId);
    return row ? { linkId: row.link_id, fields: JSON.parse(row.fields_json) as T, syncedAt: row.synced_at } : null;
  }

  /** Overlays some fields on the stored base (the rest stay as they were). */
  merge(linkId: number, fields: object): void {
    this.put(linkId, { ...(this.get(linkId)?.fields ?? {}), ...fields });
  }

  put(linkId: number, fields: object): void {
    this.db
      .prepare(
        `INSERT INTO snapshots (link_id, fields_json, synced_at) VALUES (?, ?, ?)
         ON CONFLICT (link_id) DO UPDATE SET fields_json = excluded.fields_json, synced_at = excluded.synced_at`,
      )
      .run(linkId, JSON.stringify(fields), this.now());
  }
}
