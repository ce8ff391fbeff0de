// The durable outbox. A planned write is a row; applying it walks a small state
// machine so that a crash at any point resumes without losing or repeating a write:
//   pending → sent → done | failed,  sent → pending (transient error, retry later),
//   sent → pending (recovered after a crash),  failed → pending (retried by a person).
import type { SqliteDatabase } from '../open-database';
import { fromJson, safeText, toJson } from './json';

export type OutboxState = 'pending' | 'sent' | 'done' | 'failed';
export type SyncTarget = 'servicem8' | 'stripe';

export const OUTBOX_TRANSITIONS: Readonly<Record<OutboxState, readonly OutboxState[]>> = {
  pending: ['sent', 'failed'],
  sent: ['done', 'failed', 'pending'],
  done: [],
  failed: ['pending', 'done'],
};

export interface OutboxItem<P = unknown> {
  id: number;
  runId: number | null;
  entity: string;
  target: SyncTarget;
  operation: string;
  linkId: number | null;
  subjectId: string | null;
  payload: P;
  /** The format the payload was written in (its operation's version then). */
  payloadVersion: number;
  idempotencyKey: string;
  priority: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  result: unknown;
  createdAt: string;
  updatedAt: string;
}

export interface NewOutboxItem {
  runId?: number | null;
  entity: string;
  target: SyncTarget;
  operation: string;
  linkId?: number | null;
  subjectId?: string | null;
  payload: unknown;
  payloadVersion?: number;
  /** Deterministic for the write (e.g. derived from run and subject), so a re-plan cannot double it. */
  idempotencyKey: string;
  priority?: number;
}

interface OutboxRow {
  id: number;
  run_id: number | null;
  entity: string;
  target: SyncTarget;
  operation: string;
  link_id: number | null;
  subject_id: string | null;
  payload_json: string;
  payload_version: number;
  idempotency_key: string;
  priority: number;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  result_json: string | null;
  created_at: string;
  updated_at: string;
}

const toItem = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  runId: row.run_id,
  entity: row.entity,
  target: row.target,
  operation: row.operation,
  linkId: row.link_id,
  subjectId: row.subject_id,
  payload: JSON.parse(row.payload_json) as unknown,
  payloadVersion: row.payload_version,
  idempotencyKey: row.idempotency_key,
  priority: row.priority,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  result: fromJson(row.result_json),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class OutboxTransitionError extends Error {
  override readonly name = 'OutboxTransitionError';
}

