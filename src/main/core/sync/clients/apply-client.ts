// Carries out the clients pair's outbox rows, one handler per operation. Every create
// is idempotent: Stripe by the row's idempotency key, ServiceM8 by the uuid chosen at
// plan time (looked up before creating, so a retry after a crash finds the record
// instead of making a second). Every update is conditional (conditional-write.ts).
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { OperationHandler } from '../engine/pair-definition';
import { handler, handlersByName } from '../kit/handler';
import type { AppliedWrite, CycleContext, MirrorWrite } from '../engine/sync-pair';
import { assembleServiceM8Client, assembleStripeClient } from './assemble';
import { staleFields, without } from './conditional-write';
import { CLIENT_OPERATIONS } from './operations';
import type { ClientPairDeps } from './pair-deps';
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

export function clientHandlers(deps: ClientPairDeps): Record<string, OperationHandler<never>> {
  const ops = CLIENT_OPERATIONS;
  const handlers: OperationHandler<never>[] = [
    handler(ops.create_customer, (p, item, context) => createCustomer(item, p, context, deps)),
    handler(ops.update_customer, (p, item, context) => updateCustomer(item, p, context, deps)),
    handler(ops.create_client, (p, item, context) => createClient(item, p, context, deps)),
    handler(ops.update_client, (p, _item, context) => updateClient(p, context, deps)),
    handler(ops.archive_client, (p, _item, context) => archiveClient(p, context, deps)),
  ];
  return handlersByName(handlers);
}

function customerMirror(customer: StripeCustomer): MirrorWrite {
  return { side: 'stripe', object: 'customer', id: customer.id, record: customer, editedAt: customer.editedAt, active: !customer.deleted };
}

/**
 * The mirror's copy of a customer we just updated. A Stripe customer says when it was
 * created, never when it last changed, so the time of our write is not known (the
 * next pull brings its event's time). Stamping it with this machine's clock made the
 * mirror refuse a later edit whose event time was earlier (Stripe stamps events in
 * whole seconds, and this machine's clock may run ahead of Stripe's): that edit was
 * then reverted on the next cycle, a lost update.
 */
function updatedCustomerMirror(customer: StripeCustomer): MirrorWrite {
  return customerMirror({ ...customer, editedAt: null });
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
  const live = p.expected && Object.keys(p.expected).length > 0 ? await deps.stripe.getCustomer(p.stripeId, context.signal) : null;
  const assembled = live ? assembleStripeClient(live, context.settings.rules.transforms) : null;
  const stale = staleFields({
    target: 'stripe',
    servicem8Id: p.servicem8Id,
    stripeId: p.stripeId,
    expected: p.expected,
    planned: p.base,
    live: assembled?.ok ? assembled.record.fields : null,
    liveEditedAt: null,
  });
  const write = without(p.write, stale.skip);
  const base = without(p.base, stale.skip);
  // Stripe refuses a key reused with other parameters. A retry after a lost answer finds
  // the fields it already wrote and leaves them out: that smaller request gets its own
  // key (the same one on every retry that leaves out the same fields).
  const key = stale.skip.size > 0 ? `${item.idempotencyKey}-without-${[...stale.skip].sort().join('-')}` : item.idempotencyKey;
  const updated = await deps.stripe.updateCustomer(p.stripeId, write, key, context.signal);
  if (p.abn !== undefined) await deps.stripe.setAbn(p.stripeId, p.abn, `${item.idempotencyKey}-abn`, context.signal);
  // A customer update does not return tax ids: the ABN we know stays unless we just set it.
  const customer = { ...updated, abn: p.abn !== undefined ? p.abn : (current?.abn ?? null) };
  const was = live ?? current;
  return {
    servicem8Id: p.servicem8Id,
    stripeId: p.stripeId,
    base,
    mirror: [updatedCustomerMirror(customer)],
    before: was ? pick(was, Object.keys(write), p.abn !== undefined) : null,
    after: { ...write, ...(p.abn !== undefined ? { abn: p.abn } : {}) },
    conflictIds: p.conflictIds,
    raised: stale.raised,
    result: { stripeId: p.stripeId, ...(stale.skip.size ? { leftAlone: [...stale.skip] } : {}) },
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
    mirror: [companyMirror(p.companyUuid, p.company, null), contactMirror(p.contactUuid, p.contact, null), updatedCustomerMirror(customer)],
    before: null,
    after: { company: p.company, contact: p.contact },
    conflictIds: p.conflictIds,
    result: { companyUuid: p.companyUuid, contactUuid: p.contactUuid },
  };
}

/** Which ServiceM8 write keys carry each merged field. */
const SERVICEM8_KEYS: Record<keyof ClientBase, { company: string[]; contact: string[] }> = {
  name: { company: ['name'], contact: [] },
  address: { company: ['address_street', 'address_city', 'address_state', 'address_postcode', 'address_country'], contact: [] },
  email: { company: [], contact: ['email'] },
  phone: { company: [], contact: ['phone', 'mobile'] },
  abn: { company: ['abn_number'], contact: [] },
};

async function updateClient(planned: UpdateClientPayload, context: CycleContext, deps: ClientPairDeps): Promise<AppliedWrite> {
  const { servicem8, store } = deps;
  const liveCompany = planned.expected ? await servicem8.getCompany(planned.servicem8Id, context.signal) : null;
  const liveContact =
    planned.expected && planned.contactUuid && !planned.createContact
      ? await servicem8.getContact(planned.contactUuid, context.signal)
      : null;
  const assembled = liveCompany
    ? assembleServiceM8Client(liveCompany, liveContact ? [liveContact] : [], context.settings.rules.transforms)
    : null;
  const stale = staleFields({
    target: 'servicem8',
    servicem8Id: planned.servicem8Id,
    stripeId: planned.stripeId,
    expected: planned.expected,
    planned: planned.base,
    live: assembled?.ok ? assembled.record.fields : null,
    liveEditedAt: liveCompany?.editedAt ?? null,
  });
  const skipped = [...stale.skip];
  const p: UpdateClientPayload = {
    ...planned,
    company: without(
      planned.company,
      skipped.flatMap((f) => SERVICEM8_KEYS[f].company),
    ),
    contact: without(
      planned.contact,
      skipped.flatMap((f) => SERVICEM8_KEYS[f].contact),
    ),
    base: without(planned.base, skipped),
  };
  const company = liveCompany ?? store.mirror.get<Sm8Company>('servicem8', 'company', p.servicem8Id)?.record ?? null;
  const contact =
    liveContact ?? (p.contactUuid ? (store.mirror.get<Sm8Contact>('servicem8', 'companycontact', p.contactUuid)?.record ?? null) : null);
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
    raised: stale.raised,
    result: { companyUuid: p.servicem8Id, contactUuid: p.contactUuid, ...(skipped.length ? { leftAlone: skipped } : {}) },
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
