// Carries out one client outbox row. Every create is idempotent: Stripe by the
// row's idempotency key, ServiceM8 by the uuid chosen at plan time (looked up before
// creating, so a retry after a crash finds the record instead of making a second).
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { AppliedWrite, CycleContext, MirrorWrite } from '../engine/sync-pair';
import type { ClientPairDeps } from './client-pair';
import type {
  ArchiveClientPayload,
  ClientBase,
  CreateClientPayload,
  CreateCustomerPayload,
  UpdateClientPayload,
  UpdateCustomerPayload,
} from './payloads';
import type { Sm8CompanyWrite, Sm8ContactWrite } from './ports';
import { XREF_KEY, type Sm8Company, type Sm8Contact, type StripeCustomer } from './types';

export async function applyClientWrite(item: OutboxItem, context: CycleContext, deps: ClientPairDeps): Promise<AppliedWrite> {
  switch (item.operation) {
    case 'create_customer':
      return createCustomer(item, item.payload as CreateCustomerPayload, context, deps);
    case 'update_customer':
      return updateCustomer(item, item.payload as UpdateCustomerPayload, context, deps);
    case 'create_client':
      return createClient(item, item.payload as CreateClientPayload, context, deps);
    case 'update_client':
      return updateClient(item.payload as UpdateClientPayload, context, deps);
    case 'archive_client':
      return archiveClient(item.payload as ArchiveClientPayload, context, deps);
    default:
      throw new Error(`unknown client operation "${item.operation}"`);
  }
}

function customerMirror(customer: StripeCustomer): MirrorWrite {
  return { side: 'stripe', object: 'customer', id: customer.id, record: customer, editedAt: customer.editedAt, active: !customer.deleted };
}

/** Stripe keeps idempotency keys at least 24 hours; past that a retried create must look first. */
const KEY_LIFETIME_MS = 23 * 60 * 60_000;

async function createCustomer(
  item: OutboxItem,
  p: CreateCustomerPayload,
  context: CycleContext,
  deps: ClientPairDeps,
): Promise<AppliedWrite> {
  const age = context.now().getTime() - Date.parse(item.createdAt);
  const earlier =
    age > KEY_LIFETIME_MS && !p.replacesStripeId ? await deps.stripe.findByCrossReference(p.servicem8Id, context.signal) : null;
  const customer = earlier ?? (await deps.stripe.createCustomer(p.write, item.idempotencyKey, context.signal));
  return {
    servicem8Id: p.servicem8Id,
    stripeId: customer.id,
    link: { mode: p.replacesStripeId ? 'repoint' : 'create', servicem8EditedAt: p.servicem8EditedAt, stripeEditedAt: customer.editedAt },
    base: p.base,
    mirror: [customerMirror(customer)],
    before: null,
    after: p.base,
    conflictIds: p.conflictIds,
    result: { stripeId: customer.id },
  };
}

async function updateCustomer(
  item: OutboxItem,
  p: UpdateCustomerPayload,
  context: CycleContext,
  deps: ClientPairDeps,
): Promise<AppliedWrite> {
  const current = deps.store.mirror.get<StripeCustomer>('stripe', 'customer', p.stripeId)?.record ?? null;
  const updated = await deps.stripe.updateCustomer(p.stripeId, p.write, item.idempotencyKey, context.signal);
  if (p.abn !== undefined) await deps.stripe.setAbn(p.stripeId, p.abn, `${item.idempotencyKey}-abn`, context.signal);
  // A customer update does not return tax ids: the ABN we know stays unless we just set it.
  const customer = { ...updated, abn: p.abn !== undefined ? p.abn : (current?.abn ?? null) };
  return {
    servicem8Id: p.servicem8Id,
    stripeId: p.stripeId,
    base: p.base,
    mirror: [customerMirror(customer)],
    before: current ? pick(current, Object.keys(p.write), p.abn !== undefined) : null,
    after: { ...p.write, ...(p.abn !== undefined ? { abn: p.abn } : {}) },
    conflictIds: p.conflictIds,
    result: { stripeId: p.stripeId },
  };
}

async function createClient(item: OutboxItem, p: CreateClientPayload, context: CycleContext, deps: ClientPairDeps): Promise<AppliedWrite> {
  const { servicem8 } = deps;
  if (!(await servicem8.companyExists(p.companyUuid, context.signal)))
    await servicem8.createCompany(p.companyUuid, p.company, context.signal);
  if (!(await servicem8.contactExists(p.contactUuid, context.signal)))
    await servicem8.createContact(p.contactUuid, p.contact, context.signal);
  // The cross-reference: lets matching (and a rebuilt database) find this pair again.
  const known = deps.store.mirror.get<StripeCustomer>('stripe', 'customer', p.stripeId)?.record ?? null;
  const updated = await deps.stripe.updateCustomer(
    p.stripeId,
    { metadata: { [XREF_KEY]: p.companyUuid } },
    `${item.idempotencyKey}-xref`,
    context.signal,
  );
  const customer = { ...updated, abn: known?.abn ?? null };
  return {
    servicem8Id: p.companyUuid,
    stripeId: p.stripeId,
    link: { mode: 'create', servicem8EditedAt: null, stripeEditedAt: p.stripeEditedAt },
    base: p.base,
    mirror: [companyMirror(p.companyUuid, p.company, null), contactMirror(p.contactUuid, p.contact, null), customerMirror(customer)],
    before: null,
    after: { company: p.company, contact: p.contact },
    conflictIds: p.conflictIds,
    result: { companyUuid: p.companyUuid, contactUuid: p.contactUuid },
  };
}

