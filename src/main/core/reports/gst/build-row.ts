// One report row from a pair: both sides side by side, the month's figures per side,
// fees and payout from Stripe, the buyer-ABN flag and when the data was last synced.
import { roundingMethodOf } from '../../money';
import type { InvoiceSummary } from '../../store/repositories/invoices-repository';
import type { PaymentSummary } from '../../store/repositories/payments-repository';
import { classifyRow } from './classify-row';
import type { InvoicePair } from './gather-pairs';
import type { GstRow } from './gst-types';
import { inRange, sideFigures, type MonthScope, type SideFigures } from './side-figures';

/** Tax invoices of $1,000 or more must name the buyer or carry their ABN (ATO). */
export const BUYER_IDENTITY_THRESHOLD_CENTS = 100_000;

export interface BuiltRow {
  row: GstRow;
  servicem8: SideFigures | null;
  stripe: SideFigures | null;
}

export interface RowScope extends MonthScope {
  month: string;
  zone: string;
  /** Instant → business-local date; one cached formatter for the whole report. */
  localDate: (instant: string) => string;
  /** Instant → business-local ISO time with offset (cached too). */
  localTime: (instant: string) => string;
}

export function buildRow(pair: InvoicePair, scope: RowScope): BuiltRow | null {
  const stripeOwn = pair.stripe ? pair.stripePayments.filter((p) => p.invoiceExternalId === pair.stripe!.externalId) : [];
  const sm8 = pair.servicem8 ? sideFigures(pair.servicem8, pair.servicem8Payments, scope) : null;
  const stripe = pair.stripe ? sideFigures(pair.stripe, stripeOwn, scope) : null;
  const servicem8Rounding = roundingOf(pair.servicem8);
  const stripeRounding = roundingOf(pair.stripe);
  const verdict = classifyRow(sm8, stripe, {
    month: scope.month,
    basis: scope.basis,
    servicem8Pay: pair.servicem8Payments.some((payment) => payment.servicem8Pay),
    servicem8Rounding,
    stripeRounding,
  });
  if (!verdict) return null;

  const counted = (payments: PaymentSummary[]) => (scope.basis === 'cash' ? payments.filter((p) => inRange(p.paidAt, scope)) : payments);
  const fees = counted(pair.stripePayments);
  const payouts = [...new Set(fees.map((p) => p.payoutId).filter((id): id is string => id !== null))];
  const paymentDates = counted([...pair.servicem8Payments, ...pair.stripePayments]).map((p) => p.paidAt);
  const both = sm8 !== null && stripe !== null;
  const name = pair.servicem8?.clientName || pair.stripe?.clientName || null;
  const abn = pair.servicem8?.clientAbn || pair.stripe?.clientAbn || null;
  const largest = Math.max(pair.servicem8?.totalIncCents ?? 0, pair.stripe?.totalIncCents ?? 0);
  const synced = [pair.servicem8?.lastSyncedAt, pair.stripe?.lastSyncedAt].filter((at): at is string => !!at).sort();

  return {
    servicem8: sm8,
    stripe,
    row: {
      period: scope.month,
      basis: scope.basis,
      status: verdict.status,
      reason: verdict.reason,
      servicem8JobNumber: pair.servicem8?.jobNumber ?? null,
      servicem8JobUuid: pair.servicem8 ? (pair.servicem8.jobUuid ?? pair.servicem8.externalId) : null,
      servicem8InvoiceDate: pair.servicem8 ? scope.localDate(pair.servicem8.invoiceAt) : null,
      stripeInvoiceId: pair.stripe?.externalId ?? null,
      stripeInvoiceNumber: pair.stripe?.invoiceNumber ?? null,
      stripeInvoiceDate: pair.stripe ? scope.localDate(pair.stripe.invoiceAt) : null,
      paymentDate: paymentDates.length > 0 ? scope.localDate(paymentDates.sort().at(-1)!) : null,
      clientName: name,
      clientAbn: abn,
      servicem8TotalInc: sm8?.incCents ?? null,
      servicem8TotalEx: sm8?.exCents ?? null,
      servicem8Gst: sm8?.gstCents ?? null,
      stripeTotalInc: stripe?.incCents ?? null,
      stripeTotalEx: stripe?.exCents ?? null,
      stripeGst: stripe?.gstCents ?? null,
      differenceTotal: both ? stripe.incCents - sm8.incCents : null,
      differenceGst: both ? stripe.gstCents - sm8.gstCents : null,
      servicem8Rounding,
      stripeRounding,
      stripeFee: fees.length > 0 ? fees.reduce((sum, p) => sum + p.feeCents, 0) : null,
      stripeFeeGst: fees.length > 0 ? fees.reduce((sum, p) => sum + p.feeGstCents, 0) : null,
      payoutId: payouts.length > 0 ? payouts.join(' ') : null,
      needsBuyerAbn: largest >= BUYER_IDENTITY_THRESHOLD_CENTS && !name && !abn,
      lastSyncedAt: synced.length > 0 ? scope.localTime(synced.at(-1)!) : null,
    },
  };
}

function roundingOf(invoice: InvoiceSummary | null) {
  return invoice && invoice.lines.length > 0 ? roundingMethodOf(invoice.gstCents, invoice.lines) : null;
}
