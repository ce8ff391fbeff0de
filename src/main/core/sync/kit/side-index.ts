// Records of both sides indexed by a key (an email, a job number), and the link
// questions matching asks about them, written once for either side: what the other
// side is, whether a record is already claimed, who its linked partner is.
import type { Side } from '../../store/repositories/mirror-repository';
import type { LinkLookup } from './planning-links';

export const otherSide = (side: Side): Side => (side === 'servicem8' ? 'stripe' : 'servicem8');

export interface Sided {
  id: string;
  side: Side;
}

/** The record's linked partner on the other side, if any. */
export function partnerOf(record: Sided, links: LinkLookup): string | null {
  return record.side === 'servicem8' ? links.stripeIdFor(record.id) : links.servicem8IdFor(record.id);
}

export class SideIndex<T extends Sided> {
  private readonly bySide: Record<Side, Map<string, T[]>> = { servicem8: new Map(), stripe: new Map() };

  add(record: T, key: string | null | undefined): void {
    if (!key) return;
    const map = this.bySide[record.side];
    const list = map.get(key);
    if (list) list.push(record);
    else map.set(key, [record]);
  }

  on(side: Side, key: string): T[] {
    return this.bySide[side].get(key) ?? [];
  }
}
