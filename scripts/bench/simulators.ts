// Benchmark helper, run by scripts/bench.mjs in its own process (through tsx):
// both simulators with the rate limits given, ServiceM8 seeded with N clients
// (company + billing contact each, written straight into its store: seeding is not
// what is measured) and, with --jobs M, M completed and invoiced jobs spread over them
// (two lines each: GST-exclusive labour with a decimal quantity, GST-inclusive parts). Prints the URLs as one JSON line; answers "stats" on stdin
// with each simulator's request count (Stripe's also by route) and this process's RSS;
// exits on "exit" or end of input.
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { startServiceM8Simulator } from '../../src/main/simulators/servicem8/index';
import { OBJECTS } from '../../src/main/simulators/servicem8/objects';
import { createRecord } from '../../src/main/simulators/servicem8/write-rules';
import { startStripeSimulator } from '../../src/main/simulators/stripe/index';

const { values } = parseArgs({
  options: {
    clients: { type: 'string' },
    jobs: { type: 'string' },
    'sm8-per-minute': { type: 'string' },
    'stripe-per-second': { type: 'string' },
  },
});
const clients = Number(values.clients ?? 100);
const jobs = Number(values.jobs ?? 0);
const perMinute = Number(values['sm8-per-minute'] ?? 180);
const perSecond = Number(values['stripe-per-second'] ?? 25);

const servicem8 = await startServiceM8Simulator({ limits: { perMinute, perDay: 100_000_000 } });
// Records were entered over time, a second apart from 1 October 2026: stamped all at one
// instant, every one of them would sit inside the cursor's overlap window
// (sync.overlapSeconds) and be read again by every incremental pull, which no real
// account does. Each write moves the clock on.
let stampedAt = Date.UTC(2026, 9, 1);
const context = { store: servicem8.store, now: () => new Date(stampedAt) };
const tick = () => (stampedAt += 1000);
const companies: string[] = [];
for (let n = 0; n < clients; n += 1) {
  tick();
  const company = createRecord(context, OBJECTS.company!, {
    name: `Bench Client ${n} Pty Ltd`,
    address_city: 'Sydney',
    address_state: 'NSW',
    address_postcode: '2000',
  }).uuid;
  tick();
  createRecord(context, OBJECTS.companycontact!, {
    company_uuid: company,
    type: 'BILLING',
    is_primary_contact: '1',
    email: `client${n}@bench.example.com.au`,
    mobile: `04${String(10_000_000 + n).slice(-8)}`,
  });
  companies.push(company);
}
const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010';
for (let n = 0; n < jobs; n += 1) {
  tick();
  const job = createRecord(context, OBJECTS.job!, {
    company_uuid: companies[n % companies.length],
    status: 'Work Order',
    job_description: `Bench job ${n}`,
    job_address: `${n} George St, Sydney NSW 2000`,
  }).uuid;
  const line = { job_uuid: job, tax_rate_uuid: GST };
  tick();
  createRecord(context, OBJECTS.jobmaterial!, {
    ...line,
    name: 'Labour',
    quantity: '1.5',
    displayed_amount: '98',
    displayed_amount_is_tax_inclusive: '0',
  });
  tick();
  createRecord(context, OBJECTS.jobmaterial!, {
    ...line,
    name: 'Parts',
    quantity: '1',
    displayed_amount: String(20 + (n % 400)),
    displayed_amount_is_tax_inclusive: '1',
  });
  tick();
  createRecord(context, OBJECTS.job!, { uuid: job, status: 'Completed', invoice_sent: 1 });
}
const stripe = await startStripeSimulator({ rateLimits: 'real', ratePerSecond: perSecond });
process.stdout.write(`${JSON.stringify({ servicem8: servicem8.url, stripe: stripe.url })}\n`);

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'stats')
    process.stdout.write(
      `${JSON.stringify({
        servicem8: servicem8.requestCount,
        stripe: stripe.requestCount,
        stripeRateLimited: stripe.stats.rateLimited,
        stripeRoutes: stripe.stats.routes,
        rssBytes: process.memoryUsage().rss,
        cpuMicros: process.cpuUsage().user + process.cpuUsage().system,
      })}\n`,
    );
  if (line === 'exit') lines.close();
});
lines.on('close', () => {
  void Promise.all([servicem8.close(), stripe.close()]).then(() => process.exit(0));
});
