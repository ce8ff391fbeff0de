// /v1/invoiceitems: pending items (invoice null) or items attached straight to a
// draft invoice (`invoice`), each of which shows up as a line. Amount is either
// `amount` (the total) or `unit_amount_decimal` × `quantity`. Deleting or editing
// is only allowed while pending or while the invoice is a draft. Stripe has no
// `invoiceitem.updated` event type, so an update emits nothing.
import { type Json, type Route, type SimContext } from '../context';
import { SimError } from '../errors';
import { itemIdOf, recomputeInvoice } from '../invoice-totals';
import { LIST_PARAMS, createdFilter, paginate } from '../list';
import { applyMetadata } from '../metadata';
import type { InvoiceObject } from '../objects/invoice';
import { lineFromItem, newInvoiceItem, type InvoiceItemObject, type LineItemObject } from '../objects/invoice-item';
import { allowOnly, bool, int, nullableStr, str } from '../params';
import { requireCustomer } from './customers';
import { resolveTaxRates } from './tax-rate-refs';

const CREATE_PARAMS = [
  'amount',
  'currency',
  'customer',
  'description',
  'discountable',
  'invoice',
  'metadata',
  'quantity',
  'unit_amount_decimal',
  'tax_rates',
  'period',
];
const UPDATE_PARAMS = ['amount', 'description', 'discountable', 'metadata', 'quantity', 'unit_amount_decimal', 'tax_rates'];

/** unit_amount_decimal (cents, up to 12 places) × quantity, rounded half away from zero, exactly (no floats). */
export function decimalTimes(unit: string, quantity: number): number {
  const [whole = '0', fraction = ''] = unit.replace('-', '').split('.');
  const scale = 10n ** BigInt(fraction.length);
  const scaled = (BigInt(whole) * scale + BigInt(fraction || '0')) * BigInt(quantity);
  const rounded = (scaled * 2n + scale) / (2n * scale);
  return Number(unit.startsWith('-') ? -rounded : rounded);
}

function amountOf(
  ctx: SimContext,
  fallback?: { amount: number; quantity: number; unit: string | null },
): { amount: number; quantity: number; unit: string | null } {
  const quantity = int(ctx.params, 'quantity') ?? fallback?.quantity ?? 1;
  if (quantity < 0) throw SimError.invalid('quantity must be positive.', 'quantity');
  const unit = str(ctx.params, 'unit_amount_decimal');
  const amount = int(ctx.params, 'amount');
  if (unit !== undefined && amount !== undefined)
    throw SimError.invalid('You may only specify one of these parameters: amount, unit_amount_decimal.', 'amount');
  if (unit !== undefined) {
    if (!/^-?\d+(\.\d{1,12})?$/.test(unit)) throw SimError.invalid(`Invalid decimal: ${unit}`, 'unit_amount_decimal');
    return { amount: decimalTimes(unit, quantity), quantity, unit };
  }
  if (amount !== undefined) return { amount, quantity, unit: null };
  if (fallback) return { ...fallback, quantity };
  throw SimError.missingParam('amount');
}

export function requireDraft(ctx: SimContext, id: string, param: string): InvoiceObject {
  const invoice = ctx.store.invoices.get(id) as InvoiceObject | undefined;
  if (!invoice) throw SimError.invalid(`No such invoice: '${id}'`, param, 'resource_missing');
  if (invoice.status !== 'draft')
    throw SimError.state(`Invoice ${id} is no longer editable: its status is ${invoice.status}.`, 'invoice_not_editable', param);
  return invoice;
}

export function attachItem(ctx: SimContext, item: InvoiceItemObject, invoice: InvoiceObject): void {
  item.invoice = invoice.id;
  ctx.store.lines.insert(lineFromItem(ctx.store.ids.next('il'), item, invoice.id));
  recomputeInvoice(ctx.store, invoice);
}

