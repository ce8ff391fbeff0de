// POST /v1/invoices/{id}/add_lines (drafts only): each entry either attaches a
// pending invoice item (`invoice_item`) or creates a new one from `amount` (a total)
// or `price_data` (an inline price of an existing product: `unit_amount` or
// `unit_amount_decimal`) times `quantity` / `quantity_decimal`, with `description`,
// `tax_rates[]` and `metadata`; `invoice_metadata` is merged into the invoice's.
// Everything is checked before anything is written, so a bad entry leaves the
// invoice untouched.
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import type { FormObject } from '../form-body';
import { applyMetadata } from '../metadata';
import { newInvoiceItem, type InvoiceItemObject } from '../objects/invoice-item';
import type { TaxRateObject } from '../objects/tax-rate';
import { DECIMAL, canonicalDecimal, decimalTimes } from '../decimal';
import type { InvoiceObject } from '../objects/invoice';
import { allowOnly, asObject, has, int, list, nullableStr, obj, oneOf, requireStr, str } from '../params';
import { render } from '../render';
import { attachItem, quantityOf, requireDraft } from './invoice-items';
import { watchInvoice } from './invoice-changed';
import { invoiceMetadataOf, writeInvoiceMetadata } from './invoice-metadata';
import { resolveTaxRates } from './tax-rate-refs';

/** An inline price; its id is given when the line is written (Stripe makes a one-off price per `price_data`). */
interface PriceDetails {
  product: string;
  unit: string;
}

type Planned =
  | { kind: 'existing'; item: InvoiceItemObject }
  | {
      kind: 'new';
      amount: number;
      quantity: number;
      quantityDecimal: string;
      price: PriceDetails | null;
      description: string | null;
      rates: TaxRateObject[];
      metadata: Record<string, string>;
    };

/** `price_data` of an entry: the product must exist, the currency is the invoice's. */
export function priceOf(ctx: SimContext, data: FormObject, prefix: string, currency: string): PriceDetails {
  allowOnly(data, ['currency', 'product', 'tax_behavior', 'unit_amount', 'unit_amount_decimal'], prefix);
  const given = requireStr(data, 'currency').toLowerCase();
  if (given !== currency)
    throw SimError.invalid(`The price's currency (${given}) must be the invoice's (${currency}).`, `${prefix}[currency]`);
  const productId = str(data, 'product');
  if (!productId) throw SimError.missingParam(`${prefix}[product]`);
  if (!ctx.store.products.get(productId))
    throw SimError.invalid(`No such product: '${productId}'`, `${prefix}[product]`, 'resource_missing');
  oneOf(data, 'tax_behavior', ['inclusive', 'exclusive', 'unspecified'] as const);
  const whole = int(data, 'unit_amount');
  const decimal = str(data, 'unit_amount_decimal');
  if (whole !== undefined && decimal !== undefined)
    throw SimError.invalid('You may only specify one of these parameters: unit_amount, unit_amount_decimal.', `${prefix}[unit_amount]`);
  if (decimal !== undefined && (!DECIMAL.test(decimal) || decimal.startsWith('-')))
    throw SimError.invalid(`Invalid decimal: ${decimal}`, `${prefix}[unit_amount_decimal]`);
  const unit = decimal !== undefined ? canonicalDecimal(decimal) : whole !== undefined ? String(whole) : undefined;
  if (unit === undefined) throw SimError.missingParam(`${prefix}[unit_amount]`);
  if (whole !== undefined && whole < 0) throw SimError.invalid('unit_amount must be positive.', `${prefix}[unit_amount]`);
  return { product: productId, unit };
}

function plan(ctx: SimContext, entry: FormObject, index: number, invoice: InvoiceObject): Planned {
  const customer = invoice.customer;
  const prefix = `lines[${index}]`;
  allowOnly(
    entry,
    ['invoice_item', 'amount', 'price_data', 'quantity', 'quantity_decimal', 'description', 'tax_rates', 'metadata'],
    prefix,
  );
  const itemId = str(entry, 'invoice_item');
  if (itemId) {
    const item = ctx.store.invoiceItems.get(itemId) as InvoiceItemObject | undefined;
    if (!item) throw SimError.invalid(`No such invoiceitem: '${itemId}'`, `${prefix}[invoice_item]`, 'resource_missing');
    if (item.invoice !== null || item.customer !== customer)
      throw SimError.invalid(`Invoice item ${itemId} is not a pending item of this customer.`, `${prefix}[invoice_item]`);
    return { kind: 'existing', item };
  }
  const data = obj(entry, 'price_data');
  const amountGiven = int(entry, 'amount');
  if (data && amountGiven !== undefined)
    throw SimError.invalid('You may only specify one of these parameters: amount, price_data.', `${prefix}[amount]`);
  if (!data && (has(entry, 'quantity') || has(entry, 'quantity_decimal')))
    // Stripe's answer to `amount` with a quantity is not documented (reference [U]): refused here.
    throw SimError.invalid('A quantity needs a unit price: pass price_data with it, or amount alone.', `${prefix}[quantity]`);
  const { quantity, quantityDecimal } = quantityOf(entry, undefined, `${prefix}[`);
  const price = data ? priceOf(ctx, data, `${prefix}[price_data]`, invoice.currency) : null;
  const amount = price ? decimalTimes(price.unit, quantityDecimal) : amountGiven;
  if (amount === undefined) throw SimError.missingParam(`${prefix}[amount]`);
  const rates = resolveTaxRates(ctx, 'tax_rates', entry, `${prefix}[tax_rates]`) ?? [];
  const description = nullableStr(entry, 'description') ?? null;
  return {
    kind: 'new',
    amount,
    quantity,
    quantityDecimal,
    price,
    description,
    rates,
    metadata: applyMetadata({}, entry, 'metadata', `${prefix}[metadata]`),
  };
}

function addLines(ctx: SimContext): { body: Json } {
  const invoice = requireDraft(ctx, ctx.path.id ?? '', 'id');
  allowOnly(ctx.params, ['lines', 'invoice_metadata']);
  const entries = list(ctx.params, 'lines');
  if (!entries || entries.length === 0) throw SimError.missingParam('lines');
  const planned = entries.map((entry, index) => plan(ctx, asObject(entry, `lines[${index}]`), index, invoice));
  const metadata = invoiceMetadataOf(ctx, invoice);
  const changed = watchInvoice(ctx, invoice);
  for (const step of planned) {
    if (step.kind === 'existing') {
      attachItem(ctx, step.item, invoice);
      continue;
    }
    const item = newInvoiceItem(ctx.store.ids.next('ii'), ctx.now(), {
      customer: invoice.customer,
      invoice: null,
      amount: step.amount,
      currency: invoice.currency,
      description: step.description,
      quantity: step.quantity,
      quantityDecimal: step.quantityDecimal,
      unitAmountDecimal: step.price?.unit ?? null,
      taxRates: step.rates,
      metadata: step.metadata,
    });
    if (step.price) item.pricing.price_details = { price: ctx.store.ids.next('price'), product: step.price.product };
    ctx.store.invoiceItems.insert(item);
    attachItem(ctx, item, invoice);
    ctx.emit('invoiceitem.created', item);
  }
  writeInvoiceMetadata(invoice, metadata);
  changed();
  return { body: render(ctx.store, invoice) };
}

export const invoiceAddLinesRoutes: Route[] = [{ method: 'POST', pattern: '/v1/invoices/:id/add_lines', handler: addLines }];
