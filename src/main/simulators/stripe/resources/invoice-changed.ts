// invoice.updated for a draft whose lines change. Stripe's event "occurs whenever an
// invoice changes (e.g., the invoice amount)" (SDK 23 Events.d.ts), so adding, changing
// or removing a draft's lines, in bulk or as invoice items, is one invoice.updated per
// request, its previous_attributes what changed (totals, taxes, metadata). The embedded
// `lines` list is left out of previous_attributes: what Stripe puts there for it is [U].
import { changedAttributes, type Json, type SimContext } from '../context';
import type { InvoiceObject } from '../objects/invoice';
import { render } from '../render';

const withoutLines = (rendered: Json): Json => {
  const { lines: _lines, ...rest } = rendered;
  return rest;
};

/** Notes the invoice as it is now; the returned function emits invoice.updated if it then changed. */
export function watchInvoice(ctx: SimContext, invoice: InvoiceObject): () => void {
  const before = withoutLines(render(ctx.store, invoice));
  return () => {
    const previous = changedAttributes(before, withoutLines(render(ctx.store, invoice)));
    if (previous) ctx.emit('invoice.updated', invoice, previous);
  };
}
