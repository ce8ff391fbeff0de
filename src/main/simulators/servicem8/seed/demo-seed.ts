// `--seed demo`: a small Sydney plumbing and electrical business, deterministic from a
// fixed PRNG seed and a fixed timeline (May–Nov 2026). Records are written through the
// simulator's own write rules, so derived fields (job totals, payment flags, prices
// re-derived from tax-inclusive entry) are exactly what the API would produce.
import { OBJECTS } from '../objects';
import type { SimulatorStore } from '../store';
import { createRecord, type WriteContext } from '../write-rules';
import { SYDNEY, seedAccount } from './account-seed';
import { naiveLocal } from '../local-time';
import { CATALOGUE, JOB_DESCRIPTIONS } from './demo-catalogue';
import { demoClients, type DemoClient } from './demo-clients';
import { formatPhone, makeAbn, seedRandom, type SeedRandom } from './seed-tools';

const START = Date.UTC(2026, 4, 1, 0, 0, 0); // 1 May 2026 10:00 Sydney
const DAY = 86_400_000;
const JOB_COUNT = 120;

export function seedDemo(store: SimulatorStore): void {
  const random = seedRandom(20260501);
  let clock = START;
  const context: WriteContext = { store, now: () => new Date(clock) };
  const create = (object: string, body: Record<string, unknown>): string =>
    createRecord(context, OBJECTS[object]!, { uuid: random.uuid(), ...body }).uuid;
  const account = seedAccount(store, new Date(START - 30 * DAY), {
    name: 'Harbourside Plumbing & Electrical Pty Ltd',
    abn: '53 004 085 616',
    email: 'office@harboursidepe.com.au',
  });

  const staff = [
    ['Mark', 'Jennings', 'Owner / Master Plumber'],
    ['Leah', 'Tran', 'Office Manager'],
    ['Connor', 'Byrne', 'Electrician'],
    ['Isaac', 'Fonoti', 'Plumber'],
    ['Ben', 'Carter', 'Apprentice'],
  ].map(([first, last, title]) =>
    create('staff', {
      first,
      last,
      job_title: title,
      email: `${first!.toLowerCase()}@harboursidepe.com.au`,
      mobile: formatPhone(random, true),
    }),
  );
  const categories = {
    plumbing: create('category', { name: 'Plumbing', colour: '#2a7de1' }),
    electrical: create('category', { name: 'Electrical', colour: '#f0a202' }),
    maintenance: create('category', { name: 'Maintenance Contract', colour: '#4caf50' }),
  };
  const clients = demoClients().map((client) => {
    clock += random.int(1, 3) * 3_600_000;
    return seedClient(store, random, create, client);
  });

  for (let n = 0; n < JOB_COUNT; n += 1) {
    clock = START + Math.floor((n / JOB_COUNT) * 200 * DAY) + random.int(0, 8) * 3_600_000;
    // Every shared client gets jobs early, so the demo sync always has invoices to match.
    const client = n < 12 ? clients[n % 6]! : random.pick(clients);
    const trade = random.chance(0.55) ? 'plumbing' : 'electrical';
    const roll = random.next();
    const status = roll < 0.2 ? 'Quote' : roll < 0.42 ? 'Work Order' : roll < 0.96 ? 'Completed' : 'Unsuccessful';
    const invoiced = status === 'Completed' && random.chance(0.75);
    const jobDate = naive(clock).slice(0, 10);
    const job = create('job', {
      status,
      company_uuid: client.uuid,
      category_uuid: random.chance(0.15) ? categories.maintenance : categories[trade],
      created_by_staff_uuid: random.pick(staff),
      job_description: random.pick(JOB_DESCRIPTIONS[trade]),
      job_address: `${random.int(1, 180)} ${random.pick(['George', 'King', 'Victoria', 'Pacific', 'Military', 'Parramatta'])} ${random.pick(['St', 'Rd', 'Ave'])}, ${client.suburb} NSW`,
      billing_address: client.address,
      purchase_order_number: client.business && random.chance(0.4) ? `PO-${random.int(10000, 99999)}` : '',
      date: `${jobDate} 00:00:00`,
      quote_date: `${jobDate} 09:00:00`,
      quote_sent: status === 'Quote' ? (random.chance(0.7) ? 1 : 0) : 1,
      work_order_date: status === 'Quote' ? '' : `${jobDate} 10:00:00`,
      unsuccessful_reason: status === 'Unsuccessful' ? 'Customer went with another quote' : '',
    });
    const lines = random.int(1, 4);
    for (let line = 0; line < lines; line += 1) {
      const item = random.pick(CATALOGUE.filter((c) => c.trade === trade || c.trade === 'both'));
      create('jobmaterial', {
        job_uuid: job,
        name: item.name,
        quantity: item.name.includes('per hour') ? String(random.int(1, 8) / 2) : Number(item.price) > 500 ? '1' : String(random.int(1, 3)),
        displayed_amount: item.price,
        displayed_amount_is_tax_inclusive: item.inclusive ? '1' : '0',
        tax_rate_uuid: item.gstFree ? account.gstFree : account.gst,
        cost: '0',
        sort_order: line + 1,
      });
    }
    if (!invoiced) continue;
    clock += random.int(1, 5) * DAY;
    createRecord(context, OBJECTS.job!, { uuid: job, invoice_sent: 1, completion_date: naive(clock - DAY) });
    if (!random.chance(0.6)) continue;
    clock += random.int(1, 14) * DAY;
    const total = String(store.get('job', job)?.total_invoice_amount ?? '0');
    const method = n % 23 === 5 ? 'Stripe' : random.pick(['Cash', 'EFT', 'EFT', 'Bank Transfer', 'Credit Card']);
    create('jobpayment', {
      job_uuid: job,
      amount: total,
      method,
      timestamp: naive(clock),
      actioned_by_uuid: staff[1],
      note: method === 'Stripe' ? `ServiceM8 Pay ch_3Q${random.uuid().replace(/-/g, '').slice(0, 20)}` : '',
    });
  }
}

