// Benchmark helper for `bench.mjs --only idle`, run in its own process (through tsx):
// both simulators holding what a finished first sync of N clients and M invoiced jobs
// leaves behind, written straight into their stores (seeding is not what is measured):
// ServiceM8 companies + billing contacts and completed, invoiced jobs with two lines
// each; Stripe customers carrying metadata.servicem8_uuid and one finalized invoice per
// job carrying metadata.servicem8_job_uuid, with its items, lines and GST totals. Every
// record was entered over the past days (older than any cursor overlap). One customer
// update through the API leaves one event, as every real account has (the events
// feed's cursor). With --dump FILE it writes the Stripe customers and invoices as the
// API renders them, one JSON a line, for the local store's seed (idle-store-seed.ts).
// With --paid-every N (the small-change bench) every Nth job's invoice is paid, by card
// in Stripe or in cash in ServiceM8 in turn, both sides as a finished sync leaves them
// (paid-jobs.ts).
// Prints the URLs as one JSON line; answers "stats" on stdin with each simulator's
// request count, "edit" (`--only small-change`) with the few edits small-edits.ts makes
// through both APIs; exits on "exit" or end of input.
import { createWriteStream } from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { startServiceM8Simulator } from '../../src/main/simulators/servicem8/index';
import { OBJECTS } from '../../src/main/simulators/servicem8/objects';
import { SimulatorStore } from '../../src/main/simulators/servicem8/store';
import { createRecord } from '../../src/main/simulators/servicem8/write-rules';
import { startStripeSimulator } from '../../src/main/simulators/stripe/index';
import { newCustomer } from '../../src/main/simulators/stripe/objects/customer';
import { newInvoice } from '../../src/main/simulators/stripe/objects/invoice';
import { lineFromItem, newInvoiceItem } from '../../src/main/simulators/stripe/objects/invoice-item';
import { newTaxRate, type TaxRateObject } from '../../src/main/simulators/stripe/objects/tax-rate';
import { lineTaxes } from '../../src/main/simulators/stripe/invoice-totals';
import { payJob } from './paid-jobs';
import { makeSmallEdits, type SeededJob } from './small-edits';

const { values } = parseArgs({
  options: { clients: { type: 'string' }, jobs: { type: 'string' }, dump: { type: 'string' }, 'paid-every': { type: 'string' } },
});
const clients = Number(values.clients ?? 100);
const jobs = Number(values.jobs ?? 0);
const paidEvery = Number(values['paid-every'] ?? 0);
// The paid jobs: the last of every N, so at round sizes no job small-edits.ts edits (1 and 2 past each tenth or
// half of the jobs) is one of them.
const paidAs = (n: number) =>
  paidEvery > 0 && n % paidEvery === paidEvery - 1 ? (Math.floor(n / paidEvery) % 2 === 0 ? 'card' : 'cash') : null;

const servicem8 = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off' });
const stripe = await startStripeSimulator({ seed: 'none', rateLimits: 'off' });
const dump = values.dump ? createWriteStream(values.dump) : null;
const write = (json: unknown) =>
  dump ? new Promise<void>((resolve) => (dump.write(`${JSON.stringify(json)}\n`) ? resolve() : dump.once('drain', resolve))) : null;

// One write every 2 s, the newest a day ago: older than every cursor's overlap window.
// (The write rules read the clock more than once per record: the clock moves per write.)
const WRITE_MS = 2_000;
const writes = clients * 2 + jobs * 4 + (paidEvery > 0 ? Math.ceil(jobs / paidEvery) * 3 : 0);
const start = Date.now() - 86_400_000 - writes * WRITE_MS;
let stamp = 0;
const tick = () => (stamp += WRITE_MS);
const context = { store: servicem8.store, now: () => new Date(start + stamp) };
const unix = () => Math.floor((start + stamp) / 1000);

const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010'; // the simulator's GST tax rate
const rate = (inclusive: boolean): TaxRateObject => {
  const created = newTaxRate(stripe.store.ids.next('txr', 14), unix(), {
    display_name: 'GST',
    percentage: 10,
    inclusive,
    country: 'AU',
    jurisdiction: 'AU',
    tax_type: 'gst',
    description: `GST 10% (${inclusive ? 'inclusive' : 'exclusive'})`,
  });
  stripe.store.taxRates.insert(created);
  return created;
};
const [inclusive, exclusive] = [rate(true), rate(false)];

