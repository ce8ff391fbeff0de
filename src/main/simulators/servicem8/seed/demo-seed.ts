// `--seed demo`: a month (November 2026) of a small Sydney plumbing and electrical
// business — 40 clients, 120 jobs in every state, staff, badges, job categories and
// its materials catalogue — deterministic from a fixed PRNG seed and fixed times.
// Records are written through the simulator's own write rules at their own simulated
// times, so stamps and derived fields (totals, payment flags, deposits, prices
// re-derived from tax-inclusive entry) are exactly what the API would produce.
import { OBJECTS } from '../objects';
import type { SimulatorStore } from '../store';
import { createRecord, type WriteContext } from '../write-rules';
import { seedAccount } from './account-seed';
import { BADGES, CATALOGUE, CATEGORIES, materialUuid, type CatalogueItem } from './demo-catalogue';
import { demoClients, SHARED_CLIENTS, type DemoClient } from './demo-clients';
import { seedJob, type SeedRefs } from './demo-jobs';
import { monthJobs } from './demo-month';
import { NOTABLE_PLANS, notableJobUuid } from './demo-notable-plans';
import { DAY, sydney } from './demo-time';
import { formatPhone, makeAbn, seedRandom, stableUuid, type SeedRandom } from './seed-tools';

export const DEMO_JOB_COUNT = 120;

export const DEMO_STAFF = [
  { first: 'Mark', last: 'Jennings', title: 'Owner / Master Plumber', email: 'mark@harboursidepe.com.au' },
  { first: 'Leah', last: 'Tran', title: 'Office Manager', email: 'leah@harboursidepe.com.au' },
  { first: 'Connor', last: 'Byrne', title: 'Electrician', email: 'connor@harboursidepe.com.au' },
  { first: 'Isaac', last: 'Fonoti', title: 'Plumber', email: 'isaac@harboursidepe.com.au' },
  { first: 'Ben', last: 'Carter', title: 'Apprentice', email: 'ben@harboursidepe.com.au' },
].map((s) => ({ ...s, uuid: stableUuid('staff', s.email) }));

export const clientUuid = (client: DemoClient) => stableUuid('company', client.name);

interface SeededClient {
  uuid: string;
  address: string;
  suburb: string;
  business: boolean;
  contact: { first: string; last: string; email: string; mobile: string };
}

export function seedDemo(store: SimulatorStore): void {
  const random = seedRandom(20261101);
  let clock = sydney(1, 9);
  const context: WriteContext = { store, now: () => new Date(clock) };
  const create = (object: string, body: Record<string, unknown>) => createRecord(context, OBJECTS[object]!, body).uuid;
  const account = seedAccount(store, new Date(clock - 400 * DAY), {
    name: 'Harbourside Plumbing & Electrical Pty Ltd',
    abn: '53 004 085 616',
    email: 'office@harboursidepe.com.au',
  });
  // The account's lists were set up before the month began.
  clock = sydney(1, 9) - 200 * DAY;
  for (const s of DEMO_STAFF)
    create('staff', { uuid: s.uuid, first: s.first, last: s.last, email: s.email, job_title: s.title, mobile: formatPhone(random, true) });
  for (const badge of Object.values(BADGES)) create('badge', { uuid: badge.uuid, name: badge.name });
  for (const category of Object.values(CATEGORIES)) create('category', { ...category });
  const taxRate = (item: CatalogueItem) => (item.gstFree ? account.gstFree : account.gst);
  CATALOGUE.forEach((item, index) =>
    create('material', {
      uuid: materialUuid(item),
      name: item.name,
      item_number: `HPE-${String(index + 1).padStart(3, '0')}`,
      price: item.price,
      price_includes_taxes: item.inclusive ? 1 : 0,
      tax_rate_uuid: taxRate(item),
    }),
  );
  clock = sydney(1, 9) - 120 * DAY;
  const clients = demoClients().map((client) => {
    clock += random.int(12, 60) * 3_600_000;
    return seedClient(store, random, create, client);
  });

  const refs: SeedRefs = { uuid: (job, purpose) => stableUuid(job, purpose), materialUuid, taxRate };
  const staff = DEMO_STAFF.map((s) => s.uuid);
  const plans = [
    ...NOTABLE_PLANS.map((plan) => ({ ...plan, uuid: notableJobUuid(plan.key), client: clients[plan.client]!, createdBy: staff[0]! })),
    ...monthJobs(random, DEMO_JOB_COUNT - NOTABLE_PLANS.length).map((plan) => ({
      ...plan,
      client: random.pick(clients),
      badges: [] as string[],
      createdBy: plan.trade === 'electrical' ? staff[2]! : random.pick([staff[0]!, staff[3]!]),
    })),
  ].sort((a, b) => a.at - b.at);
  for (const plan of plans) {
    seedJob(context, { set: (ms) => (clock = ms) }, refs, {
      uuid: plan.uuid,
      companyUuid: plan.client.uuid,
      categoryUuid: plan.category,
      createdBy: plan.createdBy,
      officeStaff: staff[1]!,
      description: plan.description,
      jobAddress: `${random.int(1, 180)} ${random.pick(['George', 'King', 'Victoria', 'Pacific', 'Military', 'Parramatta'])} ${random.pick(['St', 'Rd', 'Ave'])}, ${plan.client.suburb} NSW`,
      billingAddress: plan.client.address,
      purchaseOrder: plan.client.business && random.chance(0.4) ? `PO-${random.int(10000, 99999)}` : '',
      badges: plan.badges,
      lines: plan.lines,
      at: plan.at,
      steps: plan.steps,
      contact: plan.client.contact,
    });
  }
}

function clientBadges(client: DemoClient): string[] {
  if (client.individual) return [];
  const badges: string[] = [BADGES.commercial.uuid];
  if (/strata|property management|real estate/i.test(client.name)) badges.push(BADGES.strata.uuid);
  if (SHARED_CLIENTS.slice(4).some((c) => c.name === client.name)) badges.push(BADGES.vip.uuid);
  return badges;
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
    uuid: clientUuid(client),
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
    badges: JSON.stringify(clientBadges(client)),
  });
  // is_individual is derived by ServiceM8 from the name matching a contact's; the seed sets it directly (A24).
  const record = store.get('company', uuid);
  if (record) store.put('company', { ...record, is_individual: client.individual ? '1' : '0' });
  const contact = {
    first: client.first,
    last: client.last,
    email: client.email ?? '',
    mobile: random.chance(0.8) ? formatPhone(random, true) : '',
  };
  create('companycontact', {
    uuid: stableUuid('companycontact', uuid, 'billing'),
    company_uuid: uuid,
    ...contact,
    type: 'BILLING',
    is_primary_contact: '1',
    phone: random.chance(0.6) ? formatPhone(random, false) : '',
  });
  if (client.siteContact) {
    create('companycontact', {
      uuid: stableUuid('companycontact', uuid, 'site'),
      company_uuid: uuid,
      first: client.siteContact.first,
      last: client.siteContact.last,
      email: client.siteContact.email ?? '',
      type: 'JOB',
      is_primary_contact: '0',
      mobile: formatPhone(random, true),
    });
  }
  return { uuid, address, suburb: client.suburb, business: !client.individual, contact };
}
