// The unlinked invoices, paired by the typed tables' own cross-reference: rows whose
// other_side_id names each other without a link. A reference to a record that is not
// there is a broken link; one to a record linked elsewhere leaves the row unpaired.
// (Linked pairs are streamed straight from the links table: see check-invoices.ts.)
import type { InvoiceFacts } from '../../store/repositories/reconciliation-repository';

export interface BrokenInvoiceLink {
  servicem8Id: string | null;
  stripeId: string | null;
  row: InvoiceFacts | null;
  why: string;
}

export interface UnlinkedPairing {
  pairs: { servicem8: InvoiceFacts; stripe: InvoiceFacts }[];
  broken: BrokenInvoiceLink[];
  unpairedServicem8: InvoiceFacts[];
  unpairedStripe: InvoiceFacts[];
}

/** `exists(side, ids)` says which of these ids the other side has at all (linked or not). */
export function pairUnlinked(
  rows: readonly InvoiceFacts[],
  exists: (side: 'servicem8' | 'stripe', ids: string[]) => Set<string>,
): UnlinkedPairing {
  const own = { servicem8: new Map<string, InvoiceFacts>(), stripe: new Map<string, InvoiceFacts>() };
  for (const row of rows) own[row.side].set(row.externalId, row);
  const named = (side: 'servicem8' | 'stripe') =>
    [...own[side === 'servicem8' ? 'stripe' : 'servicem8'].values()]
      .map((r) => r.otherSideId)
      .filter((id): id is string => id !== null && !own[side].has(id));
  const elsewhere = { servicem8: exists('servicem8', named('servicem8')), stripe: exists('stripe', named('stripe')) };
  const paired = { servicem8: new Set<string>(), stripe: new Set<string>() };
  const result: UnlinkedPairing = { pairs: [], broken: [], unpairedServicem8: [], unpairedStripe: [] };
  for (const side of ['servicem8', 'stripe'] as const) {
    const otherSide = side === 'servicem8' ? 'stripe' : 'servicem8';
    for (const row of own[side].values()) {
      if (paired[side].has(row.externalId) || row.otherSideId === null) continue;
      const partner = own[otherSide].get(row.otherSideId);
      if (partner && !paired[otherSide].has(partner.externalId)) {
        paired[side].add(row.externalId);
        paired[otherSide].add(partner.externalId);
        result.pairs.push(side === 'servicem8' ? { servicem8: row, stripe: partner } : { servicem8: partner, stripe: row });
      } else if (!partner && !elsewhere[otherSide].has(row.otherSideId)) {
        paired[side].add(row.externalId);
        result.broken.push({
          servicem8Id: side === 'servicem8' ? row.externalId : row.otherSideId,
          stripeId: side === 'stripe' ? row.externalId : row.otherSideId,
          row,
          why: `it names a ${otherSide === 'stripe' ? 'Stripe invoice' : 'ServiceM8 job'} that is not known`,
        });
      }
    }
  }
  for (const row of own.servicem8.values()) if (!paired.servicem8.has(row.externalId)) result.unpairedServicem8.push(row);
  for (const row of own.stripe.values()) if (!paired.stripe.has(row.externalId)) result.unpairedStripe.push(row);
  return result;
}
