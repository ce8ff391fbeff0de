// Emailing of invoices (ASSUMPTIONS.md "Emailing"): Stripe emails an invoice only
// when asked — POST /v1/invoices/{id}/send, or its own collection of a finalized
// `send_invoice` invoice with `auto_advance: true`. Test mode sends nothing, so the
// simulator records what would have gone out (readable under /_sim/) and emits
// `invoice.sent`, which Stripe emits in both cases.
import type { SimContext } from '../context';
import { SimError } from '../errors';
import type { InvoiceObject } from '../objects/invoice';

export function emailInvoice(ctx: SimContext, invoice: InvoiceObject, reason: 'auto_advance' | 'send'): void {
  const to = invoice.customer_email as string | null;
  if (!to) {
    // Stripe's automatic collection skips a customer without an email; an explicit send fails.
    if (reason === 'send') throw SimError.state('This invoice cannot be sent because the customer has no email address.', undefined, 'id');
    return;
  }
  ctx.store.emails.push({ invoice: invoice.id, number: invoice.number, to, sent_at: ctx.now(), reason });
  ctx.emit('invoice.sent', invoice);
}

/** At finalization: Stripe's automatic collection emails a `send_invoice` invoice that auto-advances. */
export function emailIfAutoAdvancing(ctx: SimContext, invoice: InvoiceObject): void {
  if (invoice.collection_method === 'send_invoice' && invoice.auto_advance && invoice.status === 'open') {
    emailInvoice(ctx, invoice, 'auto_advance');
  }
}
