// Builds one demo job through its life, the way the office would: a quote, then a
// work order, deposits, completion, the invoice sent, payments. Each step is written
// at its own simulated time through the simulator's write rules, so every stamp,
// total and flag is what the API itself would produce.
import { format4, mulScaled, parseScaled, roundToCents } from '../decimal';
import { jobTotals } from '../job-totals';
import { OBJECTS } from '../objects';
import { createRecord, updateRecord, type WriteContext } from '../write-rules';
import type { CatalogueItem } from './demo-catalogue';

export interface SeedLine {
  item: CatalogueItem;
  quantity: string;
}

export type SeedStep =
  | { kind: 'quote-sent'; at: number }
  | { kind: 'work-order'; at: number }
  | { kind: 'completed'; at: number }
  | { kind: 'invoice-sent'; at: number }
  | { kind: 'unsuccessful'; at: number; reason: string }
  | { kind: 'payment'; at: number; uuid: string; amount: SeedAmount; method: string; note?: string };

/** A payment: so many dollars, what is still owed, or a percentage of the total (deposits). */
export type SeedAmount = { dollars: string } | { percent: number } | 'balance';

export interface SeedJob {
  uuid: string;
  companyUuid: string;
  categoryUuid: string;
  createdBy: string;
  officeStaff: string;
  description: string;
  jobAddress: string;
  billingAddress: string;
  purchaseOrder: string;
  badges: string[];
  lines: SeedLine[];
  /** When the quote was entered. */
  at: number;
  steps: SeedStep[];
  contact: { first: string; last: string; email: string; mobile: string };
}

/** Where a job's other records get their uuids and references from. */
export interface SeedRefs {
  /** A uuid for one of the job's records ("contact", "line-0", "invoice-pdf"). */
  uuid(jobUuid: string, purpose: string): string;
  materialUuid(item: CatalogueItem): string;
  taxRate(item: CatalogueItem): string;
}

/** The simulated clock the seed moves: every write is stamped with its value. */
export interface SeedClock {
  set(ms: number): void;
}

export function seedJob(context: WriteContext, clock: SeedClock, refs: SeedRefs, job: SeedJob): void {
  const write = (object: string, body: Record<string, unknown>) => createRecord(context, OBJECTS[object]!, body);
  const update = (body: Record<string, unknown>) => updateRecord(context, OBJECTS.job!, job.uuid, body);
  clock.set(job.at);
  write('job', {
    uuid: job.uuid,
    status: 'Quote',
    company_uuid: job.companyUuid,
    category_uuid: job.categoryUuid,
    created_by_staff_uuid: job.createdBy,
    job_description: job.description,
    job_address: job.jobAddress,
    billing_address: job.billingAddress,
    purchase_order_number: job.purchaseOrder,
    badges: JSON.stringify(job.badges),
  });
  write('jobcontact', { uuid: refs.uuid(job.uuid, 'contact'), job_uuid: job.uuid, type: 'BILLING', ...job.contact });
  job.lines.forEach((line, index) =>
    write('jobmaterial', {
      uuid: refs.uuid(job.uuid, `line-${index}`),
      job_uuid: job.uuid,
      material_uuid: line.item.name.startsWith('Warranty') ? '' : refs.materialUuid(line.item),
      name: line.item.name,
      quantity: line.quantity,
      displayed_amount: line.item.price,
      displayed_amount_is_tax_inclusive: line.item.inclusive ? '1' : '0',
      tax_rate_uuid: refs.taxRate(line.item),
      cost: '0',
      sort_order: String(index + 1),
    }),
  );
  for (const step of job.steps) {
    clock.set(step.at);
    switch (step.kind) {
      case 'quote-sent':
        update({ quote_sent: 1 });
        break;
      case 'work-order':
        update({ status: 'Work Order' });
        break;
      case 'completed':
        update({ status: 'Completed', work_done_description: `${job.description}: done.` });
        break;
      case 'invoice-sent':
        update({ invoice_sent: 1 });
        write('attachment', {
          uuid: refs.uuid(job.uuid, 'invoice-pdf'),
          related_object: 'job',
          related_object_uuid: job.uuid,
          attachment_name: `Invoice ${String(context.store.get('job', job.uuid)?.generated_job_id)}.pdf`,
          file_type: '.pdf',
          attachment_source: 'INVOICE',
          created_by_staff_uuid: job.officeStaff,
          timestamp: '',
        });
        break;
      case 'unsuccessful':
        update({ status: 'Unsuccessful', unsuccessful_reason: step.reason });
        break;
      case 'payment':
        write('jobpayment', {
          uuid: step.uuid,
          job_uuid: job.uuid,
          amount: paymentAmount(context, job.uuid, step.amount),
          method: step.method,
          note: step.note ?? '',
          actioned_by_uuid: job.officeStaff,
        });
        break;
    }
  }
}

function paymentAmount(context: WriteContext, jobUuid: string, amount: SeedAmount): string {
  if (typeof amount === 'object' && 'dollars' in amount) return amount.dollars;
  const owed = jobTotals(context.store, jobUuid).incTax;
  if (typeof amount === 'object') return format4(roundToCents(mulScaled(owed, BigInt(amount.percent) * 100n)));
  // The balance: what the customer owes (tax included) less the active payments, in exact decimals.
  let balance = owed;
  for (const payment of context.store.list('jobpayment')) {
    if (payment.job_uuid === jobUuid && payment.active === 1) balance -= parseScaled(payment.amount);
  }
  return format4(balance);
}
