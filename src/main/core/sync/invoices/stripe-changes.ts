// The Stripe invoices this cycle must look at, from the shared events batch: the last
// event of each invoice (its snapshot is the invoice's newest state). Events of this
// pair's own writes (idempotency key `sm8sync-[run-]invoice-…`) are skipped when the
// invoice is already mirrored: the write recorded what Stripe returned. Writes of other
// pairs (the payments pair paying an invoice out of band) are read like anyone's. A batch that cannot be trusted
// (first run, or older than Stripe's 30 days) lists every invoice instead; a listing
// shows no deleted draft, so what the mirror holds and the listing lacks is asked for
// one by one (confirmMissing): Stripe's 404 is the deletion the lost events carried.
import { StripeConnectorError } from '../../connectors/stripe/errors';
import type { StripeConnector } from '../../connectors/stripe/stripe-connector';
import { invoiceRecord } from '../../connectors/stripe/schemas';
import type { UnreadObject } from '../../connectors/stripe/schema-parts';
import type { FeedBatch } from '../engine/change-feed';
import { INVOICE_FEED_TYPES } from './definition';
import type { StripeInvoice } from './types';

export interface StripeInvoiceChanges {
  invoices: StripeInvoice[];
  deletedIds: string[];
  rejected: { id: string; object: string; reason: string; raw?: unknown }[];
  fullScan: boolean;
}

/** Keys of the invoices pair's own writes (see engine/persist-plan.ts for the two forms). */
const OUR_INVOICE_WRITE = /^sm8sync-(\d+-)?invoice-/;

export async function stripeInvoiceChanges(
  stripe: Pick<StripeConnector, 'listInvoices' | 'getInvoice'>,
  batch: FeedBatch,
  isMirrored: (id: string) => boolean,
  mirroredIds: () => string[],
): Promise<StripeInvoiceChanges> {
  if (batch.needsFullRescan) {
    const unread: UnreadObject[] = [];
    const listed = await stripe.listInvoices({}, unread);
    const invoices: StripeInvoice[] = [];
    for (const invoice of listed) invoices.push(invoice.linesComplete ? invoice : await stripe.getInvoice(invoice.id));
    // One the listing could not read is there, only malformed (it is quarantined): not missing.
    const seen = new Set([...invoices.map((i) => i.id), ...unread.map((u) => u.id)]);
    const { found, deletedIds } = await confirmMissing(
      stripe,
      mirroredIds().filter((id) => !seen.has(id)),
    );
    invoices.push(...found);
    return { invoices, deletedIds, rejected: unread.map((u) => ({ id: u.id, object: 'invoice', reason: u.reason })), fullScan: true };
  }
  const last = new Map<string, FeedBatch['events'][number]>();
  for (const event of batch.events) {
    if (!(INVOICE_FEED_TYPES as readonly string[]).includes(event.type) || !event.objectId?.startsWith('in_')) continue;
    last.delete(event.objectId); // keep insertion order = order of last change
    last.set(event.objectId, event);
  }
  const out: StripeInvoiceChanges = { invoices: [], deletedIds: [], rejected: [], fullScan: false };
  for (const [id, event] of last) {
    if (event.type === 'invoice.deleted') {
      out.deletedIds.push(id);
      continue;
    }
    if (event.idempotencyKey && OUR_INVOICE_WRITE.test(event.idempotencyKey) && isMirrored(id)) continue;
    const parsed = invoiceRecord.safeParse(event.object);
    if (!parsed.success) {
      out.rejected.push({
        id,
        object: 'invoice',
        reason: `event ${event.id}: ${parsed.error.issues[0]?.message ?? 'unreadable invoice'}`,
        raw: event.object,
      });
      continue;
    }
    out.invoices.push(parsed.data.linesComplete ? parsed.data : await stripe.getInvoice(id));
  }
  return out;
}

/**
 * Mirrored invoices a full listing did not show. Absence is a hint, not proof (the listing may have
 * raced a change): each is retrieved, and only Stripe's "no such invoice" makes it deleted; one that
 * comes back is read as changed. Bounded by the mirror: one retrieve per missing id, none when all are listed.
 */
async function confirmMissing(
  stripe: Pick<StripeConnector, 'getInvoice'>,
  missing: string[],
): Promise<{ found: StripeInvoice[]; deletedIds: string[] }> {
  const out = { found: [] as StripeInvoice[], deletedIds: [] as string[] };
  for (const id of missing) {
    try {
      out.found.push(await stripe.getInvoice(id));
    } catch (error) {
      if (!(error instanceof StripeConnectorError && error.kind === 'not_found')) throw error;
      out.deletedIds.push(id);
    }
  }
  return out;
}
