// What reconciliation reads and keeps: light rows of the typed money tables (no lines,
// only the columns it compares, so 100,000 pairs fit in memory), every link of an
// entity, the lines of the few invoices whose GST needs a closer look, and the
// findings still standing from earlier runs (migration 006).
import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../open-database';
import { StatementCache } from './statement-cache';
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

const INVOICE_COLUMNS = [
  ['id', 'id'],
  ['side', 'side'],
  ['external_id', 'externalId'],
  ['job_uuid', 'jobUuid'],
  ['job_number', 'jobNumber'],
  ['invoice_number', 'invoiceNumber'],
  ['client_name', 'clientName'],
  ['client_abn', 'clientAbn'],
  ['client_id', 'clientId'],
  ['status', 'status'],
  ['total_inc_cents', 'totalIncCents'],
  ['gst_cents', 'gstCents'],
  ['amount_paid_cents', 'amountPaidCents'],
  ['invoice_at', 'invoiceAt'],
  ['other_side_id', 'otherSideId'],
] as const;
const PAYMENT_COLUMNS = [
  ['side', 'side'],
  ['external_id', 'externalId'],
  ['kind', 'kind'],
  ['invoice_external_id', 'invoiceExternalId'],
  ['status', 'status'],
  ['amount_cents', 'amountCents'],
  ['servicem8_pay', 'servicem8Pay'],
  ['paid_at', 'paidAt'],
  ['other_side_id', 'otherSideId'],
] as const;
const select = (columns: readonly (readonly [string, string])[], table: string, prefix = '') =>
  columns.map(([column, name]) => `${table}.${column} AS ${prefix}${name}`).join(', ');

const INVOICE_FACTS = `SELECT ${select(INVOICE_COLUMNS, 'i')} FROM invoices i`;
const UNLINKED_INVOICES = `${INVOICE_FACTS} WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.entity = 'invoice'
  AND ((i.side = 'servicem8' AND l.servicem8_id = i.external_id) OR (i.side = 'stripe' AND l.stripe_id = i.external_id)))
  ORDER BY i.side, i.external_id`;
// A linked pair whose rows agree on every column the checks compare cannot give a finding
// (compare() in check-invoices.ts, check-payments.ts): both rows there, neither void, same
// status, totals, GST, amount paid and instant. SQLite skips those, so of 100,000 pairs only
// the few that may differ become objects; the checks themselves stay in TypeScript and
// decide. `IS` compares NULL-safely (a missing row's columns are NULL). Keep these in step
// with the checks: a column a check starts comparing must be added here.
const INVOICE_PAIR_AGREES = `a.external_id IS NOT NULL AND b.external_id IS NOT NULL
  AND a.status IS NOT 'void' AND b.status IS NOT 'void' AND a.status IS b.status
  AND a.total_inc_cents IS b.total_inc_cents AND a.gst_cents IS b.gst_cents
  AND a.amount_paid_cents IS b.amount_paid_cents AND a.invoice_at IS b.invoice_at`;
const PAYMENT_PAIR_AGREES = `a.external_id IS NOT NULL AND b.external_id IS NOT NULL
  AND a.amount_cents IS b.amount_cents AND a.kind IS b.kind AND a.status IS b.status`;
// One row per link that may differ, with both sides' facts: streamed, never all held.
const LINKED_INVOICES = `SELECT l.id AS linkId, l.state AS state, l.servicem8_id AS servicem8Id, l.stripe_id AS stripeId,
  ${select(INVOICE_COLUMNS, 'a', 'a_')}, ${select(INVOICE_COLUMNS, 'b', 'b_')}
  FROM links l
  LEFT JOIN invoices a ON a.side = 'servicem8' AND a.external_id = l.servicem8_id
  LEFT JOIN invoices b ON b.side = 'stripe' AND b.external_id = l.stripe_id
  WHERE l.entity = 'invoice' AND l.state IS NOT 'archived' AND NOT (${INVOICE_PAIR_AGREES}) ORDER BY l.id`;
const PAYMENT_FACTS = `SELECT ${select(PAYMENT_COLUMNS, 'p')} FROM payments p`;
const UNLINKED_PAYMENTS = `${PAYMENT_FACTS} WHERE NOT EXISTS (SELECT 1 FROM links l WHERE l.entity = 'payment'
  AND ((p.side = 'servicem8' AND l.servicem8_id = p.external_id) OR (p.side = 'stripe' AND l.stripe_id = p.external_id)))
  ORDER BY p.side, p.external_id`;
const LINKED_PAYMENTS = `SELECT l.id AS linkId, l.state AS state, l.servicem8_id AS servicem8Id, l.stripe_id AS stripeId,
  ${select(PAYMENT_COLUMNS, 'a', 'a_')}, ${select(PAYMENT_COLUMNS, 'b', 'b_')}
  FROM links l
  LEFT JOIN payments a ON a.side = 'servicem8' AND a.external_id = l.servicem8_id
  LEFT JOIN payments b ON b.side = 'stripe' AND b.external_id = l.stripe_id
  WHERE l.entity = 'payment' AND l.state IS NOT 'archived' AND NOT (${PAYMENT_PAIR_AGREES}) ORDER BY l.id`;

