// Payments: each linked payment compared (amount, kind, whether it went through), and
// each payment of a linked invoice that the other side does not have reported as
// missing there. ServiceM8 Pay payments are in Stripe already, under ServiceM8's own
// profile: never "missing". Two Stripe payments mirroring one ServiceM8 payment would
// count it twice: a duplicate.
import type { InvoiceFacts, LinkFacts, PaymentFacts } from '../../store/repositories/reconciliation-repository';
import type { InvoicePairing } from './invoice-pairs';
import type { FindingDraft } from './types';
import { invoiceTitle, money } from './words';

export interface PaymentCheckInput {
  payments: readonly PaymentFacts[];
  links: readonly LinkFacts[];
  pairing: InvoicePairing;
  busy: Set<string>;
  localDate: (instant: string) => string;
}

const what = (p: PaymentFacts) => (p.kind === 'refund' ? 'refund' : 'payment');

export function checkPayments(input: PaymentCheckInput): FindingDraft[] {
  const out: FindingDraft[] = [];
  const servicem8 = new Map<string, PaymentFacts>();
  const stripe = new Map<string, PaymentFacts>();
  for (const p of input.payments) (p.side === 'servicem8' ? servicem8 : stripe).set(p.externalId, p);
  const stripeForJob = new Map<string, InvoiceFacts>();
  const jobForStripe = new Map<string, InvoiceFacts>();
  for (const pair of input.pairing.pairs) {
    stripeForJob.set(pair.servicem8.externalId, pair.stripe);
    jobForStripe.set(pair.stripe.externalId, pair.servicem8);
  }
  const titleOf = (p: PaymentFacts) => {
    const own = p.invoiceExternalId
      ? (p.side === 'servicem8' ? input.pairing.servicem8 : input.pairing.stripe).get(p.invoiceExternalId)
      : undefined;
    const other = own ? (own.side === 'servicem8' ? stripeForJob.get(own.externalId) : jobForStripe.get(own.externalId)) : undefined;
    const [a, b] = own?.side === 'servicem8' ? [own, other ?? null] : [other ?? null, own ?? null];
    const invoice = a || b ? invoiceTitle(a, b) : null;
    return `${invoice ? `${invoice}: ` : ''}${what(p)} of ${money(p.amountCents)} on ${input.localDate(p.paidAt)}`;
  };
  const finding = (draft: Omit<FindingDraft, 'entity' | 'needsPerson'>, ids: (string | null)[]) =>
    out.push({ ...draft, entity: 'payment', needsPerson: !ids.some((id) => id !== null && input.busy.has(id)) });

  const paired = { servicem8: new Set<string>(), stripe: new Set<string>() };
  const compare = (a: PaymentFacts, b: PaymentFacts) => {
    const ids = { servicem8Id: a.externalId, stripeId: b.externalId, title: titleOf(a) };
    const both = [a.externalId, b.externalId];
    if (a.amountCents !== b.amountCents)
      finding(
        {
          kind: 'total_mismatch',
          ...ids,
          detail: `ServiceM8 records ${money(a.amountCents)} and Stripe ${money(b.amountCents)} for the same ${what(a)}.`,
        },
        both,
      );
    if (a.kind !== b.kind)
      finding({ kind: 'field_mismatch', ...ids, detail: `ServiceM8 records a ${what(a)} where Stripe records a ${what(b)}.` }, both);
    if ((a.status === 'succeeded') !== (b.status === 'succeeded'))
      finding(
        {
          kind: 'payment_status_mismatch',
          ...ids,
          detail: `The ${what(a)} is ${a.status} in ServiceM8 but ${b.status} in Stripe.`,
        },
        both,
      );
  };

  for (const link of input.links) {
    const a = servicem8.get(link.servicem8Id);
    const b = stripe.get(link.stripeId);
    paired.servicem8.add(link.servicem8Id);
    paired.stripe.add(link.stripeId);
    if (link.state === 'archived') continue;
    if (a && b) compare(a, b);
    else
      finding(
        {
          kind: 'broken_link',
          servicem8Id: link.servicem8Id,
          stripeId: link.stripeId,
          title: a || b ? titleOf((a ?? b)!) : `Payment ${link.servicem8Id}`,
          detail: `The link between ServiceM8 payment ${link.servicem8Id} and Stripe payment ${link.stripeId} points at nothing: ${!a && !b ? 'neither is known any more' : !a ? 'the ServiceM8 payment is not known any more' : 'the Stripe payment is not known any more'}.`,
        },
        [link.servicem8Id, link.stripeId],
      );
  }

  // Cross-references kept on the rows (ServiceM8 Pay charges name their ServiceM8 payment).
  const mirrors = new Map<string, PaymentFacts[]>();
  for (const p of input.payments) {
    if (p.otherSideId === null || paired[p.side].has(p.externalId)) continue;
    const partner = (p.side === 'servicem8' ? stripe : servicem8).get(p.otherSideId);
    if (!partner) {
      finding(
        {
          kind: 'broken_link',
          servicem8Id: p.side === 'servicem8' ? p.externalId : p.otherSideId,
          stripeId: p.side === 'stripe' ? p.externalId : p.otherSideId,
          title: titleOf(p),
          detail: `The ${p.side === 'servicem8' ? 'ServiceM8' : 'Stripe'} ${what(p)} names ${p.side === 'servicem8' ? 'Stripe' : 'ServiceM8'} payment ${p.otherSideId}, which is not known.`,
        },
        [p.externalId],
      );
      paired[p.side].add(p.externalId);
      continue;
    }
    if (p.side === 'stripe') mirrors.set(partner.externalId, [...(mirrors.get(partner.externalId) ?? []), p]);
  }
  for (const [servicem8Id, found] of mirrors) {
    const a = servicem8.get(servicem8Id)!;
    const count = found.length + (paired.servicem8.has(servicem8Id) ? 1 : 0);
    paired.servicem8.add(servicem8Id);
    for (const b of found) paired.stripe.add(b.externalId);
    if (count === 1) {
      compare(a, found[0]!);
      continue;
    }
    finding(
      {
        kind: 'duplicate',
        servicem8Id,
        stripeId: found.map((b) => b.externalId).join(' '),
        title: titleOf(a),
        detail: `${count} Stripe payments record the same ServiceM8 ${what(a)} (${found.map((b) => b.externalId).join(', ')}${count > found.length ? ' and a linked one' : ''}): it would be counted ${count} times.`,
      },
      [servicem8Id],
    );
  }

  for (const p of input.payments) {
    if (paired[p.side].has(p.externalId) || p.status !== 'succeeded' || p.invoiceExternalId === null || input.busy.has(p.externalId))
      continue;
    if (p.side === 'servicem8') {
      if (p.servicem8Pay) continue;
      const invoice = stripeForJob.get(p.invoiceExternalId);
      if (!invoice) continue; // an unpaired job is reported as an invoice
      finding(
        {
          kind: 'missing_in_stripe',
          servicem8Id: p.externalId,
          stripeId: null,
          title: titleOf(p),
          detail: `ServiceM8 records a ${what(p)} of ${money(p.amountCents)} on ${input.localDate(p.paidAt)} that Stripe invoice ${invoice.invoiceNumber ?? invoice.externalId} does not have.`,
        },
        [p.externalId],
      );
    } else {
      const job = jobForStripe.get(p.invoiceExternalId);
      if (!job) continue;
      finding(
        {
          kind: 'missing_in_servicem8',
          servicem8Id: null,
          stripeId: p.externalId,
          title: titleOf(p),
          detail: `Stripe records a ${what(p)} of ${money(p.amountCents)} on ${input.localDate(p.paidAt)} that ServiceM8 job ${job.jobNumber ?? job.externalId} does not have.`,
        },
        [p.externalId],
      );
    }
  }
  return out;
}
