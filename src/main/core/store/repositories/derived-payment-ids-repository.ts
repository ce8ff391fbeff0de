// Derived payment uuid → the Stripe charge, refund or dispute id it was derived from
// (migration 008). Written whenever the payments pair mirrors a Stripe money movement;
// filled once for rows mirrored before the table existed.
import type { SqliteDatabase } from '../open-database';

export class DerivedPaymentIdsRepository {
  constructor(private readonly db: SqliteDatabase) {}

  put(derivedId: string, stripeId: string): void {
    this.db.prepare('INSERT OR REPLACE INTO derived_payment_ids (derived_id, stripe_id) VALUES (?, ?)').run(derivedId, stripeId);
  }

  /** The Stripe id a uuid was derived from, or null (not one sm8sync derived from a mirrored Stripe record). */
  stripeIdOf(derivedId: string): string | null {
    return (
      this.db.prepare<[string], { stripe_id: string }>('SELECT stripe_id FROM derived_payment_ids WHERE derived_id = ?').get(derivedId)
        ?.stripe_id ?? null
    );
  }

  /**
   * The one-off full pass: derives an id for every Stripe record of these mirror objects, once per
   * database (a crash part way is harmless: it runs again and puts the same rows). True when it ran.
   */
  fillOnce(objects: readonly string[], derive: (stripeId: string) => string): boolean {
    const pending = this.db.prepare<[], { pending: number }>('SELECT pending FROM derived_payment_ids_backfill LIMIT 1').get();
    if (!pending) return false;
    const ids = this.db
      .prepare<string[], { id: string }>(`SELECT id FROM mirror WHERE side = 'stripe' AND object IN (${objects.map(() => '?').join(', ')})`)
      .all(...objects);
    for (const { id } of ids) this.put(derive(id), id);
    this.db.prepare('DELETE FROM derived_payment_ids_backfill').run();
    return true;
  }
}
