import type { SqliteDatabase } from '../open-database';
import { fromJson, safeText, toJson } from './json';

export type AuditDirection = 'servicem8_to_stripe' | 'stripe_to_servicem8' | 'local';
export type AuditOutcome = 'success' | 'failed' | 'skipped';

export interface AuditEntry {
  id: number;
  at: string;
  runId: number | null;
  direction: AuditDirection;
  entity: string;
  operation: string;
  servicem8Id: string | null;
  stripeId: string | null;
  before: unknown;
  after: unknown;
  idempotencyKey: string | null;
  outcome: AuditOutcome;
  message: string | null;
}

export type NewAuditEntry = Omit<
  AuditEntry,
  'id' | 'at' | 'runId' | 'servicem8Id' | 'stripeId' | 'before' | 'after' | 'idempotencyKey' | 'message'
> &
  Partial<Pick<AuditEntry, 'runId' | 'servicem8Id' | 'stripeId' | 'before' | 'after' | 'idempotencyKey' | 'message'>>;

interface AuditRow {
  id: number;
  at: string;
  run_id: number | null;
  direction: AuditDirection;
  entity: string;
  operation: string;
  servicem8_id: string | null;
  stripe_id: string | null;
  before_json: string | null;
  after_json: string | null;
  idempotency_key: string | null;
  outcome: AuditOutcome;
  message: string | null;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  runId: row.run_id,
  direction: row.direction,
  entity: row.entity,
  operation: row.operation,
  servicem8Id: row.servicem8_id,
  stripeId: row.stripe_id,
  before: fromJson(row.before_json),
  after: fromJson(row.after_json),
  idempotencyKey: row.idempotency_key,
  outcome: row.outcome,
  message: row.message,
});

/** One row per write (and per decision a person made): data, not log text. Append-only. */
export class AuditRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  append(entry: NewAuditEntry): AuditEntry {
    const row = this.db
      .prepare<unknown[], AuditRow>(
        `INSERT INTO audit_log (at, run_id, direction, entity, operation, servicem8_id, stripe_id, before_json, after_json, idempotency_key, outcome, message)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        this.now(),
        entry.runId ?? null,
        entry.direction,
        entry.entity,
        entry.operation,
        entry.servicem8Id ?? null,
        entry.stripeId ?? null,
        toJson(entry.before),
        toJson(entry.after),
        entry.idempotencyKey ?? null,
        entry.outcome,
        safeText(entry.message),
      );
    return toEntry(row!);
  }

  /** Newest first. `since` is an inclusive UTC ISO instant. */
  list(filter: { since?: string; entity?: string; outcome?: AuditOutcome; limit?: number } = {}): AuditEntry[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.since) {
      where.push('at >= ?');
      params.push(filter.since);
    }
    if (filter.entity) {
      where.push('entity = ?');
      params.push(filter.entity);
    }
    if (filter.outcome) {
      where.push('outcome = ?');
      params.push(filter.outcome);
    }
    params.push(filter.limit ?? 1000);
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`;
    return this.db
      .prepare<unknown[], AuditRow>(sql)
      .all(...params)
      .map(toEntry);
  }

  count(): number {
    return this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM audit_log').get()?.n ?? 0;
  }
}
