// A Stripe invoice deleted in Stripe (only drafts can be), whether its deletion event was
// read or a full scan's retrieve confirmed it. Its job is not left linked to it: the next
// edit would update an invoice that is gone (Stripe: resource_missing) and wait for a person.
// The link is marked broken (its history stays: outbox, audit and questions point at it) and
// the job is planned as one without an invoice, by the usual rules, except that a new one is
// not created before a person says so (plan-deleted.ts); the write or match that gives it
// one re-points the link (engine/persist-plan.ts, engine/apply-outbox.ts).
import type { Link } from '../../store/repositories/links-repository';
import type { Store } from '../../store/store';
import { INVOICE_ENTITY, MIRROR } from './types';

/** The jobs whose linked invoice is among the deleted ones: they are planned this cycle. */
export function jobsOfDeleted(store: Store, deletedIds: readonly string[]): string[] {
  return deletedIds.flatMap((id) => {
    const link = store.links.byStripeId(INVOICE_ENTITY, id);
    return link ? [link.servicem8Id] : [];
  });
}

/** A job's link as planning sees it: broken already when its invoice was deleted this cycle (saved so by forgetDeleted). */
export function linkAsPlanned(link: Link | null, deleted: ReadonlySet<string>): Link | null {
  return link && deleted.has(link.stripeId) ? { ...link, state: 'broken' } : link;
}

/** Saves the deletions: no mirror copy, typed row or standing left naming one, and each link to one broken. */
export function forgetDeleted(store: Store, deletedIds: readonly string[]): void {
  for (const id of deletedIds) {
    store.mirror.remove('stripe', MIRROR.invoice, id);
    store.invoices.remove('stripe', id);
    store.invoiceJobs.forgetStripe(id);
    const link = store.links.byStripeId(INVOICE_ENTITY, id);
    if (link && link.state !== 'broken') store.links.touch(link.id, { state: 'broken' });
  }
}
