// Demo additions for the invoice and payment pairs: a Stripe invoice made by hand
// in the Dashboard (custom field "Job" = a ServiceM8 job number, not created by
// sm8sync), two invoices paid by card (one partly refunded), and a card payment
// ServiceM8 Pay took itself (no Stripe invoice). The job numbers live in one
// exported constant so the ServiceM8 demo seed can be aligned with them.
import type { FormObject } from './form-body';

/** ServiceM8 jobs the Stripe demo data names (job number + uuid). */
export const DEMO_STRIPE_JOBS = {
  handMadeInvoice: { number: '1017', uuid: 'b3a7c1de-1017-4c2a-9e1f-5a1b2c3d1017' },
  cardPaidFirst: { number: '1021', uuid: 'b3a7c1de-1021-4c2a-9e1f-5a1b2c3d1021' },
  cardPaidSecond: { number: '1024', uuid: 'b3a7c1de-1024-4c2a-9e1f-5a1b2c3d1024' },
  servicem8Pay: { number: '1030', uuid: 'b3a7c1de-1030-4c2a-9e1f-5a1b2c3d1030' },
} as const;

/** Cents refunded from the first card-paid invoice's charge. */
export const DEMO_PARTIAL_REFUND_CENTS = 5500;

type Call = (method: 'POST' | 'GET', path: string, params: FormObject) => Record<string, unknown>;

interface SeedRefs {
  call: Call;
  inclusive: string;
  /** Customers already in the seed: [bondi, coogee, peter]. */
  customers: [string, string, string];
}

function invoiceWithLines(ref: SeedRefs, customer: string, job: string, lines: { amount: string; description: string }[]): string {
  const invoice = String(
    ref.call('POST', '/v1/invoices', {
      customer,
      collection_method: 'send_invoice',
      days_until_due: '14',
      custom_fields: [{ name: 'Job', value: job }],
    }).id,
  );
  for (const line of lines) ref.call('POST', '/v1/invoiceitems', { customer, invoice, ...line, tax_rates: [ref.inclusive] });
  ref.call('POST', `/v1/invoices/${invoice}/finalize`, { auto_advance: 'false' });
  return invoice;
}

export function seedDemoPayments(ref: SeedRefs): void {
  const [bondi, coogee, peter] = ref.customers;
  invoiceWithLines(ref, bondi, DEMO_STRIPE_JOBS.handMadeInvoice.number, [
    { amount: '24200', description: 'Replace hot water system valve' },
    { amount: '8800', description: 'Call-out fee' },
  ]);
  const first = invoiceWithLines(ref, coogee, DEMO_STRIPE_JOBS.cardPaidFirst.number, [
    { amount: '38500', description: 'Outdoor shower install' },
  ]);
  ref.call('POST', `/_sim/invoices/${first}/pay_by_card`, {});
  const second = invoiceWithLines(ref, peter, DEMO_STRIPE_JOBS.cardPaidSecond.number, [
    { amount: '16500', description: 'Leaking tap repair' },
  ]);
  ref.call('POST', `/_sim/invoices/${second}/pay_by_card`, {});
  const payment = ref.call('GET', '/v1/invoice_payments', { invoice: first }) as { data?: { payment: { payment_intent: string } }[] };
  const intent = payment.data?.[0]?.payment.payment_intent;
  if (intent)
    ref.call('POST', '/v1/refunds', { payment_intent: intent, amount: String(DEMO_PARTIAL_REFUND_CENTS), reason: 'requested_by_customer' });
  ref.call('POST', '/_sim/servicem8/charges', {
    job_number: DEMO_STRIPE_JOBS.servicem8Pay.number,
    job_uuid: DEMO_STRIPE_JOBS.servicem8Pay.uuid,
    amount: '27500',
    email: 'bookings@coogeesurfschool.com.au',
  });
}
