// `invoice_metadata` of the bulk line calls (add_lines, update_lines, remove_lines):
// merged into the invoice's metadata by the rules of `metadata`, checked before the
// call writes anything; a change is an `invoice.updated` with the old metadata.
import type { SimContext } from '../context';
import { applyMetadata } from '../metadata';
import type { InvoiceObject } from '../objects/invoice';

/** The invoice's metadata after `invoice_metadata`, checked now, written by writeInvoiceMetadata. */
export function invoiceMetadataOf(ctx: SimContext, invoice: InvoiceObject): Record<string, string> {
  return applyMetadata(invoice.metadata, ctx.params, 'invoice_metadata');
}

export function writeInvoiceMetadata(ctx: SimContext, invoice: InvoiceObject, next: Record<string, string>): void {
  const before = invoice.metadata;
  if (JSON.stringify(before) === JSON.stringify(next)) return;
  invoice.metadata = next;
  ctx.emit('invoice.updated', invoice, { metadata: before });
}
