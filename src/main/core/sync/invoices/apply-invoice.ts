// Carries out the invoices pair's outbox rows. Every Stripe step has its own key
// derived from the row's (`<key>:invoice`, `<key>:lines…`, `<key>:finalize`), so
// replaying a row after a crash replays each step instead of repeating it: one
// invoice per job, no duplicate line. Invoices are finalized with auto_advance off and
// never emailed unless invoices.emailCustomer is on.
import type { InvoiceLineInput } from '../../connectors/stripe/invoice-lines';
import { StripeConnectorError } from '../../connectors/stripe/errors';
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { OperationDefinition, OperationHandler } from '../engine/pair-definition';
import type { AppliedWrite, CycleContext } from '../engine/sync-pair';
import { FINALIZED_CHANGED } from './conflict-kinds';
import { createJob } from './apply-create-job';
import { recordQuotes } from './apply-quotes';
import { updateReferences } from './apply-references';
import { INVOICE_OPERATIONS } from './operations';
import type { InvoicePairDeps } from './pair-deps';
import type { CreateInvoicePayload, CreditNotePayload, DraftInput, JobFacts, UpdateDraftPayload, VoidAndReissuePayload } from './payloads';
import { referencesKey } from './plan-references';
import { invoiceMirror, recordStripeInvoice } from './record-write';
import type { TaxRateResolver } from './tax-rates';
import { stripeNet } from './typed-rows';
import { INVOICE_ENTITY, META, type StripeInvoice } from './types';
import { formatDollars } from '../../money';

function handler<P>(
  definition: OperationDefinition<P>,
  apply: (payload: P, item: OutboxItem, context: CycleContext) => Promise<AppliedWrite>,
): OperationHandler<never> {
  return { ...definition, apply } as unknown as OperationHandler<never>;
}

/** Stripe keeps idempotency keys at least 24 hours; past that a retried create looks first. */
const KEY_LIFETIME_MS = 23 * 60 * 60_000;

export function invoiceHandlers(deps: InvoicePairDeps, taxRates: TaxRateResolver): Record<string, OperationHandler<never>> {
  const ops = INVOICE_OPERATIONS;
  const all = [
    handler(ops.create_invoice, (p, item, context) => createInvoice(p, item, context, deps, taxRates)),
    handler(ops.update_draft, (p, item, context) => updateDraft(p, item, context, deps, taxRates)),
    handler(ops.void_and_reissue, (p, item, context) => voidAndReissue(p, item, context, deps, taxRates)),
    handler(ops.credit_note, (p, item, context) => creditNote(p, item, context, deps, taxRates)),
    handler(ops.create_job, (p, item, context) => createJob(p, item, context, deps, taxRates)),
    handler(ops.update_references, (p, item, context) => updateReferences(p, item, context, deps, taxRates)),
    handler(ops.record_quotes, (p, item, context) => recordQuotes(p, item, context, deps)),
  ];
  return Object.fromEntries(all.map((h) => [h.name, h]));
}

async function stripeLines(draft: DraftInput, taxRates: TaxRateResolver): Promise<InvoiceLineInput[]> {
  const lines: InvoiceLineInput[] = [];
  for (const line of draft.lines) {
    const taxRateId = await taxRates.idFor(line.taxRate);
    const metadata = { servicem8_material_uuid: line.materialUuid };
    lines.push(
      line.unitAmountDecimal === null
        ? { description: line.description, amountCents: line.amountCents, taxRateId, metadata }
        : { description: line.description, unitAmountDecimal: line.unitAmountDecimal, quantity: line.quantity, taxRateId, metadata },
    );
  }
  return lines;
}

