// The clients pair's operations: payload schema and its version, how the idempotency
// key is made, whether it counts as a create or an update, and how it reads in the
// activity list. The handlers (apply-client.ts) carry them out.
import type { OperationDefinition } from '../engine/pair-definition';
import type { AppliedWrite } from '../engine/sync-pair';
import {
  archiveClientPayload,
  createClientPayload,
  createCustomerPayload,
  updateClientPayload,
  updateCustomerPayload,
  type ArchiveClientPayload,
  type CreateClientPayload,
  type CreateCustomerPayload,
  type UpdateClientPayload,
  type UpdateCustomerPayload,
} from './payloads';

const LABELS: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  phone: 'Phone',
  mobile: 'Mobile',
  address: 'Address',
  abn: 'ABN',
  abn_number: 'ABN',
  address_street: 'Street',
  address_city: 'Suburb',
  address_state: 'State',
  address_postcode: 'Postcode',
  address_country: 'Country',
  first: 'First name',
  last: 'Last name',
};

function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') {
    const a = value as Record<string, unknown>;
    const parts = [a.line1, a.line2, [a.city, a.state, a.postalCode].filter(Boolean).join(' '), a.country];
    return parts.filter((p) => typeof p === 'string' && p !== '').join(', ') || '(empty)';
  }
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '(unreadable)';
}

/** "Phone 0412 345 678 → 0412 345 999; Email (empty) → a@b.au" for the fields a write changed. */
export function changeWords(before: Record<string, unknown> | null | undefined, after: Record<string, unknown>): string {
  return Object.entries(after)
    .filter(([key]) => key in LABELS)
    .map(([key, value]) => `${LABELS[key]} ${shown(before?.[key])} → ${shown(value)}`)
    .join('; ');
}

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

function describeClientUpdate(applied: AppliedWrite | null, p: UpdateClientPayload): string {
  const before = record(applied?.before);
  const words = [changeWords(record(before.company), p.company), changeWords(record(before.contact), p.contact)].filter(Boolean);
  return words.length ? `Updated the ServiceM8 client: ${words.join('; ')}` : 'Checked the ServiceM8 client; nothing needed writing';
}

export const CLIENT_OPERATIONS = {
  create_customer: {
    name: 'create_customer',
    target: 'stripe',
    version: 1,
    schema: createCustomerPayload,
    idempotency: 'content',
    counts: 'created',
    describe: (p: CreateCustomerPayload) =>
      p.replacesStripeId
        ? `Created the Stripe customer ${p.write.name ?? ''} again (the old one was deleted)`.replace('  ', ' ')
        : `Created the Stripe customer ${p.write.name ?? '(no name)'}`,
  } satisfies OperationDefinition<CreateCustomerPayload>,
  update_customer: {
    name: 'update_customer',
    target: 'stripe',
    version: 1,
    schema: updateCustomerPayload,
    idempotency: 'run',
    counts: 'updated',
    describe: (p: UpdateCustomerPayload, applied: AppliedWrite | null) => {
      const after = record(applied?.after ?? p.write);
      const words = changeWords(record(applied?.before), after);
      if (words) return `Updated the Stripe customer: ${words}`;
      return 'Recorded the ServiceM8 link on the Stripe customer';
    },
  } satisfies OperationDefinition<UpdateCustomerPayload>,
  create_client: {
    name: 'create_client',
    target: 'servicem8',
    version: 1,
    schema: createClientPayload,
    idempotency: 'content',
    counts: 'created',
    describe: (p: CreateClientPayload) => `Created the ServiceM8 client ${p.company.name || '(no name)'} with a billing contact`,
  } satisfies OperationDefinition<CreateClientPayload>,
  update_client: {
    name: 'update_client',
    target: 'servicem8',
    version: 1,
    schema: updateClientPayload,
    idempotency: 'run',
    counts: 'updated',
    describe: (p: UpdateClientPayload, applied: AppliedWrite | null) => describeClientUpdate(applied, p),
  } satisfies OperationDefinition<UpdateClientPayload>,
  archive_client: {
    name: 'archive_client',
    target: 'servicem8',
    version: 1,
    schema: archiveClientPayload,
    idempotency: 'run',
    counts: 'updated',
    describe: () => 'Archived the ServiceM8 client (its Stripe customer was deleted)',
  } satisfies OperationDefinition<ArchiveClientPayload>,
} as const;
