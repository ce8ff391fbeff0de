// What Stripe does on its own as time passes, run lazily before each request on
// the simulated clock (so moving /_sim/clock forward makes it happen on the next
// call): auto-advancing drafts are finalized about an hour after creation, and
// pending balance transactions become available on their `available_on` date.
// Its events carry no request, like Stripe's automatic events.
import type { RouteResult, SimContext } from './context';
import type { InvoiceObject } from './objects/invoice';
import { finalizeInvoice } from './resources/invoice-actions';

export function runDueWork(ctx: SimContext): RouteResult {
  const now = ctx.now();
  for (const invoice of ctx.store.invoices.inOrder() as InvoiceObject[]) {
    const due = invoice.automatically_finalizes_at;
    if (invoice.status === 'draft' && invoice.auto_advance && due !== null && due <= now) finalizeInvoice(ctx, invoice);
  }
  for (const txn of ctx.store.balanceTransactions.inOrder()) {
    if (txn.status === 'pending' && typeof txn.available_on === 'number' && txn.available_on <= now) txn.status = 'available';
  }
  return { body: null };
}
