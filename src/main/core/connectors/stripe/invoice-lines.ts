// Invoice lines as invoice items: a total (`amountCents`), or a unit amount (cents,
// integer or decimal string) times a quantity (integer, or a decimal string sent as
// `quantity_decimal`), each with its tax rates. Stripe multiplies and rounds.
// A draft's lines are set in bulk calls (update_lines, remove_lines, add_lines),
// never one invoice item per request.
import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { call, type CallContext } from './call';
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

/** A line of the draft as just read: its id and its metadata as Stripe holds it now. */
export interface CurrentLine {
  id: string;
  metadata: Readonly<Record<string, string>>;
}

/**
 * Stripe merges an invoice item line's metadata (SDK doc of update_lines): a key
 * someone else added (in the Dashboard, another integration) stays unless it is sent
 * with ''. Every key the line has now that `wanted` lacks is such a key: the lines
 * we update are ours whole, so their metadata ends up exactly `wanted`.
 */
export function lineMetadata(current: CurrentLine, wanted: Record<string, string> | undefined): Record<string, string> | undefined {
  const unset = Object.keys(current.metadata).filter((key) => !(wanted && Object.hasOwn(wanted, key)));
  if (unset.length === 0) return wanted;
  return { ...wanted, ...Object.fromEntries(unset.map((key) => [key, ''])) };
}

/**
 * One entry of `POST /v1/invoices/{id}/update_lines`: the line `current` set to `line`,
 * with nothing left of what was added by hand: tax rates cleared when it has none,
 * discounts cleared, metadata keys not ours unset.
 */
export function updateLineParams(
  current: CurrentLine,
  line: InvoiceLineInput,
  index: number,
  productId: string | null,
): Stripe.InvoiceUpdateLinesParams.Line {
  const { tax_rates: rates, metadata: _ours, ...entry } = addLineParams(line, index, productId);
  const metadata = lineMetadata(current, line.metadata);
  return { id: current.id, ...entry, tax_rates: rates ?? '', discounts: '', ...(metadata ? { metadata } : {}) };
}

/**
 * The answer, unless it is a replay (`Idempotent-Replayed: true`): a replayed answer shows the
 * invoice as it was when the key was first used, not as it is now.
 */
export function freshAnswer(answer: Stripe.Response<Stripe.Invoice>): Stripe.Invoice | null {
  return answer.lastResponse?.headers?.['idempotent-replayed'] === 'true' ? null : answer;
}

const digest = (params: unknown) => createHash('sha256').update(JSON.stringify(params)).digest('hex').slice(0, 16);

/**
 * Makes a draft's lines exactly `lines`, in at most three bulk calls: the lines it has are
 * changed in place (update_lines), the surplus removed (remove_lines), the rest added
 * (add_lines). `current` must be every line of the draft, as just read (its metadata
 * tells which keys to unset). Each call's key
 * is `keyPrefix` and a digest of what it sends, so a replay after a crash, reading the
 * draft again, repeats only a call whose effect is not there yet: lines already added or
 * removed are not asked for again, and an update sent again sets the same values.
 * Returns the answer of the last call made (the invoice, its first lines embedded), or
 * null when there was nothing to send or that answer was a replay.
 */
export async function setDraftLines(
  ctx: CallContext,
  invoiceId: string,
  current: readonly CurrentLine[],
  lines: InvoiceLineInput[],
  keyPrefix: string,
  lineProduct: () => Promise<string>,
): Promise<Stripe.Invoice | null> {
  const paired = Math.min(current.length, lines.length);
  const productId = needsProduct(lines) ? await lineProduct() : null;
  let last: Stripe.Response<Stripe.Invoice> | null = null;
  if (paired > 0) {
    const params = { lines: lines.slice(0, paired).map((line, index) => updateLineParams(current[index]!, line, index, productId)) };
    last = await call(ctx, 'invoices.updateLines', (s) =>
      s.invoices.updateLines(invoiceId, params, { idempotencyKey: `${keyPrefix}:update:${digest(params)}` }),
    );
  }
  if (current.length > paired) {
    const params = { lines: current.slice(paired).map((line) => ({ id: line.id, behavior: 'delete' as const })) };
    last = await call(ctx, 'invoices.removeLines', (s) =>
      s.invoices.removeLines(invoiceId, params, { idempotencyKey: `${keyPrefix}:remove:${digest(params)}` }),
    );
  }
  if (lines.length > paired) {
    const params = { lines: lines.slice(paired).map((line, index) => addLineParams(line, paired + index, productId)) };
    last = await call(ctx, 'invoices.addLines', (s) =>
      s.invoices.addLines(invoiceId, params, { idempotencyKey: `${keyPrefix}:add:${digest(params)}` }),
    );
  }
  return last ? freshAnswer(last) : null;
}
