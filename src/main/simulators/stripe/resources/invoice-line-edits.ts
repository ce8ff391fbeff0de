// POST /v1/invoices/{id}/update_lines and /remove_lines (drafts only), the bulk
// counterparts of editing and deleting invoice items one by one. Each entry names a
// line of this invoice by its `il_` id. update_lines sets `amount` (a total,
// quantity 1), or `price_data` times `quantity` / `quantity_decimal` (or a new
// quantity of the line's own unit price), `description`, `tax_rates` ('' clears
// them), `discountable`, and merges `metadata` (invoice item lines merge, per the
// SDK's doc: a key sent as '' is removed, `metadata=''` removes all). remove_lines `delete`s the item or `unassign`s it (pending again).
// Both take `invoice_metadata` (merged into the invoice's). Everything is checked
// before anything is written, so a bad entry leaves the invoice untouched.
import type { Json, Route, SimContext } from '../context';
import { decimalTimes } from '../decimal';
import { SimError } from '../errors';
import type { FormObject } from '../form-body';
import { itemIdOf, recomputeInvoice } from '../invoice-totals';
import { applyMetadata } from '../metadata';
import type { InvoiceObject } from '../objects/invoice';
import type { InvoiceItemObject, LineItemObject } from '../objects/invoice-item';
import { allowOnly, asObject, bool, has, int, list, nullableStr, obj, str } from '../params';
import { invoiceLines, render } from '../render';
import { priceOf } from './invoice-add-lines';
import { watchInvoice } from './invoice-changed';
import { invoiceMetadataOf, writeInvoiceMetadata } from './invoice-metadata';
import { quantityOf, requireDraft } from './invoice-items';
import { resolveTaxRates } from './tax-rate-refs';

const UPDATE_ENTRY = [
  'id',
  'amount',
  'description',
  'discountable',
  'discounts',
  'metadata',
  'price_data',
  'quantity',
  'quantity_decimal',
  'tax_rates',
];

interface Target {
  line: LineItemObject;
  item: InvoiceItemObject;
}

/** The `lines` list and, per entry, the line it names (unknown or repeated ids refused). */
function targets(ctx: SimContext, invoice: InvoiceObject): { entry: FormObject; prefix: string; target: Target }[] {
  const entries = list(ctx.params, 'lines');
  if (!entries || entries.length === 0) throw SimError.missingParam('lines');
  const lines = invoiceLines(ctx.store, invoice.id) as LineItemObject[];
  const seen = new Set<string>();
  return entries.map((value, index) => {
    const prefix = `lines[${index}]`;
    const entry = asObject(value, prefix);
    const id = str(entry, 'id');
    if (!id) throw SimError.missingParam(`${prefix}[id]`);
    const line = lines.find((l) => l.id === id);
    const item = line ? (ctx.store.invoiceItems.get(itemIdOf(line)) as InvoiceItemObject | undefined) : undefined;
    if (!line || !item) throw SimError.invalid(`No such line item on invoice ${invoice.id}: '${id}'`, `${prefix}[id]`, 'resource_missing');
    if (seen.has(id)) throw SimError.invalid(`Line item ${id} is named more than once.`, `${prefix}[id]`);
    seen.add(id);
    return { entry, prefix, target: { line, item } };
  });
}