export class OutboxRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  /** Adds a write; a second enqueue with the same idempotency key returns the existing row. */
  enqueue(item: NewOutboxItem): OutboxItem {
    const at = this.now();
    this.db
      .prepare(
        `INSERT INTO outbox (run_id, entity, target, operation, link_id, subject_id, payload_json, payload_version, idempotency_key, priority, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`,
      )
      .run(
        item.runId ?? null,
        item.entity,
        item.target,
        item.operation,
        item.linkId ?? null,
        item.subjectId ?? null,
        toJson(item.payload) ?? 'null',
        item.payloadVersion ?? 1,
        item.idempotencyKey,
        item.priority ?? 100,
        at,
        at,
        at,
      );
    return this.byKey(item.idempotencyKey)!;
  }

  get(id: number): OutboxItem | null {
    const row = this.db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?').get(id);
    return row ? toItem(row) : null;
  }

  byKey(idempotencyKey: string): OutboxItem | null {
    const row = this.db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE idempotency_key = ?').get(idempotencyKey);
    return row ? toItem(row) : null;
  }

  /** Pending rows whose time has come, highest priority (lowest number) first. */
  due(limit = 100, target?: SyncTarget): OutboxItem[] {
    const rows = target
      ? this.db
          .prepare<[string, string, number], OutboxRow>(
            `SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? AND target = ? ORDER BY priority, id LIMIT ?`,
          )
          .all(this.now(), target, limit)
      : this.db
          .prepare<[string, number], OutboxRow>(
            `SELECT * FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY priority, id LIMIT ?`,
          )
          .all(this.now(), limit);
    return rows.map(toItem);
  }

  /** Marks a row as being sent (attempts + 1). Must happen before the request goes out. */
  markSent(id: number): OutboxItem {
    return this.transition(id, 'sent', { attemptsDelta: 1 });
  }

  markDone(id: number, result: unknown): OutboxItem {
    return this.transition(id, 'done', { result });
  }

  markFailed(id: number, error: string): OutboxItem {
    return this.transition(id, 'failed', { error });
  }

  /** A transient failure: back to pending, not before `nextAttemptAt`. */
  retryLater(id: number, error: string, nextAttemptAt: string): OutboxItem {
    return this.transition(id, 'pending', { error, nextAttemptAt });
  }

  /** A pending write not sent this time, with why and when it is tried (not an attempt: nothing went out). */
  postpone(id: number, error: string, nextAttemptAt: string): OutboxItem {
    const row = this.db
      .prepare<unknown[], OutboxRow>(
        `UPDATE outbox SET last_error = ?, next_attempt_at = ?, updated_at = ? WHERE id = ? AND state = 'pending' RETURNING *`,
      )
      .get(safeText(error), nextAttemptAt, this.now(), id);
    if (!row) throw new OutboxTransitionError(`outbox row ${id} is not pending`);
    return toItem(row);
  }

  /** A person asked to try a failed write again. */
  requeue(id: number): OutboxItem {
    return this.transition(id, 'pending', { nextAttemptAt: this.now() });
  }

  /** A person chose not to send a failed write: it is settled, with who decided, and never sent. */
  dismiss(id: number): OutboxItem {
    return this.transition(id, 'done', { result: { dismissed: true, at: this.now() } });
  }

  /**
   * After a crash, rows left in `sent` may or may not have reached the API. They go
   * back to pending; the idempotency key (Stripe) or the lookup before create
   * (ServiceM8) makes the resend safe.
   */
  recoverInFlight(): number {
    return this.db.prepare(`UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'sent'`).run(this.now()).changes;
  }

  /** Subjects of an entity with a write waiting or in flight: planned again once it finishes. */
  busySubjects(entity: string): Set<string> {
    const rows = this.db
      .prepare<[string], { subject_id: string }>(
        `SELECT DISTINCT subject_id FROM outbox WHERE entity = ? AND state IN ('pending', 'sent') AND subject_id IS NOT NULL`,
      )
      .all(entity);
    return new Set(rows.map((row) => row.subject_id));
  }

  /** The same write already failed for a person to look at: sending it again would fail again. */
  hasFailedTwin(entity: string, operation: string, subjectId: string, payload: unknown): boolean {
    // The subject's failed payloads first: almost always none, and then the payload (some
    // 20,000 of them in a first sync) need not be written out as JSON to be compared.
    const failed = this.db
      .prepare<[string, string, string], { payload_json: string }>(
        `SELECT payload_json FROM outbox WHERE entity = ? AND operation = ? AND subject_id = ? AND state = 'failed'`,
      )
      .all(entity, operation, subjectId);
    if (failed.length === 0) return false;
    const json = toJson(payload) ?? 'null';
    return failed.some((row) => row.payload_json === json);
  }

  /** A later write for the same subject and operation succeeded: the older failures are settled. */
  supersedeFailed(entity: string, operation: string, subjectId: string, byId: number): number {
    const rows = this.db
      .prepare<[string, string, string], { id: number }>(
        `SELECT id FROM outbox WHERE entity = ? AND operation = ? AND subject_id = ? AND state = 'failed'`,
      )
      .all(entity, operation, subjectId);
    for (const row of rows) this.transition(row.id, 'done', { result: { supersededBy: byId } });
    return rows.length;
  }

  countByState(): Record<OutboxState, number> {
    const counts: Record<OutboxState, number> = { pending: 0, sent: 0, done: 0, failed: 0 };
    for (const row of this.db
      .prepare<[], { state: OutboxState; n: number }>('SELECT state, count(*) AS n FROM outbox GROUP BY state')
      .all())
      counts[row.state] = row.n;
    return counts;
  }

  list(filter: { state?: OutboxState; limit?: number } = {}): OutboxItem[] {
    const limit = filter.limit ?? 500;
    const rows = filter.state
      ? this.db.prepare<[string, number], OutboxRow>('SELECT * FROM outbox WHERE state = ? ORDER BY id LIMIT ?').all(filter.state, limit)
      : this.db.prepare<[number], OutboxRow>('SELECT * FROM outbox ORDER BY id LIMIT ?').all(limit);
    return rows.map(toItem);
  }

  private transition(
    id: number,
    to: OutboxState,
    change: { attemptsDelta?: number; error?: string; result?: unknown; nextAttemptAt?: string },
  ): OutboxItem {
    const current = this.get(id);
    if (!current) throw new OutboxTransitionError(`outbox row ${id} does not exist`);
    if (!OUTBOX_TRANSITIONS[current.state].includes(to)) {
      throw new OutboxTransitionError(`outbox row ${id} cannot go from ${current.state} to ${to}`);
    }
    const row = this.db
      .prepare<unknown[], OutboxRow>(
        `UPDATE outbox SET state = ?, attempts = attempts + ?, last_error = COALESCE(?, last_error),
           result_json = COALESCE(?, result_json), next_attempt_at = COALESCE(?, next_attempt_at), updated_at = ?
         WHERE id = ? AND state = ? RETURNING *`,
      )
      .get(
        to,
        change.attemptsDelta ?? 0,
        safeText(change.error),
        toJson(change.result),
        change.nextAttemptAt ?? null,
        this.now(),
        id,
        current.state,
      );
    if (!row) throw new OutboxTransitionError(`outbox row ${id} changed state concurrently`);
    return toItem(row);
  }
}
