// Invoice lines as invoice items: a total (`amountCents`), or a unit amount (cents,
// integer or decimal string) times a quantity (integer, or a decimal string sent as
// `quantity_decimal`), each with its tax rates. Stripe multiplies and rounds.
// Replacing a draft's lines adds the new items first (one idempotency key per
// line), then deletes every other item: a replay of the same operation gets the
// same items back and keeps them, where deleting first would lose them.
import Stripe from 'stripe';
import { call, listAll, type CallContext } from './call';
import { StripeConnectorError } from './errors';
import { checkCents, checkDecimal, checkMetadata } from './input-checks';

export interface InvoiceLineInput {
  description: string;
  /** Either a total in cents… */
  amountCents?: number;
  /** …or a unit amount in cents (integer, or a decimal string of cents)… */
  unitAmountCents?: number;
  unitAmountDecimal?: string;
  /** …times a quantity: an integer, or a decimal string such as "1.5". */
  quantity?: number | string;
  /** One rate (kept for callers of the first version) or several (≤5). */
  taxRateId?: string | null;
  taxRateIds?: string[];
  metadata?: Record<string, string>;
}

export function lineParams(invoice: string, customer: string, line: InvoiceLineInput, index: number): Stripe.InvoiceItemCreateParams {
  const params: Stripe.InvoiceItemCreateParams = { invoice, customer, currency: 'aud', description: line.description };
  const unit =
    line.unitAmountDecimal !== undefined
      ? checkDecimal(line.unitAmountDecimal, `lines[${index}].unitAmountDecimal`)
      : line.unitAmountCents !== undefined
        ? String(checkCents(line.unitAmountCents, `lines[${index}].unitAmountCents`))
        : undefined;
  if (unit !== undefined) {
    params.unit_amount_decimal = Stripe.Decimal.from(unit);
    const quantity = line.quantity ?? 1;
    if (typeof quantity === 'string' && !/^\d+$/.test(quantity)) {
      params.quantity_decimal = Stripe.Decimal.from(checkDecimal(quantity, `lines[${index}].quantity`));
    } else {
      params.quantity = checkCents(Number(quantity), `lines[${index}].quantity`);
    }
  } else {
    params.amount = checkCents(line.amountCents ?? 0, `lines[${index}].amountCents`);
  }
  const rates = line.taxRateIds ?? (line.taxRateId ? [line.taxRateId] : []);
  if (rates.length > 0) params.tax_rates = rates;
  checkMetadata(line.metadata, `lines[${index}].metadata`);
  if (line.metadata) params.metadata = line.metadata;
  return params;
}

/**
 * One entry of `POST /v1/invoices/{id}/add_lines`: a total as `amount`, or a unit price
 * as an inline `price_data` of `productId` times `quantity` / `quantity_decimal`
 * (add_lines has no top-level unit amount). Stripe multiplies and rounds, as for items.
 */
export function addLineParams(line: InvoiceLineInput, index: number, productId: string | null): Stripe.InvoiceAddLinesParams.Line {
  const item = lineParams('check', 'check', line, index);
  const entry: Stripe.InvoiceAddLinesParams.Line = { description: item.description! };
  if (item.unit_amount_decimal !== undefined) {
    if (productId === null) throw new Error('addLineParams: a unit-priced line needs the line product');
    entry.price_data = { currency: 'aud', product: productId, unit_amount_decimal: item.unit_amount_decimal };
    if (item.quantity_decimal !== undefined) entry.quantity_decimal = item.quantity_decimal;
    else entry.quantity = item.quantity;
  } else {
    entry.amount = item.amount;
  }
  if (item.tax_rates) entry.tax_rates = item.tax_rates;
  if (item.metadata) entry.metadata = item.metadata;
  return entry;
}

/** Whether any line is priced per unit (and so needs the line product). */
export const needsProduct = (lines: InvoiceLineInput[]): boolean =>
  lines.some((l) => l.unitAmountDecimal !== undefined || l.unitAmountCents !== undefined);

export async function addLines(
  ctx: CallContext,
  invoiceId: string,
  customerId: string,
  lines: InvoiceLineInput[],
  keyPrefix: string,
): Promise<string[]> {
  const all = lines.map((line, index) => lineParams(invoiceId, customerId, line, index));
  const ids: string[] = [];
  for (const [index, params] of all.entries()) {
    const item = await call(ctx, 'invoiceItems.create', (s) => s.invoiceItems.create(params, { idempotencyKey: `${keyPrefix}:${index}` }));
    ids.push(item.id);
  }
  return ids;
}

export async function replaceLines(
  ctx: CallContext,
  invoiceId: string,
  customerId: string,
  lines: InvoiceLineInput[],
  keyPrefix: string,
): Promise<void> {
  const keep = new Set(await addLines(ctx, invoiceId, customerId, lines, keyPrefix));
  const items = await listAll(ctx, 'invoiceItems.list', (s) => s.invoiceItems.list({ invoice: invoiceId, limit: 100 }));
  for (const item of items.filter((i) => !keep.has(i.id))) {
    try {
      await call(ctx, 'invoiceItems.del', (s) => s.invoiceItems.del(item.id));
    } catch (error) {
      // Deleted by an earlier attempt whose answer was lost: already done.
      if (!(error instanceof StripeConnectorError && error.kind === 'not_found')) throw error;
    }
  }
}