function create(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, CREATE_PARAMS);
  const invoiceId = str(params, 'invoice');
  const invoice = invoiceId ? requireDraft(ctx, invoiceId, 'invoice') : undefined;
  const customerId = str(params, 'customer') ?? invoice?.customer;
  if (!customerId) throw SimError.missingParam('customer');
  const customer = requireCustomer(ctx, customerId, 'customer');
  if (invoice && invoice.customer !== customer.id) throw SimError.invalid('The invoice belongs to a different customer.', 'invoice');
  const { amount, quantity, unit } = amountOf(ctx);
  const currency = str(params, 'currency') ?? invoice?.currency ?? 'aud';
  const item = newInvoiceItem(store.ids.next('ii'), ctx.now(), {
    customer: customer.id,
    invoice: null,
    amount,
    currency,
    description: nullableStr(params, 'description') ?? null,
    quantity,
    unitAmountDecimal: unit,
    taxRates: resolveTaxRates(ctx, 'tax_rates') ?? [],
    metadata: applyMetadata({}, params),
  });
  const discountable = bool(params, 'discountable');
  if (discountable !== undefined) item.discountable = discountable;
  store.invoiceItems.insert(item);
  if (invoice) attachItem(ctx, item, invoice);
  ctx.emit('invoiceitem.created', item);
  return { body: { ...item } };
}

function editable(ctx: SimContext): { item: InvoiceItemObject; invoice?: InvoiceObject } {
  const item = ctx.store.invoiceItems.require(ctx.path.id ?? '') as InvoiceItemObject;
  const invoice = item.invoice ? requireDraft(ctx, item.invoice, 'id') : undefined;
  return { item, invoice };
}

function update(ctx: SimContext): { body: Json } {
  allowOnly(ctx.params, UPDATE_PARAMS);
  const { item, invoice } = editable(ctx);
  const { amount, quantity, unit } = amountOf(ctx, {
    amount: item.amount,
    quantity: item.quantity,
    unit: item.pricing.unit_amount_decimal,
  });
  const rates = resolveTaxRates(ctx, 'tax_rates');
  const description = nullableStr(ctx.params, 'description');
  const metadata = applyMetadata(item.metadata, ctx.params);
  Object.assign(item, { amount, net_amount: amount, quantity, quantity_decimal: String(quantity), metadata });
  item.pricing.unit_amount_decimal = unit;
  if (rates) item.tax_rates = rates;
  if (description !== undefined) item.description = description;
  if (invoice) {
    const line = (ctx.store.lines.inOrder() as LineItemObject[]).find((l) => l.invoice === invoice.id && itemIdOf(l) === item.id);
    if (line)
      Object.assign(line, {
        amount,
        subtotal: amount,
        quantity,
        quantity_decimal: String(quantity),
        description: item.description,
        metadata: { ...metadata },
      });
    recomputeInvoice(ctx.store, invoice);
  }
  return { body: { ...item } };
}

function remove(ctx: SimContext): { body: Json } {
  const { item, invoice } = editable(ctx);
  ctx.store.invoiceItems.remove(item.id);
  if (invoice) {
    for (const line of ctx.store.lines.inOrder() as LineItemObject[]) {
      if (line.invoice === invoice.id && itemIdOf(line) === item.id) ctx.store.lines.remove(line.id);
    }
    recomputeInvoice(ctx.store, invoice);
  }
  ctx.emit('invoiceitem.deleted', item);
  return { body: { id: item.id, object: 'invoiceitem', deleted: true } };
}

function retrieve(ctx: SimContext): { body: Json } {
  return { body: { ...ctx.store.invoiceItems.require(ctx.path.id ?? '') } };
}

function listItems(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...LIST_PARAMS, 'customer', 'invoice', 'pending', 'created']);
  const customer = str(params, 'customer');
  const invoice = str(params, 'invoice');
  const pending = bool(params, 'pending');
  const inCreated = createdFilter(params);
  const items = store.invoiceItems
    .newestFirst()
    .filter(
      (i) =>
        (customer === undefined || i.customer === customer) &&
        (invoice === undefined || i.invoice === invoice) &&
        (pending === undefined || (i.invoice === null) === pending) &&
        inCreated(i.date as number),
    );
  const page = paginate(items, params, '/v1/invoiceitems', (id) => store.invoiceItems.sortKey(id), 'invoiceitem');
  return { body: { ...page, data: page.data.map((i) => ({ ...i })) } };
}

export const invoiceItemRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/invoiceitems', handler: create },
  { method: 'GET', pattern: '/v1/invoiceitems', handler: listItems },
  { method: 'GET', pattern: '/v1/invoiceitems/:id', handler: retrieve },
  { method: 'POST', pattern: '/v1/invoiceitems/:id', handler: update },
  { method: 'DELETE', pattern: '/v1/invoiceitems/:id', handler: remove },
];
