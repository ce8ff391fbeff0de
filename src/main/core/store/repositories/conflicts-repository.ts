// Questions for a person. `dedupe_key` names the question (entity, subject, field)
// so a cycle that finds the same disagreement again does not ask twice. Lifecycle:
// open → resolved (a side was chosen) → applied (the next sync wrote it), or dismissed.
import type { SqliteDatabase } from '../open-database';
import { fromJson, safeText, toJson } from './json';

/** Each pair names its own kinds of question (clients: field, duplicate, deletion). */
export type ConflictKind = string;
export type ConflictState = 'open' | 'resolved' | 'applied' | 'dismissed';

export interface Conflict {
  id: number;
  kind: ConflictKind;
  entity: string;
  dedupeKey: string;
  linkId: number | null;
  servicem8Id: string | null;
  stripeId: string | null;
  field: string | null;
  servicem8Value: unknown;
  stripeValue: unknown;
  servicem8EditedAt: string | null;
  stripeEditedAt: string | null;
  candidates: unknown;
  detail: string | null;
  state: ConflictState;
  resolution: string | null;
  resolutionValue: unknown;
  createdAt: string;
  resolvedAt: string | null;
  appliedAt: string | null;
}

export type NewConflict = Pick<Conflict, 'kind' | 'entity' | 'dedupeKey'> &
  Partial<
    Pick<
      Conflict,
      | 'linkId'
      | 'servicem8Id'
      | 'stripeId'
      | 'field'
      | 'servicem8Value'
      | 'stripeValue'
      | 'servicem8EditedAt'
      | 'stripeEditedAt'
      | 'candidates'
      | 'detail'
    >
  >;

interface ConflictRow {
  id: number;
  kind: ConflictKind;
  entity: string;
  dedupe_key: string;
  link_id: number | null;
  servicem8_id: string | null;
  stripe_id: string | null;
  field: string | null;
  servicem8_value_json: string | null;
  stripe_value_json: string | null;
  servicem8_edited_at: string | null;
  stripe_edited_at: string | null;
  candidates_json: string | null;
  detail: string | null;
  state: ConflictState;
  resolution: string | null;
  resolution_value_json: string | null;
  created_at: string;
  resolved_at: string | null;
  applied_at: string | null;
}

const toConflict = (row: ConflictRow): Conflict => ({
  id: row.id,
  kind: row.kind,
  entity: row.entity,
  dedupeKey: row.dedupe_key,
  linkId: row.link_id,
  servicem8Id: row.servicem8_id,
  stripeId: row.stripe_id,
  field: row.field,
  servicem8Value: fromJson(row.servicem8_value_json),
  stripeValue: fromJson(row.stripe_value_json),
  servicem8EditedAt: row.servicem8_edited_at,
  stripeEditedAt: row.stripe_edited_at,
  candidates: fromJson(row.candidates_json),
  detail: row.detail,
  state: row.state,
  resolution: row.resolution,
  resolutionValue: fromJson(row.resolution_value_json),
  createdAt: row.created_at,
  resolvedAt: row.resolved_at,
  appliedAt: row.applied_at,
});

