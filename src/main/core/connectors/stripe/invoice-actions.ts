// Invoice state moves (finalize, send, pay out of band, void, mark uncollectible)
// and credit notes. Finalizing leaves auto_advance off unless asked, so Stripe
// neither emails nor charges on its own; `sendInvoice` is the explicit email.
import type Stripe from 'stripe';
import { call, listAll, requireKey, type CallContext } from './call';
import { checkCents, checkCustomFields, checkMetadata } from './input-checks';
import { getInvoice } from './invoices';
import { creditNoteRecord, invoiceRecord, type StripeCreditNoteRecord, type StripeInvoiceRecord } from './schemas';
import { parseRecord } from './schema-parts';

export async function finalizeInvoice(
  ctx: CallContext,
  id: string,
  idempotencyKey: string,
  options: { autoAdvance?: boolean } = {},
): Promise<StripeInvoiceRecord> {
  const key = requireKey(idempotencyKey);
  const params = { auto_advance: options.autoAdvance ?? false };
  const finalized = await call(ctx, 'invoices.finalize', (s) => s.invoices.finalizeInvoice(id, params, { idempotencyKey: key }));
  // The answer is the finalized invoice: read it again only when its embedded lines are not all of them.
  const record = parseRecord(invoiceRecord, finalized, 'invoice');
  return record.linesComplete ? record : getInvoice(ctx, id);
}

function action(label: string, run: (s: Stripe, id: string, key: string) => Promise<unknown>) {
  return async (ctx: CallContext, id: string, idempotencyKey: string): Promise<StripeInvoiceRecord> => {
    const key = requireKey(idempotencyKey);
    await call(ctx, label, (s) => run(s, id, key));
    return getInvoice(ctx, id);
  };
}

/** Emails the invoice to the customer (Stripe's only email besides auto-advance). */
export const sendInvoice = action('invoices.send', (s, id, key) => s.invoices.sendInvoice(id, {}, { idempotencyKey: key }));
export const payInvoiceOutOfBand = action('invoices.pay', (s, id, key) =>
  s.invoices.pay(id, { paid_out_of_band: true }, { idempotencyKey: key }),
);
export const voidInvoice = action('invoices.void', (s, id, key) => s.invoices.voidInvoice(id, {}, { idempotencyKey: key }));
export const markInvoiceUncollectible = action('invoices.markUncollectible', (s, id, key) =>
  s.invoices.markUncollectible(id, {}, { idempotencyKey: key }),
);

export interface CreditNoteInput {
  invoiceId: string;
  /** Total credited, in cents. What is still owed is reduced first; the rest must be split below. */
  amountCents: number;
  refundAmountCents?: number;
  creditAmountCents?: number;
  outOfBandAmountCents?: number;
  reason?: Stripe.CreditNoteCreateParams.Reason;
  memo?: string;
  metadata?: Record<string, string>;
}

export async function createCreditNote(ctx: CallContext, input: CreditNoteInput, idempotencyKey: string): Promise<StripeCreditNoteRecord> {
  const key = requireKey(idempotencyKey);
  checkMetadata(input.metadata);
  const params: Stripe.CreditNoteCreateParams = { invoice: input.invoiceId, amount: checkCents(input.amountCents, 'amountCents') };
  if (input.refundAmountCents) params.refund_amount = checkCents(input.refundAmountCents, 'refundAmountCents');
  if (input.creditAmountCents) params.credit_amount = checkCents(input.creditAmountCents, 'creditAmountCents');
  if (input.outOfBandAmountCents) params.out_of_band_amount = checkCents(input.outOfBandAmountCents, 'outOfBandAmountCents');
  if (input.reason) params.reason = input.reason;
  if (input.memo) params.memo = input.memo;
  if (input.metadata) params.metadata = input.metadata;
  const note = await call(ctx, 'creditNotes.create', (s) => s.creditNotes.create(params, { idempotencyKey: key }));
  return parseRecord(creditNoteRecord, note, 'credit note');
}

export async function listCreditNotes(
  ctx: CallContext,
  filter: { invoiceId?: string; customerId?: string } = {},
): Promise<StripeCreditNoteRecord[]> {
  const all = await listAll(ctx, 'creditNotes.list', (s) =>
    s.creditNotes.list({
      limit: 100,
      ...(filter.invoiceId ? { invoice: filter.invoiceId } : {}),
      ...(filter.customerId ? { customer: filter.customerId } : {}),
    }),
  );
  return all.map((c) => parseRecord(creditNoteRecord, c, 'credit note'));
}

/**
 * The fields Stripe still lets us change on a finalized invoice (reference §8): metadata
 * (open, uncollectible, paid, void) and custom fields (open, uncollectible). Nothing here
 * changes what is owed.
 */
export async function updateFinalizedInvoice(
  ctx: CallContext,
  id: string,
  update: { metadata?: Record<string, string>; customFields?: { name: string; value: string }[] },
  idempotencyKey: string,
): Promise<StripeInvoiceRecord> {
  const key = requireKey(idempotencyKey);
  checkMetadata(update.metadata);
  checkCustomFields(update.customFields);
  const params: Stripe.InvoiceUpdateParams = {};
  if (update.metadata !== undefined) params.metadata = update.metadata;
  if (update.customFields !== undefined) params.custom_fields = update.customFields.length ? update.customFields : '';
  await call(ctx, 'invoices.update', (s) => s.invoices.update(id, params, { idempotencyKey: key }));
  return getInvoice(ctx, id);
}
