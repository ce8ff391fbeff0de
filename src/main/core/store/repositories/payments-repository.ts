// Payments and refunds of both sides, in integer cents, with the Stripe fee, its GST
// and the payout they were paid out in. Guarded like invoices: newer copies win.
import { businessDay, toInstant } from '../../money/business-day';
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../open-database';
import { StatementCache } from './statement-cache';
import { checkCents, type MoneySide } from './money-checks';

export type PaymentKind = 'payment' | 'refund';
export type PaymentStatus = 'succeeded' | 'pending' | 'failed' | 'canceled';

export interface PaymentInput {
  side: MoneySide;
  externalId: string;
  kind: PaymentKind;
  /** The same side's invoice: a ServiceM8 job uuid or a Stripe invoice id. */
  invoiceExternalId?: string | null;
  /** For a refund: the same side's payment it returns. */
  refundOf?: string | null;
  status: PaymentStatus;
  /** Positive; a refund's amount is what goes back to the customer. */
  amountCents: number;
  currency?: string;
  method?: string | null;
  /** Taken with ServiceM8's own card payments (processed by Stripe): never a second sale. */
  servicem8Pay?: boolean;
  feeCents?: number;
  feeGstCents?: number;
  payoutId?: string | null;
  /** UTC instant; the business day and month are derived from it. */
  paidAt: string;
  otherSideId?: string | null;
  sourceEditedAt?: string | null;
}

export interface StoredPayment extends Required<PaymentInput> {
  id: number;
  paidDate: string;
  paidMonth: string;
  lastSyncedAt: string;
}

/** What the month's reports read of a payment (no bookkeeping columns). */
export type PaymentSummary = Pick<
  StoredPayment,
  | 'side'
  | 'externalId'
  | 'kind'
  | 'invoiceExternalId'
  | 'status'
  | 'amountCents'
  | 'servicem8Pay'
  | 'feeCents'
  | 'feeGstCents'
  | 'payoutId'
  | 'paidAt'
  | 'otherSideId'
>;

// Read as plain arrays (better-sqlite3's raw mode) and built as one object literal each:
// about twice as fast as named rows over the thousands of payments of a month.
const SUMMARY_COLUMNS = `side, external_id, kind, invoice_external_id, status, amount_cents, servicem8_pay, fee_cents,
  fee_gst_cents, payout_id, paid_at, other_side_id`;
type SummaryRow = [
  MoneySide,
  string,
  PaymentKind,
  string | null,
  PaymentStatus,
  number,
  number,
  number,
  number,
  string | null,
  string,
  string | null,
];

const toSummary = (r: SummaryRow): PaymentSummary => ({
  side: r[0],
  externalId: r[1],
  kind: r[2],
  invoiceExternalId: r[3],
  status: r[4],
  amountCents: r[5],
  servicem8Pay: r[6] === 1,
  feeCents: r[7],
  feeGstCents: r[8],
  payoutId: r[9],
  paidAt: r[10],
  otherSideId: r[11],
});

interface PaymentRow {
  id: number;
  side: MoneySide;
  external_id: string;
  kind: PaymentKind;
  invoice_external_id: string | null;
  refund_of: string | null;
  status: PaymentStatus;
  amount_cents: number;
  currency: string;
  method: string | null;
  servicem8_pay: number;
  fee_cents: number;
  fee_gst_cents: number;
  payout_id: string | null;
  paid_at: string;
  paid_date: string;
  paid_month: string;
  other_side_id: string | null;
  source_edited_at: string | null;
  last_synced_at: string;
}

const toPayment = (row: PaymentRow): StoredPayment => ({
  id: row.id,
  side: row.side,
  externalId: row.external_id,
  kind: row.kind,
  invoiceExternalId: row.invoice_external_id,
  refundOf: row.refund_of,
  status: row.status,
  amountCents: row.amount_cents,
  currency: row.currency,
  method: row.method,
  servicem8Pay: row.servicem8_pay === 1,
  feeCents: row.fee_cents,
  feeGstCents: row.fee_gst_cents,
  payoutId: row.payout_id,
  paidAt: row.paid_at,
  paidDate: row.paid_date,
  paidMonth: row.paid_month,
  otherSideId: row.other_side_id,
  sourceEditedAt: row.source_edited_at,
  lastSyncedAt: row.last_synced_at,
});

const UPSERT = `
INSERT INTO payments (side, external_id, kind, invoice_external_id, refund_of, status, amount_cents, currency, method,
  servicem8_pay, fee_cents, fee_gst_cents, payout_id, paid_at, paid_date, paid_month, other_side_id, source_edited_at,
  last_synced_at, created_at, updated_at)
VALUES (@side, @externalId, @kind, @invoiceExternalId, @refundOf, @status, @amountCents, @currency, @method,
  @servicem8Pay, @feeCents, @feeGstCents, @payoutId, @paidAt, @paidDate, @paidMonth, @otherSideId, @sourceEditedAt,
  @now, @now, @now)
ON CONFLICT (side, external_id) DO UPDATE SET
  kind = excluded.kind, invoice_external_id = excluded.invoice_external_id, refund_of = excluded.refund_of,
  status = excluded.status, amount_cents = excluded.amount_cents, currency = excluded.currency, method = excluded.method,
  servicem8_pay = excluded.servicem8_pay, fee_cents = excluded.fee_cents, fee_gst_cents = excluded.fee_gst_cents,
  payout_id = excluded.payout_id, paid_at = excluded.paid_at, paid_date = excluded.paid_date, paid_month = excluded.paid_month,
  other_side_id = excluded.other_side_id, source_edited_at = excluded.source_edited_at,
  last_synced_at = excluded.last_synced_at, updated_at = excluded.updated_at
WHERE payments.source_edited_at IS NULL OR excluded.source_edited_at IS NULL OR excluded.source_edited_at >= payments.source_edited_at
RETURNING id`;

