// A person's choice about a job's invoice (migration 006): skip it, or send it now
// despite the trigger. One row per job; no row means "as the settings say".
import type { SqliteDatabase } from '../open-database';

export type InvoiceChoice = 'skip' | 'send_now';

export interface InvoiceChoiceRow {
  jobUuid: string;
  choice: InvoiceChoice;
  decidedAt: string;
}

export class InvoiceChoicesRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  get(jobUuid: string): InvoiceChoiceRow | null {
    const row = this.db
      .prepare<[string], { job_uuid: string; choice: InvoiceChoice; decided_at: string }>(
        'SELECT * FROM invoice_choices WHERE job_uuid = ?',
      )
      .get(jobUuid);
    return row ? { jobUuid: row.job_uuid, choice: row.choice, decidedAt: row.decided_at } : null;
  }

  set(jobUuid: string, choice: InvoiceChoice): void {
    this.db
      .prepare(
        `INSERT INTO invoice_choices (job_uuid, choice, decided_at) VALUES (?, ?, ?)
         ON CONFLICT (job_uuid) DO UPDATE SET choice = excluded.choice, decided_at = excluded.decided_at`,
      )
      .run(jobUuid, choice, this.now());
  }

  /** Removes the choice; true when there was one. */
  clear(jobUuid: string): boolean {
    return this.db.prepare('DELETE FROM invoice_choices WHERE job_uuid = ?').run(jobUuid).changes > 0;
  }

  /** Every choice, keyed by job uuid (a few rows: people make them one at a time). */
  all(): Map<string, InvoiceChoice> {
    const rows = this.db.prepare<[], { job_uuid: string; choice: InvoiceChoice }>('SELECT job_uuid, choice FROM invoice_choices').all();
    return new Map(rows.map((r) => [r.job_uuid, r.choice]));
  }
}