async function updateClient(p: UpdateClientPayload, context: CycleContext, deps: ClientPairDeps): Promise<AppliedWrite> {
  const { servicem8, store } = deps;
  const company = store.mirror.get<Sm8Company>('servicem8', 'company', p.servicem8Id)?.record ?? null;
  const contact = p.contactUuid ? (store.mirror.get<Sm8Contact>('servicem8', 'companycontact', p.contactUuid)?.record ?? null) : null;
  if (Object.keys(p.company).length > 0) await servicem8.updateCompany(p.servicem8Id, p.company, context.signal);
  if (p.contactUuid && Object.keys(p.contact).length > 0) {
    if (p.createContact && !(await servicem8.contactExists(p.contactUuid, context.signal)))
      await servicem8.createContact(p.contactUuid, p.contact, context.signal);
    else await servicem8.updateContact(p.contactUuid, p.contact, context.signal);
  }
  const mirror: MirrorWrite[] = [];
  if (Object.keys(p.company).length > 0) mirror.push(companyMirror(p.servicem8Id, p.company, company));
  if (p.contactUuid && Object.keys(p.contact).length > 0)
    mirror.push(contactMirror(p.contactUuid, { company_uuid: p.servicem8Id, ...p.contact }, contact));
  return {
    servicem8Id: p.servicem8Id,
    stripeId: p.stripeId,
    base: p.base,
    mirror,
    before: { company: company ? pickCompany(company, p.company) : null, contact: contact ? pickContact(contact, p.contact) : null },
    after: { company: p.company, contact: p.contact },
    conflictIds: p.conflictIds,
    result: { companyUuid: p.servicem8Id, contactUuid: p.contactUuid },
  };
}

async function archiveClient(p: ArchiveClientPayload, context: CycleContext, deps: ClientPairDeps): Promise<AppliedWrite> {
  await deps.servicem8.archiveCompany(p.servicem8Id, context.signal);
  const company = deps.store.mirror.get<Sm8Company>('servicem8', 'company', p.servicem8Id)?.record ?? null;
  return {
    servicem8Id: p.servicem8Id,
    stripeId: p.stripeId,
    linkState: 'archived',
    base: {},
    mirror: company
      ? [
          {
            side: 'servicem8',
            object: 'company',
            id: company.uuid,
            record: { ...company, active: false },
            editedAt: company.editedAt,
            active: false,
          },
        ]
      : [],
    before: { active: true },
    after: { active: false },
    conflictIds: p.conflictIds,
    result: { archived: p.servicem8Id },
  };
}

/** The mirror's copy after our write; the next pull replaces it with the server's. */
function companyMirror(uuid: string, write: Sm8CompanyWrite, current: Sm8Company | null): MirrorWrite {
  const record: Sm8Company = {
    uuid,
    name: write.name ?? current?.name ?? null,
    abn: write.abn_number ?? current?.abn ?? null,
    address: {
      street: write.address_street ?? current?.address.street ?? null,
      city: write.address_city ?? current?.address.city ?? null,
      state: write.address_state ?? current?.address.state ?? null,
      postcode: write.address_postcode ?? current?.address.postcode ?? null,
      country: write.address_country ?? current?.address.country ?? null,
    },
    isIndividual: current?.isIndividual ?? false,
    active: current?.active ?? true,
    editedAt: current?.editedAt ?? null,
  };
  return { side: 'servicem8', object: 'company', id: uuid, record, editedAt: record.editedAt, active: record.active };
}

function contactMirror(uuid: string, write: Sm8ContactWrite, current: Sm8Contact | null): MirrorWrite {
  const record: Sm8Contact = {
    uuid,
    companyUuid: write.company_uuid ?? current?.companyUuid ?? '',
    first: write.first ?? current?.first ?? null,
    last: write.last ?? current?.last ?? null,
    email: write.email ?? current?.email ?? null,
    phone: write.phone ?? current?.phone ?? null,
    mobile: write.mobile ?? current?.mobile ?? null,
    type: write.type ?? current?.type ?? null,
    isPrimary: write.is_primary_contact !== undefined ? write.is_primary_contact === '1' : (current?.isPrimary ?? false),
    active: current?.active ?? true,
    editedAt: current?.editedAt ?? null,
  };
  return { side: 'servicem8', object: 'companycontact', id: uuid, record, editedAt: record.editedAt, active: record.active };
}

function pick(
  customer: StripeCustomer,
  keys: string[],
  withAbn: boolean,
): ClientBase & { abn?: string | null; metadata?: Record<string, string> } {
  const out: Record<string, unknown> = {};
  for (const key of keys) out[key] = (customer as unknown as Record<string, unknown>)[key] ?? null;
  if (withAbn) out.abn = customer.abn;
  return out;
}

function pickCompany(company: Sm8Company, write: Sm8CompanyWrite): Record<string, unknown> {
  const flat: Record<string, unknown> = {
    name: company.name,
    abn_number: company.abn,
    address_street: company.address.street,
    address_city: company.address.city,
    address_state: company.address.state,
    address_postcode: company.address.postcode,
    address_country: company.address.country,
  };
  return Object.fromEntries(Object.keys(write).map((k) => [k, flat[k] ?? null]));
}

function pickContact(contact: Sm8Contact, write: Sm8ContactWrite): Record<string, unknown> {
  const flat: Record<string, unknown> = {
    email: contact.email,
    phone: contact.phone,
    mobile: contact.mobile,
    first: contact.first,
    last: contact.last,
    type: contact.type,
  };
  return Object.fromEntries(
    Object.keys(write)
      .filter((k) => k in flat)
      .map((k) => [k, flat[k] ?? null]),
  );
}
