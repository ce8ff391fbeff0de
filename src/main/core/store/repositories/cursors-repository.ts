import type { SqliteDatabase } from '../open-database';

/** Named positions in each side's change feed (ServiceM8 edit_date, Stripe event id). */
export class CursorsRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  get(name: string): string | null {
    return this.db.prepare<[string], { value: string }>('SELECT value FROM cursors WHERE name = ?').get(name)?.value ?? null;
  }

  set(name: string, value: string): void {
    this.db
      .prepare(
        `INSERT INTO cursors (name, value, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run(name, value, this.now());
  }

  all(): Record<string, string> {
    const rows = this.db.prepare<[], { name: string; value: string }>('SELECT name, value FROM cursors ORDER BY name').all();
    return Object.fromEntries(rows.map((row) => [row.name, row.value]));
  }
}
