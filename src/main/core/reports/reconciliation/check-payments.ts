// Payments: each linked payment compared (amount, kind, whether it went through), and
// each unlinked payment of a paired invoice that the other side does not have reported
// as missing there. ServiceM8 Pay payments are in Stripe already, under ServiceM8's own
// profile: never "missing". Two Stripe payments mirroring one ServiceM8 payment would
// count it twice: a duplicate. Linked rows are streamed; only findings are kept.
import type { InvoiceFacts, LinkedRow, PaymentFacts } from '../../store/repositories/reconciliation-repository';
import type { FindingDraft } from './types';
import { invoiceTitle, money } from './words';

export interface PaymentLookups {
  invoice(side: 'servicem8' | 'stripe', id: string): InvoiceFacts | null;
  /** The invoice paired with this one on the other side (linked, or naming each other). */
  invoicePartner(side: 'servicem8' | 'stripe', id: string): InvoiceFacts | null;
  paymentsByIds(side: 'servicem8' | 'stripe', ids: readonly string[]): PaymentFacts[];
  isLinked(side: 'servicem8' | 'stripe', id: string): boolean;
}

export interface PaymentCheckInput {
  /** The links of entity 'payment' with both rows, streamed: every one that may give a finding (pairs that agree in full may be left out). */
  linked: Iterable<LinkedRow<PaymentFacts>>;
  unlinked: readonly PaymentFacts[];
  lookups: PaymentLookups;
  busy: Set<string>;
  localDate: (instant: string) => string;
}

const what = (p: PaymentFacts) => (p.kind === 'refund' ? 'refund' : 'payment');