interface SeededClient {
  uuid: string;
  suburb: string;
  address: string;
  business: boolean;
}

function seedClient(
  store: SimulatorStore,
  random: SeedRandom,
  create: (o: string, b: Record<string, unknown>) => string,
  client: DemoClient,
): SeededClient {
  const street = `${random.int(1, 250)} ${random.pick(['Crown', 'Oxford', 'Macquarie', 'Pittwater', 'Anzac', 'Great Western'])} ${random.pick(['St', 'Rd', 'Hwy'])}`;
  const address = `${street}\n${client.suburb} NSW ${random.int(2000, 2234)}`;
  const uuid = create('company', {
    name: client.name,
    abn_number: client.abn === 'valid' ? makeAbn(random) : (client.abn ?? ''),
    address,
    address_street: street,
    address_city: client.suburb,
    address_state: 'NSW',
    address_postcode: address.slice(-4),
    address_country: 'Australia',
    billing_address: address,
    payment_terms: client.individual ? '' : '14 days',
    website: '',
    badges: client.individual ? '[]' : '["Commercial"]',
  });
  // is_individual is derived by ServiceM8 from the name matching a contact's; the seed sets it directly (A24).
  const record = store.get('company', uuid);
  if (record) store.put('company', { ...record, is_individual: client.individual ? 1 : 0 });
  create('companycontact', {
    company_uuid: uuid,
    first: client.first,
    last: client.last,
    email: client.email ?? '',
    type: 'BILLING',
    is_primary_contact: '1',
    phone: random.chance(0.6) ? formatPhone(random, false) : '',
    mobile: random.chance(0.8) ? formatPhone(random, true) : '',
  });
  if (client.siteContact) {
    create('companycontact', {
      company_uuid: uuid,
      first: client.siteContact.first,
      last: client.siteContact.last,
      email: client.siteContact.email ?? '',
      type: 'JOB',
      is_primary_contact: '0',
      mobile: formatPhone(random, true),
    });
  }
  return { uuid, suburb: client.suburb, address, business: !client.individual };
}

function naive(ms: number): string {
  return naiveLocal(new Date(ms), SYDNEY);
}
