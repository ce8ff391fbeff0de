// Each job's standing as an invoice (migration 004), written by the invoices pair, and
// the outbox state of an entity's subjects, which the invoice list reads beside it.
import type { SqliteDatabase } from '../open-database';
import { safeText } from './json';

export type InvoicePlanState = 'ready' | 'not_sent' | 'needs_approval';

export interface InvoiceJobRow {
  key: string;
  jobUuid: string | null;
  jobNumber: string | null;
  client: string | null;
  planState: InvoicePlanState;
  reasonCode: string | null;
  reason: string | null;
  stripeInvoiceId: string | null;
  servicem8TotalCents: number | null;
  servicem8GstCents: number | null;
  difference: string | null;
}

interface Row {
  key: string;
  job_uuid: string | null;
  job_number: string | null;
  client: string | null;
  plan_state: InvoicePlanState;
  reason_code: string | null;
  reason: string | null;
  stripe_invoice_id: string | null;
  servicem8_total_cents: number | null;
  servicem8_gst_cents: number | null;
  difference: string | null;
}

const toRow = (r: Row): InvoiceJobRow => ({
  key: r.key,
  jobUuid: r.job_uuid,
  jobNumber: r.job_number,
  client: r.client,
  planState: r.plan_state,
  reasonCode: r.reason_code,
  reason: r.reason,
  stripeInvoiceId: r.stripe_invoice_id,
  servicem8TotalCents: r.servicem8_total_cents,
  servicem8GstCents: r.servicem8_gst_cents,
  difference: r.difference,
});

export interface SubjectWriteState {
  subjectId: string;
  state: 'pending' | 'sent' | 'failed';
  operation: string;
  lastError: string | null;
}

export class InvoiceJobsRepository {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  put(row: InvoiceJobRow): void {
    this.db
      .prepare(
        `INSERT INTO invoice_jobs (key, job_uuid, job_number, client, plan_state, reason_code, reason, stripe_invoice_id, servicem8_total_cents,
           servicem8_gst_cents, difference, updated_at)
         VALUES (@key, @jobUuid, @jobNumber, @client, @planState, @reasonCode, @reason, @stripeInvoiceId, @servicem8TotalCents, @servicem8GstCents,
           @difference, @now)
         ON CONFLICT (key) DO UPDATE SET job_uuid = excluded.job_uuid, job_number = excluded.job_number, client = excluded.client,
           plan_state = excluded.plan_state, reason_code = excluded.reason_code, reason = excluded.reason,
           stripe_invoice_id = COALESCE(excluded.stripe_invoice_id, invoice_jobs.stripe_invoice_id),
           servicem8_total_cents = excluded.servicem8_total_cents, servicem8_gst_cents = excluded.servicem8_gst_cents,
           difference = excluded.difference, updated_at = excluded.updated_at`,
      )
      .run({ ...row, reason: safeText(row.reason), difference: safeText(row.difference), now: this.now() });
  }

  /** Records the Stripe invoice a job became, and what the sides' totals disagree on (null: nothing). */
  setStripe(key: string, stripeInvoiceId: string, difference: string | null): void {
    this.db
      .prepare('UPDATE invoice_jobs SET stripe_invoice_id = ?, difference = ?, updated_at = ? WHERE key = ?')
      .run(stripeInvoiceId, safeText(difference), this.now(), key);
  }

  /** The Stripe invoice was deleted: no standing names it any more (put keeps a known id when given none). */
  forgetStripe(stripeInvoiceId: string): void {
    this.db
      .prepare('UPDATE invoice_jobs SET stripe_invoice_id = NULL, difference = NULL, updated_at = ? WHERE stripe_invoice_id = ?')
      .run(this.now(), stripeInvoiceId);
  }

  get(key: string): InvoiceJobRow | null {
    const row = this.db.prepare<[string], Row>('SELECT * FROM invoice_jobs WHERE key = ?').get(key);
    return row ? toRow(row) : null;
  }

  /** Jobs left unsent for one of these reasons: re-checked every cycle (a client linked since, a tax rate added). */
  keysWithReason(codes: readonly string[]): string[] {
    if (codes.length === 0) return [];
    return this.db
      .prepare<[string], { key: string }>(
        `SELECT key FROM invoice_jobs WHERE plan_state = 'not_sent' AND reason_code IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(codes))
      .map((r) => r.key);
  }

  list(): InvoiceJobRow[] {
    return this.db
      .prepare<[], Row>('SELECT * FROM invoice_jobs ORDER BY job_number IS NULL, CAST(job_number AS INTEGER), job_number, key')
      .all()
      .map(toRow);
  }

  /** Writes of an entity that are waiting, in flight or refused, newest first per subject. */
  writeStates(entity: string): SubjectWriteState[] {
    return this.db
      .prepare<[string], { subject_id: string; state: SubjectWriteState['state']; operation: string; last_error: string | null }>(
        `SELECT subject_id, state, operation, last_error FROM outbox
         WHERE entity = ? AND state IN ('pending', 'sent', 'failed') AND subject_id IS NOT NULL ORDER BY id DESC`,
      )
      .all(entity)
      .map((r) => ({ subjectId: r.subject_id, state: r.state, operation: r.operation, lastError: r.last_error }));
  }
}
