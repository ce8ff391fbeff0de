import type { SqliteDatabase } from '../open-database';

export interface StoredReport<B = unknown, S = unknown> {
  id: number;
  kind: string;
  createdAt: string;
  params: Record<string, unknown>;
  summary: S;
  body: B;
}

interface ReportRow {
  id: number;
  kind: string;
  created_at: string;
  params_json: string;
  summary_json: string;
  body_json: string;
}

const toReport = <B, S>(row: ReportRow): StoredReport<B, S> => ({
  id: row.id,
  kind: row.kind,
  createdAt: row.created_at,
  params: JSON.parse(row.params_json) as Record<string, unknown>,
  summary: JSON.parse(row.summary_json) as S,
  body: JSON.parse(row.body_json) as B,
});

/** Reconciliation and GST reports as data, so the UI and the CLI show the same thing. */
export class ReportsRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  save<B, S>(kind: string, params: Record<string, unknown>, summary: S, body: B): StoredReport<B, S> {
    const row = this.db
      .prepare<unknown[], ReportRow>(
        'INSERT INTO reports (kind, created_at, params_json, summary_json, body_json) VALUES (?, ?, ?, ?, ?) RETURNING *',
      )
      .get(kind, this.now(), JSON.stringify(params), JSON.stringify(summary), JSON.stringify(body));
    return toReport<B, S>(row!);
  }

  latest<B, S>(kind: string): StoredReport<B, S> | null {
    const row = this.db
      .prepare<[string], ReportRow>('SELECT * FROM reports WHERE kind = ? ORDER BY created_at DESC, id DESC LIMIT 1')
      .get(kind);
    return row ? toReport<B, S>(row) : null;
  }

  get<B, S>(id: number, kind: string): StoredReport<B, S> | null {
    const row = this.db.prepare<[number, string], ReportRow>('SELECT * FROM reports WHERE id = ? AND kind = ?').get(id, kind);
    return row ? toReport<B, S>(row) : null;
  }

  /** The newest reports of a kind without their bodies (a history list). */
  history<S>(kind: string, limit: number): Omit<StoredReport<never, S>, 'body'>[] {
    return this.db
      .prepare<[string, number], Omit<ReportRow, 'body_json'>>(
        'SELECT id, kind, created_at, params_json, summary_json FROM reports WHERE kind = ? ORDER BY created_at DESC, id DESC LIMIT ?',
      )
      .all(kind, limit)
      .map((row) => ({
        id: row.id,
        kind: row.kind,
        createdAt: row.created_at,
        params: JSON.parse(row.params_json) as Record<string, unknown>,
        summary: JSON.parse(row.summary_json) as S,
      }));
  }

  /** Keeps the newest `keep` reports of a kind; returns how many older ones went. */
  prune(kind: string, keep: number): number {
    return this.db
      .prepare(
        'DELETE FROM reports WHERE kind = ? AND id NOT IN (SELECT id FROM reports WHERE kind = ? ORDER BY created_at DESC, id DESC LIMIT ?)',
      )
      .run(kind, kind, keep).changes;
  }
}
