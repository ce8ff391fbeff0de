// Adapts the Stripe connector to the payments pair's port. From the shared events batch
// (or, when the feed says so, a full listing) it gathers the charges, refunds and
// disputes, finds the invoice each card payment settled (its invoice payment), reads
// each charge's balance transaction (gross, fee, GST in the fee, net) and, for payouts
// seen, which charges they paid out.
import type { StripeConnector } from '../../../connectors/stripe/stripe-connector';
import {
  chargeRecord,
  disputeRecord,
  invoicePaymentRecord,
  payoutRecord,
  type StripeChargeRecord,
  type StripeDisputeRecord,
  type StripeInvoiceRecord,
  type StripeRefundRecord,
} from '../../../connectors/stripe/schemas';
import { StripeConnectorError } from '../../../connectors/stripe/errors';
import { shapeReason, type UnreadObject } from '../../../connectors/stripe/schema-parts';
import type { ZodError } from 'zod';
import type { FeedBatch } from '../../engine/change-feed';
import type { Rejected, StripeInvoiceState, StripePaymentChanges, StripePaymentsPort } from '../ports';
import type { StripeCharge, StripeRefund } from '../types';
import { mapLimit } from './map-limit';

/** The event types the pair reads from the shared feed. */
export const PAYMENT_EVENT_TYPES = [
  'charge.succeeded',
  'charge.refunded',
  'charge.dispute.created',
  'charge.dispute.closed',
  'invoice_payment.paid',
  'payout.paid',
] as const;

const LOOKUPS_IN_FLIGHT = 8;

export function toInvoiceState(i: StripeInvoiceRecord): StripeInvoiceState {
  return {
    id: i.id,
    number: i.number,
    status: i.status,
    totalCents: i.totalCents,
    amountDueCents: i.amountDueCents,
    amountPaidCents: i.amountPaidCents,
    amountRemainingCents: i.amountRemainingCents,
    paidAt: i.paidAt,
  };
}

function refundOf(r: StripeRefundRecord): StripeRefund | null {
  if (!r.chargeId) return null;
  const status =
    r.status === 'succeeded' || r.status === 'pending' || r.status === 'failed' || r.status === 'canceled' ? r.status : 'pending';
  return {
    id: r.id,
    kind: 'refund',
    chargeId: r.chargeId,
    amountCents: r.amountCents,
    status,
    detail: r.reason ?? 'refund',
    createdAt: r.createdAt,
  };
}

function disputeOf(d: StripeDisputeRecord): StripeRefund {
  // Lost: the money stays with the customer. Won: it came back. Otherwise it is still withdrawn, pending a decision.
  const status = d.status === 'lost' ? 'succeeded' : d.status === 'won' ? 'canceled' : 'pending';
  return {
    id: d.id,
    kind: 'dispute',
    chargeId: d.chargeId,
    amountCents: d.amountCents,
    status,
    detail: `dispute ${d.status} (${d.reason})`,
    createdAt: d.createdAt,
  };
}

