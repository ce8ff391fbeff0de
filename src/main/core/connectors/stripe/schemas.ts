// Zod schemas for the parts of Stripe objects the sync reads, and their mapping to
// our canonical shapes: integer cents, UTC ISO instants, camelCase. Anything that
// does not fit fails loudly here instead of deep inside the engine.
import { z } from 'zod';

const cents = z.number().int();
const unix = z.number().int().nonnegative();
const nullableUnix = unix.nullable();
const metadata = z.record(z.string(), z.string());

export const toIso = (seconds: number): string => new Date(seconds * 1000).toISOString();
const toIsoOrNull = (seconds: number | null | undefined): string | null =>
  seconds === null || seconds === undefined ? null : toIso(seconds);

const addressSchema = z.object({
  line1: z.string().nullable(),
  line2: z.string().nullable(),
  city: z.string().nullable(),
  state: z.string().nullable(),
  postal_code: z.string().nullable(),
  country: z.string().nullable(),
});

export const customerSchema = z.object({
  id: z.string().startsWith('cus_'),
  object: z.literal('customer'),
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  description: z.string().nullable(),
  address: addressSchema.nullable(),
  metadata,
  created: unix,
  // Includable: present only when the request expanded `tax_ids` (`data.tax_ids` on lists).
  tax_ids: z.object({ data: z.array(z.object({ type: z.string(), value: z.string() })) }).optional(),
});

export const customerRecord = customerSchema.transform((c) => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  description: c.description,
  address: c.address && {
    line1: c.address.line1,
    line2: c.address.line2,
    city: c.address.city,
    state: c.address.state,
    postalCode: c.address.postal_code,
    country: c.address.country,
  },
  metadata: c.metadata,
  servicem8Uuid: c.metadata.servicem8_uuid ?? null,
  createdAt: toIso(c.created),
  /** Only when the request expanded them; undefined = not asked. */
  taxIds: c.tax_ids?.data.map((t) => ({ type: t.type, value: t.value })),
}));
export type StripeCustomerRecord = z.output<typeof customerRecord>;

export const taxRateRecord = z
  .object({
    id: z.string().startsWith('txr_'),
    display_name: z.string(),
    percentage: z.number(),
    inclusive: z.boolean(),
    active: z.boolean(),
    country: z.string().nullable(),
    tax_type: z.string().nullable(),
  })
  .transform((r) => ({
    id: r.id,
    displayName: r.display_name,
    percentage: r.percentage,
    inclusive: r.inclusive,
    active: r.active,
    country: r.country,
    taxType: r.tax_type,
  }));
export type StripeTaxRateRecord = z.output<typeof taxRateRecord>;

export const taxIdRecord = z
  .object({ id: z.string().startsWith('txi_'), type: z.string(), value: z.string(), customer: z.string().nullable() })
  .transform((t) => ({ id: t.id, type: t.type, value: t.value, customerId: t.customer }));
export type StripeTaxIdRecord = z.output<typeof taxIdRecord>;

const taxSchema = z.object({
  amount: cents,
  tax_behavior: z.enum(['inclusive', 'exclusive']),
  taxable_amount: cents.nullable(),
  tax_rate_details: z.object({ tax_rate: z.string() }).nullable().optional(),
});

const lineSchema = z.object({
  id: z.string(),
  description: z.string().nullable(),
  amount: cents,
  quantity: z.number().nullable(),
  taxes: z.array(taxSchema).nullable(),
  metadata,
});

export const invoiceRecord = z
  .object({
    id: z.string().startsWith('in_'),
    customer: z.string().nullable(),
    status: z.enum(['draft', 'open', 'paid', 'uncollectible', 'void']).nullable(),
    number: z.string().nullable(),
    currency: z.string(),
    collection_method: z.string(),
    created: unix,
    due_date: nullableUnix,
    description: z.string().nullable(),
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
    status: i.status,
    number: i.number,
    currency: i.currency,
    collectionMethod: i.collection_method,
    description: i.description,
    metadata: i.metadata ?? {},
    customFields: i.custom_fields ?? [],
    subtotalCents: i.subtotal,
    totalCents: i.total,
    totalExcludingTaxCents: i.total_excluding_tax ?? i.total,
    taxCents: (i.total_taxes ?? []).reduce((sum, t) => sum + t.amount, 0),
    amountDueCents: i.amount_due,
    amountPaidCents: i.amount_paid,
    amountRemainingCents: i.amount_remaining,
    createdAt: toIso(i.created),
    dueAt: toIsoOrNull(i.due_date),
    finalizedAt: toIsoOrNull(i.status_transitions.finalized_at),
    paidAt: toIsoOrNull(i.status_transitions.paid_at),
    voidedAt: toIsoOrNull(i.status_transitions.voided_at),
    markedUncollectibleAt: toIsoOrNull(i.status_transitions.marked_uncollectible_at),
    lines: i.lines.data.map((l) => ({
      id: l.id,
      description: l.description,
      amountCents: l.amount,
      quantity: l.quantity,
      metadata: l.metadata,
      taxCents: (l.taxes ?? []).reduce((sum, t) => sum + t.amount, 0),
      taxBehavior: l.taxes?.[0]?.tax_behavior ?? null,
      taxRateId: l.taxes?.[0]?.tax_rate_details?.tax_rate ?? null,
    })),
    linesComplete: !i.lines.has_more,
  }));
