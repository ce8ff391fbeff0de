// Invoices: a draft with its lines (one invoice item per line, each with its GST
// rate), draft updates that replace the lines, finalize, pay out of band, void.
// A multi-step write derives one key per step from the caller's key, so replaying
// the whole operation after a crash replays every step instead of repeating it.
import Stripe from 'stripe';
import { call, listAll, requireKey, type CallContext } from './call';
import { StripeConnectorError } from './errors';
import { invoiceRecord, type StripeInvoiceRecord } from './schemas';

export interface InvoiceLineInput {
  description: string;
  /** Either a total in cents… */
  amountCents?: number;
  /** …or a unit amount in cents with an integer quantity. */
  unitAmountCents?: number;
  quantity?: number;
  taxRateId?: string | null;
  metadata?: Record<string, string>;
}

export interface InvoiceDraftInput {
  customerId: string;
  description?: string | null;
  footer?: string | null;
  /** At most 4; name ≤40 chars, value ≤140 chars. */
  customFields?: { name: string; value: string }[];
  metadata?: Record<string, string>;
  /** send_invoice (the default here) needs daysUntilDue; no email goes out unless sent. */
  daysUntilDue?: number;
  lines: InvoiceLineInput[];
}

function lineParams(invoice: string, customer: string, line: InvoiceLineInput): Stripe.InvoiceItemCreateParams {
  const params: Stripe.InvoiceItemCreateParams = { invoice, customer, currency: 'aud', description: line.description };
  if (line.unitAmountCents !== undefined) {
    params.unit_amount_decimal = Stripe.Decimal.from(String(line.unitAmountCents));
    params.quantity = line.quantity ?? 1;
  } else {
    params.amount = line.amountCents ?? 0;
  }
  if (line.taxRateId) params.tax_rates = [line.taxRateId];
  if (line.metadata) params.metadata = line.metadata;
  return params;
}

export async function getInvoice(ctx: CallContext, id: string): Promise<StripeInvoiceRecord> {
  const invoice = await call(ctx, 'invoices.retrieve', (s) => s.invoices.retrieve(id));
  const record = invoiceRecord.parse(invoice);
  if (record.linesComplete) return record;
  // The embedded list is only the first page; fetch the rest.
  const lines = await listAll(ctx, 'invoices.listLineItems', (s) => s.invoices.listLineItems(id, { limit: 100 }));
  return invoiceRecord.parse({ ...invoice, lines: { data: lines, has_more: false } });
}

export async function createDraftInvoice(ctx: CallContext, input: InvoiceDraftInput, idempotencyKey: string): Promise<StripeInvoiceRecord> {
  const key = requireKey(idempotencyKey);
  const created = await call(ctx, 'invoices.create', (s) =>
    s.invoices.create(
      {
        customer: input.customerId,
        currency: 'aud',
        collection_method: 'send_invoice',
        days_until_due: input.daysUntilDue ?? 14,
        auto_advance: false,
        pending_invoice_items_behavior: 'exclude',
        ...(input.description !== undefined ? { description: input.description ?? '' } : {}),
        ...(input.footer !== undefined ? { footer: input.footer ?? '' } : {}),
        ...(input.customFields?.length ? { custom_fields: input.customFields } : {}),
        ...(input.metadata ? { metadata: input.metadata } : {}),
      },
      { idempotencyKey: `${key}:invoice` },
    ),
  );
  await addLines(ctx, created.id, input.customerId, input.lines, `${key}:line`);
  return getInvoice(ctx, created.id);
}

async function addLines(
  ctx: CallContext,
  invoiceId: string,
  customerId: string,
  lines: InvoiceLineInput[],
  keyPrefix: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, line] of lines.entries()) {
    const item = await call(ctx, 'invoiceItems.create', (s) =>
      s.invoiceItems.create(lineParams(invoiceId, customerId, line), { idempotencyKey: `${keyPrefix}:${index}` }),
    );
    ids.push(item.id);
  }
  return ids;
}