/** An update through the API: the one event the account's feed holds (its cursor). */
async function leaveOneEvent(customer: string) {
  const response = await fetch(`${stripe.url}/v1/customers/${customer}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_test_benchKey123456', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'metadata[bench]=1',
  });
  if (!response.ok) throw new Error(`seed event: ${response.status} ${await response.text()}`);
}

const customers: { company: string; customer: string }[] = [];
for (let n = 0; n < clients; n += 1) {
  const name = `Bench Client ${n} Pty Ltd`;
  const email = `client${n}@bench.example.com.au`;
  const mobile = `04${String(10_000_000 + n).slice(-8)}`;
  tick();
  const company = createRecord(context, OBJECTS.company!, {
    name,
    address_street: `${n} George St`,
    address_city: 'Sydney',
    address_state: 'NSW',
    address_postcode: '2000',
  }).uuid;
  tick();
  createRecord(context, OBJECTS.companycontact!, { company_uuid: company, type: 'BILLING', is_primary_contact: '1', email, mobile });
  const customer = newCustomer(stripe.store.ids.next('cus', 14), unix(), stripe.store.ids.hex(8));
  Object.assign(customer, {
    name,
    email,
    phone: `${mobile.slice(0, 4)} ${mobile.slice(4, 7)} ${mobile.slice(7)}`,
    address: { line1: `${n} George St`, line2: null, city: 'Sydney', state: 'NSW', postal_code: '2000', country: 'AU' },
    metadata: { servicem8_uuid: company },
  });
  stripe.store.customers.insert(customer);
  if (n === 0) await leaveOneEvent(customer.id);
  await write(stripe.store.customers.get(customer.id));
  customers.push({ company, customer: customer.id });
}

/** A finalized invoice as the invoices pair makes one: draft, one item per line, then finalized. */
function stripeInvoice(
  jobUuid: string,
  n: number,
  customer: string,
  lines: { description: string; amount: number; rate: TaxRateObject; quantity: string; unit: string }[],
) {
  const created = unix();
  const invoice = newInvoice(stripe.store.ids.next('in', 24), created, customer, 'aud');
  const rendered = [];
  let subtotal = 0;
  let taxIncluded = 0;
  let taxAdded = 0;
  const totals = new Map<string, ReturnType<typeof lineTaxes>[number]>();
  for (const l of lines) {
    const item = newInvoiceItem(stripe.store.ids.next('ii', 24), created, {
      customer,
      invoice: invoice.id,
      amount: l.amount,
      currency: 'aud',
      description: l.description,
      quantity: 1,
      quantityDecimal: l.quantity,
      unitAmountDecimal: l.unit,
      taxRates: [l.rate],
      metadata: {},
    });
    stripe.store.invoiceItems.insert(item);
    const line = lineFromItem(stripe.store.ids.next('il', 24), item, invoice.id);
    line.taxes = lineTaxes(line.amount, [l.rate]);
    stripe.store.lines.insert(line);
    rendered.push(line);
    subtotal += line.amount;
    for (const tax of line.taxes) {
      if (tax.tax_behavior === 'inclusive') taxIncluded += tax.amount;
      else taxAdded += tax.amount;
      const key = `${tax.tax_rate_details.tax_rate}:${tax.tax_behavior}`;
      const sum = totals.get(key);
      if (sum) [sum.amount, sum.taxable_amount] = [sum.amount + tax.amount, sum.taxable_amount + tax.taxable_amount];
      else totals.set(key, { ...tax });
    }
  }
  Object.assign(invoice, {
    status: 'open',
    number: `BENCH-${String(n + 1).padStart(6, '0')}`,
    collection_method: 'send_invoice',
    due_date: created + 14 * 86_400,
    effective_at: created,
    auto_advance: false,
    metadata: { servicem8_job_uuid: jobUuid, servicem8_job_number: String(n + 1) },
    custom_fields: [{ name: 'Job', value: String(n + 1) }],
    subtotal,
    subtotal_excluding_tax: subtotal - taxIncluded,
    total: subtotal + taxAdded,
    total_excluding_tax: subtotal - taxIncluded,
    total_taxes: [...totals.values()],
    amount_due: subtotal + taxAdded,
    amount_remaining: subtotal + taxAdded,
    status_transitions: { finalized_at: created, marked_uncollectible_at: null, paid_at: null, voided_at: null },
  });
  stripe.store.invoices.insert(invoice);
  // As render() sends it: the lines embedded (two, so complete).
  return { ...invoice, lines: { object: 'list', data: rendered, has_more: false, url: `/v1/invoices/${invoice.id}/lines` } };
}

// The simulator's write rules number a job and total its lines by walking every job and
// line (fine for a demo, quadratic for 200,000 jobs): each job is made by those same
// rules in a scratch store holding the account, then copied in with its number.
const ACCOUNT_OBJECTS = Object.keys(OBJECTS).filter((o) => !['company', 'companycontact', 'job', 'jobmaterial', 'jobpayment'].includes(o));
function scratchContext(company: string) {
  const scratch = new SimulatorStore();
  for (const object of ACCOUNT_OBJECTS) for (const record of servicem8.store.list(object)) scratch.put(object, record);
  scratch.put('company', servicem8.store.get('company', company)!);
  return { store: scratch, now: context.now };
}

const seededJobs: SeededJob[] = [];
for (let n = 0; n < jobs; n += 1) {
  const owner = customers[n % customers.length]!;
  const jobContext = scratchContext(owner.company);
  tick();
  const job = createRecord(jobContext, OBJECTS.job!, {
    company_uuid: owner.company,
    status: 'Work Order',
    job_description: `Bench job ${n}`,
    job_address: `${n} George St, Sydney NSW 2000`,
  }).uuid;
  const partsDollars = 20 + (n % 400);
  tick();
  createRecord(jobContext, OBJECTS.jobmaterial!, {
    job_uuid: job,
    tax_rate_uuid: GST,
    name: 'Labour',
    quantity: '1.5',
    displayed_amount: '98',
    displayed_amount_is_tax_inclusive: '0',
  });
  tick();
  createRecord(jobContext, OBJECTS.jobmaterial!, {
    job_uuid: job,
    tax_rate_uuid: GST,
    name: 'Parts',
    quantity: '1',
    displayed_amount: String(partsDollars),
    displayed_amount_is_tax_inclusive: '1',
  });
  tick();
  createRecord(jobContext, OBJECTS.job!, { uuid: job, status: 'Completed', invoice_sent: 1 });
  const invoice = stripeInvoice(job, n, owner.customer, [
    { description: 'Labour', amount: 14_700, rate: exclusive, quantity: '1.5', unit: '9800' },
    { description: 'Parts', amount: partsDollars * 100, rate: inclusive, quantity: '1', unit: String(partsDollars * 100) },
  ]);
  const by = paidAs(n);
  const next = () => (tick(), context.now());
  const paid = by ? await payJob(by, { jobUuid: job, invoiceId: invoice.id }, { stripe, sm8: jobContext }, next) : null;
  servicem8.store.put('job', { ...jobContext.store.get('job', job)!, generated_job_id: String(n + 1) });
  for (const object of ['jobmaterial', 'jobpayment']) for (const r of jobContext.store.list(object)) servicem8.store.put(object, r);
  const parts = jobContext.store.list('jobmaterial').find((m) => m.name === 'Parts')!.uuid as string;
  seededJobs.push({ uuid: job, parts });
  await write(paid ? paid.rendered : invoice);
}
// The payments ran on the seed's clock: Stripe's runs on from now again.
stripe.setClock(new Date());
if (start + stamp > Date.now() - 3_600_000) throw new Error('seed: a record was stamped less than an hour ago');
if (dump) await new Promise((resolve) => dump.end(resolve));
process.stdout.write(`${JSON.stringify({ servicem8: servicem8.url, stripe: stripe.url })}\n`);

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'stats') process.stdout.write(`${JSON.stringify({ servicem8: servicem8.requestCount, stripe: stripe.requestCount })}\n`);
  if (line === 'edit')
    void makeSmallEdits({ servicem8: servicem8.url, stripe: stripe.url }, customers, seededJobs).then((made) =>
      process.stdout.write(`${JSON.stringify(made)}\n`),
    );
  if (line === 'exit') lines.close();
});
lines.on('close', () => {
  void Promise.all([servicem8.close(), stripe.close()]).then(() => process.exit(0));
});
