// Invoices of both sides with their lines, in integer cents. An older copy never
// replaces a newer one (source_edited_at guard), and lines are replaced with the row.
import { businessDay, toInstant } from '../../money/business-day';
import type { Statement } from 'better-sqlite3';
import type { TaxedLine } from '../../money/line';
import type { SqliteDatabase } from '../open-database';
import { StatementCache } from './statement-cache';
import { checkCents, type MoneySide } from './money-checks';

export type InvoiceStatus = 'draft' | 'open' | 'partially_paid' | 'paid' | 'void' | 'uncollectible';

export interface InvoiceLineInput {
  externalId?: string | null;
  description?: string;
  quantity: string;
  unitAmountCents?: string | null;
  amountCents: number;
  taxInclusive: boolean;
  rateBp: number;
  gstCents: number;
  exCents: number;
  incCents: number;
}

export interface InvoiceInput {
  side: MoneySide;
  externalId: string;
  jobUuid?: string | null;
  jobNumber?: string | null;
  invoiceNumber?: string | null;
  clientName?: string | null;
  clientAbn?: string | null;
  /** Whose invoice: the ServiceM8 company uuid, or the Stripe customer id (migration 006). */
  clientId?: string | null;
  status: InvoiceStatus;
  currency?: string;
  totalIncCents: number;
  totalExCents: number;
  gstCents: number;
  amountPaidCents?: number;
  /** UTC instant; the business day and month are derived from it. */
  invoiceAt: string;
  otherSideId?: string | null;
  sourceEditedAt?: string | null;
  lines: InvoiceLineInput[];
}

export interface StoredInvoiceLine extends Required<Omit<InvoiceLineInput, 'externalId' | 'unitAmountCents'>> {
  position: number;
  externalId: string | null;
  unitAmountCents: string | null;
}

export interface StoredInvoice extends Required<Omit<InvoiceInput, 'lines'>> {
  id: number;
  invoiceDate: string;
  invoiceMonth: string;
  lastSyncedAt: string;
  lines: StoredInvoiceLine[];
}

/** What the month's reports read of an invoice: no bookkeeping columns, lines as taxed amounts only. */
export type InvoiceSummary = Pick<
  StoredInvoice,
  | 'id'
  | 'side'
  | 'externalId'
  | 'jobUuid'
  | 'jobNumber'
  | 'invoiceNumber'
  | 'clientName'
  | 'clientAbn'
  | 'status'
  | 'totalIncCents'
  | 'totalExCents'
  | 'gstCents'
  | 'invoiceAt'
  | 'invoiceDate'
  | 'otherSideId'
  | 'lastSyncedAt'
> & { lines: TaxedLine[] };

// Read as plain arrays (better-sqlite3's raw mode) and built as one object literal each:
// about twice as fast as named rows over the thousands of invoices of a month.
const SUMMARY_COLUMNS = `id, side, external_id, job_uuid, job_number, invoice_number, client_name, client_abn, status,
  total_inc_cents, total_ex_cents, gst_cents, invoice_at, invoice_date, other_side_id, last_synced_at`;
type SummaryRow = [number, MoneySide, string, string | null, string | null, string | null, string | null, string | null, InvoiceStatus];
type SummaryTail = [number, number, number, string, string, string | null, string];

const toSummary = (r: [...SummaryRow, ...SummaryTail]): InvoiceSummary => ({
  id: r[0],
  side: r[1],
  externalId: r[2],
  jobUuid: r[3],
  jobNumber: r[4],
  invoiceNumber: r[5],
  clientName: r[6],
  clientAbn: r[7],
  status: r[8],
  totalIncCents: r[9],
  totalExCents: r[10],
  gstCents: r[11],
  invoiceAt: r[12],
  invoiceDate: r[13],
  otherSideId: r[14],
  lastSyncedAt: r[15],
  lines: [],
});

interface InvoiceRow {
  id: number;
  side: MoneySide;
  external_id: string;
  job_uuid: string | null;
  job_number: string | null;
  invoice_number: string | null;
  client_name: string | null;
  client_abn: string | null;
  client_id: string | null;
  status: InvoiceStatus;
  currency: string;
  total_inc_cents: number;
  total_ex_cents: number;
  gst_cents: number;
  amount_paid_cents: number;
  invoice_at: string;
  invoice_date: string;
  invoice_month: string;
  other_side_id: string | null;
  source_edited_at: string | null;
  last_synced_at: string;
}

interface LineRow {
  invoice_id: number;
  position: number;
  external_id: string | null;
  description: string;
  quantity: string;
  unit_amount_cents: string | null;
  amount_cents: number;
  tax_inclusive: number;
  rate_bp: number;
  gst_cents: number;
  ex_cents: number;
  inc_cents: number;
}

const toLine = (row: LineRow): StoredInvoiceLine => ({
  position: row.position,
  externalId: row.external_id,
  description: row.description,
  quantity: row.quantity,
  unitAmountCents: row.unit_amount_cents,
  amountCents: row.amount_cents,
  taxInclusive: row.tax_inclusive === 1,
  rateBp: row.rate_bp,
  gstCents: row.gst_cents,
  exCents: row.ex_cents,
  incCents: row.inc_cents,
});

