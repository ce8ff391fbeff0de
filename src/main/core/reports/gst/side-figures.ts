// What one side's invoice contributes to the month, by basis:
//  - accrual: the whole invoice when it is dated in the month (and issued, not void);
//  - cash: only what was paid in the month, net of refunds, with its share of the GST
//    (GST × paid ÷ total, rounded half away from zero), as the ATO attributes it.
import { rational, roundCents, type Rational } from '../../money';
import type { InvoiceSummary } from '../../store/repositories/invoices-repository';
import type { PaymentSummary } from '../../store/repositories/payments-repository';
import type { GstBasis } from './gst-types';

export type OutOfScope = 'draft' | 'void' | 'other_month' | 'not_paid_in_month';

export interface SideFigures {
  invoice: InvoiceSummary;
  inScope: boolean;
  why: OutOfScope | null;
  incCents: number;
  exCents: number;
  gstCents: number;
  /** The part of the invoice these figures are (1 for accrual). */
  share: Rational;
}

export interface MonthScope {
  basis: GstBasis;
  from: string;
  to: string;
}

export const inRange = (instant: string, scope: MonthScope) => instant >= scope.from && instant < scope.to;

export function sideFigures(invoice: InvoiceSummary, payments: readonly PaymentSummary[], scope: MonthScope): SideFigures {
  const notIssued = invoice.status === 'draft' ? 'draft' : invoice.status === 'void' ? 'void' : null;
  if (scope.basis === 'accrual') {
    const why = notIssued ?? (inRange(invoice.invoiceAt, scope) ? null : 'other_month');
    return {
      invoice,
      inScope: why === null,
      why,
      incCents: invoice.totalIncCents,
      exCents: invoice.totalExCents,
      gstCents: invoice.gstCents,
      share: rational(1n),
    };
  }
  const inMonth = payments.filter((payment) => inRange(payment.paidAt, scope));
  const paid = inMonth.reduce((sum, payment) => sum + (payment.kind === 'refund' ? -payment.amountCents : payment.amountCents), 0);
  const why = notIssued === 'draft' ? 'draft' : inMonth.length === 0 ? 'not_paid_in_month' : null;
  const share = invoice.totalIncCents === 0 ? rational(0n) : rational(BigInt(paid), BigInt(invoice.totalIncCents));
  const gstCents = Number(roundCents(rational(share.n * BigInt(invoice.gstCents), share.d)));
  return { invoice, inScope: why === null, why, incCents: paid, exCents: paid - gstCents, gstCents, share };
}
