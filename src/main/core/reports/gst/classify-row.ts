// The status of a report row and the reason in a sentence a bookkeeper understands.
// Order matters: a side missing from the month first, then totals, then GST.
import { classifyGstDifference, formatCents, type RoundingMethod } from '../../money';
import type { InvoiceSummary } from '../../store/repositories/invoices-repository';
import type { GstStatus } from './gst-types';
import type { SideFigures } from './side-figures';

export interface RowContext {
  month: string;
  basis: 'accrual' | 'cash';
  servicem8Pay: boolean;
  servicem8Rounding: RoundingMethod | null;
  stripeRounding: RoundingMethod | null;
}

export function money(cents: number): string {
  const text = formatCents(Math.abs(cents)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents < 0 ? '-' : ''}$${text}`;
}

const jobName = (invoice: InvoiceSummary) => `ServiceM8 job ${invoice.jobNumber ?? invoice.externalId}`;
const stripeName = (invoice: InvoiceSummary) => `Stripe invoice ${invoice.invoiceNumber ?? invoice.externalId}`;
const cents = (n: number) => (Math.abs(n) === 1 ? '1 cent' : `${money(Math.abs(n))}`);

export function classifyRow(
  sm8: SideFigures | null,
  stripe: SideFigures | null,
  ctx: RowContext,
): { status: GstStatus; reason: string } | null {
  const sm8In = sm8?.inScope ?? false;
  const stripeIn = stripe?.inScope ?? false;
  if (!sm8In && !stripeIn) return null;
  if (sm8In && !stripeIn) {
    if (ctx.servicem8Pay) {
      return {
        status: 'servicem8_pay',
        reason: `${jobName(sm8!.invoice)} was paid with ServiceM8 Pay: the card payment is already in Stripe under ServiceM8's own profile, so there is no Stripe invoice to match and it must not be recorded a second time.`,
      };
    }
    return { status: 'missing_in_stripe', reason: missingReason(sm8!, stripe, 'Stripe', ctx) };
  }
  if (!sm8In) return { status: 'missing_in_servicem8', reason: missingReason(stripe!, sm8, 'ServiceM8', ctx) };
  return compare(sm8!, stripe!, ctx);
}

function missingReason(present: SideFigures, other: SideFigures | null, otherName: string, ctx: RowContext): string {
  const name = present.invoice.side === 'servicem8' ? jobName(present.invoice) : stripeName(present.invoice);
  if (!other) {
    const what = ctx.basis === 'cash' ? `${money(present.incCents)} paid in ${ctx.month}` : money(present.incCents);
    return `${name} (${what}) has no matching ${otherName === 'Stripe' ? 'Stripe invoice' : 'ServiceM8 job'}.`;
  }
  const otherLabel = other.invoice.side === 'servicem8' ? jobName(other.invoice) : stripeName(other.invoice);
  switch (other.why) {
    case 'void':
      return `${otherLabel} is void, so ${otherName} does not count the sale that ${name} (${money(present.incCents)}) records.`;
    case 'draft':
      return `${otherLabel} is still a draft, so ${otherName} has not issued the sale that ${name} (${money(present.incCents)}) records.`;
    case 'other_month':
      return `${otherName} dates ${otherLabel} ${other.invoice.invoiceDate}, outside ${ctx.month}, so it counts in another month's ${otherName} sales.`;
    case 'not_paid_in_month':
      return `${name} records ${money(present.incCents)} paid in ${ctx.month}, but ${otherName} records no payment for ${otherLabel} in this month.`;
    case null:
      return `${otherLabel} does not count in ${ctx.month}.`;
  }
}

function compare(sm8: SideFigures, stripe: SideFigures, ctx: RowContext): { status: GstStatus; reason: string } {
  const paid = ctx.basis === 'cash' ? ` paid in ${ctx.month}` : '';
  const totalDiff = stripe.incCents - sm8.incCents;
  if (totalDiff !== 0) {
    return {
      status: 'total_differs',
      reason: `The totals${paid} differ by ${cents(totalDiff)}: ${jobName(sm8.invoice)} has ${money(sm8.incCents)} and ${stripeName(stripe.invoice)} ${money(stripe.incCents)}, GST included.`,
    };
  }
  const lineSets = [sm8.invoice.lines, stripe.invoice.lines].filter((lines) => lines.length > 0);
  const gst = classifyGstDifference({ gstA: sm8.gstCents, gstB: stripe.gstCents, lineSets, share: sm8.share });
  if (gst.kind === 'none') return { status: 'matched', reason: `Totals and GST${paid} agree.` };
  const figures = `ServiceM8 ${money(sm8.gstCents)}, Stripe ${money(stripe.gstCents)}`;
  if (gst.kind === 'rounding') {
    return {
      status: 'rounding',
      reason: `The totals agree; GST differs by ${cents(gst.differenceCents)} (${figures}) only through rounding: ${roundingWords(ctx)}`,
    };
  }
  const lines =
    lineSets.length === 0 ? ' Neither side holds the invoice lines to check rounding against.' : ' Check the tax rate of each line.';
  return {
    status: 'gst_differs',
    reason: `The totals agree but GST differs by ${cents(gst.differenceCents)} (${figures}), more than rounding can explain.${lines}`,
  };
}

const METHOD_WORDS: Record<RoundingMethod, string> = {
  per_line: 'per line',
  per_invoice: 'once per invoice',
  either: 'per line or once per invoice (the same here)',
  neither: 'with its own rounding',
};

function roundingWords(ctx: RowContext): string {
  const sm8 = ctx.servicem8Rounding;
  const stripe = ctx.stripeRounding;
  if (sm8 && stripe && sm8 !== 'neither' && stripe !== 'neither' && sm8 !== 'either' && stripe !== 'either') {
    return `ServiceM8 rounds GST ${METHOD_WORDS[sm8]} and Stripe ${METHOD_WORDS[stripe]}; the ATO allows both.`;
  }
  return 'GST rounded per line and GST rounded once per invoice may differ by up to half a cent a line; the ATO allows both.';
}