/** One update_lines entry, checked; returns the write to make once every entry passed. */
function planUpdate(ctx: SimContext, entry: FormObject, prefix: string, { line, item }: Target, invoice: InvoiceObject): () => void {
  allowOnly(entry, UPDATE_ENTRY, prefix);
  const data = obj(entry, 'price_data');
  const total = int(entry, 'amount');
  if (data && total !== undefined)
    throw SimError.invalid('You may only specify one of these parameters: amount, price_data.', `${prefix}[amount]`);
  const quantityGiven = has(entry, 'quantity') || has(entry, 'quantity_decimal');
  if (total !== undefined && quantityGiven)
    // As for add_lines: Stripe's answer to a total with a quantity is not documented (reference [U]).
    throw SimError.invalid('A quantity needs a unit price: pass price_data with it, or amount alone.', `${prefix}[quantity]`);
  const price = data ? priceOf(ctx, data, `${prefix}[price_data]`, invoice.currency) : null;
  const unit = price?.unit ?? (total === undefined ? item.pricing.unit_amount_decimal : null);
  if (quantityGiven && unit === null)
    throw SimError.invalid('A quantity needs a unit price: this line has a total; pass price_data with it.', `${prefix}[quantity]`);
  const { quantity, quantityDecimal } =
    total !== undefined
      ? { quantity: 1, quantityDecimal: '1' }
      : quantityOf(entry, { quantity: item.quantity, quantityDecimal: item.quantity_decimal }, `${prefix}[`);
  const amount = total ?? (unit !== null && (price || quantityGiven) ? decimalTimes(unit, quantityDecimal) : item.amount);
  const rates = resolveTaxRates(ctx, 'tax_rates', entry, `${prefix}[tax_rates]`);
  // '' unsets the description (null), as for any nullable string Stripe lets you update: the SDK
  // types it `string`, but its maintainers say such types lag the API (stripe-node#1834), and
  // Stripe answers '' with parameter_invalid_empty only for params that cannot be unset.
  const description = nullableStr(entry, 'description');
  const discountable = bool(entry, 'discountable');
  // `discounts: ''` removes the line's discounts (SDK: "Pass an empty string to remove").
  // Coupons and discount ids are not modelled here, so a list of them is refused.
  if (has(entry, 'discounts') && entry.discounts !== '')
    throw SimError.invalid('Line discounts other than an empty string are not supported by this simulator.', `${prefix}[discounts]`);
  const clearDiscounts = entry.discounts === '';
  const metadata = applyMetadata(item.metadata, entry, 'metadata', `${prefix}[metadata]`);
  return () => {
    Object.assign(item, { amount, net_amount: amount, quantity, quantity_decimal: quantityDecimal, metadata });
    if (price)
      item.pricing = {
        type: 'price_details',
        price_details: { price: ctx.store.ids.next('price'), product: price.product },
        unit_amount_decimal: price.unit,
      };
    else if (total !== undefined) item.pricing = { type: 'price_details', unit_amount_decimal: null };
    if (rates) item.tax_rates = rates;
    if (description !== undefined) item.description = description;
    if (discountable !== undefined) item.discountable = discountable;
    if (clearDiscounts) Object.assign(item, { discounts: [] });
    Object.assign(line, {
      amount,
      subtotal: amount,
      quantity,
      quantity_decimal: quantityDecimal,
      pricing: structuredClone(item.pricing),
      description: item.description,
      discountable: item.discountable,
      metadata: { ...metadata },
      ...(clearDiscounts ? { discounts: [], discount_amounts: [] } : {}),
    });
  };
}

function updateLines(ctx: SimContext): { body: Json } {
  const invoice = requireDraft(ctx, ctx.path.id ?? '', 'id');
  allowOnly(ctx.params, ['lines', 'invoice_metadata']);
  const writes = targets(ctx, invoice).map(({ entry, prefix, target }) => planUpdate(ctx, entry, prefix, target, invoice));
  const metadata = invoiceMetadataOf(ctx, invoice);
  const changed = watchInvoice(ctx, invoice);
  for (const write of writes) write();
  recomputeInvoice(ctx.store, invoice);
  writeInvoiceMetadata(invoice, metadata);
  changed();
  return { body: render(ctx.store, invoice) };
}

function removeLines(ctx: SimContext): { body: Json } {
  const invoice = requireDraft(ctx, ctx.path.id ?? '', 'id');
  allowOnly(ctx.params, ['lines', 'invoice_metadata']);
  const planned = targets(ctx, invoice).map(({ entry, prefix, target }) => {
    allowOnly(entry, ['id', 'behavior'], prefix);
    const behavior = str(entry, 'behavior');
    if (!behavior) throw SimError.missingParam(`${prefix}[behavior]`);
    if (behavior !== 'delete' && behavior !== 'unassign')
      throw SimError.invalid(`Invalid ${prefix}[behavior]: must be one of delete, unassign`, `${prefix}[behavior]`);
    return { behavior, ...target };
  });
  const metadata = invoiceMetadataOf(ctx, invoice);
  const changed = watchInvoice(ctx, invoice);
  for (const { behavior, line, item } of planned) {
    ctx.store.lines.remove(line.id);
    if (behavior === 'unassign') {
      item.invoice = null; // pending again: the customer's next invoice can take it
      continue;
    }
    ctx.store.invoiceItems.remove(item.id);
    ctx.emit('invoiceitem.deleted', item);
  }
  recomputeInvoice(ctx.store, invoice);
  writeInvoiceMetadata(invoice, metadata);
  changed();
  return { body: render(ctx.store, invoice) };
}

export const invoiceLineEditRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/invoices/:id/update_lines', handler: updateLines },
  { method: 'POST', pattern: '/v1/invoices/:id/remove_lines', handler: removeLines },
];
