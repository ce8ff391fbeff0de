// Demo additions for the invoice and payment pairs, told as the same business the
// ServiceM8 demo seed describes (its notable jobs): months of double entry before
// sm8sync, so
// - a Stripe invoice made by hand in the Dashboard for ServiceM8 job 32 (Sarah Nguyen,
//   GST-inclusive prices; custom field "Job" = 32, same total), which she paid by card
//   and was partly refunded;
// - an invoice made only in Stripe (no job) for Coogee Surf School, paid by card;
// - the card payment ServiceM8 Pay took on site for job 81 (no Stripe invoice).
import { NOTABLE_JOBS } from '../servicem8/seed/demo-notable-jobs';
import type { FormObject } from './form-body';

const handMade = NOTABLE_JOBS['tax-inclusive'];
const servicem8Pay = NOTABLE_JOBS['servicem8-pay'];

/** ServiceM8 jobs the Stripe demo data names (job number + uuid), from the ServiceM8 demo seed. */
export const DEMO_STRIPE_JOBS = {
  handMadeInvoice: { number: handMade.jobNumber, uuid: handMade.jobUuid, totalCents: handMade.totalCents },
  servicem8Pay: { number: servicem8Pay.jobNumber, uuid: servicem8Pay.jobUuid, totalCents: servicem8Pay.totalCents },
} as const;

/** Cents refunded from the hand-made invoice's card payment. */
export const DEMO_PARTIAL_REFUND_CENTS = 5500;

type Call = (method: 'POST' | 'GET', path: string, params: FormObject) => Record<string, unknown>;

interface SeedRefs {
  call: Call;
  inclusive: string;
  /** Customers already in the seed. */
  customers: { sarah: string; coogee: string };
}

function invoiceWithLines(
  ref: SeedRefs,
  customer: string,
  job: { number: string; invoicedAt: string | null } | null,
  lines: { amount: string; description: string }[],
): string {
  const invoice = String(
    ref.call('POST', '/v1/invoices', {
      customer,
      collection_method: 'send_invoice',
      days_until_due: '14',
      // Typed in by hand on the day the job was invoiced in ServiceM8, so both sides date it in the same month.
      ...(job ? { custom_fields: [{ name: 'Job', value: job.number }] } : {}),
      ...(job?.invoicedAt ? { effective_at: String(Math.floor(Date.parse(job.invoicedAt) / 1000)) } : {}),
    }).id,
  );
  for (const line of lines) ref.call('POST', '/v1/invoiceitems', { customer, invoice, ...line, tax_rates: [ref.inclusive] });
  ref.call('POST', `/v1/invoices/${invoice}/finalize`, { auto_advance: 'false' });
  return invoice;
}

export function seedDemoPayments(ref: SeedRefs): void {
  const { sarah, coogee } = ref.customers;
  const job = invoiceWithLines(ref, sarah, { number: handMade.jobNumber, invoicedAt: handMade.invoiceSentAt }, [
    { amount: String(handMade.totalCents), description: 'Bathroom tapware and shower rail (prices include GST)' },
  ]);
  ref.call('POST', `/_sim/invoices/${job}/pay_by_card`, {});
  const stripeOnly = invoiceWithLines(ref, coogee, null, [{ amount: '38500', description: 'Outdoor shower install' }]);
  ref.call('POST', `/_sim/invoices/${stripeOnly}/pay_by_card`, {});
  const payment = ref.call('GET', '/v1/invoice_payments', { invoice: job }) as { data?: { payment: { payment_intent: string } }[] };
  const intent = payment.data?.[0]?.payment.payment_intent;
  if (intent)
    ref.call('POST', '/v1/refunds', { payment_intent: intent, amount: String(DEMO_PARTIAL_REFUND_CENTS), reason: 'requested_by_customer' });
  ref.call('POST', '/_sim/servicem8/charges', {
    job_number: servicem8Pay.jobNumber,
    job_uuid: servicem8Pay.jobUuid,
    amount: String(servicem8Pay.totalCents),
    email: servicem8Pay.clientEmail,
  });
}
