// What the server does to a job by itself: numbers it, stamps the date of each status
// it enters and each flag it raises, and marks payments made before completion as
// deposits. All stamps come from the simulator's clock, in the account's zone.
import type { SimBehaviour } from './behaviour';
import { UNSET_DATETIME } from './local-time';
import type { SimulatorStore, WireRecord } from './store';

const FLAG_STAMPS: [string, string][] = [
  ['quote_sent', 'quote_sent_stamp'],
  ['invoice_sent', 'invoice_sent_stamp'],
  ['payment_received', 'payment_received_stamp'],
  ['payment_processed', 'payment_processed_stamp'],
];

/** The date field that records when a job entered each status (the spec: "the date and time that the job status was changed to …"). */
const STATUS_DATES: Record<string, string> = {
  Quote: 'quote_date',
  'Work Order': 'work_order_date',
  Completed: 'completion_date',
  Unsuccessful: 'unsuccessful_date',
};

/**
 * Assumption A21: a flag going 0→1 sets its *_stamp; entering a status sets that
 * status's date unless the same write gives one; a new job without `date` is dated now.
 */
export function applyJobRules(record: WireRecord, before: WireRecord, body: Record<string, unknown>, now: string, creating: boolean): void {
  for (const [flag, stampField] of FLAG_STAMPS) {
    if (record[flag] === 1 && (creating || before[flag] !== 1)) record[stampField] = now;
  }
  const status = String(record.status);
  const dateField = STATUS_DATES[status];
  if (dateField && (creating || before.status !== status) && body[dateField] === undefined) record[dateField] = now;
  if (creating && body.date === undefined) record.date = now;
}

/** Assumption A27 (switch `deposits`): a payment recorded before the job is Completed is a deposit. */
export function applyPaymentRules(
  store: SimulatorStore,
  record: WireRecord,
  body: Record<string, unknown>,
  now: string,
  creating: boolean,
  behaviour: SimBehaviour,
): void {
  if (!creating) return;
  if (body.timestamp === undefined || record.timestamp === UNSET_DATETIME) record.timestamp = now;
  const job = store.get('job', String(record.job_uuid));
  record.is_deposit = behaviour.deposits === 'before-completion' && job !== undefined && job.status !== 'Completed' ? 1 : 0;
}

export function nextJobNumber(store: SimulatorStore): string {
  let max = 0;
  for (const job of store.list('job')) max = Math.max(max, Number(job.generated_job_id) || 0);
  return String(max + 1);
}
