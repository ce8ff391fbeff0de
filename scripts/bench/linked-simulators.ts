// Benchmark helper for `bench.mjs --only naive`, run in its own process (through tsx):
// both simulators with N clients already on both sides and cross-referenced, as after
// a first sync (ServiceM8 company + billing contact, Stripe customer with
// metadata.servicem8_uuid, same name, email, phone and address), written straight into
// the stores: seeding is not what is measured. One customer update through the API
// leaves one event, as every real account has. Prints the URLs as one JSON line;
// answers "stats" on stdin with each simulator's request count; exits on "exit".
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { startServiceM8Simulator } from '../../src/main/simulators/servicem8/index';
import { OBJECTS } from '../../src/main/simulators/servicem8/objects';
import { createRecord } from '../../src/main/simulators/servicem8/write-rules';
import { newCustomer } from '../../src/main/simulators/stripe/objects/customer';
import { startStripeSimulator } from '../../src/main/simulators/stripe/index';

const { values } = parseArgs({ options: { clients: { type: 'string' } } });
const clients = Number(values.clients ?? 1000);

const servicem8 = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off' });
const stripe = await startStripeSimulator({ seed: 'none', rateLimits: 'off' });
// Records were entered over time, one a minute up to a day ago: stamped all in the
// same few seconds, every one of them would fall inside the cursor's overlap window
// (sync.overlapSeconds) and be read again by each incremental pull.
const stampedAt = { ms: 0 };
const context = { store: servicem8.store, now: () => new Date(stampedAt.ms) };
const created = Math.floor(Date.now() / 1000) - 86_400;
let firstCustomer = '';
for (let n = 0; n < clients; n += 1) {
  stampedAt.ms = Date.now() - 86_400_000 - (clients - n) * 60_000;
  const name = `Bench Client ${n} Pty Ltd`;
  const email = `client${n}@bench.example.com.au`;
  const mobile = `04${String(10_000_000 + n).slice(-8)}`;
  const company = createRecord(context, OBJECTS.company!, {
    name,
    address_street: `${n} George St`,
    address_city: 'Sydney',
    address_state: 'NSW',
    address_postcode: '2000',
  }).uuid;
  createRecord(context, OBJECTS.companycontact!, { company_uuid: company, type: 'BILLING', is_primary_contact: '1', email, mobile });
  const customer = newCustomer(stripe.store.ids.next('cus', 14), created, stripe.store.ids.hex(8));
  Object.assign(customer, {
    name,
    email,
    phone: `${mobile.slice(0, 4)} ${mobile.slice(4, 7)} ${mobile.slice(7)}`,
    address: { line1: `${n} George St`, line2: null, city: 'Sydney', state: 'NSW', postal_code: '2000', country: 'AU' },
    metadata: { servicem8_uuid: company },
  });
  stripe.store.customers.insert(customer);
  firstCustomer ||= customer.id;
}
if (firstCustomer) {
  const response = await fetch(`${stripe.url}/v1/customers/${firstCustomer}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_test_benchKey123456', 'content-type': 'application/x-www-form-urlencoded' },
    body: 'metadata[bench]=1',
  });
  if (!response.ok) throw new Error(`seed event: ${response.status} ${await response.text()}`);
}
process.stdout.write(`${JSON.stringify({ servicem8: servicem8.url, stripe: stripe.url })}\n`);

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line === 'stats') process.stdout.write(`${JSON.stringify({ servicem8: servicem8.requestCount, stripe: stripe.requestCount })}\n`);
  if (line === 'exit') lines.close();
});
lines.on('close', () => {
  void Promise.all([servicem8.close(), stripe.close()]).then(() => process.exit(0));
});