export interface InvoiceDraftUpdate {
  description?: string | null;
  footer?: string | null;
  customFields?: { name: string; value: string }[];
  metadata?: Record<string, string>;
  /** When given, all current lines are replaced by these. */
  lines?: InvoiceLineInput[];
}

export async function updateDraftInvoice(
  ctx: CallContext,
  id: string,
  update: InvoiceDraftUpdate,
  idempotencyKey: string,
): Promise<StripeInvoiceRecord> {
  const key = requireKey(idempotencyKey);
  const params: Stripe.InvoiceUpdateParams = {};
  if (update.description !== undefined) params.description = update.description ?? '';
  if (update.footer !== undefined) params.footer = update.footer ?? '';
  if (update.customFields !== undefined) params.custom_fields = update.customFields.length ? update.customFields : '';
  if (update.metadata !== undefined) params.metadata = update.metadata;
  const invoice =
    Object.keys(params).length > 0
      ? await call(ctx, 'invoices.update', (s) => s.invoices.update(id, params, { idempotencyKey: `${key}:invoice` }))
      : await call(ctx, 'invoices.retrieve', (s) => s.invoices.retrieve(id));
  if (update.lines) {
    // Add the new lines first, then remove every other item. A replay of the same
    // operation gets the same items back from the idempotency layer and so keeps
    // them; deleting first would lose them on a replay.
    const customerId = typeof invoice.customer === 'string' ? invoice.customer : (invoice.customer?.id ?? '');
    const keep = new Set(await addLines(ctx, id, customerId, update.lines, `${key}:line`));
    const items = await listAll(ctx, 'invoiceItems.list', (s) => s.invoiceItems.list({ invoice: id, limit: 100 }));
    for (const item of items.filter((i) => !keep.has(i.id))) {
      try {
        await call(ctx, 'invoiceItems.del', (s) => s.invoiceItems.del(item.id));
      } catch (error) {
        // Deleted by an earlier attempt whose answer was lost: already done.
        if (!(error instanceof StripeConnectorError && error.kind === 'not_found')) throw error;
      }
    }
  }
  return getInvoice(ctx, id);
}

export async function finalizeInvoice(ctx: CallContext, id: string, idempotencyKey: string): Promise<StripeInvoiceRecord> {
  const key = requireKey(idempotencyKey);
  await call(ctx, 'invoices.finalize', (s) => s.invoices.finalizeInvoice(id, { auto_advance: false }, { idempotencyKey: key }));
  return getInvoice(ctx, id);
}

export async function payInvoiceOutOfBand(ctx: CallContext, id: string, idempotencyKey: string): Promise<StripeInvoiceRecord> {
  const key = requireKey(idempotencyKey);
  await call(ctx, 'invoices.pay', (s) => s.invoices.pay(id, { paid_out_of_band: true }, { idempotencyKey: key }));
  return getInvoice(ctx, id);
}

export async function voidInvoice(ctx: CallContext, id: string, idempotencyKey: string): Promise<StripeInvoiceRecord> {
  const key = requireKey(idempotencyKey);
  await call(ctx, 'invoices.void', (s) => s.invoices.voidInvoice(id, {}, { idempotencyKey: key }));
  return getInvoice(ctx, id);
}

export async function listInvoices(
  ctx: CallContext,
  filter: { customerId?: string; status?: Stripe.InvoiceListParams.Status; createdGte?: number } = {},
): Promise<StripeInvoiceRecord[]> {
  const params: Stripe.InvoiceListParams = { limit: 100 };
  if (filter.customerId) params.customer = filter.customerId;
  if (filter.status) params.status = filter.status;
  if (filter.createdGte !== undefined) params.created = { gte: filter.createdGte };
  const all = await listAll(ctx, 'invoices.list', (s) => s.invoices.list(params));
  return all.map((i) => invoiceRecord.parse(i));
}
