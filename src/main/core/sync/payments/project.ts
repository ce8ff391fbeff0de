// Fills the typed payments table (store.payments) for both sides: the contract that
// reconciliation and the GST report read. A Stripe card payment keeps its gross, fee,
// GST inside the fee and payout; a ServiceM8 payment its job and method; both name the
// other side's record once linked. A value already known (a link, a payout) is never
// blanked by a later copy that does not carry it.
import type { PaymentInput } from '../../store/repositories/payments-repository';
import type { Store } from '../../store/store';
import type { Sm8Payment, StripeCharge, StripeRefund } from './types';

type Payments = Pick<Store, 'payments'>;

function upsert(store: Payments, input: PaymentInput, zone: string): void {
  const known = store.payments.get(input.side, input.externalId);
  store.payments.upsert(
    {
      ...input,
      otherSideId: input.otherSideId ?? known?.otherSideId ?? null,
      payoutId: input.payoutId ?? known?.payoutId ?? null,
      servicem8Pay: input.servicem8Pay || known?.servicem8Pay || false,
      refundOf: input.refundOf ?? known?.refundOf ?? null,
    },
    zone,
  );
}

export function projectServiceM8(
  store: Payments,
  p: Sm8Payment,
  zone: string,
  extra: { otherSideId?: string | null; servicem8Pay?: boolean; refundOf?: string | null } = {},
): void {
  upsert(
    store,
    {
      side: 'servicem8',
      externalId: p.uuid,
      kind: p.amountCents < 0 ? 'refund' : 'payment',
      invoiceExternalId: p.jobUuid,
      refundOf: extra.refundOf ?? null,
      status: p.active ? 'succeeded' : 'canceled',
      amountCents: Math.abs(p.amountCents),
      method: p.method || null,
      servicem8Pay: extra.servicem8Pay ?? false,
      paidAt: p.paidAt ?? p.editedAt ?? new Date(0).toISOString(),
      otherSideId: extra.otherSideId ?? null,
      sourceEditedAt: p.editedAt,
    },
    zone,
  );
}

export function projectCharge(store: Payments, c: StripeCharge, zone: string, otherSideId: string | null): void {
  upsert(
    store,
    {
      side: 'stripe',
      externalId: c.id,
      kind: 'payment',
      invoiceExternalId: c.invoiceId,
      status: 'succeeded',
      amountCents: c.amountCents,
      method: c.servicem8Job ? 'card (ServiceM8 Pay)' : 'card',
      servicem8Pay: c.servicem8Job !== null,
      feeCents: c.fee?.feeCents ?? 0,
      feeGstCents: c.fee?.feeGstCents ?? 0,
      payoutId: c.payoutId,
      paidAt: c.paidAt,
      otherSideId,
    },
    zone,
  );
}

export function projectRefund(store: Payments, r: StripeRefund, invoiceId: string | null, zone: string, otherSideId: string | null): void {
  upsert(
    store,
    {
      side: 'stripe',
      externalId: r.id,
      kind: 'refund',
      invoiceExternalId: invoiceId,
      refundOf: r.chargeId,
      status: r.status,
      amountCents: r.amountCents,
      method: r.kind,
      paidAt: r.createdAt,
      otherSideId,
    },
    zone,
  );
}

/** An invoice marked paid outside Stripe: its only Stripe record is the invoice itself. */
export function projectOutOfBand(
  store: Payments,
  input: { invoiceId: string; amountCents: number; paidAt: string; paymentUuid: string },
  zone: string,
): void {
  upsert(
    store,
    {
      side: 'stripe',
      externalId: input.invoiceId,
      kind: 'payment',
      invoiceExternalId: input.invoiceId,
      status: 'succeeded',
      amountCents: input.amountCents,
      method: 'paid out of band',
      paidAt: input.paidAt,
      otherSideId: input.paymentUuid,
    },
    zone,
  );
}