export function checkPayments(input: PaymentCheckInput): FindingDraft[] {
  const { lookups } = input;
  const out: FindingDraft[] = [];
  // Titles only for findings: a lookup or two each, never for the payments that agree.
  const titleOf = (p: PaymentFacts) => {
    const own = p.invoiceExternalId ? lookups.invoice(p.side, p.invoiceExternalId) : null;
    const other = own ? lookups.invoicePartner(own.side, own.externalId) : null;
    const [a, b] = p.side === 'servicem8' ? [own, other] : [other, own];
    const invoice = a || b ? invoiceTitle(a, b) : null;
    return `${invoice ? `${invoice}: ` : ''}${what(p)} of ${money(p.amountCents)} on ${input.localDate(p.paidAt)}`;
  };
  const finding = (draft: Omit<FindingDraft, 'entity' | 'needsPerson' | 'title'>, subject: PaymentFacts | null, ids: (string | null)[]) =>
    out.push({
      ...draft,
      entity: 'payment',
      title: subject ? titleOf(subject) : `Payment ${draft.servicem8Id ?? draft.stripeId}`,
      needsPerson: !ids.some((id) => id !== null && input.busy.has(id)),
    });

  const compare = (a: PaymentFacts, b: PaymentFacts) => {
    const ids = { servicem8Id: a.externalId, stripeId: b.externalId };
    const both = [a.externalId, b.externalId];
    if (a.amountCents !== b.amountCents)
      finding(
        {
          kind: 'total_mismatch',
          ...ids,
          detail: `ServiceM8 records ${money(a.amountCents)} and Stripe ${money(b.amountCents)} for the same ${what(a)}.`,
        },
        a,
        both,
      );
    if (a.kind !== b.kind)
      finding({ kind: 'field_mismatch', ...ids, detail: `ServiceM8 records a ${what(a)} where Stripe records a ${what(b)}.` }, a, both);
    if ((a.status === 'succeeded') !== (b.status === 'succeeded'))
      finding(
        { kind: 'payment_status_mismatch', ...ids, detail: `The ${what(a)} is ${a.status} in ServiceM8 but ${b.status} in Stripe.` },
        a,
        both,
      );
  };

  for (const link of input.linked) {
    if (link.state === 'archived') continue;
    const { servicem8: a, stripe: b } = link;
    if (a && b) compare(a, b);
    else
      finding(
        {
          kind: 'broken_link',
          servicem8Id: link.servicem8Id,
          stripeId: link.stripeId,
          detail: `The link between the ServiceM8 payment and the Stripe payment points at nothing: ${!a && !b ? 'neither is known any more' : !a ? 'the ServiceM8 payment is not known any more' : 'the Stripe payment is not known any more'}.`,
        },
        a ?? b,
        [link.servicem8Id, link.stripeId],
      );
  }

  // Cross-references kept on the rows (ServiceM8 Pay charges name their ServiceM8 payment).
  const paired = new Set<string>();
  const own = { servicem8: new Map<string, PaymentFacts>(), stripe: new Map<string, PaymentFacts>() };
  for (const p of input.unlinked) own[p.side].set(p.externalId, p);
  const named = (side: 'servicem8' | 'stripe') =>
    input.unlinked.filter((p) => p.side !== side && p.otherSideId !== null && !own[side].has(p.otherSideId)).map((p) => p.otherSideId!);
  const elsewhere = {
    servicem8: new Map(lookups.paymentsByIds('servicem8', named('servicem8')).map((p) => [p.externalId, p])),
    stripe: new Map(lookups.paymentsByIds('stripe', named('stripe')).map((p) => [p.externalId, p])),
  };
  const mirrors = new Map<string, PaymentFacts[]>();
  for (const p of input.unlinked) {
    if (p.otherSideId === null) continue;
    const otherSide = p.side === 'servicem8' ? 'stripe' : 'servicem8';
    const partner = own[otherSide].get(p.otherSideId) ?? elsewhere[otherSide].get(p.otherSideId);
    if (!partner) {
      finding(
        {
          kind: 'broken_link',
          servicem8Id: p.side === 'servicem8' ? p.externalId : p.otherSideId,
          stripeId: p.side === 'stripe' ? p.externalId : p.otherSideId,
          detail: `The ${p.side === 'servicem8' ? 'ServiceM8' : 'Stripe'} ${what(p)} names a ${p.side === 'servicem8' ? 'Stripe' : 'ServiceM8'} payment that is not known.`,
        },
        p,
        [p.externalId],
      );
      paired.add(`${p.side}:${p.externalId}`);
      continue;
    }
    if (p.side === 'stripe') mirrors.set(partner.externalId, [...(mirrors.get(partner.externalId) ?? []), p]);
    else paired.add(`servicem8:${p.externalId}`); // its Stripe side is compared from there, or linked
  }
  for (const [servicem8Id, found] of mirrors) {
    const a = own.servicem8.get(servicem8Id) ?? elsewhere.servicem8.get(servicem8Id)!;
    const count = found.length + (lookups.isLinked('servicem8', servicem8Id) ? 1 : 0);
    paired.add(`servicem8:${servicem8Id}`);
    for (const b of found) paired.add(`stripe:${b.externalId}`);
    if (count === 1) {
      compare(a, found[0]!);
      continue;
    }
    finding(
      {
        kind: 'duplicate',
        servicem8Id,
        stripeId: found.map((b) => b.externalId).join(' '),
        detail: `${count} Stripe payments record the same ServiceM8 ${what(a)}${count > found.length ? ' (one of them linked)' : ''}: it would be counted ${count} times.`,
      },
      a,
      [servicem8Id],
    );
  }

  for (const p of input.unlinked) {
    if (paired.has(`${p.side}:${p.externalId}`) || p.status !== 'succeeded' || p.invoiceExternalId === null || input.busy.has(p.externalId))
      continue;
    if (p.side === 'servicem8' && p.servicem8Pay) continue;
    const partner = lookups.invoicePartner(p.side, p.invoiceExternalId);
    if (!partner) continue; // an unpaired invoice is reported as an invoice
    const sm8 = p.side === 'servicem8';
    finding(
      {
        kind: sm8 ? 'missing_in_stripe' : 'missing_in_servicem8',
        servicem8Id: sm8 ? p.externalId : null,
        stripeId: sm8 ? null : p.externalId,
        detail: sm8
          ? `ServiceM8 records a ${what(p)} of ${money(p.amountCents)} on ${input.localDate(p.paidAt)} that Stripe invoice ${partner.invoiceNumber ?? partner.externalId} does not have.`
          : `Stripe records a ${what(p)} of ${money(p.amountCents)} on ${input.localDate(p.paidAt)} that ServiceM8 job ${partner.jobNumber ?? partner.externalId} does not have.`,
      },
      p,
      [p.externalId],
    );
  }
  return out;
}
