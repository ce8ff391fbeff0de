// Conformance with ServiceM8's own SDK: the official `servicem8` package (generated from
// ServiceM8's OpenAPI spec, validating every response with zod) drives the simulator
// as a new user would — list, get, create, update, delete for every object the app and
// the invoices/payments pairs read or write. Every answer must parse with the SDK's
// schemas, and every field api.json lists must be on the simulator's record with the
// spec's type (checked on the raw wire record, independently of the SDK). Any mismatch
// fails: there is no exception list.
import { ServiceM8 } from 'servicem8';
import { AuthenticationError, ErrorT, NotFoundError, RateLimitError } from 'servicem8/models/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { specFields, specMismatches } from './servicem8-spec';
import { api, getJson, KEY, testClock, type Row } from './servicem8-test-helpers';

const clock = testClock('2026-12-01T02:00:00Z');
let sim: RunningServiceM8Simulator;
let sdk: ServiceM8;
const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010';
const tally = { operations: 0, fieldChecks: 0 };

beforeAll(async () => {
  sim = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off', now: clock.now });
  sdk = new ServiceM8({ serverURL: `${sim.url}/api_1.0`, security: { apiKey: KEY }, retryConfig: { strategy: 'none' } });
});
afterAll(async () => {
  // eslint-disable-next-line no-console -- the measured figures go into the issue report
  console.log(`SDK conformance: ${tally.operations} SDK operations, ${tally.fieldChecks} field checks against api.json`);
  await sim.close();
});

/** Uuids made by earlier cases, so children can point at their parents. */
const made: Record<string, string> = {};
const uuidFor = (n: number) => `c0f0a000-0000-4000-8000-${String(n).padStart(12, '0')}`;

interface Case {
  object: string;
  schema: string;
  list(): Promise<unknown[]>;
  get(uuid: string): Promise<unknown>;
  create?(uuid: string): Promise<unknown>;
  /** The update, and the wire field and value it must leave behind. */
  update?: { send(uuid: string): Promise<unknown>; field: string; value: string | number };
  remove?(uuid: string): Promise<unknown>;
}

