// The Stripe invoices matching could find for one job (match-invoices.ts), read by key
// instead of all of them: those naming the job in metadata (servicem8_job_uuid) and
// those of its customer or of none (the job-number and same-total rules only look at
// those), with this cycle's changes laid over them, in the order the whole list has
// (mirror order by id, a changed invoice in its stored one's place, new ones after).
import type { Store } from '../../store/store';
import { MIRROR, type StripeInvoice } from './types';

export function storedInvoicesFor(
  store: Store,
  fresh: ReadonlyMap<string, StripeInvoice>,
  deletedIds: readonly string[],
): (jobUuid: string, customerId: string) => StripeInvoice[] {
  const deleted = new Set(deletedIds);
  return (jobUuid, customerId) => {
    const stored = [
      ...store.mirror.listByKey<StripeInvoice>('stripe', MIRROR.invoice, 'jobXref', [jobUuid]),
      ...store.mirror.listByKey<StripeInvoice>('stripe', MIRROR.invoice, 'customer', [customerId], { withoutKey: true }),
    ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Every changed invoice is laid over (more than the job could match is harmless: matching looks up by its keys).
    const all = new Map(stored.map((r) => [r.id, r.record]));
    for (const [id, invoice] of fresh) all.set(id, invoice);
    for (const id of deleted) all.delete(id);
    return [...all.values()];
  };
}
