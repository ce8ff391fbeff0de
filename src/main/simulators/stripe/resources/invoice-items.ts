// /v1/invoiceitems: pending items (invoice null) or items attached straight to a
// draft invoice (`invoice`), each of which shows up as a line. Amount is either
// `amount` (the total) or `unit_amount_decimal` × `quantity`. Deleting or editing
// is only allowed while pending or while the invoice is a draft. Stripe has no
// `invoiceitem.updated` event type, so an update emits nothing of its own; a draft
// whose lines change this way gets its invoice.updated (invoice-changed.ts).
import { type Json, type Route, type SimContext } from '../context';
import { SimError } from '../errors';
import { itemIdOf, recomputeInvoice } from '../invoice-totals';
import { LIST_PARAMS, createdFilter, paginate } from '../list';
import { applyMetadata } from '../metadata';
import type { InvoiceObject } from '../objects/invoice';
import { lineFromItem, newInvoiceItem, type InvoiceItemObject, type LineItemObject } from '../objects/invoice-item';
import type { FormObject } from '../form-body';
import { allowOnly, bool, int, nullableStr, str } from '../params';
import { DECIMAL, canonicalDecimal, decimalTimes, scaledOf } from '../decimal';
import { requireCustomer } from './customers';
import { watchInvoice } from './invoice-changed';
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
  'quantity_decimal',
  'unit_amount_decimal',
  'tax_rates',
  'period',
];
// Re-exported: the unit tests of the tax math import it from here.
export { decimalTimes };

const UPDATE_PARAMS = [
  'amount',
  'description',
  'discountable',
  'metadata',
  'quantity',
  'quantity_decimal',
  'unit_amount_decimal',
  'tax_rates',
];

interface Amounts {
  amount: number;
  /** The integer `quantity` field; for a fractional quantity_decimal, rounded (ASSUMPTIONS.md). */
  quantity: number;
  quantityDecimal: string;
  unit: string | null;
}

/** `quantity` or `quantity_decimal` of an item (or of an add_lines entry, `prefix` naming it in errors). */
export function quantityOf(
  params: FormObject,
  fallback?: Pick<Amounts, 'quantity' | 'quantityDecimal'>,
  prefix = '',
): { quantity: number; quantityDecimal: string } {
  const whole = int(params, 'quantity');
  const decimal = str(params, 'quantity_decimal');
  if (whole !== undefined && decimal !== undefined)
    throw SimError.invalid('You may only specify one of these parameters: quantity, quantity_decimal.', `${prefix}quantity`);
  if (decimal !== undefined) {
    if (!DECIMAL.test(decimal) || decimal.startsWith('-'))
      throw SimError.invalid(`Invalid decimal: ${decimal}`, `${prefix}quantity_decimal`);
    const canonical = canonicalDecimal(decimal);
    const { value, scale } = scaledOf(canonical);
    return { quantity: Number((value * 2n + scale) / (2n * scale)), quantityDecimal: canonical };
  }
  const quantity = whole ?? fallback?.quantity ?? 1;
  if (quantity < 0) throw SimError.invalid('quantity must be positive.', `${prefix}quantity`);
  return { quantity, quantityDecimal: whole === undefined && fallback ? fallback.quantityDecimal : String(quantity) };
}

function amountOf(ctx: SimContext, fallback?: Amounts): Amounts {
  const { quantity, quantityDecimal } = quantityOf(ctx.params, fallback);
  const unit = str(ctx.params, 'unit_amount_decimal') ?? (ctx.params.amount === undefined ? (fallback?.unit ?? undefined) : undefined);
  const amount = int(ctx.params, 'amount');
  if (unit !== undefined && amount !== undefined)
    throw SimError.invalid('You may only specify one of these parameters: amount, unit_amount_decimal.', 'amount');
  if (unit !== undefined) {
    if (!DECIMAL.test(unit)) throw SimError.invalid(`Invalid decimal: ${unit}`, 'unit_amount_decimal');
    return { amount: decimalTimes(unit, quantityDecimal), quantity, quantityDecimal, unit };
  }
  if (amount !== undefined) return { amount, quantity, quantityDecimal, unit: null };
  if (fallback) return { ...fallback, quantity, quantityDecimal };
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
  const { amount, quantity, quantityDecimal, unit } = amountOf(ctx);
  const currency = str(params, 'currency') ?? invoice?.currency ?? 'aud';
  const item = newInvoiceItem(store.ids.next('ii'), ctx.now(), {
    customer: customer.id,
    invoice: null,
    amount,
    currency,
    description: nullableStr(params, 'description') ?? null,
    quantity,
    quantityDecimal,
    unitAmountDecimal: unit,
    taxRates: resolveTaxRates(ctx, 'tax_rates') ?? [],
    metadata: applyMetadata({}, params),
  });
  const discountable = bool(params, 'discountable');
  if (discountable !== undefined) item.discountable = discountable;
  store.invoiceItems.insert(item);
  if (invoice) {
    const changed = watchInvoice(ctx, invoice);
    attachItem(ctx, item, invoice);
    ctx.emit('invoiceitem.created', item);
    changed();
  } else ctx.emit('invoiceitem.created', item);
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
  const { amount, quantity, quantityDecimal, unit } = amountOf(ctx, {
    amount: item.amount,
    quantity: item.quantity,
    quantityDecimal: item.quantity_decimal,
    unit: item.pricing.unit_amount_decimal,
  });
  const rates = resolveTaxRates(ctx, 'tax_rates');
  const description = nullableStr(ctx.params, 'description');
  const metadata = applyMetadata(item.metadata, ctx.params);
  const changed = invoice ? watchInvoice(ctx, invoice) : () => {};
  Object.assign(item, { amount, net_amount: amount, quantity, quantity_decimal: quantityDecimal, metadata });
  item.pricing.unit_amount_decimal = unit;
  if (rates) item.tax_rates = rates;
  if (description !== undefined) item.description = description;
  if (invoice) {
    const line = (ctx.store.lines.where('invoice', invoice.id) as LineItemObject[]).find((l) => itemIdOf(l) === item.id);
    if (line)
      Object.assign(line, {
        amount,
        subtotal: amount,
        quantity,
        quantity_decimal: quantityDecimal,
        pricing: { type: 'price_details', unit_amount_decimal: unit },
        description: item.description,
        metadata: { ...metadata },
      });
    recomputeInvoice(ctx.store, invoice);
  }
  changed();
  return { body: { ...item } };
}

function remove(ctx: SimContext): { body: Json } {
  const { item, invoice } = editable(ctx);
  const changed = invoice ? watchInvoice(ctx, invoice) : () => {};
  ctx.store.invoiceItems.remove(item.id);
  if (invoice) {
    for (const line of ctx.store.lines.where('invoice', invoice.id) as LineItemObject[]) {
      if (itemIdOf(line) === item.id) ctx.store.lines.remove(line.id);
    }
    recomputeInvoice(ctx.store, invoice);
  }
  ctx.emit('invoiceitem.deleted', item);
  changed();
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
  const candidates = customer === undefined ? store.invoiceItems.newestFirst() : store.invoiceItems.newestWhere('customer', customer);
  const items = candidates.filter(
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
