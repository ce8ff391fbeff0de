// POST /v1/invoices/{id}/add_lines (drafts only): each entry either attaches a
// pending invoice item (`invoice_item`) or creates a new one from `amount`,
// `description`, `tax_rates[]` and `metadata`. Everything is checked before
// anything is written, so a bad entry leaves the invoice untouched.
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import type { FormObject } from '../form-body';
import { applyMetadata } from '../metadata';
import { newInvoiceItem, type InvoiceItemObject } from '../objects/invoice-item';
import type { TaxRateObject } from '../objects/tax-rate';
import { allowOnly, asObject, int, list, nullableStr, str } from '../params';
import { render } from '../render';
import { attachItem, requireDraft } from './invoice-items';
import { resolveTaxRates } from './tax-rate-refs';

type Planned =
  | { kind: 'existing'; item: InvoiceItemObject }
  | { kind: 'new'; amount: number; description: string | null; rates: TaxRateObject[]; metadata: Record<string, string> };

function plan(ctx: SimContext, entry: FormObject, index: number, customer: string): Planned {
  const prefix = `lines[${index}]`;
  allowOnly(entry, ['invoice_item', 'amount', 'description', 'tax_rates', 'metadata'], prefix);
  const itemId = str(entry, 'invoice_item');
  if (itemId) {
    const item = ctx.store.invoiceItems.get(itemId) as InvoiceItemObject | undefined;
    if (!item) throw SimError.invalid(`No such invoiceitem: '${itemId}'`, `${prefix}[invoice_item]`, 'resource_missing');
    if (item.invoice !== null || item.customer !== customer)
      throw SimError.invalid(`Invoice item ${itemId} is not a pending item of this customer.`, `${prefix}[invoice_item]`);
    return { kind: 'existing', item };
  }
  const amount = int(entry, 'amount');
  if (amount === undefined) throw SimError.missingParam(`${prefix}[amount]`);
  const rates = resolveTaxRates(ctx, 'tax_rates', entry, `${prefix}[tax_rates]`) ?? [];
  return { kind: 'new', amount, description: nullableStr(entry, 'description') ?? null, rates, metadata: applyMetadata({}, entry) };
}

function addLines(ctx: SimContext): { body: Json } {
  const invoice = requireDraft(ctx, ctx.path.id ?? '', 'id');
  allowOnly(ctx.params, ['lines', 'invoice_metadata']);
  const entries = list(ctx.params, 'lines');
  if (!entries || entries.length === 0) throw SimError.missingParam('lines');
  const planned = entries.map((entry, index) => plan(ctx, asObject(entry, `lines[${index}]`), index, invoice.customer));
  for (const step of planned) {
    if (step.kind === 'existing') {
      attachItem(ctx, step.item, invoice);
      continue;
    }
    const item = newInvoiceItem(ctx.store.ids.next('ii'), ctx.now(), {
      customer: invoice.customer,
      invoice: null,
      amount: step.amount,
      currency: invoice.currency,
      description: step.description,
      quantity: 1,
      unitAmountDecimal: null,
      taxRates: step.rates,
      metadata: step.metadata,
    });
    ctx.store.invoiceItems.insert(item);
    attachItem(ctx, item, invoice);
    ctx.emit('invoiceitem.created', item);
  }
  return { body: render(ctx.store, invoice) };
}

export const invoiceAddLinesRoutes: Route[] = [{ method: 'POST', pattern: '/v1/invoices/:id/add_lines', handler: addLines }];
