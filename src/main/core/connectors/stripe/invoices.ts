// Reading invoices: one with all its lines, lists by customer / status / created
// range, and the invoices an event batch touched (the change feed: there is no
// "updated since" list filter in Stripe).
import type Stripe from 'stripe';
import { call, listAll, type CallContext } from './call';
import { StripeConnectorError } from './errors';
import { listEventsSince, type EventsSince } from './events';
import { invoiceRecord, type StripeEventRecord, type StripeInvoiceRecord } from './schemas';
import { parseEach, parseRecord, type UnreadObject } from './schema-parts';

export async function getInvoice(ctx: CallContext, id: string): Promise<StripeInvoiceRecord> {
  const invoice = await call(ctx, 'invoices.retrieve', (s) => s.invoices.retrieve(id));
  const record = parseRecord(invoiceRecord, invoice, 'invoice');
  if (record.linesComplete) return record;
  // The embedded list is only the first page; fetch the rest.
  const lines = await listAll(ctx, 'invoices.listLineItems', (s) => s.invoices.listLineItems(id, { limit: 100 }));
  return parseRecord(invoiceRecord, { ...invoice, lines: { data: lines, has_more: false } }, 'invoice');
}

export interface InvoiceListFilter {
  customerId?: string;
  status?: Stripe.InvoiceListParams.Status;
  collectionMethod?: 'charge_automatically' | 'send_invoice';
  /** Unix seconds, inclusive lower bound of `created`. */
  createdGte?: number;
  /** Unix seconds, exclusive upper bound of `created`. */
  createdLt?: number;
}

/** Newest first. Embedded lines are the first 10 per invoice (`linesComplete` says whether that is all). */
export async function listInvoices(
  ctx: CallContext,
  filter: InvoiceListFilter = {},
  unread?: UnreadObject[],
): Promise<StripeInvoiceRecord[]> {
  const params: Stripe.InvoiceListParams = { limit: 100 };
  if (filter.customerId) params.customer = filter.customerId;
  if (filter.status) params.status = filter.status;
  if (filter.collectionMethod) params.collection_method = filter.collectionMethod;
  if (filter.createdGte !== undefined || filter.createdLt !== undefined) {
    params.created = {
      ...(filter.createdGte !== undefined ? { gte: filter.createdGte } : {}),
      ...(filter.createdLt !== undefined ? { lt: filter.createdLt } : {}),
    };
  }
  const all = await listAll(ctx, 'invoices.list', (s) => s.invoices.list(params));
  return parseEach(invoiceRecord, all, 'invoice', unread);
}

/** Event types that change an invoice a pair reads (≤20, Stripe's limit per list). */
export const INVOICE_EVENT_TYPES = [
  'invoice.created',
  'invoice.updated',
  'invoice.finalized',
  'invoice.paid',
  'invoice.payment_succeeded',
  'invoice.voided',
  'invoice.marked_uncollectible',
  'invoice.sent',
  'invoice.deleted',
  'invoice_payment.paid',
  'credit_note.created',
  'credit_note.updated',
  'credit_note.voided',
];

/** Invoice ids an event batch touched (oldest change first) and those deleted since. */
export function invoiceIdsTouched(events: StripeEventRecord[]): { changed: string[]; deleted: string[] } {
  const changed: string[] = [];
  const deleted = new Set<string>();
  for (const event of events) {
    const object = event.object;
    const id = event.type.startsWith('invoice.') ? event.objectId : typeof object.invoice === 'string' ? object.invoice : null;
    if (id === null || !id.startsWith('in_')) continue;
    if (event.type === 'invoice.deleted') deleted.add(id);
    else if (!changed.includes(id)) changed.push(id);
  }
  return { changed: changed.filter((id) => !deleted.has(id)), deleted: [...deleted] };
}

export interface InvoicesSince extends EventsSince {
  /** Fresh copies (all lines) of every invoice changed since the cursor. */
  invoices: StripeInvoiceRecord[];
  deletedIds: string[];
}

/** The invoice side of the change feed: events since the cursor, then a fresh read of each invoice they name. */
export async function invoicesChangedSince(ctx: CallContext, cursor: string | null): Promise<InvoicesSince> {
  const since = await listEventsSince(ctx, cursor, INVOICE_EVENT_TYPES);
  const { changed, deleted } = invoiceIdsTouched(since.events);
  // An event that could not be read: the invoice it names is read fresh like the rest; naming none, only a rescan is safe.
  let rescan = since.needsFullRescan;
  for (const u of since.unread ?? []) {
    if (u.objectId?.startsWith('in_')) {
      if (!changed.includes(u.objectId) && !deleted.includes(u.objectId)) changed.push(u.objectId);
    } else rescan = true;
  }
  const invoices: StripeInvoiceRecord[] = [];
  const deletedIds = [...deleted];
  for (const id of changed) {
    try {
      invoices.push(await getInvoice(ctx, id));
    } catch (error) {
      if (error instanceof StripeConnectorError && error.kind === 'not_found') deletedIds.push(id);
      else throw error;
    }
  }
  return { ...since, needsFullRescan: rescan, invoices, deletedIds };
}
