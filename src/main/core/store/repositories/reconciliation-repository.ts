// What reconciliation reads and keeps: light rows of the typed money tables (no lines,
// only the columns it compares, so 100,000 pairs fit in memory), every link of an
// entity, the lines of the few invoices whose GST needs a closer look, and the
// findings still standing from earlier runs (migration 006).
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../open-database';
import type { InvoiceStatus } from './invoices-repository';
import type { LinkState } from './links-repository';
import type { MoneySide } from './money-checks';
import type { PaymentKind, PaymentStatus } from './payments-repository';

export interface InvoiceFacts {
  id: number;
  side: MoneySide;
  externalId: string;
  jobUuid: string | null;
  jobNumber: string | null;
  invoiceNumber: string | null;
  clientName: string | null;
  clientAbn: string | null;
  clientId: string | null;
  status: InvoiceStatus;
  totalIncCents: number;
  gstCents: number;
  amountPaidCents: number;
  invoiceAt: string;
  otherSideId: string | null;
}

export interface PaymentFacts {
  side: MoneySide;
  externalId: string;
  kind: PaymentKind;
  invoiceExternalId: string | null;
  status: PaymentStatus;
  amountCents: number;
  servicem8Pay: boolean;
  paidAt: string;
  otherSideId: string | null;
}

export interface LinkFacts {
  id: number;
  servicem8Id: string;
  stripeId: string;
  state: LinkState;
}

export interface KnownFinding {
  key: string;
  kind: string;
  entity: string;
  servicem8Id: string | null;
  stripeId: string | null;
  firstSeenAt: string;
}

export interface FactLine {
  amountCents: number;
  rateBp: number;
  taxInclusive: boolean;
}

const INVOICE_FACTS = `SELECT id, side, external_id AS externalId, job_uuid AS jobUuid, job_number AS jobNumber,
  invoice_number AS invoiceNumber, client_name AS clientName, client_abn AS clientAbn, client_id AS clientId, status,
  total_inc_cents AS totalIncCents, gst_cents AS gstCents, amount_paid_cents AS amountPaidCents, invoice_at AS invoiceAt,
  other_side_id AS otherSideId FROM invoices ORDER BY side, external_id`;

const PAYMENT_FACTS = `SELECT side, external_id AS externalId, kind, invoice_external_id AS invoiceExternalId, status,
  amount_cents AS amountCents, servicem8_pay AS servicem8Pay, paid_at AS paidAt, other_side_id AS otherSideId
  FROM payments ORDER BY side, external_id`;

export class ReconciliationRepository {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => string,
  ) {}

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  invoiceFacts(): InvoiceFacts[] {
    return this.statement(INVOICE_FACTS).all() as InvoiceFacts[];
  }

  paymentFacts(): PaymentFacts[] {
    const rows = this.statement(PAYMENT_FACTS).all() as (Omit<PaymentFacts, 'servicem8Pay'> & { servicem8Pay: number })[];
    return rows.map((row) => ({ ...row, servicem8Pay: row.servicem8Pay === 1 }));
  }

  links(entity: string): LinkFacts[] {
    const sql = 'SELECT id, servicem8_id AS servicem8Id, stripe_id AS stripeId, state FROM links WHERE entity = ? ORDER BY id';
    return this.statement(sql).all(entity) as LinkFacts[];
  }

  /** The lines of these invoice rows, by row id, in position order. */
  linesOf(invoiceIds: readonly number[]): Map<number, FactLine[]> {
    const byInvoice = new Map<number, FactLine[]>();
    if (invoiceIds.length === 0) return byInvoice;
    const sql = `SELECT invoice_id AS invoiceId, amount_cents AS amountCents, rate_bp AS rateBp, tax_inclusive AS taxInclusive
      FROM invoice_lines WHERE invoice_id IN (SELECT value FROM json_each(?)) ORDER BY invoice_id, position`;
    const rows = this.statement(sql).all(JSON.stringify(invoiceIds)) as {
      invoiceId: number;
      amountCents: number;
      rateBp: number;
      taxInclusive: number;
    }[];
    for (const row of rows) {
      const list = byInvoice.get(row.invoiceId) ?? [];
      list.push({ amountCents: row.amountCents, rateBp: row.rateBp, taxInclusive: row.taxInclusive === 1 });
      byInvoice.set(row.invoiceId, list);
    }
    return byInvoice;
  }

  /** A link found by reconciliation: both typed rows name each other, as the pairs' rows do. */
  setInvoiceOtherSides(servicem8Id: string, stripeId: string): void {
    const sql = 'UPDATE invoices SET other_side_id = ?, updated_at = ? WHERE side = ? AND external_id = ?';
    const at = this.now();
    this.statement(sql).run(stripeId, at, 'servicem8', servicem8Id);
    this.statement(sql).run(servicem8Id, at, 'stripe', stripeId);
  }

  knownFindings(): Map<string, KnownFinding> {
    const sql = `SELECT finding_key AS key, kind, entity, servicem8_id AS servicem8Id, stripe_id AS stripeId, first_seen_at AS firstSeenAt
      FROM reconciliation_findings`;
    return new Map((this.statement(sql).all() as KnownFinding[]).map((row) => [row.key, row]));
  }

  /** The findings standing after a run: new ones added, gone ones dropped, the rest touched. */
  replaceKnown(findings: readonly KnownFinding[], reportId: number): void {
    const at = this.now();
    const upsert = this.statement(`INSERT INTO reconciliation_findings
      (finding_key, kind, entity, servicem8_id, stripe_id, first_seen_at, last_seen_at, last_report_id)
      VALUES (@key, @kind, @entity, @servicem8Id, @stripeId, @firstSeenAt, @at, @reportId)
      ON CONFLICT (finding_key) DO UPDATE SET last_seen_at = excluded.last_seen_at, last_report_id = excluded.last_report_id`);
    for (const finding of findings) upsert.run({ ...finding, at, reportId });
    this.statement('DELETE FROM reconciliation_findings WHERE last_report_id IS NOT ?').run(reportId);
  }
}
