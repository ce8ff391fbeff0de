// The payments pair's operations: payload schema and version, idempotency, counts, and
// the audit line in words, always with both ids, the amount and the job number.
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
      `Recorded Stripe payment ${p.stripeId} of ${dollars(p.amountCents)} on ${jobWords(p.jobNumber)} as ServiceM8 payment ${p.paymentUuid} (method ${p.method})`,
  } satisfies OperationDefinition<CreateJobPaymentPayload>,
  record_refund: {
    name: 'record_refund',
    target: 'servicem8',
    version: 1,
    schema: recordRefundPayload,
    idempotency: 'content',
    counts: 'created',
    describe: (p: RecordRefundPayload) =>
      `Recorded Stripe ${p.kind} ${p.refundId} of ${dollars(p.amountCents)} (charge ${p.chargeId}) on ${jobWords(p.jobNumber)} as ServiceM8 payment ${p.paymentUuid} of ${dollars(-p.amountCents)}`,
  } satisfies OperationDefinition<RecordRefundPayload>,
  pay_invoice_out_of_band: {
    name: 'pay_invoice_out_of_band',
    target: 'stripe',
    version: 1,
    schema: payOutOfBandPayload,
    idempotency: 'content',
    counts: 'updated',
    describe: (p: PayOutOfBandPayload) =>
      `Marked Stripe invoice ${p.invoiceNumber ?? p.invoiceId} (${p.invoiceId}) paid outside Stripe: ${dollars(p.amountCents)} paid in ServiceM8 (${p.method}) on ${jobWords(p.jobNumber)}, ServiceM8 payment${p.paymentUuids.length > 1 ? 's' : ''} ${p.paymentUuids.join(', ')}`,
  } satisfies OperationDefinition<PayOutOfBandPayload>,
  settle_invoice_servicem8_pay: {
    name: 'settle_invoice_servicem8_pay',
    target: 'stripe',
    version: 1,
    schema: settleServiceM8PayPayload,
    idempotency: 'content',
    counts: 'updated',
    describe: (p: SettleServiceM8PayPayload) =>
      `Marked Stripe invoice ${p.invoiceNumber ?? p.invoiceId} (${p.invoiceId}) paid outside Stripe: ServiceM8 Pay already took ${dollars(p.amountCents)} on ${jobWords(p.jobNumber)} (charge ${p.chargeIds.join(', ')}); the money is counted once, as that charge`,
  } satisfies OperationDefinition<SettleServiceM8PayPayload>,
  restore_job_payment: {
    name: 'restore_job_payment',
    target: 'servicem8',
    version: 1,
    schema: restoreJobPaymentPayload,
    idempotency: 'run',
    counts: 'updated',
    describe: (p: RestoreJobPaymentPayload) =>
      `Restored ServiceM8 payment ${p.paymentUuid} on ${jobWords(p.jobNumber)} to ${dollars(p.amountCents)} as synced with Stripe ${p.stripeId} (it had been ${p.why})`,
  } satisfies OperationDefinition<RestoreJobPaymentPayload>,
} as const;
