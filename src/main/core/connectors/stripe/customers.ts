// Customers and their tax ids. Matching helpers: by `metadata.servicem8_uuid`
// (a list scan: search is eventually consistent, reference §10) and by email
// (Stripe's filter is exact and case-sensitive, so see findCustomersByEmail).
import type Stripe from 'stripe';
import { call, listAll, requireKey, type CallContext } from './call';
import { StripeConnectorError } from './errors';
import { customerRecord, taxIdRecord, type StripeCustomerRecord, type StripeTaxIdRecord } from './schemas';
import { parseEach, type UnreadObject } from './schema-parts';

export interface CustomerInput {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  description?: string | null;
  address?: {
    line1?: string | null;
    line2?: string | null;
    city?: string | null;
    state?: string | null;
    postalCode?: string | null;
    country?: string | null;
  } | null;
  /** Merged into existing metadata; a value of '' removes the key. */
  metadata?: Record<string, string>;
}

function toParams(input: CustomerInput): Stripe.CustomerUpdateParams {
  const params: Stripe.CustomerUpdateParams = {};
  if (input.name !== undefined) params.name = input.name ?? '';
  if (input.email !== undefined) params.email = input.email ?? '';
  if (input.phone !== undefined) params.phone = input.phone ?? '';
  if (input.description !== undefined) params.description = input.description ?? '';
  if (input.address !== undefined) {
    const a = input.address;
    params.address =
      a === null
        ? ''
        : {
            line1: a.line1 ?? '',
            line2: a.line2 ?? '',
            city: a.city ?? '',
            state: a.state ?? '',
            postal_code: a.postalCode ?? '',
            country: a.country ?? '',
          };
  }
  if (input.metadata !== undefined) params.metadata = input.metadata;
  return params;
}

export async function createCustomer(ctx: CallContext, input: CustomerInput, idempotencyKey: string): Promise<StripeCustomerRecord> {
  const key = requireKey(idempotencyKey);
  const created = await call(ctx, 'customers.create', (s) =>
    s.customers.create(toParams(input) as Stripe.CustomerCreateParams, { idempotencyKey: key }),
  );
  return customerRecord.parse(created);
}

export async function updateCustomer(
  ctx: CallContext,
  id: string,
  input: CustomerInput,
  idempotencyKey: string,
): Promise<StripeCustomerRecord> {
  const key = requireKey(idempotencyKey);
  return customerRecord.parse(await call(ctx, 'customers.update', (s) => s.customers.update(id, toParams(input), { idempotencyKey: key })));
}

export async function deleteCustomer(ctx: CallContext, id: string): Promise<void> {
  await call(ctx, 'customers.del', (s) => s.customers.del(id));
}

/** The customer, or null when it does not exist or was deleted. */
export async function getCustomer(ctx: CallContext, id: string): Promise<StripeCustomerRecord | null> {
  try {
    const found = await call(ctx, 'customers.retrieve', (s) => s.customers.retrieve(id));
    return 'deleted' in found && found.deleted ? null : customerRecord.parse(found);
  } catch (error) {
    if (error instanceof StripeConnectorError && error.kind === 'not_found') return null;
    throw error;
  }
}

export async function listCustomers(
  ctx: CallContext,
  filter: { createdGte?: number; withTaxIds?: boolean } = {},
  unread?: UnreadObject[],
): Promise<StripeCustomerRecord[]> {
  const params: Stripe.CustomerListParams = { limit: 100 };
  if (filter.createdGte !== undefined) params.created = { gte: filter.createdGte };
  // One list with the tax ids expanded beats one tax-id request per customer.
  if (filter.withTaxIds) params.expand = ['data.tax_ids'];
  // Every customer, however many: a partial list would make the missing ones look deleted.
  const all = await listAll(ctx, 'customers.list', (s) => s.customers.list(params), Number.POSITIVE_INFINITY);
  return parseEach(customerRecord, all, 'customer', unread);
}

/**
 * Customers whose email matches. Stripe's `email` filter is exact and
 * case-sensitive, so this asks for the address as given and lower-cased; with
 * `scanAll` it also scans every customer and compares case-insensitively (slow,
 * but finds `Sarah.Nguyen@…` stored as any casing). Several results = duplicates.
 */
export async function findCustomersByEmail(
  ctx: CallContext,
  email: string,
  options: { scanAll?: boolean } = {},
): Promise<StripeCustomerRecord[]> {
  const wanted = email.trim().toLowerCase();
  const found = new Map<string, StripeCustomerRecord>();
  if (options.scanAll) {
    // A malformed customer cannot be the one sought (it is quarantined by the sync): skipped, not fatal.
    for (const c of await listCustomers(ctx, {}, [])) if (c.email?.trim().toLowerCase() === wanted) found.set(c.id, c);
    return [...found.values()];
  }
  for (const variant of new Set([email.trim(), wanted])) {
    const page = await listAll(ctx, 'customers.list(email)', (s) => s.customers.list({ email: variant, limit: 100 }));
    for (const c of page) found.set(c.id, customerRecord.parse(c));
  }
  return [...found.values()];
}

export async function findCustomersByServiceM8Uuid(ctx: CallContext, uuid: string): Promise<StripeCustomerRecord[]> {
  return (await listCustomers(ctx, {}, [])).filter((c) => c.servicem8Uuid === uuid);
}

export async function addAbn(ctx: CallContext, customerId: string, abn: string, idempotencyKey: string): Promise<StripeTaxIdRecord> {
  const key = requireKey(idempotencyKey);
  const value = abn.replace(/\s+/g, '');
  return taxIdRecord.parse(
    await call(ctx, 'taxIds.create', (s) => s.customers.createTaxId(customerId, { type: 'au_abn', value }, { idempotencyKey: key })),
  );
}

export async function listTaxIds(ctx: CallContext, customerId: string): Promise<StripeTaxIdRecord[]> {
  const all = await listAll(ctx, 'taxIds.list', (s) => s.customers.listTaxIds(customerId, { limit: 100 }));
  return all.map((t) => taxIdRecord.parse(t));
}

export async function deleteTaxId(ctx: CallContext, customerId: string, taxId: string): Promise<void> {
  await call(ctx, 'taxIds.del', (s) => s.customers.deleteTaxId(customerId, taxId));
}
