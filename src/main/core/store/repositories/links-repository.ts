import type { SqliteDatabase } from '../open-database';

export type LinkState = 'active' | 'archived' | 'broken';

export interface Link {
  id: number;
  entity: string;
  servicem8Id: string;
  stripeId: string;
  state: LinkState;
  servicem8EditedAt: string | null;
  stripeEditedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

interface LinkRow {
  id: number;
  entity: string;
  servicem8_id: string;
  stripe_id: string;
  state: LinkState;
  servicem8_edited_at: string | null;
  stripe_edited_at: string | null;
  created_at: string;
  updated_at: string;
}

const toLink = (row: LinkRow): Link => ({
  id: row.id,
  entity: row.entity,
  servicem8Id: row.servicem8_id,
  stripeId: row.stripe_id,
  state: row.state,
  servicem8EditedAt: row.servicem8_edited_at,
  stripeEditedAt: row.stripe_edited_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** ServiceM8 record ⇄ Stripe object pairs, one per entity and id on each side. */
export class LinksRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  create(input: {
    entity: string;
    servicem8Id: string;
    stripeId: string;
    servicem8EditedAt?: string | null;
    stripeEditedAt?: string | null;
  }): Link {
    const at = this.now();
    const row = this.db
      .prepare<unknown[], LinkRow>(
        `INSERT INTO links (entity, servicem8_id, stripe_id, servicem8_edited_at, stripe_edited_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(input.entity, input.servicem8Id, input.stripeId, input.servicem8EditedAt ?? null, input.stripeEditedAt ?? null, at, at);
    return toLink(row!);
  }

  get(id: number): Link | null {
    const row = this.db.prepare<[number], LinkRow>('SELECT * FROM links WHERE id = ?').get(id);
    return row ? toLink(row) : null;
  }

  byServiceM8Id(entity: string, servicem8Id: string): Link | null {
    const row = this.db
      .prepare<[string, string], LinkRow>('SELECT * FROM links WHERE entity = ? AND servicem8_id = ?')
      .get(entity, servicem8Id);
    return row ? toLink(row) : null;
  }

  byStripeId(entity: string, stripeId: string): Link | null {
    const row = this.db.prepare<[string, string], LinkRow>('SELECT * FROM links WHERE entity = ? AND stripe_id = ?').get(entity, stripeId);
    return row ? toLink(row) : null;
  }

  count(entity?: string): number {
    const sql = entity ? 'SELECT count(*) AS n FROM links WHERE entity = ?' : 'SELECT count(*) AS n FROM links';
    const row = this.db.prepare<string[], { n: number }>(sql).get(...(entity ? [entity] : []));
    return row?.n ?? 0;
  }

  /** The other side's record was replaced (e.g. re-created after a deletion). */
  repointStripe(id: number, stripeId: string): void {
    this.db.prepare(`UPDATE links SET stripe_id = ?, state = 'active', updated_at = ? WHERE id = ?`).run(stripeId, this.now(), id);
  }

  /** Records the edit times seen on each side at the last sync (for conflicts and audit). */
  touch(id: number, edits: { servicem8EditedAt?: string | null; stripeEditedAt?: string | null; state?: LinkState }): void {
    this.db
      .prepare(
        `UPDATE links SET
           servicem8_edited_at = COALESCE(?, servicem8_edited_at),
           stripe_edited_at = COALESCE(?, stripe_edited_at),
           state = COALESCE(?, state),
           updated_at = ?
         WHERE id = ?`,
      )
      .run(edits.servicem8EditedAt ?? null, edits.stripeEditedAt ?? null, edits.state ?? null, this.now(), id);
  }
}
