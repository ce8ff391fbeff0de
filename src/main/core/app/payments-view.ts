// Every payment on either side (`sm8sync payments`, the app's listPayments), one row per
// payment: a linked pair is one row with both ids. Its state, in this order: a write
// refused (failed), a question open (needs_approval), a write on its way or a planner's
// "waiting", linked (synced, or servicem8_pay when ServiceM8 took it itself), else
// unmatched; each with its reason in words. Read from the typed payments table, the
// links, conflicts and outbox, and the planner's notes.
import type { PaymentRow } from '../../../shared/api';
import type { StoredPayment } from '../store/repositories/payments-repository';
import type { Store } from '../store/store';
import { refusedWords } from '../../../shared/refused-words';
import { MIRROR, PAYMENT_ENTITY, type PaymentNote, type StripeCharge } from '../sync/payments/types';

const ALL = { from: '0000-01-01T00:00:00.000Z', to: '9999-12-31T23:59:59.999Z' };

interface Lookups {
  question: Map<string, string>;
  failed: Map<string, string>;
  inFlight: Set<string>;
}

function lookups(store: Store): Lookups {
  const question = new Map<string, string>();
  for (const c of store.conflicts.listForEntity(PAYMENT_ENTITY, ['open', 'resolved'])) {
    const words =
      c.state === 'resolved' ? `decided (${c.resolution ?? ''}), carried out at the next sync: ${c.detail ?? ''}` : (c.detail ?? c.kind);
    for (const id of [c.servicem8Id, c.stripeId]) if (id && !question.has(id)) question.set(id, words);
  }
  const failed = new Map<string, string>();
  for (const item of store.outbox.list({ state: 'failed', limit: 100_000 }))
    if (item.entity === PAYMENT_ENTITY && item.subjectId) failed.set(item.subjectId, refusedWords(item.lastError, item.target));
  const inFlight = new Set([...store.outbox.busySubjects(PAYMENT_ENTITY)]);
  return { question, failed, inFlight };
}

function signed(p: StoredPayment): number {
  return p.kind === 'refund' ? -p.amountCents : p.amountCents;
}

function jobNumberOf(store: Store, sm8: StoredPayment | null, stripe: StoredPayment | null): string | null {
  const viaJob = sm8?.invoiceExternalId ? store.invoices.get('servicem8', sm8.invoiceExternalId)?.jobNumber : null;
  const viaInvoice = stripe?.invoiceExternalId ? store.invoices.get('stripe', stripe.invoiceExternalId)?.jobNumber : null;
  const viaCharge = stripe ? store.mirror.get<StripeCharge>('stripe', MIRROR.charge, stripe.externalId)?.record.servicem8Job?.number : null;
  return viaJob ?? viaInvoice ?? viaCharge ?? null;
}

function stateOf(
  store: Store,
  l: Lookups,
  sm8: StoredPayment | null,
  stripe: StoredPayment | null,
): Pick<PaymentRow, 'state' | 'reason'> & { note: PaymentNote | null } {
  const ids = [sm8?.externalId, stripe?.externalId].filter((id): id is string => !!id);
  const note =
    (sm8 && store.mirror.get<PaymentNote>('servicem8', MIRROR.note, sm8.externalId)?.record) ||
    (stripe && store.mirror.get<PaymentNote>('stripe', MIRROR.note, stripe.externalId)?.record) ||
    null;
  for (const id of ids) if (l.failed.has(id)) return { state: 'failed', reason: l.failed.get(id)!, note };
  for (const id of ids) if (l.question.has(id)) return { state: 'needs_approval', reason: l.question.get(id)!, note };
  for (const id of ids)
    if (l.inFlight.has(id))
      return { state: 'waiting', reason: 'a write for it is on its way (sent at the next sync if it did not go through)', note };
  if (sm8 && stripe) {
    if (stripe.servicem8Pay || sm8.servicem8Pay)
      return { state: 'servicem8_pay', reason: 'taken with ServiceM8 Pay: linked to ServiceM8’s own record, counted once', note };
    if (stripe.method === 'paid out of band')
      return { state: 'synced', reason: 'paid in ServiceM8; the Stripe invoice is marked paid outside Stripe', note };
    return { state: 'synced', reason: 'recorded on both sides', note };
  }
  if (note) return { state: note.state, reason: note.reason, note };
  const linked = sm8
    ? store.links.byServiceM8Id(PAYMENT_ENTITY, sm8.externalId)
    : stripe
      ? store.links.byStripeId(PAYMENT_ENTITY, stripe.externalId)
      : null;
  if (linked) return { state: 'synced', reason: 'linked; the other side’s record is not in the local copy yet', note };
  return { state: 'unmatched', reason: 'not matched to a payment on the other side', note };
}

export function listPayments(store: Store, month?: string): PaymentRow[] {
  const rows = month ? store.payments.byMonth(month) : store.payments.inRange(ALL.from, ALL.to);
  const l = lookups(store);
  const used = new Set<number>();
  const out: PaymentRow[] = [];
  const partner = (p: StoredPayment): StoredPayment | null => {
    if (p.side === 'stripe') return p.otherSideId ? store.payments.get('servicem8', p.otherSideId) : null;
    // A ServiceM8 payment shares a row with its Stripe record only when that record names it back.
    const other = p.otherSideId ? store.payments.get('stripe', p.otherSideId) : null;
    return other && other.otherSideId === p.externalId ? other : null;
  };
  for (const row of rows) {
    if (used.has(row.id)) continue;
    used.add(row.id);
    const other = partner(row);
    if (other) used.add(other.id);
    const sm8 = row.side === 'servicem8' ? row : other;
    const stripe = row.side === 'stripe' ? row : other;
    // A deposit settled with its balance names the invoice but is not its link: shown on its own, synced.
    const groupInvoice = !other && row.side === 'servicem8' && row.otherSideId ? row.otherSideId : null;
    const { state, reason, note } = groupInvoice
      ? {
          state: 'synced' as const,
          reason: 'paid in ServiceM8 with the rest of the job; the Stripe invoice is marked paid outside Stripe',
          note: null,
        }
      : stateOf(store, l, sm8, stripe);
    const origin = stripe && stripe.method !== 'paid out of band' ? stripe : (sm8 ?? stripe)!;
    out.push({
      servicem8PaymentUuid: sm8?.externalId ?? null,
      stripePaymentId: stripe?.externalId ?? groupInvoice,
      jobNumber: note?.jobNumber ?? jobNumberOf(store, sm8, stripe),
      amountCents: signed(origin),
      feeCents: stripe?.feeCents ?? 0,
      feeGstCents: stripe?.feeGstCents ?? 0,
      paidAt: origin.paidAt,
      method: origin.method,
      state,
      reason,
    });
  }
  return out;
}