export class ConflictsRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  /**
   * Opens a conflict, or refreshes the values of the live one with the same key.
   * Returns `created: true` only for a new question (what notifications key on).
   */
  raise(input: NewConflict): { conflict: Conflict; created: boolean } {
    const live = this.db
      .prepare<[string], ConflictRow>(`SELECT * FROM conflicts WHERE dedupe_key = ? AND state IN ('open', 'resolved')`)
      .get(input.dedupeKey);
    if (live) {
      if (live.state === 'resolved') return { conflict: toConflict(live), created: false };
      const row = this.db
        .prepare<unknown[], ConflictRow>(
          `UPDATE conflicts SET servicem8_value_json = ?, stripe_value_json = ?, servicem8_edited_at = ?, stripe_edited_at = ?, candidates_json = ?, detail = ?
           WHERE id = ? RETURNING *`,
        )
        .get(
          toJson(input.servicem8Value),
          toJson(input.stripeValue),
          input.servicem8EditedAt ?? null,
          input.stripeEditedAt ?? null,
          toJson(input.candidates),
          safeText(input.detail),
          live.id,
        );
      return { conflict: toConflict(row!), created: false };
    }
    const row = this.db
      .prepare<unknown[], ConflictRow>(
        `INSERT INTO conflicts (kind, entity, dedupe_key, link_id, servicem8_id, stripe_id, field, servicem8_value_json, stripe_value_json,
           servicem8_edited_at, stripe_edited_at, candidates_json, detail, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        input.kind,
        input.entity,
        input.dedupeKey,
        input.linkId ?? null,
        input.servicem8Id ?? null,
        input.stripeId ?? null,
        input.field ?? null,
        toJson(input.servicem8Value),
        toJson(input.stripeValue),
        input.servicem8EditedAt ?? null,
        input.stripeEditedAt ?? null,
        toJson(input.candidates),
        safeText(input.detail),
        this.now(),
      );
    return { conflict: toConflict(row!), created: true };
  }

  get(id: number): Conflict | null {
    const row = this.db.prepare<[number], ConflictRow>('SELECT * FROM conflicts WHERE id = ?').get(id);
    return row ? toConflict(row) : null;
  }

  list(states: ConflictState[] = ['open']): Conflict[] {
    const marks = states.map(() => '?').join(', ');
    return this.db
      .prepare<ConflictState[], ConflictRow>(`SELECT * FROM conflicts WHERE state IN (${marks}) ORDER BY id`)
      .all(...states)
      .map(toConflict);
  }

  /** A person's decision; applied by the next sync. An open conflict, or a decided one not yet applied (the decision changes). */
  resolve(id: number, resolution: string, value?: unknown): Conflict | null {
    const row = this.db
      .prepare<unknown[], ConflictRow>(
        `UPDATE conflicts SET state = 'resolved', resolution = ?, resolution_value_json = ?, resolved_at = ? WHERE id = ? AND state IN ('open', 'resolved') RETURNING *`,
      )
      .get(resolution, toJson(value), this.now(), id);
    return row ? toConflict(row) : null;
  }

  /**
   * The decision was carried out. With `decidedBy`, only a decision made by then (when the
   * write was planned) counts: one a person changed since stays decided for the next sync.
   */
  markApplied(id: number, decidedBy?: string): void {
    if (decidedBy === undefined) {
      this.db.prepare(`UPDATE conflicts SET state = 'applied', applied_at = ? WHERE id = ? AND state = 'resolved'`).run(this.now(), id);
      return;
    }
    this.db
      .prepare(`UPDATE conflicts SET state = 'applied', applied_at = ? WHERE id = ? AND state = 'resolved' AND resolved_at <= ?`)
      .run(this.now(), id, decidedBy);
  }

  /** A decision that could not be carried out goes back to the person, with why. */
  reopen(id: number, reason: string): void {
    this.db
      .prepare(`UPDATE conflicts SET state = 'open', resolution = NULL, resolved_at = NULL, detail = ? WHERE id = ? AND state = 'resolved'`)
      .run(safeText(reason), id);
  }

  listForEntity(entity: string, states: ConflictState[]): Conflict[] {
    const marks = states.map(() => '?').join(', ');
    return this.db
      .prepare<string[], ConflictRow>(`SELECT * FROM conflicts WHERE entity = ? AND state IN (${marks}) ORDER BY id`)
      .all(entity, ...states)
      .map(toConflict);
  }

  /** The open question with this key answered itself (e.g. someone made both sides equal). */
  dismissByKey(dedupeKey: string): boolean {
    return (
      this.db
        .prepare(`UPDATE conflicts SET state = 'dismissed', resolved_at = ? WHERE dedupe_key = ? AND state = 'open'`)
        .run(this.now(), dedupeKey).changes > 0
    );
  }

  countOpen(): number {
    return this.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM conflicts WHERE state = 'open'`).get()?.n ?? 0;
  }
}
