// Which clients' quote keys (plan-quotes.ts) to look at this cycle, read from the store:
// clients with a job that is or was a quote in this pull (a quote made, changed, won or
// lost), ones whose write had to wait, and every client with a quote on a full replan.
// Their jobs are read from the mirror only when one of them is linked to a customer.
import type { Store } from '../../store/store';
import { quoteSubject, type QuoteClient } from './plan-quotes';
import { INVOICE_ENTITY, MIRROR, type Job } from './types';

const SUBJECT_PREFIX = quoteSubject('');

export function quoteInputs(
  store: Store,
  cycle: { freshJobs: Iterable<Job>; replanAll: boolean; allJobs: () => Job[] },
): { clients: () => QuoteClient[]; jobsOf: (companyUuid: string) => Job[] } {
  const companies = new Set<string>();
  for (const job of cycle.freshJobs) {
    if (!job.companyUuid) continue;
    // Only a job that is or was a quote changes what the customer should hold.
    if (job.status === 'Quote' || store.mirror.get<Job>('servicem8', MIRROR.job, job.uuid)?.record.status === 'Quote')
      companies.add(job.companyUuid);
  }
  for (const id of store.deferred.list(INVOICE_ENTITY).servicem8)
    if (id.startsWith(SUBJECT_PREFIX)) companies.add(id.slice(SUBJECT_PREFIX.length));
  if (cycle.replanAll) for (const job of cycle.allJobs()) if (job.status === 'Quote' && job.companyUuid) companies.add(job.companyUuid);

  let byCompany: Map<string, Job[]> | null = null;
  return {
    clients: () =>
      [...companies].sort().flatMap((companyUuid) => {
        const link = store.links.byServiceM8Id('client', companyUuid);
        if (!link) return [];
        // The customer as the clients pair last saw it in Stripe (its events include our own writes).
        const customer = store.mirror.get<{ name: string | null; metadata?: Record<string, string> }>('stripe', 'customer', link.stripeId);
        return [{ companyUuid, customerId: link.stripeId, name: customer?.record.name ?? null, metadata: customer?.record.metadata ?? {} }];
      }),
    jobsOf: (companyUuid) => {
      if (!byCompany) {
        byCompany = new Map();
        for (const job of cycle.allJobs()) {
          if (!job.companyUuid) continue;
          const list = byCompany.get(job.companyUuid);
          if (list) list.push(job);
          else byCompany.set(job.companyUuid, [job]);
        }
      }
      return byCompany.get(companyUuid) ?? [];
    },
  };
}
