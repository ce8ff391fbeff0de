// Records a client's open quotes on its Stripe customer (plan-quotes.ts). The live
// customer is read first: only keys that still differ are sent (a replay writes
// nothing), and the write is refused in words when it would leave no room under
// Stripe's 50 metadata keys for the clients pair's own keys.
import { StripeConnectorError } from '../../connectors/stripe/errors';
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { AppliedWrite, CycleContext } from '../engine/sync-pair';
import { ARCHIVED_KEY, EDIT_DATE_KEY, XREF_KEY } from '../clients/types';
import type { InvoicePairDeps } from './pair-deps';
import type { RecordQuotesPayload } from './payloads';
import { QUOTE_META } from './plan-quotes';

const STRIPE_MAX_KEYS = 50;
const CLIENT_KEYS = [XREF_KEY, ARCHIVED_KEY, EDIT_DATE_KEY];

const quoteKeys = (metadata: Record<string, string>) =>
  Object.fromEntries(Object.values(QUOTE_META).map((k) => [k, metadata[k] ?? ''] as const));

export async function recordQuotes(
  p: RecordQuotesPayload,
  item: OutboxItem,
  _context: CycleContext,
  deps: InvoicePairDeps,
): Promise<AppliedWrite> {
  const live = await deps.stripe.getCustomer(p.customerId);
  if (!live) throw new StripeConnectorError('not_found', `Stripe customer ${p.customerId} no longer exists: the quotes were not recorded.`);
  const patch = Object.fromEntries(Object.entries(p.metadata).filter(([k, v]) => (live.metadata[k] ?? '') !== v));
  const after = new Set([...Object.keys(live.metadata), ...CLIENT_KEYS]);
  for (const [k, v] of Object.entries(patch)) {
    if (v === '') after.delete(k);
    else after.add(k);
  }
  if (after.size > STRIPE_MAX_KEYS)
    throw new StripeConnectorError(
      'validation',
      `Stripe customer ${p.customerId} already has ${Object.keys(live.metadata).length} metadata keys; Stripe allows ${STRIPE_MAX_KEYS}, so the quotes were not recorded (remove some keys in Stripe).`,
    );
  const updated = Object.keys(patch).length
    ? await deps.stripe.updateCustomer(p.customerId, { metadata: patch }, item.idempotencyKey)
    : live;
  return {
    servicem8Id: p.companyUuid,
    stripeId: p.customerId,
    base: {},
    mirror: [],
    before: { client: p.client, customer: p.customerId, ...quoteKeys(live.metadata) },
    after: { client: p.client, customer: p.customerId, ...quoteKeys(updated.metadata) },
    conflictIds: [],
    result: { customerId: p.customerId, quotes: p.quotes, written: Object.keys(patch) },
  };
}
