// The payments pair's operations: payload schema and version, idempotency, counts, and
// the audit line in words: the amount, the job number and the method (the ids are the
// audit row's own fields; people read words, not ids).
import type { OperationDefinition } from '../engine/pair-definition';
import {
  createJobPaymentPayload,
  payOutOfBandPayload,
  recordRefundPayload,
  restoreJobPaymentPayload,
  settleServiceM8PayPayload,
  type CreateJobPaymentPayload,
  type SettleServiceM8PayPayload,
  type PayOutOfBandPayload,
  type RecordRefundPayload,
  type RestoreJobPaymentPayload,
} from './payloads';
import { dollars, jobWords } from './words';

export const PAYMENT_OPERATIONS = {
  create_job_payment: {
    name: 'create_job_payment',
    target: 'servicem8',
    version: 1,
    schema: createJobPaymentPayload,
    idempotency: 'content',
    counts: 'created',
    describe: (p: CreateJobPaymentPayload) =>
      `Recorded the Stripe payment of ${dollars(p.amountCents)} on ${jobWords(p.jobNumber)} in ServiceM8 (${p.method})`,
  } satisfies OperationDefinition<CreateJobPaymentPayload>,
  record_refund: {
    name: 'record_refund',
    target: 'servicem8',
    version: 1,
    schema: recordRefundPayload,
    idempotency: 'content',
    counts: 'created',
    describe: (p: RecordRefundPayload) =>
      `Recorded the Stripe ${p.kind} of ${dollars(p.amountCents)} on ${jobWords(p.jobNumber)} in ServiceM8 as a payment of ${dollars(-p.amountCents)}`,
  } satisfies OperationDefinition<RecordRefundPayload>,
  pay_invoice_out_of_band: {
    name: 'pay_invoice_out_of_band',
    target: 'stripe',
    version: 1,
    schema: payOutOfBandPayload,
    idempotency: 'content',
    counts: 'updated',
    describe: (p: PayOutOfBandPayload) =>
      `Marked Stripe invoice ${p.invoiceNumber ?? `for ${jobWords(p.jobNumber)}`} paid outside Stripe: ${dollars(p.amountCents)} paid in ServiceM8 (${p.method}) on ${jobWords(p.jobNumber)}${p.paymentUuids.length > 1 ? ` in ${p.paymentUuids.length} payments` : ''}`,
  } satisfies OperationDefinition<PayOutOfBandPayload>,
  settle_invoice_servicem8_pay: {
    name: 'settle_invoice_servicem8_pay',
    target: 'stripe',
    version: 1,
    schema: settleServiceM8PayPayload,
    idempotency: 'content',
    counts: 'updated',
    describe: (p: SettleServiceM8PayPayload) =>
      `Marked Stripe invoice ${p.invoiceNumber ?? `for ${jobWords(p.jobNumber)}`} paid outside Stripe: ServiceM8 Pay already took ${dollars(p.amountCents)} on ${jobWords(p.jobNumber)}; the money is counted once, as that card payment`,
  } satisfies OperationDefinition<SettleServiceM8PayPayload>,
  restore_job_payment: {
    name: 'restore_job_payment',
    target: 'servicem8',
    version: 1,
    schema: restoreJobPaymentPayload,
    idempotency: 'run',
    counts: 'updated',
    describe: (p: RestoreJobPaymentPayload) =>
      `Restored the ServiceM8 payment on ${jobWords(p.jobNumber)} to ${dollars(p.amountCents)}, as synced with Stripe (it had been ${p.why})`,
  } satisfies OperationDefinition<RestoreJobPaymentPayload>,
} as const;