const toInvoice = (row: InvoiceRow, lines: StoredInvoiceLine[]): StoredInvoice => ({
  id: row.id,
  side: row.side,
  externalId: row.external_id,
  jobUuid: row.job_uuid,
  jobNumber: row.job_number,
  invoiceNumber: row.invoice_number,
  clientName: row.client_name,
  clientAbn: row.client_abn,
  clientId: row.client_id,
  status: row.status,
  currency: row.currency,
  totalIncCents: row.total_inc_cents,
  totalExCents: row.total_ex_cents,
  gstCents: row.gst_cents,
  amountPaidCents: row.amount_paid_cents,
  invoiceAt: row.invoice_at,
  invoiceDate: row.invoice_date,
  invoiceMonth: row.invoice_month,
  otherSideId: row.other_side_id,
  sourceEditedAt: row.source_edited_at,
  lastSyncedAt: row.last_synced_at,
  lines,
});

const UPSERT = `
INSERT INTO invoices (side, external_id, job_uuid, job_number, invoice_number, client_name, client_abn, client_id, status, currency,
  total_inc_cents, total_ex_cents, gst_cents, amount_paid_cents, invoice_at, invoice_date, invoice_month, other_side_id,
  source_edited_at, last_synced_at, created_at, updated_at)
VALUES (@side, @externalId, @jobUuid, @jobNumber, @invoiceNumber, @clientName, @clientAbn, @clientId, @status, @currency,
  @totalIncCents, @totalExCents, @gstCents, @amountPaidCents, @invoiceAt, @invoiceDate, @invoiceMonth, @otherSideId,
  @sourceEditedAt, @now, @now, @now)
ON CONFLICT (side, external_id) DO UPDATE SET
  job_uuid = excluded.job_uuid, job_number = excluded.job_number, invoice_number = excluded.invoice_number,
  client_name = excluded.client_name, client_abn = excluded.client_abn, client_id = excluded.client_id, status = excluded.status,
  currency = excluded.currency,
  total_inc_cents = excluded.total_inc_cents, total_ex_cents = excluded.total_ex_cents, gst_cents = excluded.gst_cents,
  amount_paid_cents = excluded.amount_paid_cents, invoice_at = excluded.invoice_at, invoice_date = excluded.invoice_date,
  invoice_month = excluded.invoice_month, other_side_id = excluded.other_side_id, source_edited_at = excluded.source_edited_at,
  last_synced_at = excluded.last_synced_at, updated_at = excluded.updated_at
WHERE invoices.source_edited_at IS NULL OR excluded.source_edited_at IS NULL OR excluded.source_edited_at >= invoices.source_edited_at
RETURNING id`;

