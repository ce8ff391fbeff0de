// Invoice, line and credit note records: integer cents, ISO instants, the tax per
// line and per rate exactly as Stripe rounded it (`total_taxes`), decimal
// quantities kept as the decimal strings Stripe sends.
import { z } from 'zod';
import { cents, decimalString, idOf, metadata, nullableUnix, toIso, toIsoOrNull, unix } from './schema-parts';

const taxSchema = z.object({
  amount: cents,
  tax_behavior: z.enum(['inclusive', 'exclusive']),
  taxable_amount: cents.nullable(),
  tax_rate_details: z.object({ tax_rate: idOf }).nullable().optional(),
});

const taxRecord = (t: z.output<typeof taxSchema>) => ({
  amountCents: t.amount,
  behavior: t.tax_behavior,
  taxableAmountCents: t.taxable_amount,
  taxRateId: t.tax_rate_details?.tax_rate ?? null,
});

const lineSchema = z.object({
  id: z.string(),
  description: z.string().nullable(),
  amount: cents,
  quantity: z.number().nullable(),
  quantity_decimal: decimalString.nullable().optional(),
  pricing: z.object({ unit_amount_decimal: decimalString.nullable().optional() }).nullable().optional(),
  taxes: z.array(taxSchema).nullable(),
  metadata,
  parent: z
    .object({ invoice_item_details: z.object({ invoice_item: z.string().nullable().optional() }).nullable().optional() })
    .nullable()
    .optional(),
});

export const invoiceRecord = z
  .object({
    id: z.string().startsWith('in_'),
    customer: idOf.nullable(),
    customer_email: z.string().nullable().optional(),
    status: z.enum(['draft', 'open', 'paid', 'uncollectible', 'void']).nullable(),
    number: z.string().nullable(),
    currency: z.string(),
    collection_method: z.string(),
    auto_advance: z.boolean().optional(),
    created: unix,
    effective_at: nullableUnix.optional(),
    due_date: nullableUnix,
    description: z.string().nullable(),
    footer: z.string().nullable().optional(),
    metadata: metadata.nullable(),
    custom_fields: z.array(z.object({ name: z.string(), value: z.string() })).nullable(),
    subtotal: cents,
    subtotal_excluding_tax: cents.nullable(),
    total: cents,
    total_excluding_tax: cents.nullable(),
    total_taxes: z.array(taxSchema).nullable(),
    amount_due: cents,
    amount_paid: cents,
    amount_remaining: cents,
    pre_payment_credit_notes_amount: cents.optional(),
    post_payment_credit_notes_amount: cents.optional(),
    hosted_invoice_url: z.string().nullable().optional(),
    status_transitions: z.object({
      finalized_at: nullableUnix,
      paid_at: nullableUnix,
      voided_at: nullableUnix,
      marked_uncollectible_at: nullableUnix,
    }),
    lines: z.object({ data: z.array(lineSchema), has_more: z.boolean() }),
  })
  .transform((i) => ({
    id: i.id,
    customerId: i.customer,
    customerEmail: i.customer_email ?? null,
    status: i.status,
    number: i.number,
    currency: i.currency,
    collectionMethod: i.collection_method,
    autoAdvance: i.auto_advance ?? false,
    description: i.description,
    footer: i.footer ?? null,
    metadata: i.metadata ?? {},
    customFields: i.custom_fields ?? [],
    subtotalCents: i.subtotal,
    subtotalExcludingTaxCents: i.subtotal_excluding_tax ?? i.subtotal,
    totalCents: i.total,
    totalExcludingTaxCents: i.total_excluding_tax ?? i.total,
    /** Σ total_taxes: Stripe's own per-line rounded GST. */
    taxCents: (i.total_taxes ?? []).reduce((sum, t) => sum + t.amount, 0),
    totalTaxes: (i.total_taxes ?? []).map(taxRecord),
    amountDueCents: i.amount_due,
    amountPaidCents: i.amount_paid,
    amountRemainingCents: i.amount_remaining,
    prePaymentCreditNotesCents: i.pre_payment_credit_notes_amount ?? 0,
    postPaymentCreditNotesCents: i.post_payment_credit_notes_amount ?? 0,
    hostedInvoiceUrl: i.hosted_invoice_url ?? null,
    createdAt: toIso(i.created),
    /** The invoice date: Stripe's finalization time unless set explicitly. */
    effectiveAt: toIsoOrNull(i.effective_at),
    dueAt: toIsoOrNull(i.due_date),
    finalizedAt: toIsoOrNull(i.status_transitions.finalized_at),
    paidAt: toIsoOrNull(i.status_transitions.paid_at),
    voidedAt: toIsoOrNull(i.status_transitions.voided_at),
    markedUncollectibleAt: toIsoOrNull(i.status_transitions.marked_uncollectible_at),
    lines: i.lines.data.map((l) => ({
      id: l.id,
      invoiceItemId: l.parent?.invoice_item_details?.invoice_item ?? null,
      description: l.description,
      amountCents: l.amount,
      quantity: l.quantity,
      quantityDecimal: l.quantity_decimal ?? (l.quantity === null ? null : String(l.quantity)),
      unitAmountDecimal: l.pricing?.unit_amount_decimal ?? null,
      metadata: l.metadata,
      taxCents: (l.taxes ?? []).reduce((sum, t) => sum + t.amount, 0),
      taxBehavior: l.taxes?.[0]?.tax_behavior ?? null,
      taxRateId: l.taxes?.[0]?.tax_rate_details?.tax_rate ?? null,
      taxes: (l.taxes ?? []).map(taxRecord),
    })),
    linesComplete: !i.lines.has_more,
  }));
export type StripeInvoiceRecord = z.output<typeof invoiceRecord>;

export const creditNoteRecord = z
  .object({
    id: z.string().startsWith('cn_'),
    invoice: idOf,
    customer: idOf,
    number: z.string(),
    status: z.enum(['issued', 'void']),
    type: z.string(),
    reason: z.string().nullable(),
    amount: cents,
    subtotal: cents,
    total: cents,
    total_excluding_tax: cents.nullable(),
    total_taxes: z.array(taxSchema).nullable(),
    pre_payment_amount: cents,
    post_payment_amount: cents,
    out_of_band_amount: cents.nullable(),
    refunds: z.array(z.object({ amount_refunded: cents, refund: idOf })),
    memo: z.string().nullable(),
    metadata: metadata.nullable(),
    created: unix,
    effective_at: nullableUnix,
    voided_at: nullableUnix,
  })
  .transform((c) => ({
    id: c.id,
    invoiceId: c.invoice,
    customerId: c.customer,
    number: c.number,
    status: c.status,
    type: c.type,
    reason: c.reason,
    amountCents: c.amount,
    totalCents: c.total,
    totalExcludingTaxCents: c.total_excluding_tax ?? c.total,
    taxCents: (c.total_taxes ?? []).reduce((sum, t) => sum + t.amount, 0),
    prePaymentCents: c.pre_payment_amount,
    postPaymentCents: c.post_payment_amount,
    outOfBandCents: c.out_of_band_amount ?? 0,
    refunds: c.refunds.map((r) => ({ refundId: r.refund, amountCents: r.amount_refunded })),
    memo: c.memo,
    metadata: c.metadata ?? {},
    createdAt: toIso(c.created),
    effectiveAt: toIsoOrNull(c.effective_at),
    voidedAt: toIsoOrNull(c.voided_at),
  }));
export type StripeCreditNoteRecord = z.output<typeof creditNoteRecord>;
