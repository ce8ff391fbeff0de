// Stripe's Australian fees as the simulator charges them (ASSUMPTIONS.md "Fees").
// Stripe AU prices include 10 % GST, so the GST is the fee's eleventh, and the
// balance transaction splits the fee into `stripe_fee` (ex GST) and `tax` (GST).
// One constant, so a change of pricing is a one-line edit.
import { roundDiv } from '../shared/round-div';

export const AU_FEES = {
  /** Domestic card: 1.7 % + 30c, GST inclusive. */
  domesticCardBasisPoints: 170,
  domesticCardFixedCents: 30,
  /** Dispute (chargeback) fee, GST inclusive; not returned when the dispute is won. */
  disputeCents: 2500,
  /** Days from a charge until its funds are available for payout (UTC midnight). */
  availableAfterDays: 2,
} as const;

export interface FeeDetail {
  amount: number;
  application: string | null;
  currency: string;
  description: string | null;
  type: 'stripe_fee' | 'tax' | 'application_fee';
}

/** A GST-inclusive fee split the way the balance transaction shows it. */
export function feeDetails(totalFee: number, currency: string, what: string): FeeDetail[] {
  if (totalFee === 0) return [];
  const gst = roundDiv(totalFee, 11);
  return [
    { amount: totalFee - gst, application: null, currency, description: `Stripe ${what} fees`, type: 'stripe_fee' },
    { amount: gst, application: null, currency, description: 'GST', type: 'tax' },
  ];
}

export function cardFee(amount: number): number {
  return roundDiv(amount * AU_FEES.domesticCardBasisPoints, 10_000) + AU_FEES.domesticCardFixedCents;
}

/** UTC midnight `days` days after `created`: when Stripe makes card funds available. */
export function availableOn(created: number, days: number = AU_FEES.availableAfterDays): number {
  return Math.floor(created / 86_400) * 86_400 + days * 86_400;
}