const CASES: Case[] = [
  { object: 'vendor', schema: 'Vendor', list: () => sdk.vendors.listVendors(), get: (uuid) => sdk.vendors.getVendors({ uuid }) },
  {
    object: 'badge',
    schema: 'Badge',
    list: () => sdk.badges.listBadges(),
    get: (uuid) => sdk.badges.getBadges({ uuid }),
    create: (uuid) => sdk.badges.createBadges({ uuid, name: 'Conformance' }),
    update: {
      send: (uuid) => sdk.badges.updateBadges({ uuid, badgeCreate: { name: 'Conformance 2' } }),
      field: 'name',
      value: 'Conformance 2',
    },
    remove: (uuid) => sdk.badges.deleteBadges({ uuid }),
  },
  {
    object: 'company',
    schema: 'Company',
    list: () => sdk.clients.listClients(),
    get: (uuid) => sdk.clients.getClients({ uuid }),
    create: (uuid) => sdk.clients.createClients({ uuid, name: 'Conformance Pty Ltd', badges: JSON.stringify([made.badge]) }),
    update: {
      send: (uuid) => sdk.clients.updateClients({ uuid, companyCreate: { name: 'Conformance Two' } }),
      field: 'name',
      value: 'Conformance Two',
    },
    remove: (uuid) => sdk.clients.deleteClients({ uuid }),
  },
  {
    object: 'companycontact',
    schema: 'CompanyContact',
    list: () => sdk.companyContacts.listCompanyContacts(),
    get: (uuid) => sdk.companyContacts.getCompanyContacts({ uuid }),
    create: (uuid) =>
      sdk.companyContacts.createCompanyContacts({
        uuid,
        companyUuid: made.company,
        first: 'Ada',
        last: 'Lovelace',
        email: 'ada@example.com',
        type: 'BILLING',
        isPrimaryContact: '1',
      }),
    update: {
      send: (uuid) => sdk.companyContacts.updateCompanyContacts({ uuid, companyContactCreate: { mobile: '0412 345 678' } }),
      field: 'mobile',
      value: '0412 345 678',
    },
    remove: (uuid) => sdk.companyContacts.deleteCompanyContacts({ uuid }),
  },
  {
    object: 'job',
    schema: 'Job',
    list: () => sdk.jobs.listJobs(),
    get: (uuid) => sdk.jobs.getJobs({ uuid }),
    create: (uuid) =>
      sdk.jobs.createJobs({
        uuid,
        status: 'Quote',
        companyUuid: made.company,
        jobAddress: '1 George St, Sydney NSW 2000',
        badges: JSON.stringify([made.badge]),
      }),
    update: { send: (uuid) => sdk.jobs.updateJobs({ uuid, jobCreate: { status: 'Work Order' } }), field: 'status', value: 'Work Order' },
    remove: (uuid) => sdk.jobs.deleteJobs({ uuid }),
  },
  {
    object: 'jobcontact',
    schema: 'JobContact',
    list: () => sdk.jobContacts.listJobContacts(),
    get: (uuid) => sdk.jobContacts.getJobContacts({ uuid }),
    create: (uuid) => sdk.jobContacts.createJobContacts({ uuid, jobUuid: made.job, first: 'Site', last: 'Contact', type: 'JOB' }),
    update: {
      send: (uuid) => sdk.jobContacts.updateJobContacts({ uuid, jobContactCreate: { phone: '02 9876 5432' } }),
      field: 'phone',
      value: '02 9876 5432',
    },
    remove: (uuid) => sdk.jobContacts.deleteJobContacts({ uuid }),
  },
  {
    object: 'jobmaterial',
    schema: 'JobMaterial',
    list: () => sdk.jobMaterials.listJobMaterials(),
    get: (uuid) => sdk.jobMaterials.getJobMaterials({ uuid }),
    create: (uuid) =>
      sdk.jobMaterials.createJobMaterials({
        uuid,
        jobUuid: made.job,
        name: 'Mixer tap',
        quantity: '2',
        displayedAmount: '189.95',
        displayedAmountIsTaxInclusive: '1',
        taxRateUuid: GST,
        sortOrder: '1',
      }),
    update: {
      send: (uuid) => sdk.jobMaterials.updateJobMaterials({ uuid, jobMaterialCreate: { quantity: '3' } }),
      field: 'quantity',
      value: '3',
    },
    remove: (uuid) => sdk.jobMaterials.deleteJobMaterials({ uuid }),
  },
  {
    object: 'jobpayment',
    schema: 'JobPayment',
    list: () => sdk.jobPayments.listJobPayments(),
    get: (uuid) => sdk.jobPayments.getJobPayments({ uuid }),
    create: (uuid) =>
      sdk.jobPayments.createJobPayments({
        uuid,
        jobUuid: made.job,
        amount: '100.00',
        method: 'Cash',
        timestamp: '2026-12-01 13:00:00',
        note: 'deposit',
      }),
    update: {
      send: (uuid) => sdk.jobPayments.updateJobPayments({ uuid, jobPaymentCreate: { note: 'deposit, cash' } }),
      field: 'note',
      value: 'deposit, cash',
    },
    remove: (uuid) => sdk.jobPayments.deleteJobPayments({ uuid }),
  },
  {
    object: 'attachment',
    schema: 'Attachment',
    list: () => sdk.attachments.listAttachments(),
    get: (uuid) => sdk.attachments.getAttachments({ uuid }),
    create: (uuid) =>
      sdk.attachments.createAttachments({
        uuid,
        relatedObject: 'job',
        relatedObjectUuid: made.job,
        attachmentName: 'Invoice.pdf',
        fileType: '.pdf',
        attachmentSource: 'INVOICE',
      }),
    update: {
      send: (uuid) => sdk.attachments.updateAttachments({ uuid, attachmentCreate: { tags: 'invoice' } }),
      field: 'tags',
      value: 'invoice',
    },
    remove: (uuid) => sdk.attachments.deleteAttachments({ uuid }),
  },
  {
    object: 'taxrate',
    schema: 'TaxRate',
    list: () => sdk.taxRates.listTaxRates(),
    get: (uuid) => sdk.taxRates.getTaxRates({ uuid }),
    create: (uuid) => sdk.taxRates.createTaxRates({ uuid, name: 'Half GST', amount: '5' }),
    update: {
      send: (uuid) => sdk.taxRates.updateTaxRates({ uuid, taxRateCreate: { name: 'Five percent' } }),
      field: 'name',
      value: 'Five percent',
    },
    remove: (uuid) => sdk.taxRates.deleteTaxRates({ uuid }),
  },
  {
    object: 'staff',
    schema: 'Staff',
    list: () => sdk.staffMembers.listStaffMembers(),
    get: (uuid) => sdk.staffMembers.getStaffMembers({ uuid }),
    create: (uuid) => sdk.staffMembers.createStaffMembers({ uuid, first: 'Grace', last: 'Hopper', email: 'grace@example.com' }),
    update: {
      send: (uuid) =>
        sdk.staffMembers.updateStaffMembers({
          uuid,
          staffCreate: { first: 'Grace', last: 'Hopper', email: 'grace@example.com', jobTitle: 'Plumber' },
        }),
      field: 'job_title',
      value: 'Plumber',
    },
    remove: (uuid) => sdk.staffMembers.deleteStaffMembers({ uuid }),
  },
  {
    object: 'category',
    schema: 'Category',
    list: () => sdk.categories.listCategories(),
    get: (uuid) => sdk.categories.getCategories({ uuid }),
    create: (uuid) => sdk.categories.createCategories({ uuid, name: 'Gas fitting', colour: '#aa3300' }),
    update: {
      send: (uuid) => sdk.categories.updateCategories({ uuid, categoryCreate: { name: 'Gas fitting', colour: '#0033aa' } }),
      field: 'colour',
      value: '#0033aa',
    },
    remove: (uuid) => sdk.categories.deleteCategories({ uuid }),
  },
  {
    object: 'material',
    schema: 'Material',
    list: () => sdk.materials.listMaterials(),
    get: (uuid) => sdk.materials.getMaterials({ uuid }),
    create: (uuid) =>
      sdk.materials.createMaterials({ uuid, name: 'Flexible hose 300mm', itemNumber: 'FH-300', price: '18.50', taxRateUuid: GST }),
    update: {
      send: (uuid) => sdk.materials.updateMaterials({ uuid, materialCreate: { name: 'Flexible hose 300mm', price: '19.95' } }),
      field: 'price',
      value: '19.9500',
    },
    remove: (uuid) => sdk.materials.deleteMaterials({ uuid }),
  },
];