/** A new, finalized, unsent (unless asked) Stripe invoice for the job, every step under its own derived key. */
async function issue(
  deps: InvoicePairDeps,
  taxRates: TaxRateResolver,
  draft: DraftInput,
  emailCustomer: boolean,
  key: string,
): Promise<StripeInvoice> {
  const lines = await stripeLines(draft, taxRates);
  const created = await deps.stripe.createDraftInvoice(
    {
      customerId: draft.customerId,
      lines,
      ...(draft.effectiveAt ? { effectiveAt: draft.effectiveAt } : {}),
      description: draft.description || null,
      customFields: draft.customFields,
      metadata: draft.metadata,
      collectionMethod: 'send_invoice',
      daysUntilDue: 14,
      autoAdvance: false,
    },
    key,
  );
  let invoice =
    created.status === 'draft' ? await deps.stripe.finalizeInvoice(created.id, `${key}:finalize`, { autoAdvance: false }) : created;
  if (emailCustomer && invoice.status === 'open') invoice = await deps.stripe.sendInvoice(invoice.id, `${key}:send`);
  return invoice;
}

/** An invoice made for this job by an earlier attempt whose key Stripe may have forgotten. */
async function madeEarlier(deps: InvoicePairDeps, draft: DraftInput, jobUuid: string): Promise<StripeInvoice | null> {
  const listed = await deps.stripe.listInvoices({ customerId: draft.customerId });
  const found = listed.find((i) => i.metadata[META.jobUuid] === jobUuid && i.status !== 'void');
  return found ? deps.stripe.getInvoice(found.id) : null;
}

function written(
  job: JobFacts,
  invoice: StripeInvoice,
  difference: string | null,
  conflictIds: number[],
  before: unknown,
  draft?: DraftInput,
): Omit<AppliedWrite, 'link'> {
  return {
    servicem8Id: job.jobUuid,
    stripeId: invoice.id,
    base: {
      fingerprint: job.fingerprint,
      incCents: job.servicem8.incCents,
      gstCents: job.servicem8.gstCents,
      // The references the invoice now carries, so a later change to them in ServiceM8 is written (plan-references.ts).
      ...(draft ? { references: referencesKey(draft) } : {}),
    },
    mirror: [invoiceMirror(invoice)],
    before,
    after: {
      jobNumber: job.jobNumber,
      invoice: invoice.id,
      number: invoice.number,
      status: invoice.status,
      totalCents: invoice.totalCents,
      gstCents: invoice.taxCents,
      lines: invoice.lines.length,
    },
    conflictIds,
    result: { stripeId: invoice.id, number: invoice.number, status: invoice.status, ...(difference ? { difference } : {}) },
  };
}

async function createInvoice(
  p: CreateInvoicePayload,
  item: OutboxItem,
  context: CycleContext,
  deps: InvoicePairDeps,
  taxRates: TaxRateResolver,
): Promise<AppliedWrite> {
  const age = context.now().getTime() - Date.parse(item.createdAt);
  const earlier = age > KEY_LIFETIME_MS ? await madeEarlier(deps, p.draft, p.job.jobUuid) : null;
  const invoice = earlier ?? (await issue(deps, taxRates, p.draft, p.emailCustomer, item.idempotencyKey));
  const difference = await recordStripeInvoice(deps.store, taxRates, context.settings.businessTimeZone, invoice, p.job);
  return {
    ...written(p.job, invoice, difference, p.conflictIds, null, p.draft),
    link: { mode: 'create', servicem8EditedAt: null, stripeEditedAt: null },
  };
}

