// Reads what a month's GST report needs from the typed tables: the invoices of the
// month (accrual: dated in it; cash: paid in it), their partners on the other side
// wherever those are dated, and the succeeded payments and refunds of each pair.
import type { InvoiceSummary } from '../../store/repositories/invoices-repository';
import type { PaymentSummary } from '../../store/repositories/payments-repository';
import type { Store } from '../../store/store';
import type { GstBasis } from './gst-types';

export interface InvoicePair {
  servicem8: InvoiceSummary | null;
  stripe: InvoiceSummary | null;
  servicem8Payments: PaymentSummary[];
  /** The Stripe invoice's payments, and Stripe charges that mirror the ServiceM8 payments (ServiceM8 Pay). */
  stripePayments: PaymentSummary[];
}

type Reader = Pick<Store, 'invoices' | 'payments'>;

export function gatherPairs(store: Reader, range: { from: string; to: string }, basis: GstBasis): InvoicePair[] {
  // Cash basis only looks at the month's payments, so they are read once and reused.
  const paid =
    basis === 'cash' ? store.payments.summariesInRange(range.from, range.to).filter((payment) => payment.status === 'succeeded') : null;
  const seeds = paid ? invoicesPaid(store, paid) : store.invoices.summariesInRange(range.from, range.to);
  const sm8 = new Map<string, InvoiceSummary>();
  const stripe = new Map<string, InvoiceSummary>();
  const put = (invoice: InvoiceSummary) => (invoice.side === 'servicem8' ? sm8 : stripe).set(invoice.externalId, invoice);
  seeds.forEach(put);
  const partnersOf = (side: 'servicem8' | 'stripe', from: Map<string, InvoiceSummary>) =>
    [...from.values()]
      .map((invoice) => invoice.otherSideId)
      .filter((id): id is string => id !== null && !(side === 'stripe' ? stripe : sm8).has(id));
  store.invoices.summariesByExternalIds('stripe', partnersOf('stripe', sm8)).forEach(put);
  store.invoices.summariesByExternalIds('servicem8', partnersOf('servicem8', stripe)).forEach(put);
  // Links kept on one side only: fetch the records that point at the seeds and are not in yet.
  const pointing = store.invoices.idsPointingAt(seeds.map((invoice) => invoice.externalId));
  const missing = (side: 'servicem8' | 'stripe') =>
    pointing.filter((p) => p.side === side && !(side === 'servicem8' ? sm8 : stripe).has(p.externalId)).map((p) => p.externalId);
  store.invoices.summariesByExternalIds('servicem8', missing('servicem8')).forEach(put);
  store.invoices.summariesByExternalIds('stripe', missing('stripe')).forEach(put);

  const pairs = pairUp(sm8, stripe);
  attachPayments(store, pairs, paid);
  return pairs;
}

function invoicesPaid(store: Reader, paid: readonly PaymentSummary[]): InvoiceSummary[] {
  const ids = (side: 'servicem8' | 'stripe') => [
    ...new Set(paid.filter((p) => p.side === side && p.invoiceExternalId !== null).map((p) => p.invoiceExternalId!)),
  ];
  const sm8 = store.invoices.summariesByExternalIds('servicem8', ids('servicem8'));
  // A ServiceM8 Pay charge in Stripe without a Stripe invoice still puts its job in the month.
  const viaMirror = paid.filter((p) => p.side === 'stripe' && p.invoiceExternalId === null && p.otherSideId !== null);
  const mirrored = store.payments.summariesByExternalIdsOf(
    'servicem8',
    viaMirror.map((p) => p.otherSideId!),
  );
  const jobs = mirrored.map((p) => p.invoiceExternalId).filter((id): id is string => id !== null);
  return [
    ...sm8,
    ...store.invoices.summariesByExternalIds('servicem8', jobs),
    ...store.invoices.summariesByExternalIds('stripe', ids('stripe')),
  ];
}

function pairUp(sm8: Map<string, InvoiceSummary>, stripe: Map<string, InvoiceSummary>): InvoicePair[] {
  const stripeByJob = new Map<string, InvoiceSummary>();
  for (const invoice of stripe.values()) if (invoice.otherSideId) stripeByJob.set(invoice.otherSideId, invoice);
  const used = new Set<string>();
  const pairs: InvoicePair[] = [];
  const pair = (servicem8: InvoiceSummary | null, other: InvoiceSummary | null) =>
    pairs.push({ servicem8, stripe: other, servicem8Payments: [], stripePayments: [] });
  for (const job of sm8.values()) {
    const byLink = job.otherSideId ? stripe.get(job.otherSideId) : undefined;
    const partner = byLink ?? stripeByJob.get(job.externalId) ?? null;
    if (partner && !used.has(partner.externalId)) {
      used.add(partner.externalId);
      pair(job, partner);
    } else {
      pair(job, null);
    }
  }
  for (const invoice of stripe.values()) if (!used.has(invoice.externalId)) pair(null, invoice);
  return pairs;
}

function attachPayments(store: Reader, pairs: InvoicePair[], paid: readonly PaymentSummary[] | null): void {
  const bySm8 = new Map<string, InvoicePair>();
  const byStripe = new Map<string, InvoicePair>();
  for (const pair of pairs) {
    if (pair.servicem8) bySm8.set(pair.servicem8.externalId, pair);
    if (pair.stripe) byStripe.set(pair.stripe.externalId, pair);
  }
  const succeeded = (payment: PaymentSummary) => payment.status === 'succeeded';
  const sm8Payments = (
    paid
      ? paid.filter((p) => p.side === 'servicem8' && bySm8.has(p.invoiceExternalId ?? ''))
      : store.payments.summariesForInvoices('servicem8', [...bySm8.keys()])
  ).filter(succeeded);
  const sm8PaymentOwner = new Map<string, InvoicePair>();
  for (const payment of sm8Payments) {
    const pair = bySm8.get(payment.invoiceExternalId!)!;
    pair.servicem8Payments.push(payment);
    sm8PaymentOwner.set(payment.externalId, pair);
  }
  const seen = new Set<string>();
  const addStripe = (pair: InvoicePair | undefined, payment: PaymentSummary) => {
    if (!pair || seen.has(payment.externalId) || !succeeded(payment)) return;
    seen.add(payment.externalId);
    pair.stripePayments.push(payment);
  };
  for (const payment of store.payments.summariesForInvoices('stripe', [...byStripe.keys()]))
    addStripe(byStripe.get(payment.invoiceExternalId!), payment);
  const mirrors = paid
    ? paid.filter((p) => p.side === 'stripe' && sm8PaymentOwner.has(p.otherSideId ?? ''))
    : store.payments.summariesPointingAt([...sm8PaymentOwner.keys()]);
  for (const payment of mirrors) {
    if (payment.side === 'stripe') addStripe(sm8PaymentOwner.get(payment.otherSideId!), payment);
  }
}
