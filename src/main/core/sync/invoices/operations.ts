// The invoices pair's operations: payload schema and version, idempotency, counts,
// and one line in words for the activity list, always with the job number.
import { formatCents } from '../../money';
import type { OperationDefinition } from '../engine/pair-definition';
import type { AppliedWrite } from '../engine/sync-pair';
import {
  createInvoicePayload,
  createJobPayload,
  creditNotePayload,
  recordQuotesPayload,
  updateDraftPayload,
  updateReferencesPayload,
  voidAndReissuePayload,
  type CreateInvoicePayload,
  type CreateJobPayload,
  type CreditNotePayload,
  type JobFacts,
  type RecordQuotesPayload,
  type UpdateDraftPayload,
  type UpdateReferencesPayload,
  type VoidAndReissuePayload,
} from './payloads';

const money = (cents: number) => `$${formatCents(cents)}`;
const job = (j: JobFacts) => `job ${j.jobNumber}${j.client ? ` (${j.client})` : ''}`;
const lines = (n: number) => `${n} line${n === 1 ? '' : 's'}`;
const totals = (j: JobFacts) => `${money(j.servicem8.incCents)} incl. GST ${money(j.servicem8.gstCents)}`;
const number = (applied: AppliedWrite | null) => {
  const result = applied?.result as { number?: string | null } | undefined;
  return result?.number ? ` ${result.number}` : '';
};

export const INVOICE_OPERATIONS = {
  create_invoice: {
    name: 'create_invoice',
    target: 'stripe',
    version: 1,
    schema: createInvoicePayload,
    idempotency: 'content',
    counts: 'created',
    describe: (p: CreateInvoicePayload, applied: AppliedWrite | null) =>
      `Created Stripe invoice${number(applied)} for ${job(p.job)}: ${lines(p.draft.lines.length)}, ${totals(p.job)}${p.emailCustomer ? ', emailed' : ', not emailed'}`,
  } satisfies OperationDefinition<CreateInvoicePayload>,
  update_draft: {
    name: 'update_draft',
    target: 'stripe',
    version: 1,
    schema: updateDraftPayload,
    idempotency: 'run',
    counts: 'updated',
    describe: (p: UpdateDraftPayload) =>
      `Updated the Stripe draft invoice for ${job(p.job)}: lines replaced (${lines(p.draft.lines.length)}), now ${totals(p.job)}`,
  } satisfies OperationDefinition<UpdateDraftPayload>,
  void_and_reissue: {
    name: 'void_and_reissue',
    target: 'stripe',
    version: 1,
    schema: voidAndReissuePayload,
    idempotency: 'run',
    counts: 'updated',
    describe: (p: VoidAndReissuePayload, applied: AppliedWrite | null) =>
      `Voided the Stripe invoice for ${job(p.job)} and issued a new one${number(applied)}: ${totals(p.job)}`,
  } satisfies OperationDefinition<VoidAndReissuePayload>,
  credit_note: {
    name: 'credit_note',
    target: 'stripe',
    version: 1,
    schema: creditNotePayload,
    idempotency: 'run',
    counts: 'updated',
    describe: (p: CreditNotePayload) =>
      `Credited ${money(p.amountCents)} on the Stripe invoice for ${job(p.job)} (the job's total went down to ${money(p.job.servicem8.incCents)})`,
  } satisfies OperationDefinition<CreditNotePayload>,
  update_references: {
    name: 'update_references',
    target: 'stripe',
    version: 1,
    schema: updateReferencesPayload,
    idempotency: 'run',
    counts: 'updated',
    describe: (p: UpdateReferencesPayload, applied: AppliedWrite | null) => {
      const changed = (applied?.result as { changed?: string[] } | undefined)?.changed ?? Object.keys(p.metadata);
      return `Updated the references on the finalized Stripe invoice for ${job(p.job)} (${changed.length ? changed.join(', ') : 'already up to date'}); the total and GST are unchanged`;
    },
  } satisfies OperationDefinition<UpdateReferencesPayload>,
  record_quotes: {
    name: 'record_quotes',
    target: 'stripe',
    version: 1,
    schema: recordQuotesPayload,
    idempotency: 'run',
    counts: 'updated',
    describe: (p: RecordQuotesPayload) =>
      p.quotes === 0
        ? `Removed the quotes from the Stripe customer${p.client ? ` ${p.client}` : ''}: no open quote left in ServiceM8`
        : `Recorded ${p.quotes} open quote${p.quotes === 1 ? '' : 's'}${p.client ? ` of ${p.client}` : ''} on the Stripe customer: ${p.metadata.servicem8_quotes ?? ''}`,
  } satisfies OperationDefinition<RecordQuotesPayload>,
  create_job: {
    name: 'create_job',
    target: 'servicem8',
    version: 1,
    schema: createJobPayload,
    idempotency: 'content',
    counts: 'created',
    describe: (p: CreateJobPayload) =>
      `Created a ServiceM8 job for ${p.stripeNumber ? `Stripe invoice ${p.stripeNumber}` : 'an invoice made in Stripe'}: ${lines(p.lines.length)}, ${money(p.totalCents)}`,
  } satisfies OperationDefinition<CreateJobPayload>,
} as const;