export interface LinkedRow<T> {
  linkId: number;
  state: LinkState;
  servicem8Id: string;
  stripeId: string;
  servicem8: T | null;
  stripe: T | null;
}

type Raw = Record<string, unknown>;
function part<T>(row: Raw, prefix: string, columns: readonly (readonly [string, string])[]): T | null {
  if (row[`${prefix}externalId`] === null) return null;
  const out: Raw = {};
  for (const [, name] of columns) out[name] = row[`${prefix}${name}`];
  return out as T;
}
const toPayment = (row: Raw): PaymentFacts => ({ ...(row as unknown as PaymentFacts), servicem8Pay: row.servicem8Pay === 1 });

export class ReconciliationRepository {
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

  /** Invoices no link of entity 'invoice' names (few, once the pairs run). */
  unlinkedInvoices(): InvoiceFacts[] {
    return this.statement(UNLINKED_INVOICES).all() as InvoiceFacts[];
  }

  /** Links of entity 'invoice' (archived ones left out) whose rows may differ: see INVOICE_PAIR_AGREES. */
  *linkedInvoicesToCheck(): Generator<LinkedRow<InvoiceFacts>> {
    for (const row of this.statement(LINKED_INVOICES).iterate() as IterableIterator<Raw>) {
      yield {
        linkId: row.linkId as number,
        state: row.state as LinkState,
        servicem8Id: row.servicem8Id as string,
        stripeId: row.stripeId as string,
        servicem8: part<InvoiceFacts>(row, 'a_', INVOICE_COLUMNS),
        stripe: part<InvoiceFacts>(row, 'b_', INVOICE_COLUMNS),
      };
    }
  }

  /** The invoices with these ids on one side, or these job numbers (ServiceM8). */
  invoicesByIds(side: MoneySide, ids: readonly string[]): InvoiceFacts[] {
    if (ids.length === 0) return [];
    const sql = `${INVOICE_FACTS} WHERE i.side = ? AND i.external_id IN (SELECT value FROM json_each(?))`;
    return this.statement(sql).all(side, JSON.stringify(ids)) as InvoiceFacts[];
  }

  jobsByNumbers(numbers: readonly string[]): InvoiceFacts[] {
    if (numbers.length === 0) return [];
    const sql = `${INVOICE_FACTS} WHERE i.side = 'servicem8' AND i.job_number IN (SELECT value FROM json_each(?))`;
    return this.statement(sql).all(JSON.stringify(numbers)) as InvoiceFacts[];
  }

  /** Jobs with a ServiceM8 Pay payment (their card payment is in Stripe without a Stripe invoice). */
  servicem8PayJobs(): Set<string> {
    const sql = `SELECT DISTINCT invoice_external_id AS id FROM payments WHERE side = 'servicem8' AND servicem8_pay = 1 AND invoice_external_id IS NOT NULL`;
    return new Set((this.statement(sql).all() as { id: string }[]).map((row) => row.id));
  }

  paymentsByIds(side: MoneySide, ids: readonly string[]): PaymentFacts[] {
    if (ids.length === 0) return [];
    const sql = `${PAYMENT_FACTS} WHERE p.side = ? AND p.external_id IN (SELECT value FROM json_each(?))`;
    return (this.statement(sql).all(side, JSON.stringify(ids)) as Raw[]).map(toPayment);
  }

  unlinkedPayments(): PaymentFacts[] {
    return (this.statement(UNLINKED_PAYMENTS).all() as Raw[]).map(toPayment);
  }

  /** Links of entity 'payment' (archived ones left out) whose rows may differ: see PAYMENT_PAIR_AGREES. */
  *linkedPaymentsToCheck(): Generator<LinkedRow<PaymentFacts>> {
    for (const row of this.statement(LINKED_PAYMENTS).iterate() as IterableIterator<Raw>) {
      const a = part<Raw>(row, 'a_', PAYMENT_COLUMNS);
      const b = part<Raw>(row, 'b_', PAYMENT_COLUMNS);
      yield {
        linkId: row.linkId as number,
        state: row.state as LinkState,
        servicem8Id: row.servicem8Id as string,
        stripeId: row.stripeId as string,
        servicem8: a ? toPayment(a) : null,
        stripe: b ? toPayment(b) : null,
      };
    }
  }

  /** The other side's id of a linked record (null when it has no link). */
  linkedPartner(entity: string, side: MoneySide, id: string): string | null {
    const sql =
      side === 'servicem8'
        ? 'SELECT stripe_id AS id FROM links WHERE entity = ? AND servicem8_id = ?'
        : 'SELECT servicem8_id AS id FROM links WHERE entity = ? AND stripe_id = ?';
    return (this.statement(sql).get(entity, id) as { id: string } | undefined)?.id ?? null;
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