const recordPath = (object: string) => (object === 'attachment' ? 'dboattachment' : object);

async function wireRecord(object: string, uuid: string): Promise<Row> {
  const reply = await getJson(api(sim.url, `/${recordPath(object)}/${uuid}.json`));
  expect(reply.status, `GET ${object} ${uuid}`).toBe(200);
  return reply.body;
}

function expectConforms(schema: string, records: Row[]): void {
  const problems = records.flatMap((record) => specMismatches(schema, record));
  tally.fieldChecks += records.length * Object.keys(specFields(schema)).length;
  expect(problems.slice(0, 20), `${problems.length} mismatches with api.json`).toEqual([]);
}

describe('ServiceM8 simulator driven by the official servicem8 SDK', () => {
  CASES.forEach((c, index) => {
    it(`${c.object}: list and get parse with the SDK; every api.json field is there with its type`, async () => {
      const listed = await c.list();
      tally.operations += 1;
      expect(listed.length, `the demo seed has ${c.object} records`).toBeGreaterThan(0);
      const raw = (await getJson(api(sim.url, `/${c.object}.json`), { 'X-API-Key': KEY })).rows;
      expect(raw).toHaveLength(listed.length);
      expectConforms(c.schema, raw);
      const first = raw[0]!;
      const got = (await c.get(String(first.uuid))) as { uuid?: string };
      tally.operations += 1;
      expect(got.uuid).toBe(first.uuid);
    });

    if (!c.create) return;
    it(`${c.object}: create, update (edit_date moves), delete (soft) through the SDK`, async () => {
      const uuid = uuidFor(index);
      clock.advance(60_000);
      await c.create!(uuid);
      tally.operations += 1;
      made[c.object] = uuid;
      const created = await wireRecord(c.object, uuid);
      expectConforms(c.schema, [created]);
      expect(created.active).toBe(1);

      clock.advance(5_000);
      await c.update!.send(uuid);
      tally.operations += 1;
      const updated = await wireRecord(c.object, uuid);
      expect(updated[c.update!.field]).toBe(c.update!.value);
      expect(String(updated.edit_date) > String(created.edit_date)).toBe(true);
      const viaSdk = (await c.get(uuid)) as { active?: number };
      tally.operations += 1;
      expect(viaSdk.active).toBe(1);

      clock.advance(5_000);
      // Children are deleted in the next describe block, so later cases can still point at this one.
      if (['company', 'job'].includes(c.object)) return;
      await c.remove!(uuid);
      tally.operations += 1;
      const removed = await wireRecord(c.object, uuid);
      expect(removed.active).toBe(0);
      expectConforms(c.schema, [removed]);
    });
  });

  it('deletes the parents last: job and company are soft deleted and still readable through the SDK', async () => {
    for (const [object, remove] of [
      ['job', (uuid: string) => sdk.jobs.deleteJobs({ uuid })],
      ['company', (uuid: string) => sdk.clients.deleteClients({ uuid })],
    ] as const) {
      await remove(made[object]!);
      tally.operations += 1;
      expect((await wireRecord(object, made[object]!)).active).toBe(0);
    }
    expect((await sdk.jobs.getJobs({ uuid: made.job! })).active).toBe(0);
    tally.operations += 1;
  });
});

