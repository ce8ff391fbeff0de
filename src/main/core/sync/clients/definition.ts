// The clients pair as the rest of the app sees it: its words, what it mirrors, the
// feeds and cursors it reads, its operations and its questions.
import type { PairDefinition } from '../engine/pair-definition';
import { STRIPE_EVENTS_FEED } from '../kit/feeds';
import { CLIENT_CONFLICT_KINDS } from './conflict-kinds';
import { displayClientValue } from './display-value';
import { CLIENT_OPERATIONS } from './operations';
import { CLIENT_ENTITY } from './plan-context';

export const CLIENT_CURSORS = { companies: 'servicem8.company', contacts: 'servicem8.companycontact' } as const;

export const CUSTOMER_EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'customer.tax_id.created',
  'customer.tax_id.updated',
  'customer.tax_id.deleted',
] as const;

function nameOf(record: unknown): string | null {
  const r = record as { name?: unknown; email?: unknown } | null;
  if (!r || typeof r !== 'object') return null;
  if (typeof r.name === 'string' && r.name.trim()) return r.name;
  return typeof r.email === 'string' && r.email.trim() ? r.email : null;
}

export const clientDefinition: PairDefinition = {
  entity: CLIENT_ENTITY,
  labels: { singular: 'client', plural: 'clients', servicem8: 'ServiceM8 clients', stripe: 'Stripe customers' },
  mirrors: { servicem8: 'company', stripe: 'customer' },
  cursors: [CLIENT_CURSORS.companies, CLIENT_CURSORS.contacts],
  feeds: { [STRIPE_EVENTS_FEED]: CUSTOMER_EVENT_TYPES },
  dependsOn: [],
  operations: CLIENT_OPERATIONS,
  conflictKinds: CLIENT_CONFLICT_KINDS,
  displayValue: (field, value, settings) => displayClientValue(field, value, settings.rules.transforms.phoneFormat),
  recordName: (_side, record) => nameOf(record),
};
