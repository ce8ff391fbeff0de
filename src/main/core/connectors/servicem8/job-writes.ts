// The writes the invoices and payments pairs make to ServiceM8: record a job payment,
// change a job (status, invoice_sent, payment_received…), and create a whole job with
// its materials for an invoice made in Stripe. Every record's uuid is chosen by the
// caller, so a retry after a crash re-sends the same uuids and never duplicates (C1).
// Amounts go in as integer cents, quantities as exact decimal text.
import type { CallOptions, ServiceM8Client } from './client';
import type { JobStatus } from './records';
import { jobPaymentFields, wireBadges, wireFlag, wireMoney, wireRef, wireStamp, type NewJobPayment, type WireFields } from './wire-encode';

export class JobWriteError extends Error {
  override readonly name = 'JobWriteError';
}

const QUANTITY = /^\d+(\.\d+)?$/;

/** Creates the payment with the caller's uuid, or updates it when it already exists (a retried create). */
export async function saveJobPayment(
  client: ServiceM8Client,
  uuid: string,
  payment: NewJobPayment,
  options: CallOptions = {},
): Promise<void> {
  if (!Number.isSafeInteger(payment.amountCents)) throw new JobWriteError(`payment amount must be whole cents, got ${payment.amountCents}`);
  await client.create('jobpayment', jobPaymentFields(payment, await client.timeZone(options)), { ...options, uuid });
}

export interface JobChanges {
  status?: JobStatus;
  invoiceSent?: boolean;
  /** Full payment received (reference §3). */
  paymentReceived?: boolean;
  paymentProcessed?: boolean;
  purchaseOrderNumber?: string;
  jobDescription?: string;
  workDoneDescription?: string;
  badges?: readonly string[];
  /** UTC instant; null clears it. */
  completionDate?: string | null;
}

/** The wire fields for some job changes; only the fields given are sent. */
export function jobChangeFields(changes: JobChanges, zone: string): WireFields {
  const fields: WireFields = {};
  if (changes.status !== undefined) fields.status = changes.status;
  if (changes.invoiceSent !== undefined) fields.invoice_sent = wireFlag(changes.invoiceSent);
  if (changes.paymentReceived !== undefined) fields.payment_received = wireFlag(changes.paymentReceived);
  if (changes.paymentProcessed !== undefined) fields.payment_processed = wireFlag(changes.paymentProcessed);
  if (changes.purchaseOrderNumber !== undefined) fields.purchase_order_number = changes.purchaseOrderNumber;
  if (changes.jobDescription !== undefined) fields.job_description = changes.jobDescription;
  if (changes.workDoneDescription !== undefined) fields.work_done_description = changes.workDoneDescription;
  if (changes.badges !== undefined) fields.badges = wireBadges(changes.badges);
  if (changes.completionDate !== undefined) fields.completion_date = wireStamp(changes.completionDate, zone);
  return fields;
}

export async function updateJob(client: ServiceM8Client, uuid: string, changes: JobChanges, options: CallOptions = {}): Promise<void> {
  const fields = jobChangeFields(changes, await client.timeZone(options));
  if (Object.keys(fields).length > 0) await client.update('job', uuid, fields, options);
}

export interface NewJobLine {
  uuid: string;
  name: string;
  /** Exact decimal text, e.g. "2" or "1.5". */
  quantity: string;
  /** Unit amount as it should be displayed, in cents; tax-inclusive when `amountIncludesTax`. */
  unitAmountCents: number;
  amountIncludesTax: boolean;
  taxRateUuid: string | null;
  materialUuid?: string | null;
}

export interface NewJob {
  uuid: string;
  companyUuid: string;
  status: JobStatus;
  jobDescription: string;
  jobAddress?: string;
  billingAddress?: string;
  purchaseOrderNumber?: string;
  categoryUuid?: string | null;
  createdByStaffUuid?: string | null;
  /** Set last, once every line is in, so no reader ever sees a sent invoice with missing lines. */
  invoiceSent?: boolean;
  lines: NewJobLine[];
}

export function jobLineFields(jobUuid: string, line: NewJobLine, sortOrder: number): WireFields {
  if (!QUANTITY.test(line.quantity))
    throw new JobWriteError(`line "${line.name}": quantity must be a decimal like "2" or "1.5", got ${JSON.stringify(line.quantity)}`);
  if (!Number.isSafeInteger(line.unitAmountCents)) throw new JobWriteError(`line "${line.name}": unit amount must be whole cents`);
  return {
    job_uuid: jobUuid,
    name: line.name,
    quantity: line.quantity,
    displayed_amount: wireMoney(line.unitAmountCents),
    displayed_amount_is_tax_inclusive: line.amountIncludesTax ? '1' : '0',
    tax_rate_uuid: wireRef(line.taxRateUuid),
    material_uuid: wireRef(line.materialUuid ?? null),
    sort_order: String(sortOrder),
  };
}

/**
 * Creates the job, then each line, then marks the invoice sent. Safe to repeat with the
 * same input after a failure at any step: each POST reuses its uuid (an upsert, A7).
 */
export async function createJobWithMaterials(client: ServiceM8Client, job: NewJob, options: CallOptions = {}): Promise<void> {
  const lines = job.lines.map((line, index) => jobLineFields(job.uuid, line, index + 1)); // validate every line before writing any
  const fields: WireFields = {
    status: job.status,
    company_uuid: job.companyUuid,
    job_description: job.jobDescription,
    job_address: job.jobAddress ?? '',
    billing_address: job.billingAddress ?? '',
    purchase_order_number: job.purchaseOrderNumber ?? '',
    category_uuid: wireRef(job.categoryUuid ?? null),
    created_by_staff_uuid: wireRef(job.createdByStaffUuid ?? null),
  };
  await client.create('job', fields, { ...options, uuid: job.uuid });
  for (const [index, line] of lines.entries()) await client.create('jobmaterial', line, { ...options, uuid: job.lines[index]!.uuid });
  if (job.invoiceSent) await client.update('job', job.uuid, { invoice_sent: 1 }, options);
}
