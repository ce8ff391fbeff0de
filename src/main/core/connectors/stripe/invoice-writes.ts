// Writing invoices: a draft with its lines (created, then every line in one
// add_lines call whose answer is the invoice: two requests), draft updates (lines
// replaced as a whole in bulk calls, then the fields). Defaults
// keep Stripe silent: send_invoice with auto_advance false, so nothing is emailed
// or charged until the caller finalizes and sends. A multi-step write derives one
// key per step from the caller's key, so replaying the whole operation after a
// crash replays every step instead of repeating it.
import type Stripe from 'stripe';
import { call, requireKey, type CallContext } from './call';
import { checkCustomFields, checkMetadata, unixSeconds } from './input-checks';
import {
  addLineParams,
  freshAnswer,
  lineParams,
  needsProduct,
  setDraftLines,
  type CurrentLine,
  type InvoiceLineInput,
} from './invoice-lines';
import { getInvoice } from './invoices';
import { invoiceRecord, type StripeInvoiceRecord } from './schemas';
import { parseRecord } from './schema-parts';

export interface InvoiceDraftInput {
  customerId: string;
  description?: string | null;
  footer?: string | null;
  /** At most 4; name ≤40 chars, value ≤140 chars. */
  customFields?: { name: string; value: string }[];
  metadata?: Record<string, string>;
  /** The invoice date printed on it (ISO instant); Stripe uses the finalization time otherwise. */
  effectiveAt?: string | Date;
  /** Default send_invoice (needs daysUntilDue or dueAt); charge_automatically charges the customer's card. */
  collectionMethod?: 'send_invoice' | 'charge_automatically';
  daysUntilDue?: number;
  dueAt?: string | Date;
  /** Default false: Stripe then never finalizes, emails or charges by itself. */
  autoAdvance?: boolean;
  defaultTaxRateIds?: string[];
  lines: InvoiceLineInput[];
}

/**
 * The draft with its lines. `lineProduct` gives the product unit-priced lines belong
 * to (asked only when a line has a unit price; the connector finds it once).
 */
export async function createDraftInvoice(
  ctx: CallContext,
  input: InvoiceDraftInput,
  idempotencyKey: string,
  lineProduct: () => Promise<string>,
): Promise<StripeInvoiceRecord> {
  const key = requireKey(idempotencyKey);
  checkCustomFields(input.customFields);
  checkMetadata(input.metadata);
  input.lines.forEach((line, index) => lineParams('check', input.customerId, line, index));
  const productId = needsProduct(input.lines) ? await lineProduct() : null;
  const entries = input.lines.map((line, index) => addLineParams(line, index, productId));
  const method = input.collectionMethod ?? 'send_invoice';
  const params: Stripe.InvoiceCreateParams = {
    customer: input.customerId,
    currency: 'aud',
    collection_method: method,
    auto_advance: input.autoAdvance ?? false,
    pending_invoice_items_behavior: 'exclude',
  };
  if (method === 'send_invoice') {
    if (input.dueAt !== undefined) params.due_date = unixSeconds(input.dueAt, 'dueAt');
    else params.days_until_due = input.daysUntilDue ?? 14;
  }
  if (input.effectiveAt !== undefined) params.effective_at = unixSeconds(input.effectiveAt, 'effectiveAt');
  if (input.description !== undefined) params.description = input.description ?? '';
  if (input.footer !== undefined) params.footer = input.footer ?? '';
  if (input.customFields?.length) params.custom_fields = input.customFields;
  if (input.metadata) params.metadata = input.metadata;
  if (input.defaultTaxRateIds?.length) params.default_tax_rates = input.defaultTaxRateIds;
  const created = await call(ctx, 'invoices.create', (s) => s.invoices.create(params, { idempotencyKey: `${key}:invoice` }));
  if (entries.length === 0) return parseRecord(invoiceRecord, created, 'invoice');
  // One key for the whole batch: a replay after a crash gets the same lines back, never a second set.
  const added = await call(ctx, 'invoices.addLines', (s) =>
    s.invoices.addLines(created.id, { lines: entries }, { idempotencyKey: `${key}:lines` }),
  );
  const record = parseRecord(invoiceRecord, added, 'invoice');
  // The answer embeds the first 10 lines: read the rest only when there are more.
  return record.linesComplete ? record : getInvoice(ctx, created.id);
}

export interface InvoiceDraftUpdate {
  description?: string | null;
  footer?: string | null;
  /** Replaces the whole list; [] clears it. */
  customFields?: { name: string; value: string }[];
  /** Merged by key; a key set to '' is removed. */
  metadata?: Record<string, string>;
  /** null unsets it (the finalization time is then used). */
  effectiveAt?: string | Date | null;
  /** When given, all current lines are replaced by these. */
  lines?: InvoiceLineInput[];
  /** Every line the draft has (with its metadata), as the caller just read them; read here when not given. */
  currentLines?: readonly CurrentLine[];
}

/**
 * Lines first (in bulk, invoice-lines.ts), then the invoice's own fields. The last answer
 * is the invoice as written, unless it was a replay (after a crash): then it is read.
 */
export async function updateDraftInvoice(
  ctx: CallContext,
  id: string,
  update: InvoiceDraftUpdate,
  idempotencyKey: string,
  lineProduct: () => Promise<string>,
): Promise<StripeInvoiceRecord> {
  const key = requireKey(idempotencyKey);
  checkCustomFields(update.customFields);
  checkMetadata(update.metadata);
  update.lines?.forEach((line, index) => lineParams('check', 'check', line, index));
  const params: Stripe.InvoiceUpdateParams = {};
  if (update.description !== undefined) params.description = update.description ?? '';
  if (update.footer !== undefined) params.footer = update.footer ?? '';
  if (update.customFields !== undefined) params.custom_fields = update.customFields.length ? update.customFields : '';
  if (update.metadata !== undefined) params.metadata = update.metadata;
  if (update.effectiveAt !== undefined)
    params.effective_at = update.effectiveAt === null ? '' : unixSeconds(update.effectiveAt, 'effectiveAt');
  let last: Stripe.Invoice | null = null;
  if (update.lines) {
    const current = update.currentLines ?? (await getInvoice(ctx, id)).lines;
    last = await setDraftLines(ctx, id, current, update.lines, `${key}:lines`, lineProduct);
  }
  if (Object.keys(params).length > 0)
    last = freshAnswer(await call(ctx, 'invoices.update', (s) => s.invoices.update(id, params, { idempotencyKey: `${key}:invoice` })));
  const record = last ? parseRecord(invoiceRecord, last, 'invoice') : null;
  // The answer embeds the first 10 lines: read the rest only when there are more.
  return record?.linesComplete ? record : getInvoice(ctx, id);
}

/** Replaces every line of a draft (idempotent for the same key). */
export function replaceDraftLines(
  ctx: CallContext,
  id: string,
  lines: InvoiceLineInput[],
  idempotencyKey: string,
  lineProduct: () => Promise<string>,
): Promise<StripeInvoiceRecord> {
  return updateDraftInvoice(ctx, id, { lines }, idempotencyKey, lineProduct);
}
