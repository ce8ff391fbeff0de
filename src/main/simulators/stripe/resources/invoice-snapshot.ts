// Copies the customer's name, email, phone, address and tax ids onto the invoice;
// Stripe keeps these in step while the invoice is a draft and freezes them at
// finalization.
import type { SimContext } from '../context';
import type { CustomerObject, TaxIdObject } from '../objects/customer';
import { emptyAddress } from '../objects/customer';
import type { InvoiceObject } from '../objects/invoice';

export function snapshotCustomer(ctx: SimContext, invoice: InvoiceObject, customer: CustomerObject): void {
  invoice.customer_name = customer.name;
  invoice.customer_email = customer.email;
  invoice.customer_phone = customer.phone;
  invoice.customer_address = customer.address ? { ...customer.address } : emptyAddress();
  invoice.customer_tax_exempt = customer.tax_exempt;
  invoice.customer_tax_ids = (ctx.store.taxIds.inOrder() as TaxIdObject[])
    .filter((t) => t.customer === customer.id)
    .map((t) => ({ type: t.type, value: t.value }));
}