async function updateDraft(
  p: UpdateDraftPayload,
  item: OutboxItem,
  context: CycleContext,
  deps: InvoicePairDeps,
  taxRates: TaxRateResolver,
): Promise<AppliedWrite> {
  const live = await deps.stripe.getInvoice(p.stripeId);
  const before = { status: live.status, totalCents: live.totalCents, gstCents: live.taxCents, lines: live.lines.length };
  if (live.status !== 'draft') {
    // Finalized since planning: never edited; the question goes to a person instead.
    const net = stripeNet(live);
    return {
      ...written(p.job, live, null, [], before),
      base: {},
      raised: [
        {
          kind: FINALIZED_CHANGED,
          entity: INVOICE_ENTITY,
          dedupeKey: `${INVOICE_ENTITY}:${p.job.jobUuid}:finalized`,
          servicem8Id: p.job.jobUuid,
          stripeId: live.id,
          servicem8Value: { totalCents: p.job.servicem8.incCents, gstCents: p.job.servicem8.gstCents },
          stripeValue: { totalCents: net.incCents, gstCents: net.gstCents },
          detail: `Job ${p.job.jobNumber} changed, but its Stripe invoice was finalized before the draft could be updated.`,
        },
      ],
    };
  }
  const lines = await stripeLines(p.draft, taxRates);
  const updated = await deps.stripe.updateDraftInvoice(
    p.stripeId,
    {
      description: p.draft.description || null,
      customFields: p.draft.customFields,
      metadata: p.draft.metadata,
      effectiveAt: p.draft.effectiveAt,
      lines,
      currentLines: live.lines, // just read, all of them: the lines are set in bulk without reading them again
    },
    item.idempotencyKey,
  );
  const difference = await recordStripeInvoice(deps.store, taxRates, context.settings.businessTimeZone, updated, p.job);
  return written(p.job, updated, difference, p.conflictIds, before, p.draft);
}

async function voidAndReissue(
  p: VoidAndReissuePayload,
  item: OutboxItem,
  context: CycleContext,
  deps: InvoicePairDeps,
  taxRates: TaxRateResolver,
): Promise<AppliedWrite> {
  let old = await deps.stripe.getInvoice(p.oldStripeId);
  const before = { invoice: old.id, number: old.number, status: old.status, totalCents: old.totalCents, gstCents: old.taxCents };
  if (old.status === 'paid')
    throw new StripeConnectorError(
      'validation',
      `Stripe invoice ${old.number ?? old.id} is paid and cannot be voided: choose the credit note, or refund it first.`,
    );
  if (old.status === 'open' || old.status === 'uncollectible') old = await deps.stripe.voidInvoice(old.id, `${item.idempotencyKey}:void`);
  await recordStripeInvoice(deps.store, taxRates, context.settings.businessTimeZone, old, { ...p.job, servicem8: p.job.servicem8 });
  const invoice = await issue(deps, taxRates, p.draft, p.emailCustomer, `${item.idempotencyKey}:new`);
  const difference = await recordStripeInvoice(deps.store, taxRates, context.settings.businessTimeZone, invoice, p.job);
  const applied = written(p.job, invoice, difference, p.conflictIds, before, p.draft);
  return {
    ...applied,
    mirror: [invoiceMirror(old), ...applied.mirror],
    link: { mode: 'repoint', servicem8EditedAt: null, stripeEditedAt: null },
  };
}

async function creditNote(
  p: CreditNotePayload,
  item: OutboxItem,
  context: CycleContext,
  deps: InvoicePairDeps,
  taxRates: TaxRateResolver,
): Promise<AppliedWrite> {
  const live = await deps.stripe.getInvoice(p.stripeId);
  const before = {
    status: live.status,
    totalCents: live.totalCents,
    creditedCents: live.prePaymentCreditNotesCents + live.postPaymentCreditNotesCents,
  };
  const owed = Math.min(p.amountCents, live.amountRemainingCents);
  await deps.stripe.createCreditNote(
    {
      invoiceId: p.stripeId,
      amountCents: p.amountCents,
      ...(p.amountCents - owed > 0 ? { creditAmountCents: p.amountCents - owed } : {}),
      reason: 'order_change',
      memo: `Job ${p.job.jobNumber} changed after invoicing: the total is now ${formatDollars(p.job.servicem8.incCents)}.`,
      metadata: { [META.jobUuid]: p.job.jobUuid },
    },
    item.idempotencyKey,
  );
  const invoice = await deps.stripe.getInvoice(p.stripeId);
  const difference = await recordStripeInvoice(deps.store, taxRates, context.settings.businessTimeZone, invoice, p.job);
  return written(p.job, invoice, difference, p.conflictIds, before);
}
