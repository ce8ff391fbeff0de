// The typed money rows (store.invoices, migration 002) of both sides: the contract that
// reconciliation and the GST report read. ServiceM8 rows come from the job and its
// lines as ServiceM8 rounds them; Stripe rows from what Stripe returned.
import { percentToBasisPoints } from '../../money';
import type { InvoiceInput } from '../../store/repositories/invoices-repository';
import type { BuiltInvoice } from './build-lines';
import { invoiceDateOf } from './build-draft';
import { servicem8InvoiceStatus, stripeTableStatus } from './status-map';
import type { Job, StripeInvoice } from './types';

export function servicem8Row(
  job: Job,
  built: BuiltInvoice | null,
  extra: { client: string | null; abn: string | null; paidCents: number; otherSideId: string | null },
): InvoiceInput | null {
  const status = servicem8InvoiceStatus({
    status: job.status,
    invoiceSent: job.invoiceSent,
    paymentReceived: job.paymentReceived,
    paidCents: extra.paidCents,
  });
  if (status === null) return null;
  const totals = built?.servicem8 ?? { incCents: 0, exCents: 0, gstCents: 0 };
  return {
    side: 'servicem8',
    externalId: job.uuid,
    jobUuid: job.uuid,
    jobNumber: job.jobNumber,
    invoiceNumber: job.jobNumber,
    clientName: extra.client,
    clientAbn: extra.abn,
    status,
    totalIncCents: totals.incCents,
    totalExCents: totals.exCents,
    gstCents: totals.gstCents,
    amountPaidCents: extra.paidCents,
    invoiceAt: invoiceDateOf(job),
    otherSideId: extra.otherSideId,
    sourceEditedAt: job.editDate,
    lines: (built?.lines ?? []).map((line) => ({
      externalId: line.materialUuid,
      description: line.description,
      quantity: line.quantity,
      unitAmountCents: line.unitAmountDecimal,
      amountCents: line.servicem8.amountCents,
      taxInclusive: line.taxInclusive,
      rateBp: line.rateBp,
      gstCents: line.servicem8.gstCents,
      exCents: line.servicem8.exCents,
      incCents: line.servicem8.incCents,
    })),
  };
}

/** Net of credit notes: a credited invoice is worth its total less the credit, with the GST credited in proportion. */
export function stripeNet(invoice: StripeInvoice): { incCents: number; gstCents: number } {
  const credited = invoice.prePaymentCreditNotesCents + invoice.postPaymentCreditNotesCents;
  if (credited === 0 || invoice.totalCents === 0) return { incCents: invoice.totalCents, gstCents: invoice.taxCents };
  const incCents = invoice.totalCents - credited;
  const gstCents = Math.round((invoice.taxCents * incCents) / invoice.totalCents);
  return { incCents, gstCents };
}

export function stripeRow(
  invoice: StripeInvoice,
  extra: {
    jobUuid: string | null;
    jobNumber: string | null;
    client: string | null;
    abn: string | null;
    rateBpOf: (taxRateId: string | null) => number | null;
  },
): InvoiceInput {
  const net = stripeNet(invoice);
  return {
    side: 'stripe',
    externalId: invoice.id,
    jobUuid: extra.jobUuid,
    jobNumber: extra.jobNumber,
    invoiceNumber: invoice.number,
    clientName: extra.client,
    clientAbn: extra.abn,
    status: stripeTableStatus(invoice.status ?? 'draft', invoice.amountPaidCents),
    totalIncCents: net.incCents,
    totalExCents: net.incCents - net.gstCents,
    gstCents: net.gstCents,
    amountPaidCents: invoice.amountPaidCents,
    invoiceAt: invoice.effectiveAt ?? invoice.finalizedAt ?? invoice.createdAt,
    otherSideId: extra.jobUuid,
    sourceEditedAt: null,
    lines: invoice.lines.map((line) => {
      const inclusive = line.taxBehavior === 'inclusive';
      const rateBp = extra.rateBpOf(line.taxRateId) ?? 0;
      // Stripe's own tax per line, as it rounded it; ex and inc follow from it.
      const gstCents = line.taxCents;
      return {
        externalId: line.id,
        description: line.description ?? '',
        quantity: line.quantityDecimal ?? '1',
        unitAmountCents: line.unitAmountDecimal,
        amountCents: line.amountCents,
        taxInclusive: inclusive,
        rateBp,
        gstCents,
        exCents: inclusive ? line.amountCents - gstCents : line.amountCents,
        incCents: inclusive ? line.amountCents : line.amountCents + gstCents,
      };
    }),
  };
}

/** A Stripe line's rate in basis points from the percentage Stripe stores (null when unknown). */
export function rateBpOfPercentage(percentage: number | null | undefined): number | null {
  if (percentage === null || percentage === undefined) return null;
  try {
    return percentToBasisPoints(String(percentage));
  } catch {
    return null;
  }
}
