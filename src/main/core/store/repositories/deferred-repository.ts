// Subjects a pair left alone because a write for them was still waiting: planned again
// on the next cycle. One row per (entity, side, subject).
import type { SqliteDatabase } from '../open-database';
import type { Side } from './mirror-repository';

export class DeferredRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  list(entity: string): Record<Side, string[]> {
    const rows = this.db
      .prepare<[string], { side: Side; subject_id: string }>(
        'SELECT side, subject_id FROM deferred_subjects WHERE entity = ? ORDER BY side, subject_id',
      )
      .all(entity);
    const out: Record<Side, string[]> = { servicem8: [], stripe: [] };
    for (const row of rows) out[row.side].push(row.subject_id);
    return out;
  }

  /** Replaces the entity's deferred subjects with these. */
  replace(entity: string, subjects: Record<Side, readonly string[]>): void {
    this.db.prepare('DELETE FROM deferred_subjects WHERE entity = ?').run(entity);
    const insert = this.db.prepare('INSERT OR IGNORE INTO deferred_subjects (entity, side, subject_id, deferred_at) VALUES (?, ?, ?, ?)');
    const at = this.now();
    for (const side of ['servicem8', 'stripe'] as const) for (const id of subjects[side]) insert.run(entity, side, id, at);
  }
}