export function stripePaymentsPort(stripe: StripeConnector): StripePaymentsPort {
  async function enrich(raw: StripeChargeRecord[], invoiceByIntent: Map<string, string>): Promise<StripeCharge[]> {
    return mapLimit(raw, LOOKUPS_IN_FLIGHT, async (c) => {
      let invoiceId: string | null = null;
      if (!c.servicem8Job && c.paymentIntentId)
        invoiceId = invoiceByIntent.get(c.paymentIntentId) ?? (await stripe.findInvoiceIdForPaymentIntent(c.paymentIntentId));
      const txn = c.balanceTransactionId ? await stripe.getBalanceTransaction(c.balanceTransactionId) : null;
      return {
        id: c.id,
        amountCents: c.amountCents,
        amountRefundedCents: c.amountRefundedCents,
        paymentIntentId: c.paymentIntentId,
        invoiceId,
        servicem8Job: c.servicem8Job,
        description: c.description,
        paidAt: c.createdAt,
        fee: txn
          ? {
              balanceTransactionId: txn.id,
              feeCents: txn.feeCents,
              feeGstCents: txn.feeGstCents,
              netCents: txn.netCents,
              availableOn: txn.availableOn,
            }
          : null,
        payoutId: null,
      };
    });
  }

  async function payoutsOf(ids: string[]): Promise<Map<string, string>> {
    const bySource = new Map<string, string>();
    const lists = await mapLimit(ids, LOOKUPS_IN_FLIGHT, async (id) => ({
      id,
      txns: await stripe.listBalanceTransactions({ payoutId: id }),
    }));
    for (const { id, txns } of lists) for (const t of txns) if (t.sourceId) bySource.set(t.sourceId, id);
    return bySource;
  }

  return {
    async paymentChanges(batch: FeedBatch): Promise<StripePaymentChanges> {
      const rejected: Rejected[] = [];
      const parse = <T>(
        schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } },
        value: unknown,
        object: string,
        id: string | null,
      ): T | null => {
        const parsed = schema.safeParse(value);
        if (parsed.success) return parsed.data;
        rejected.push({ id: id ?? '(no id)', object, reason: `Stripe ${object} has an unexpected shape (${shapeReason(parsed.error)}).` });
        return null;
      };
      if (batch.needsFullRescan) {
        const unread = {
          charge: [] as UnreadObject[],
          refund: [] as UnreadObject[],
          dispute: [] as UnreadObject[],
          payout: [] as UnreadObject[],
        };
        const [charges, refunds, disputes, payouts] = [
          await stripe.listCharges({}, unread.charge),
          await stripe.listRefunds({}, unread.refund),
          await stripe.listDisputes({}, unread.dispute),
          await stripe.listPayouts({}, unread.payout),
        ];
        for (const [object, list] of Object.entries(unread)) for (const u of list) rejected.push({ id: u.id, object, reason: u.reason });
        const succeeded = charges.filter((c) => c.status === 'succeeded' && c.paid);
        return {
          charges: await enrich(succeeded, new Map()),
          refunds: [...refunds.map(refundOf).filter((r): r is StripeRefund => r !== null), ...disputes.map(disputeOf)],
          payouts: await payoutsOf(payouts.filter((p) => p.status === 'paid').map((p) => p.id)),
          rejected,
          fullScan: true,
        };
      }
      const charges = new Map<string, StripeChargeRecord>();
      const refundedCharges = new Set<string>();
      const disputes = new Map<string, StripeRefund>();
      const invoiceByIntent = new Map<string, string>();
      const payoutIds = new Set<string>();
      for (const event of batch.events) {
        if (event.type === 'charge.succeeded') {
          const c = parse(chargeRecord, event.object, 'charge', event.objectId);
          if (c) charges.set(c.id, c);
        } else if (event.type === 'charge.refunded') {
          if (event.objectId) refundedCharges.add(event.objectId);
        } else if (event.type.startsWith('charge.dispute.')) {
          const d = parse(disputeRecord, event.object, 'dispute', event.objectId);
          if (d) disputes.set(d.id, disputeOf(d));
        } else if (event.type === 'invoice_payment.paid') {
          const p = parse(invoicePaymentRecord, event.object, 'invoice_payment', event.objectId);
          if (p?.paymentIntentId) invoiceByIntent.set(p.paymentIntentId, p.invoiceId);
        } else if (event.type === 'payout.paid') {
          const p = parse(payoutRecord, event.object, 'payout', event.objectId);
          if (p) payoutIds.add(p.id);
        }
      }
      const refundLists = await mapLimit([...refundedCharges], LOOKUPS_IN_FLIGHT, (chargeId) => stripe.listRefunds({ chargeId }));
      const succeeded = [...charges.values()].filter((c) => c.status === 'succeeded' && c.paid);
      return {
        charges: await enrich(succeeded, invoiceByIntent),
        refunds: [
          ...refundLists
            .flat()
            .map(refundOf)
            .filter((r): r is StripeRefund => r !== null),
          ...disputes.values(),
        ],
        payouts: await payoutsOf([...payoutIds]),
        rejected,
        fullScan: false,
      };
    },
    async getInvoice(id) {
      try {
        return toInvoiceState(await stripe.getInvoice(id));
      } catch (error) {
        if (error instanceof StripeConnectorError && error.kind === 'not_found') return null;
        throw error;
      }
    },
    async payOutOfBand(invoiceId, key) {
      return toInvoiceState(await stripe.payInvoiceOutOfBand(invoiceId, key));
    },
  };
}
