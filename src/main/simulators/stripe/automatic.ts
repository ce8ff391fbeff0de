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
  const { store } = ctx;
  const due: InvoiceObject[] = [];
  for (const id of store.autoFinalizing) {
    const invoice = store.invoices.get(id) as InvoiceObject | undefined;
    const at = invoice?.automatically_finalizes_at ?? null;
    // Not a draft (finalized, deleted) or no longer auto-advancing: out until its fields set a due time again.
    if (!invoice || invoice.status !== 'draft' || at === null) store.autoFinalizing.delete(id);
    else if (invoice.auto_advance && at <= now) due.push(invoice);
  }
  // In creation order, as Stripe's numbering of the ones due together would be.
  const seq = (invoice: InvoiceObject) => store.invoices.sortKey(invoice.id)?.[1] ?? 0;
  for (const invoice of due.sort((a, b) => seq(a) - seq(b))) finalizeInvoice(ctx, invoice);
  for (const txn of ctx.store.balanceTransactions.inOrder()) {
    if (txn.status === 'pending' && typeof txn.available_on === 'number' && txn.available_on <= now) txn.status = 'available';
  }
  return { body: null };
}
