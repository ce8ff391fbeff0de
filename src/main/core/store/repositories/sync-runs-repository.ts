import type { SqliteDatabase } from '../open-database';
import { fromJson, safeText, toJson } from './json';

export type SyncRunState = 'running' | 'completed' | 'failed' | 'interrupted';

export interface SyncRun {
  id: number;
  trigger: string;
  dryRun: boolean;
  state: SyncRunState;
  startedAt: string;
  finishedAt: string | null;
  summary: unknown;
  error: string | null;
}

interface SyncRunRow {
  id: number;
  trigger: string;
  dry_run: number;
  state: SyncRunState;
  started_at: string;
  finished_at: string | null;
  summary_json: string | null;
  error: string | null;
}

const toRun = (row: SyncRunRow): SyncRun => ({
  id: row.id,
  trigger: row.trigger,
  dryRun: row.dry_run === 1,
  state: row.state,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  summary: fromJson(row.summary_json),
  error: row.error,
});

export class SyncRunsRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  start(trigger: string, dryRun: boolean): SyncRun {
    const row = this.db
      .prepare<unknown[], SyncRunRow>(`INSERT INTO sync_runs (trigger, dry_run, state, started_at) VALUES (?, ?, 'running', ?) RETURNING *`)
      .get(trigger, dryRun ? 1 : 0, this.now());
    return toRun(row!);
  }

  finish(id: number, outcome: { state: Exclude<SyncRunState, 'running'>; summary?: unknown; error?: string }): void {
    this.db
      .prepare(`UPDATE sync_runs SET state = ?, finished_at = ?, summary_json = ?, error = ? WHERE id = ?`)
      .run(outcome.state, this.now(), toJson(outcome.summary), safeText(outcome.error), id);
  }

  /** Runs left `running` by a crash are marked interrupted when the app starts. */
  markInterrupted(): number {
    return this.db.prepare(`UPDATE sync_runs SET state = 'interrupted', finished_at = ? WHERE state = 'running'`).run(this.now()).changes;
  }

  /** The last run that completed and got through: a cycle paused by a spent request budget (summary.paused) did not read everything. */
  lastCompleted(includeDryRuns = false): SyncRun | null {
    const through = `json_extract(coalesce(summary_json, '{}'), '$.paused') IS NULL`;
    const sql = `SELECT * FROM sync_runs WHERE state = 'completed' AND ${through}${includeDryRuns ? '' : ' AND dry_run = 0'} ORDER BY id DESC LIMIT 1`;
    const row = this.db.prepare<[], SyncRunRow>(sql).get();
    return row ? toRun(row) : null;
  }

  latest(): SyncRun | null {
    const row = this.db.prepare<[], SyncRunRow>('SELECT * FROM sync_runs ORDER BY id DESC LIMIT 1').get();
    return row ? toRun(row) : null;
  }

  list(limit = 20): SyncRun[] {
    return this.db.prepare<[number], SyncRunRow>('SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?').all(limit).map(toRun);
  }
}
