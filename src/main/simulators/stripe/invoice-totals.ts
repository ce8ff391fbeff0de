// Per-line tax and invoice totals (reference §8). Tax is computed per line and per
// rate, rounded to the cent half away from zero (roundDiv), then summed:
//   exclusive: tax = amount × p / 100,         taxable = amount
//   inclusive: tax = amount × p / (100 + Σp),  taxable = amount − inclusive tax
// Percentages carry up to 4 decimals, so they are scaled to integers first.
import { roundDiv } from '../shared/round-div';
import type { InvoiceObject, TaxAmount } from './objects/invoice';
import type { InvoiceItemObject, LineItemObject } from './objects/invoice-item';
import type { TaxRateObject } from './objects/tax-rate';
import { invoiceLines } from './render';
import type { SimStore } from './store';

const SCALE = 10_000;

export function lineTaxes(amount: number, rates: TaxRateObject[]): TaxAmount[] {
  const scaled = (rate: TaxRateObject) => Math.round(rate.percentage * SCALE);
  const inclusiveSum = rates.filter((r) => r.inclusive).reduce((sum, r) => sum + scaled(r), 0);
  const taxes = rates.map((rate) => {
    const tax = rate.inclusive ? roundDiv(amount * scaled(rate), 100 * SCALE + inclusiveSum) : roundDiv(amount * scaled(rate), 100 * SCALE);
    return { rate, tax };
  });
  const inclusiveTax = taxes.filter((t) => t.rate.inclusive).reduce((sum, t) => sum + t.tax, 0);
  return taxes.map(({ rate, tax }) => ({
    amount: tax,
    tax_behavior: rate.inclusive ? 'inclusive' : 'exclusive',
    taxable_amount: amount - inclusiveTax,
    taxability_reason: 'standard_rated',
    type: 'tax_rate_details',
    tax_rate_details: { tax_rate: rate.id },
  }));
}

/** Recomputes line taxes and every total of a draft invoice from its lines. */
export function recomputeInvoice(store: SimStore, invoice: InvoiceObject): void {
  const lines = invoiceLines(store, invoice.id) as LineItemObject[];
  const defaults = invoice.default_tax_rates as TaxRateObject[];
  const byRate = new Map<string, TaxAmount>();
  let subtotal = 0;
  let inclusive = 0;
  let exclusive = 0;
  for (const line of lines) {
    const item = store.invoiceItems.get(itemIdOf(line)) as InvoiceItemObject | undefined;
    const own = (item?.tax_rates ?? []) as TaxRateObject[];
    line.taxes = lineTaxes(line.amount, own.length > 0 ? own : defaults);
    subtotal += line.amount;
    for (const tax of line.taxes) {
      if (tax.tax_behavior === 'inclusive') inclusive += tax.amount;
      else exclusive += tax.amount;
      const key = `${tax.tax_rate_details.tax_rate}:${tax.tax_behavior}`;
      const sum = byRate.get(key);
      if (sum) {
        sum.amount += tax.amount;
        sum.taxable_amount += tax.taxable_amount;
      } else {
        byRate.set(key, structuredClone(tax));
      }
    }
  }
  invoice.subtotal = subtotal;
  invoice.subtotal_excluding_tax = subtotal - inclusive;
  invoice.total = subtotal + exclusive;
  invoice.total_excluding_tax = invoice.total - inclusive - exclusive;
  invoice.total_taxes = [...byRate.values()];
  refreshAmountDue(invoice);
}

/** amount_due follows the total less pre-payment credit notes; remaining follows what is paid. */
export function refreshAmountDue(invoice: InvoiceObject): void {
  invoice.amount_due = Math.max(0, invoice.total - invoice.pre_payment_credit_notes_amount);
  invoice.amount_remaining = invoice.status === 'paid' ? 0 : Math.max(0, invoice.amount_due - invoice.amount_paid);
}

export function itemIdOf(line: LineItemObject): string {
  const parent = line.parent as { invoice_item_details?: { invoice_item?: string } } | null;
  return parent?.invoice_item_details?.invoice_item ?? '';
}