const INSERT_LINE = `
INSERT INTO invoice_lines (invoice_id, position, external_id, description, quantity, unit_amount_cents, amount_cents,
  tax_inclusive, rate_bp, gst_cents, ex_cents, inc_cents)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export class InvoicesRepository {
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

  /**
   * Writes an invoice and replaces its lines; the business day comes from invoiceAt in
   * `zone`. Returns the row id, or null when the stored copy is newer and was kept.
   */
  upsert(given: InvoiceInput, zone: string): number | null {
    checkInvoice(given);
    // Stored instants are compared as text (month ranges): one form only, UTC with Z.
    const input = { ...given, invoiceAt: toInstant(given.invoiceAt, 'invoice date') };
    const day = businessDay(input.invoiceAt, zone);
    const write = this.db.transaction(() => {
      const row = (this.statement(UPSERT) as Statement<[Record<string, unknown>], { id: number }>).get({
        jobUuid: null,
        jobNumber: null,
        invoiceNumber: null,
        clientName: null,
        clientAbn: null,
        clientId: null,
        otherSideId: null,
        sourceEditedAt: null,
        ...input,
        lines: undefined,
        currency: input.currency ?? 'aud',
        amountPaidCents: input.amountPaidCents ?? 0,
        invoiceDate: day.date,
        invoiceMonth: day.month,
        now: this.now(),
      });
      if (!row) return null;
      this.statement('DELETE FROM invoice_lines WHERE invoice_id = ?').run(row.id);
      const insert = this.statement(INSERT_LINE);
      input.lines.forEach((line, position) =>
        insert.run(
          row.id,
          position,
          line.externalId ?? null,
          line.description ?? '',
          line.quantity,
          line.unitAmountCents ?? null,
          line.amountCents,
          line.taxInclusive ? 1 : 0,
          line.rateBp,
          line.gstCents,
          line.exCents,
          line.incCents,
        ),
      );
      return row.id;
    });
    return write();
  }

  /** A draft deleted at the source was never a sale: its row and lines go (reports read only what exists). */
  remove(side: MoneySide, externalId: string): void {
    this.db.prepare('DELETE FROM invoices WHERE side = ? AND external_id = ?').run(side, externalId);
  }

  byId(id: number): StoredInvoice | null {
    return this.select('WHERE id = ?', [id])[0] ?? null;
  }

  get(side: MoneySide, externalId: string): StoredInvoice | null {
    return this.select('WHERE side = ? AND external_id = ?', [side, externalId])[0] ?? null;
  }

  /** Every invoice filed under a business month (as stamped when it was written). */
  byMonth(month: string, side?: MoneySide): StoredInvoice[] {
    return side ? this.select('WHERE invoice_month = ? AND side = ?', [month, side]) : this.select('WHERE invoice_month = ?', [month]);
  }

  /** Every invoice dated in [from, to), UTC instants: a month in any zone. */
  inRange(from: string, to: string): StoredInvoice[] {
    return this.select('WHERE invoice_at >= ? AND invoice_at < ?', [from, to]);
  }

  /** The invoices with these ids on one side (a month's partners dated elsewhere). */
  byExternalIds(side: MoneySide, ids: readonly string[]): StoredInvoice[] {
    if (ids.length === 0) return [];
    return this.select(`WHERE side = ? AND external_id IN (SELECT value FROM json_each(?))`, [side, JSON.stringify(ids)]);
  }

  /** Rows that name this record as their other side (links kept on one side only). */
  pointingAt(ids: readonly string[]): StoredInvoice[] {
    if (ids.length === 0) return [];
    return this.select(`WHERE other_side_id IN (SELECT value FROM json_each(?))`, [JSON.stringify(ids)]);
  }

  /** Which records name one of these as their other side: ids only, cheap to check first. */
  idsPointingAt(ids: readonly string[]): { side: MoneySide; externalId: string }[] {
    if (ids.length === 0) return [];
    const sql = 'SELECT side, external_id AS externalId FROM invoices WHERE other_side_id IN (SELECT value FROM json_each(?))';
    return this.statement(sql).all(JSON.stringify(ids)) as { side: MoneySide; externalId: string }[];
  }

  /** As inRange, as summaries (the GST report reads thousands of these). */
  summariesInRange(from: string, to: string): InvoiceSummary[] {
    return this.summaries('WHERE invoice_at >= ? AND invoice_at < ?', [from, to]);
  }

  /** As byExternalIds, as summaries. */
  summariesByExternalIds(side: MoneySide, ids: readonly string[]): InvoiceSummary[] {
    if (ids.length === 0) return [];
    return this.summaries(`WHERE side = ? AND external_id IN (SELECT value FROM json_each(?))`, [side, JSON.stringify(ids)]);
  }

  private summaries(where: string, params: unknown[]): InvoiceSummary[] {
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM invoices ${where} ORDER BY invoice_at, side, external_id`;
    const rows = (
      this.statement(sql)
        .raw()
        .all(...params) as [...SummaryRow, ...SummaryTail][]
    ).map(toSummary);
    if (rows.length === 0) return [];
    const byId = new Map<number, InvoiceSummary>();
    for (const row of rows) byId.set(row.id, row);
    const lines = this.statement(
      `SELECT invoice_id, amount_cents, rate_bp, tax_inclusive
      FROM invoice_lines WHERE invoice_id IN (SELECT id FROM invoices ${where}) ORDER BY invoice_id, position`,
    )
      .raw()
      .all(...params) as [number, number, number, number][];
    for (const [invoiceId, amountCents, rateBp, taxInclusive] of lines) {
      byId.get(invoiceId)!.lines.push({ amountCents, rateBp, taxInclusive: taxInclusive === 1 });
    }
    return rows;
  }

  private select(where: string, params: unknown[]): StoredInvoice[] {
    const rows = this.statement(`SELECT * FROM invoices ${where} ORDER BY invoice_at, side, external_id`).all(...params) as InvoiceRow[];
    if (rows.length === 0) return [];
    const lines = this.statement(
      `SELECT * FROM invoice_lines WHERE invoice_id IN (SELECT id FROM invoices ${where}) ORDER BY invoice_id, position`,
    ).all(...params) as LineRow[];
    const byInvoice = new Map<number, StoredInvoiceLine[]>();
    for (const line of lines) {
      const list = byInvoice.get(line.invoice_id) ?? [];
      list.push(toLine(line));
      byInvoice.set(line.invoice_id, list);
    }
    return rows.map((row) => toInvoice(row, byInvoice.get(row.id) ?? []));
  }
}

function checkInvoice(input: InvoiceInput): void {
  const what = `${input.side} invoice ${input.externalId}`;
  checkCents(what, {
    total: input.totalIncCents,
    'ex-GST total': input.totalExCents,
    GST: input.gstCents,
    paid: input.amountPaidCents ?? 0,
  });
  if (input.totalExCents + input.gstCents !== input.totalIncCents) {
    throw new RangeError(`${what}: ex-GST total ${input.totalExCents} + GST ${input.gstCents} is not the total ${input.totalIncCents}`);
  }
  input.lines.forEach((line, index) => {
    checkCents(`${what} line ${index + 1}`, { amount: line.amountCents, GST: line.gstCents, ex: line.exCents, inc: line.incCents });
    if (line.exCents + line.gstCents !== line.incCents) throw new RangeError(`${what} line ${index + 1}: ex + GST is not inc`);
  });
}
