// The invoice pairs reconciliation compares: every link of entity 'invoice', and rows
// whose other_side_id names each other without a link (the typed tables' own
// cross-reference). A reference to a record that is not there is a broken link.
import type { InvoiceFacts, LinkFacts } from '../../store/repositories/reconciliation-repository';

export interface InvoicePairing {
  pairs: { servicem8: InvoiceFacts; stripe: InvoiceFacts; linkId: number | null }[];
  /** Links or cross-references that point at nothing, with what was expected. */
  broken: { servicem8Id: string | null; stripeId: string | null; row: InvoiceFacts | null; why: string }[];
  unpairedServicem8: InvoiceFacts[];
  unpairedStripe: InvoiceFacts[];
  servicem8: Map<string, InvoiceFacts>;
  stripe: Map<string, InvoiceFacts>;
}

export function pairInvoices(rows: readonly InvoiceFacts[], links: readonly LinkFacts[]): InvoicePairing {
  const servicem8 = new Map<string, InvoiceFacts>();
  const stripe = new Map<string, InvoiceFacts>();
  for (const row of rows) (row.side === 'servicem8' ? servicem8 : stripe).set(row.externalId, row);
  const paired = { servicem8: new Set<string>(), stripe: new Set<string>() };
  const result: InvoicePairing = { pairs: [], broken: [], unpairedServicem8: [], unpairedStripe: [], servicem8, stripe };

  for (const link of links) {
    if (link.state === 'archived') {
      paired.servicem8.add(link.servicem8Id);
      paired.stripe.add(link.stripeId);
      continue;
    }
    const a = servicem8.get(link.servicem8Id) ?? null;
    const b = stripe.get(link.stripeId) ?? null;
    paired.servicem8.add(link.servicem8Id);
    paired.stripe.add(link.stripeId);
    if (a && b) result.pairs.push({ servicem8: a, stripe: b, linkId: link.id });
    else
      result.broken.push({
        servicem8Id: link.servicem8Id,
        stripeId: link.stripeId,
        row: a ?? b,
        why:
          !a && !b
            ? 'neither record is known any more'
            : !a
              ? 'the ServiceM8 job is not known any more'
              : 'the Stripe invoice is not known any more',
      });
  }
  for (const [own, other, side] of [
    [servicem8, stripe, 'servicem8'],
    [stripe, servicem8, 'stripe'],
  ] as const) {
    for (const row of own.values()) {
      if (paired[side].has(row.externalId) || row.otherSideId === null) continue;
      const partner = other.get(row.otherSideId);
      const otherSide = side === 'servicem8' ? 'stripe' : 'servicem8';
      if (!partner) {
        result.broken.push({
          servicem8Id: side === 'servicem8' ? row.externalId : row.otherSideId,
          stripeId: side === 'stripe' ? row.externalId : row.otherSideId,
          row,
          why: `it names ${otherSide === 'stripe' ? 'Stripe invoice' : 'ServiceM8 job'} ${row.otherSideId}, which is not known`,
        });
        paired[side].add(row.externalId);
        continue;
      }
      if (paired[otherSide].has(partner.externalId)) continue; // the partner is linked elsewhere: left unpaired below
      paired[side].add(row.externalId);
      paired[otherSide].add(partner.externalId);
      const [a, b] = side === 'servicem8' ? [row, partner] : [partner, row];
      result.pairs.push({ servicem8: a, stripe: b, linkId: null });
    }
  }
  for (const row of servicem8.values()) if (!paired.servicem8.has(row.externalId)) result.unpairedServicem8.push(row);
  for (const row of stripe.values()) if (!paired.stripe.has(row.externalId)) result.unpairedStripe.push(row);
  return result;
}
