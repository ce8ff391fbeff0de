// The payments pair as the rest of the app sees it: its words, what it mirrors, the
// feeds and cursors it reads, its operations and its questions. It runs after the
// invoices pair, whose links (job ⇄ Stripe invoice) it needs.
import type { PairDefinition } from '../engine/pair-definition';
import { STRIPE_EVENTS_FEED } from '../kit/feeds';
import { PAYMENT_EVENT_TYPES } from './adapters/stripe-payments-port';
import { PAYMENT_CONFLICT_KINDS } from './conflict-kinds';
import { PAYMENT_OPERATIONS } from './operations';
import { dollars } from './words';
import { INVOICE_ENTITY, MIRROR, PAYMENT_ENTITY } from './types';

export const PAYMENT_CURSORS = { jobPayments: 'servicem8.jobpayment' } as const;

function nameOf(record: unknown): string | null {
  const r = record as { amountCents?: unknown; method?: unknown; id?: unknown } | null;
  if (!r || typeof r !== 'object' || typeof r.amountCents !== 'number') return null;
  return `${dollars(r.amountCents)}${typeof r.method === 'string' && r.method ? ` ${r.method}` : ''}${typeof r.id === 'string' ? ` ${r.id}` : ''}`;
}

export const paymentDefinition: PairDefinition = {
  entity: PAYMENT_ENTITY,
  labels: { singular: 'payment', plural: 'payments', servicem8: 'ServiceM8 job payments', stripe: 'Stripe payments' },
  mirrors: { servicem8: MIRROR.servicem8, stripe: MIRROR.charge },
  cursors: [PAYMENT_CURSORS.jobPayments],
  feeds: { [STRIPE_EVENTS_FEED]: PAYMENT_EVENT_TYPES },
  dependsOn: [INVOICE_ENTITY],
  operations: PAYMENT_OPERATIONS,
  conflictKinds: PAYMENT_CONFLICT_KINDS,
  recordName: (_side, record) => nameOf(record),
};