export type StripeInvoiceRecord = z.output<typeof invoiceRecord>;

export const invoicePaymentRecord = z
  .object({
    id: z.string(),
    invoice: z.string(),
    status: z.string(),
    amount_requested: cents,
    amount_paid: cents.nullable(),
    is_default: z.boolean(),
    payment: z.object({ type: z.string(), payment_intent: z.string().optional(), charge: z.string().optional() }),
    status_transitions: z.object({ paid_at: nullableUnix, canceled_at: nullableUnix }),
    created: unix,
  })
  .transform((p) => ({
    id: p.id,
    invoiceId: p.invoice,
    status: p.status,
    amountRequestedCents: p.amount_requested,
    amountPaidCents: p.amount_paid ?? 0,
    isDefault: p.is_default,
    paymentType: p.payment.type,
    paymentIntentId: p.payment.payment_intent ?? null,
    chargeId: p.payment.charge ?? null,
    paidAt: toIsoOrNull(p.status_transitions.paid_at),
    canceledAt: toIsoOrNull(p.status_transitions.canceled_at),
    createdAt: toIso(p.created),
  }));
export type StripeInvoicePaymentRecord = z.output<typeof invoicePaymentRecord>;

export const chargeRecord = z
  .object({
    id: z.string().startsWith('ch_'),
    amount: cents,
    amount_refunded: cents,
    refunded: z.boolean(),
    status: z.string(),
    paid: z.boolean(),
    currency: z.string(),
    customer: z.string().nullable(),
    payment_intent: z.string().nullable(),
    created: unix,
    description: z.string().nullable(),
  })
  .transform((c) => ({
    id: c.id,
    amountCents: c.amount,
    amountRefundedCents: c.amount_refunded,
    refunded: c.refunded,
    status: c.status,
    paid: c.paid,
    currency: c.currency,
    customerId: c.customer,
    paymentIntentId: c.payment_intent,
    description: c.description,
    createdAt: toIso(c.created),
  }));
export type StripeChargeRecord = z.output<typeof chargeRecord>;

export const refundRecord = z
  .object({
    id: z.string().startsWith('re_'),
    amount: cents,
    charge: z.string().nullable(),
    payment_intent: z.string().nullable(),
    status: z.string().nullable(),
    reason: z.string().nullable(),
    currency: z.string(),
    created: unix,
  })
  .transform((r) => ({
    id: r.id,
    amountCents: r.amount,
    chargeId: r.charge,
    paymentIntentId: r.payment_intent,
    status: r.status,
    reason: r.reason,
    currency: r.currency,
    createdAt: toIso(r.created),
  }));
export type StripeRefundRecord = z.output<typeof refundRecord>;

export const eventRecord = z
  .object({
    id: z.string().startsWith('evt_'),
    type: z.string(),
    created: unix,
    data: z.object({ object: z.record(z.string(), z.unknown()), previous_attributes: z.record(z.string(), z.unknown()).optional() }),
    request: z.object({ id: z.string().nullable(), idempotency_key: z.string().nullable() }).nullable(),
  })
  .transform((e) => ({
    id: e.id,
    type: e.type,
    createdAt: toIso(e.created),
    object: e.data.object,
    objectId: typeof e.data.object.id === 'string' ? e.data.object.id : null,
    previousAttributes: e.data.previous_attributes ?? null,
    requestId: e.request?.id ?? null,
    idempotencyKey: e.request?.idempotency_key ?? null,
  }));
export type StripeEventRecord = z.output<typeof eventRecord>;
