// The invoices pair's outbox payloads (versioned in operations.ts). Everything a write
// needs is decided at plan time and kept here, so applying after a crash sends exactly
// what was planned and the content key of a create stays the same.
import { z } from 'zod';

const totals = z.object({ incCents: z.number().int(), exCents: z.number().int(), gstCents: z.number().int() });

export const lineTaxRate = z.object({ code: z.string(), displayName: z.string(), percent: z.string(), inclusive: z.boolean() });

export const stripeLine = z.object({
  materialUuid: z.string(),
  description: z.string(),
  quantity: z.string(),
  unitAmountDecimal: z.string().nullable(),
  amountCents: z.number().int(),
  taxRate: lineTaxRate,
});

export const draftInput = z.object({
  customerId: z.string(),
  effectiveAt: z.string().nullable(),
  description: z.string(),
  customFields: z.array(z.object({ name: z.string(), value: z.string() })),
  metadata: z.record(z.string(), z.string()),
  lines: z.array(stripeLine),
});

/** The job as planned: for the audit's words, the typed tables and the totals check afterwards. */
export const jobFacts = z.object({
  jobUuid: z.string(),
  jobNumber: z.string(),
  client: z.string().nullable(),
  servicem8: totals,
  stripe: totals,
  fingerprint: z.string(),
  /** ServiceM8's total_invoice_amount vs the lines, in words, when they differ (total-check.ts). */
  totalCheck: z.string().nullable().optional(),
});

export const createInvoicePayload = z.object({
  job: jobFacts,
  draft: draftInput,
  emailCustomer: z.boolean(),
  conflictIds: z.array(z.number().int()),
});

export const updateDraftPayload = z.object({
  job: jobFacts,
  stripeId: z.string(),
  draft: draftInput,
  conflictIds: z.array(z.number().int()),
});

export const voidAndReissuePayload = z.object({
  job: jobFacts,
  oldStripeId: z.string(),
  draft: draftInput,
  emailCustomer: z.boolean(),
  conflictIds: z.array(z.number().int()),
});

export const creditNotePayload = z.object({
  job: jobFacts,
  stripeId: z.string(),
  amountCents: z.number().int().positive(),
  conflictIds: z.array(z.number().int()),
});

/** Reference fields of a finalized invoice (plan-references.ts); the total and GST are untouched. */
export const updateReferencesPayload = z.object({
  job: jobFacts,
  stripeId: z.string(),
  /** The references written (plan-references.ts referencesKey), for the merge base. */
  referencesKey: z.string(),
  metadata: z.record(z.string(), z.string()),
  customFields: z.array(z.object({ name: z.string(), value: z.string() })).nullable(),
  conflictIds: z.array(z.number().int()),
});

/** The open quotes of one client, on its Stripe customer's metadata (plan-quotes.ts). */
export const recordQuotesPayload = z.object({
  companyUuid: z.string(),
  customerId: z.string(),
  client: z.string().nullable(),
  /** Merged by Stripe; '' removes a key. */
  metadata: z.record(z.string(), z.string()),
  quotes: z.number().int().nonnegative(),
});

export const createJobPayload = z.object({
  stripeId: z.string(),
  stripeNumber: z.string().nullable(),
  companyUuid: z.string(),
  jobUuid: z.string(),
  description: z.string(),
  lines: z.array(
    z.object({
      uuid: z.string(),
      name: z.string(),
      quantity: z.string(),
      unitAmountCents: z.number().int(),
      amountIncludesTax: z.boolean(),
      /** The Stripe line's tax rate, matched to a ServiceM8 tax rate of the same percentage when applied. */
      stripeTaxRateId: z.string().nullable(),
    }),
  ),
  totalCents: z.number().int(),
  conflictIds: z.array(z.number().int()),
});

export type Totals = z.infer<typeof totals>;
export type DraftInput = z.infer<typeof draftInput>;
export type JobFacts = z.infer<typeof jobFacts>;
export type CreateInvoicePayload = z.infer<typeof createInvoicePayload>;
export type UpdateDraftPayload = z.infer<typeof updateDraftPayload>;
export type VoidAndReissuePayload = z.infer<typeof voidAndReissuePayload>;
export type CreditNotePayload = z.infer<typeof creditNotePayload>;
export type CreateJobPayload = z.infer<typeof createJobPayload>;
export type UpdateReferencesPayload = z.infer<typeof updateReferencesPayload>;
export type RecordQuotesPayload = z.infer<typeof recordQuotesPayload>;

/** What a linked pair agreed on last: the lines' fingerprint and the totals written. */
export interface InvoiceBase {
  fingerprint: string;
  incCents: number;
  gstCents: number;
  /** The job's references last agreed (plan-references.ts); absent on links made before it was kept. */
  references?: string;
}