export class PaymentsRepository {
  // Reports and syncs run these thousands of times: each statement is prepared once.
  private readonly statements: StatementCache;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {
    this.statements = new StatementCache(db);
  }

  private statement(sql: string): Statement {
    return this.statements.get(sql);
  }

  /** Returns the row id, or null when the stored copy is newer and was kept. */
  upsert(given: PaymentInput, zone: string): number | null {
    // Stored instants are compared as text (month ranges): one form only, UTC with Z.
    const input = { ...given, paidAt: toInstant(given.paidAt, 'payment time') };
    const what = `${input.side} ${input.kind} ${input.externalId}`;
    checkCents(what, { amount: input.amountCents, fee: input.feeCents ?? 0, 'fee GST': input.feeGstCents ?? 0 });
    if (input.amountCents < 0) throw new RangeError(`${what}: amount must not be negative (a refund is its own kind)`);
    const day = businessDay(input.paidAt, zone);
    const row = (this.statement(UPSERT) as Statement<[Record<string, unknown>], { id: number }>).get({
      invoiceExternalId: null,
      refundOf: null,
      method: null,
      payoutId: null,
      otherSideId: null,
      sourceEditedAt: null,
      ...input,
      currency: input.currency ?? 'aud',
      servicem8Pay: input.servicem8Pay ? 1 : 0,
      feeCents: input.feeCents ?? 0,
      feeGstCents: input.feeGstCents ?? 0,
      paidDate: day.date,
      paidMonth: day.month,
      now: this.now(),
    });
    return row?.id ?? null;
  }

  byId(id: number): StoredPayment | null {
    return this.select('WHERE id = ?', [id])[0] ?? null;
  }

  get(side: MoneySide, externalId: string): StoredPayment | null {
    return this.select('WHERE side = ? AND external_id = ?', [side, externalId])[0] ?? null;
  }

  /** Every payment and refund filed under a business month (as stamped when written). */
  byMonth(month: string, side?: MoneySide): StoredPayment[] {
    return side ? this.select('WHERE paid_month = ? AND side = ?', [month, side]) : this.select('WHERE paid_month = ?', [month]);
  }

  /** Every payment and refund made in [from, to), UTC instants. */
  inRange(from: string, to: string): StoredPayment[] {
    return this.select('WHERE paid_at >= ? AND paid_at < ?', [from, to]);
  }

  /** Every payment and refund of these invoices on one side, whenever made. */
  forInvoices(side: MoneySide, invoiceIds: readonly string[]): StoredPayment[] {
    if (invoiceIds.length === 0) return [];
    return this.select('WHERE side = ? AND invoice_external_id IN (SELECT value FROM json_each(?))', [side, JSON.stringify(invoiceIds)]);
  }

  /** The payments with these ids on one side. */
  byExternalIdsOf(side: MoneySide, ids: readonly string[]): StoredPayment[] {
    if (ids.length === 0) return [];
    return this.select('WHERE side = ? AND external_id IN (SELECT value FROM json_each(?))', [side, JSON.stringify(ids)]);
  }

  /** Payments that name one of these as their other side's record. */
  pointingAt(ids: readonly string[]): StoredPayment[] {
    if (ids.length === 0) return [];
    return this.select('WHERE other_side_id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]);
  }

  /** As inRange, as summaries (the GST report reads thousands of these). */
  summariesInRange(from: string, to: string): PaymentSummary[] {
    return this.summaries('WHERE paid_at >= ? AND paid_at < ?', [from, to]);
  }

  /** As forInvoices, as summaries. */
  summariesForInvoices(side: MoneySide, invoiceIds: readonly string[]): PaymentSummary[] {
    if (invoiceIds.length === 0) return [];
    return this.summaries('WHERE side = ? AND invoice_external_id IN (SELECT value FROM json_each(?))', [side, JSON.stringify(invoiceIds)]);
  }

  /** As byExternalIdsOf, as summaries. */
  summariesByExternalIdsOf(side: MoneySide, ids: readonly string[]): PaymentSummary[] {
    if (ids.length === 0) return [];
    return this.summaries('WHERE side = ? AND external_id IN (SELECT value FROM json_each(?))', [side, JSON.stringify(ids)]);
  }

  /** As pointingAt, as summaries. */
  summariesPointingAt(ids: readonly string[]): PaymentSummary[] {
    if (ids.length === 0) return [];
    return this.summaries('WHERE other_side_id IN (SELECT value FROM json_each(?))', [JSON.stringify(ids)]);
  }

  private summaries(where: string, params: unknown[]): PaymentSummary[] {
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM payments ${where} ORDER BY paid_at, side, external_id`;
    return (
      this.statement(sql)
        .raw()
        .all(...params) as SummaryRow[]
    ).map(toSummary);
  }

  private select(where: string, params: unknown[]): StoredPayment[] {
    const rows = this.statement(`SELECT * FROM payments ${where} ORDER BY paid_at, side, external_id`).all(...params) as PaymentRow[];
    return rows.map(toPayment);
  }
}
