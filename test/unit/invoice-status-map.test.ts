// The status mapping table, row by row: ServiceM8 job states → the typed table's invoice
// status, Stripe invoice statuses → what they mean for the job, and the charge behind a payment.
import { describe, expect, it } from 'vitest';
import {
  CHARGE_STATES,
  SERVICEM8_JOB_STATES,
  STRIPE_INVOICE_STATES,
  servicem8InvoiceStatus,
  stripeTableStatus,
  type JobInvoiceFacts,
} from '../../src/main/core/sync/invoices/status-map';

const job = (facts: Partial<JobInvoiceFacts>): JobInvoiceFacts => ({
  status: 'Completed',
  invoiceSent: false,
  paymentReceived: false,
  paidCents: 0,
  ...facts,
});

describe('status map: ServiceM8 jobs', () => {
  it.each([
    ['a quote is no invoice', job({ status: 'Quote', invoiceSent: true }), null],
    ['a work order is no invoice', job({ status: 'Work Order' }), null],
    ['an unsuccessful job is void', job({ status: 'Unsuccessful', invoiceSent: true }), 'void'],
    ['completed and paid in full', job({ invoiceSent: true, paymentReceived: true, paidCents: 11000 }), 'paid'],
    ['completed, paid in full before the invoice was sent', job({ paymentReceived: true }), 'paid'],
    ['completed and part paid', job({ invoiceSent: true, paidCents: 5000 }), 'partially_paid'],
    ['completed, invoice sent, unpaid', job({ invoiceSent: true }), 'open'],
    ['completed, invoice not sent', job({}), 'draft'],
  ] as const)('%s', (_name, facts, status) => {
    expect(servicem8InvoiceStatus(facts)).toBe(status);
  });

  it('every row of the table is reached by some job (no dead row)', () => {
    const samples = [
      job({ status: 'Quote' }),
      job({ status: 'Unsuccessful' }),
      job({ paymentReceived: true }),
      job({ paidCents: 1 }),
      job({ invoiceSent: true }),
      job({}),
    ];
    const hit = new Set(samples.map((s) => SERVICEM8_JOB_STATES.findIndex((row) => row.matches(s))));
    expect(hit.size).toBe(SERVICEM8_JOB_STATES.length);
  });
});

describe('status map: Stripe invoices', () => {
  it.each([
    ['draft', 0, 'draft', false],
    ['open', 0, 'open', true],
    ['open', 2500, 'partially_paid', true],
    ['paid', 11000, 'paid', true],
    ['void', 0, 'void', false],
    ['uncollectible', 0, 'uncollectible', true],
  ] as const)('%s with %i c paid → %s (issued: %s)', (status, paid, table, issued) => {
    expect(stripeTableStatus(status, paid)).toBe(table);
    expect(STRIPE_INVOICE_STATES[status].issued).toBe(issued);
    expect(STRIPE_INVOICE_STATES[status].job.length).toBeGreaterThan(10);
  });

  it('a voided invoice is flagged on the job, never deleted', () => {
    expect(STRIPE_INVOICE_STATES.void.job).toMatch(/flagged/);
  });

  it.each([
    ['succeeded', true],
    ['pending', false],
    ['failed', false],
  ] as const)('charge %s counts as paid: %s', (status, paid) => {
    expect(CHARGE_STATES[status].countsAsPaid).toBe(paid);
  });
});
