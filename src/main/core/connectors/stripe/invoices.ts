// Reading invoices: one with all its lines, and lists by customer / status / created
// range. Changes arrive through the shared Stripe event feed (sync/invoices reads it).
import type Stripe from 'stripe';
import { call, listAll, type CallContext } from './call';
import { invoiceRecord, type StripeInvoiceRecord } from './schemas';
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
