// Outbox payloads of the client pair, as zod schemas: a row is parsed before it is
// applied, never cast. Everything the apply step needs is decided at plan time
// (including uuids we choose for ServiceM8 creates), so a retry after a crash sends
// exactly the same request. Change a shape → bump its operation's version.
import { z } from 'zod';

const text = z.string().nullable();

export const addressSchema = z.object({
  line1: text,
  line2: text,
  city: text,
  state: text,
  postalCode: text,
  country: text,
});

/** The merge base: the two-way fields, plus the ABN last written (so a cleared ABN can be told from none). */
export const clientBaseSchema = z.object({ name: text, email: text, phone: text, address: addressSchema.nullable(), abn: text }).partial();
export type ClientBase = z.infer<typeof clientBaseSchema>;

export const stripeCustomerWriteSchema = z
  .object({
    name: text,
    email: text,
    phone: text,
    address: addressSchema.nullable(),
    /** Merged into the customer's metadata; '' removes a key. */
    metadata: z.record(z.string(), z.string()),
  })
  .partial();

export const sm8CompanyWriteSchema = z
  .object({
    name: z.string(),
    abn_number: z.string(),
    address_street: z.string(),
    address_city: z.string(),
    address_state: z.string(),
    address_postcode: z.string(),
    address_country: z.string(),
  })
  .partial();

export const sm8ContactWriteSchema = z
  .object({
    company_uuid: z.string(),
    first: z.string(),
    last: z.string(),
    email: z.string(),
    phone: z.string(),
    mobile: z.string(),
    type: z.string(),
    is_primary_contact: z.string(),
  })
  .partial();

const conflictIds = z.array(z.number().int());

export const createCustomerPayload = z.object({
  servicem8Id: z.string(),
  write: stripeCustomerWriteSchema.extend({ abn: text }),
  base: clientBaseSchema,
  servicem8EditedAt: text,
  /** Set when this replaces a deleted customer (the link is re-pointed). */
  replacesStripeId: text,
  conflictIds,
});
export type CreateCustomerPayload = z.infer<typeof createCustomerPayload>;

export const updateCustomerPayload = z.object({
  servicem8Id: z.string(),
  stripeId: z.string(),
  write: stripeCustomerWriteSchema,
  /** A new au_abn value (ServiceM8 → Stripe) when it changed; null when it was cleared in ServiceM8. */
  abn: text.optional(),
  base: clientBaseSchema,
  /** The customer's values of the written fields when the write was planned: a different value now means someone edited it since. */
  expected: clientBaseSchema.optional(),
  conflictIds,
});
export type UpdateCustomerPayload = z.infer<typeof updateCustomerPayload>;

export const createClientPayload = z.object({
  stripeId: z.string(),
  companyUuid: z.string(),
  contactUuid: z.string(),
  company: sm8CompanyWriteSchema,
  contact: sm8ContactWriteSchema,
  base: clientBaseSchema,
  stripeEditedAt: text,
  conflictIds,
});
export type CreateClientPayload = z.infer<typeof createClientPayload>;

export const updateClientPayload = z.object({
  servicem8Id: z.string(),
  stripeId: z.string(),
  contactUuid: text,
  createContact: z.boolean(),
  company: sm8CompanyWriteSchema,
  contact: sm8ContactWriteSchema,
  base: clientBaseSchema,
  /** The client's values of the written fields when the write was planned (see updateCustomerPayload). */
  expected: clientBaseSchema.optional(),
  conflictIds,
});
export type UpdateClientPayload = z.infer<typeof updateClientPayload>;

export const archiveClientPayload = z.object({ servicem8Id: z.string(), stripeId: z.string(), conflictIds });
export type ArchiveClientPayload = z.infer<typeof archiveClientPayload>;