describe("the SDK reads the simulator's headers and errors as its own types", () => {
  it('a create without a uuid: the new uuid comes back in x-record-uuid', async () => {
    const reply = await sdk.jobs.createJobs({ status: 'Quote', jobDescription: 'No uuid given' });
    const uuid = reply.headers['x-record-uuid']?.[0] ?? '';
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(reply.result).toEqual({ errorCode: 0, message: 'OK' });
    expect((await sdk.jobs.getJobs({ uuid })).jobDescription).toBe('No uuid given');
    tally.operations += 2;
  });

  it('404, 400, 401 and 429 parse as NotFoundError, ErrorT, AuthenticationError and RateLimitError', async () => {
    await expect(sdk.jobs.getJobs({ uuid: 'c0f0a000-0000-4000-8000-999999999999' })).rejects.toBeInstanceOf(NotFoundError);
    const bad = await sdk.clients.createClients({ name: 'Badge by name', badges: '["Commercial"]' }).catch((error: unknown) => error);
    expect(bad).toBeInstanceOf(ErrorT);
    expect((bad as ErrorT).data$.message).toContain('badge uuids');
    const stranger = new ServiceM8({
      serverURL: `${sim.url}/api_1.0`,
      security: { apiKey: 'not-the-key' },
      retryConfig: { strategy: 'none' },
    });
    await expect(stranger.taxRates.listTaxRates()).rejects.toBeInstanceOf(AuthenticationError);
    const limited = await startServiceM8Simulator({ seed: 'none', limits: { perMinute: 1, perDay: 100 } });
    try {
      const client = new ServiceM8({ serverURL: `${limited.url}/api_1.0`, security: { apiKey: KEY }, retryConfig: { strategy: 'none' } });
      await client.taxRates.listTaxRates();
      const error = await client.taxRates.listTaxRates().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).data$.message).toBe('Number of allowed API requests per minute exceeded');
    } finally {
      await limited.close();
    }
    tally.operations += 6;
  });
});
