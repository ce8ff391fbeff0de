// Builds typed invoice/payment rows for report tests: totals from the lines through the
// money layer (as the sync pairs will), ids and stamps from the test.
import { invoiceTotals, type TaxedLine } from '../../src/main/core/money';
import type { InvoiceInput } from '../../src/main/core/store/repositories/invoices-repository';
import type { PaymentInput } from '../../src/main/core/store/repositories/payments-repository';

export const inc = (amountCents: number, rateBp = 1000): TaxedLine => ({ amountCents, rateBp, taxInclusive: true });
export const ex = (amountCents: number, rateBp = 1000): TaxedLine => ({ amountCents, rateBp, taxInclusive: false });

export function seedInvoice(
  base: Pick<InvoiceInput, 'side' | 'externalId' | 'invoiceAt'> & Partial<InvoiceInput>,
  lines: TaxedLine[],
  method: 'per_line' | 'per_invoice' = 'per_line',
): InvoiceInput {
  const totals = invoiceTotals(lines);
  const gstCents = method === 'per_line' ? totals.gstCents : totals.gstPerInvoiceCents;
  const allInclusive = lines.every((line) => line.taxInclusive);
  // Per invoice: inclusive invoices keep their total, exclusive ones keep their ex total.
  const totalIncCents = method === 'per_line' || allInclusive ? totals.incCents : totals.exCents + gstCents;
  return {
    status: 'open',
    totalIncCents,
    totalExCents: totalIncCents - gstCents,
    gstCents,
    lines: totals.lines.map((line) => ({
      quantity: '1',
      amountCents: line.amountCents,
      taxInclusive: line.taxInclusive,
      rateBp: line.rateBp,
      gstCents: line.gstCents,
      exCents: line.exCents,
      incCents: line.incCents,
    })),
    ...base,
  };
}

export function seedPayment(
  base: Pick<PaymentInput, 'side' | 'externalId' | 'paidAt' | 'amountCents'> & Partial<PaymentInput>,
): PaymentInput {
  return { kind: 'payment', status: 'succeeded', ...base };
}
