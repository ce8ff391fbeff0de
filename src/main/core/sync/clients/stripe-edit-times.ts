// When a person changed a Stripe customer's field, for a question's "edited" time. A
// Stripe customer carries no edit time of its own, and the time the mirror keeps may be
// the time of sm8sync's own write (its event comes back through the feed), so the time
// shown is the `created` of the latest customer event that changed that field and was
// not one of our writes (idempotency key `sm8sync-…`); a deletion's is its
// customer.deleted event. Not in this cycle's events: the time a live question already
// had, else none ("edited in Stripe", never a false time).
import type { NewConflict } from '../../store/repositories/conflicts-repository';
import type { FeedEvent } from '../engine/change-feed';
import { OUR_KEY_PREFIX } from '../kit/overwrites';

/** The customer attributes (Stripe's previous_attributes keys) behind each client field. */
const ATTRIBUTES: Record<string, readonly string[]> = { name: ['name'], email: ['email'], phone: ['phone'], address: ['address'] };

const ours = (event: FeedEvent) => typeof event.idempotencyKey === 'string' && event.idempotencyKey.startsWith(OUR_KEY_PREFIX);

function customerOf(event: FeedEvent): string | null {
  if (event.type.startsWith('customer.tax_id.')) {
    const customer = (event.object as { customer?: unknown } | null)?.customer;
    return typeof customer === 'string' ? customer : null;
  }
  return event.objectId;
}

function changes(event: FeedEvent, field: string): boolean {
  if (field === 'abn') return event.type.startsWith('customer.tax_id.');
  if (event.type === 'customer.created') return true; // a person made the customer with this value
  if (event.type !== 'customer.updated') return false;
  const previous = (event.previousAttributes ?? null) as Record<string, unknown> | null;
  return !!previous && (ATTRIBUTES[field] ?? [field]).some((attribute) => attribute in previous);
}

export function personEditTime(events: readonly FeedEvent[], customerId: string, field: string | null, kind: string): string | null {
  let latest: string | null = null;
  for (const event of events) {
    if (ours(event) || customerOf(event) !== customerId) continue;
    const relevant = kind === 'deletion' ? event.type === 'customer.deleted' : field !== null && changes(event, field);
    if (relevant && (latest === null || event.createdAt > latest)) latest = event.createdAt;
  }
  return latest;
}

/** Sets the Stripe "edited" time of the field and deletion questions a plan raises. */
export function stampStripeEditTimes(
  conflicts: NewConflict[],
  events: readonly FeedEvent[],
  earlier: (dedupeKey: string) => string | null,
): void {
  for (const conflict of conflicts) {
    if ((conflict.kind !== 'field' && conflict.kind !== 'deletion') || !conflict.stripeId) continue;
    conflict.stripeEditedAt =
      personEditTime(events, conflict.stripeId, conflict.field ?? null, conflict.kind) ?? earlier(conflict.dedupeKey) ?? null;
  }
}
