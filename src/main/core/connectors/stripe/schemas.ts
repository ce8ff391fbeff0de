// Zod schemas for the parts of Stripe objects the sync reads, and their mapping to
// our canonical shapes: integer cents, UTC ISO instants, camelCase. Anything that
// does not fit fails loudly here instead of deep inside the engine.
import { z } from 'zod';

import { metadata, toIso, unix } from './schema-parts';

export { toIso } from './schema-parts';
export * from './invoice-schemas';
export * from './payment-schemas';

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
    metadata: metadata.nullable().optional(),
  })
  .transform((r) => ({
    id: r.id,
    displayName: r.display_name,
    percentage: r.percentage,
    inclusive: r.inclusive,
    active: r.active,
    country: r.country,
    taxType: r.tax_type,
    metadata: r.metadata ?? {},
  }));
export type StripeTaxRateRecord = z.output<typeof taxRateRecord>;

export const taxIdRecord = z
  .object({ id: z.string().startsWith('txi_'), type: z.string(), value: z.string(), customer: z.string().nullable() })
  .transform((t) => ({ id: t.id, type: t.type, value: t.value, customerId: t.customer }));
export type StripeTaxIdRecord = z.output<typeof taxIdRecord>;

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
