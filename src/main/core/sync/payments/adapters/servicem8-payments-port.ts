// Adapts the ServiceM8 connector to the payments pair's port: job payments into the
// pair's shape, the connector's change cursor kept as opaque JSON, and the job's own
// "paid" flag read and set the way ServiceM8 shows a fully paid invoice.
import {
  saveJobPayment,
  ServiceM8ApiError,
  toLocalNaive,
  updateJob,
  wireMoney,
  type ChangeCursor,
  type ServiceM8Client,
  type Sm8JobPayment,
} from '../../../connectors/servicem8/index';
import type { ServiceM8PaymentsPort } from '../ports';
import type { Sm8Payment } from '../types';

export function toSm8Payment(r: Sm8JobPayment): Sm8Payment {
  return {
    uuid: r.uuid,
    jobUuid: r.jobUuid,
    amountCents: r.amountCents,
    method: r.method,
    paidAt: r.timestamp,
    note: r.note,
    active: r.active,
    isDeposit: r.isDeposit,
    editedAt: r.editDate || null,
  };
}

export function servicem8PaymentsPort(client: ServiceM8Client): ServiceM8PaymentsPort {
  const opts = (signal?: AbortSignal) => (signal ? { signal } : {});
  async function getOne<T>(object: 'jobpayment' | 'job', uuid: string, signal?: AbortSignal): Promise<T | null> {
    try {
      return ((await client.get(object, uuid, opts(signal))).records[0] as T | undefined) ?? null;
    } catch (error) {
      if (error instanceof ServiceM8ApiError && error.kind === 'not_found') return null;
      throw error;
    }
  }
  return {
    async pullPayments(cursor, signal) {
      const result = await client.listChangedSince(
        'jobpayment',
        cursor === null ? null : (JSON.parse(cursor) as ChangeCursor),
        opts(signal),
      );
      return {
        records: result.records.map(toSm8Payment),
        rejected: result.rejected.map((r) => ({ id: r.uuid, object: r.object, reason: r.reason })),
        cursor: JSON.stringify(result.cursor),
      };
    },
    async getPayment(uuid, signal) {
      const found = await getOne<Sm8JobPayment>('jobpayment', uuid, signal);
      return found ? toSm8Payment(found) : null;
    },
    savePayment: (uuid, p, signal) => saveJobPayment(client, uuid, p, opts(signal)),
    async restorePayment(uuid, p, signal) {
      const zone = await client.timeZone(opts(signal));
      await client.update(
        'jobpayment',
        uuid,
        { active: 1, amount: wireMoney(p.amountCents), timestamp: toLocalNaive(p.paidAt, zone) },
        opts(signal),
      );
    },
    async jobPaidState(jobUuid, signal) {
      const job = await getOne<{ jobNumber: string; totalInvoiceAmountCents: number; paymentReceived: boolean }>('job', jobUuid, signal);
      if (!job) return null;
      const payments = await client.list('jobpayment', { ...opts(signal), filter: [{ field: 'job_uuid', op: 'eq', value: jobUuid }] });
      const paid = payments.records.filter((p) => p.active).reduce((sum, p) => sum + p.amountCents, 0);
      return { jobNumber: job.jobNumber, totalCents: job.totalInvoiceAmountCents, paidCents: paid, paymentReceived: job.paymentReceived };
    },
    markJobPaid: (jobUuid, signal) => updateJob(client, jobUuid, { paymentReceived: true }, opts(signal)),
  };
}
