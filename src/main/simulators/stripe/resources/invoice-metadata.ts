// `invoice_metadata` of the bulk line calls (add_lines, update_lines, remove_lines):
// merged into the invoice's metadata by the rules of `metadata`, checked before the
// call writes anything. The call's one invoice.updated (invoice-changed.ts) carries the
// old metadata with the old totals.
import type { SimContext } from '../context';
import { applyMetadata } from '../metadata';
import type { InvoiceObject } from '../objects/invoice';

/** The invoice's metadata after `invoice_metadata`, checked now, written by writeInvoiceMetadata. */
export function invoiceMetadataOf(ctx: SimContext, invoice: InvoiceObject): Record<string, string> {
  return applyMetadata(invoice.metadata, ctx.params, 'invoice_metadata');
}

export function writeInvoiceMetadata(invoice: InvoiceObject, next: Record<string, string>): void {
  invoice.metadata = next;
}
