// A month built through the simulators' HTTP APIs (ServiceM8 over its REST API, Stripe
// through the official SDK via the connector), read back into the typed tables by a test
// loader (the invoices and payments pairs are written in parallel; test/helpers/
// money-loader.ts stands in for them), then reconciled and reported. Every planted
// difference must come out with its status, nothing else, and the totals to the cent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceM8Client, apiKeyAuth, createJobWithMaterials, saveJobPayment } from '../../src/main/core/connectors/servicem8';
import { StripeConnector } from '../../src/main/core/connectors/stripe';
import { buildGstReport, type GstRow } from '../../src/main/core/reports/gst';
import { runReconciliation } from '../../src/main/core/reports/reconciliation';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { Store } from '../../src/main/core/store/store';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { startStripeSimulator, type RunningStripeSimulator } from '../../src/main/simulators/stripe';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { loadServiceM8, loadStripe } from '../helpers/money-loader';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const ZONE = 'Australia/Sydney';
// The demo account's tax rates (ServiceM8 simulator seed).
const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010';
const GST_FREE = 'a1b2c3d4-0002-4a10-8b10-000000000000';

let sm8Sim: RunningServiceM8Simulator;
let stripeSim: RunningStripeSimulator;
let sm8: ServiceM8Client;
let stripe: StripeConnector;

beforeAll(async () => {
  sm8Sim = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off' });
  stripeSim = await startStripeSimulator({ rateLimits: 'off' });
  sm8 = new ServiceM8Client({
    baseUrl: sm8Sim.url,
    auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': 'sm8-demo-key' })),
    limits: { perMinute: 100_000, perDay: 1_000_000 },
  });
  stripe = new StripeConnector({ apiKey: 'sk_test_monthReconcile1', baseUrl: stripeSim.url, maxRequestsPerSecond: null });
});
afterAll(async () => {
  await sm8Sim.close();
  await stripeSim.close();
});

type Line = { cents: number; inclusive?: boolean; gstFree?: boolean };
interface PlantedJob {
  key: string;
  company: string;
  at: string;
  lines: Line[];
  payment?: { at: string; method: string };
}
const uuid = (n: number) => `c0ffee00-0000-4000-8000-${String(n).padStart(12, '0')}`;

async function makeJob(n: number, job: PlantedJob): Promise<{ uuid: string; number: string }> {
  sm8Sim.setNow(new Date(job.at)); // the simulator stamps completion and invoice_sent with its clock
  await createJobWithMaterials(sm8, {
    uuid: uuid(n),
    companyUuid: job.company,
    status: 'Completed',
    jobDescription: job.key,
    invoiceSent: true,
    lines: job.lines.map((line, i) => ({
      uuid: uuid(1000 + n * 10 + i),
      name: `${job.key} line ${i + 1}`,
      quantity: '1',
      unitAmountCents: line.cents,
      amountIncludesTax: line.inclusive ?? true,
      taxRateUuid: line.gstFree ? GST_FREE : GST,
    })),
  });
  const read = (await sm8.get('job', uuid(n))).records[0]!;
  if (job.payment)
    await saveJobPayment(sm8, uuid(5000 + n), {
      jobUuid: uuid(n),
      amountCents: read.totalInvoiceAmountCents, // paid in full
      method: job.payment.method,
      paidAt: job.payment.at,
      note: job.key,
    });
  return { uuid: uuid(n), number: read.jobNumber };
}

async function makeInvoice(input: {
  customer: string;
  at: string;
  lines: Line[];
  metadata?: Record<string, string>;
  job?: string;
  paidAt?: string;
  gst: { inclusive: { id: string }; exclusive: { id: string } };
  key: string;
}): Promise<string> {
  const draft = await stripe.createDraftInvoice(
    {
      customerId: input.customer,
      effectiveAt: input.at,
      daysUntilDue: 14,
      ...(input.metadata ? { metadata: input.metadata } : {}),
      ...(input.job ? { customFields: [{ name: 'Job', value: input.job }] } : {}),
      lines: input.lines.map((line, i) => ({
        description: `line ${i + 1}`,
        amountCents: line.cents,
        taxRateId: line.gstFree ? null : line.inclusive === false ? input.gst.exclusive.id : input.gst.inclusive.id,
      })),
    },
    `draft-${input.key}`,
  );
  await stripe.finalizeInvoice(draft.id, `finalize-${input.key}`);
  if (input.paidAt) {
    stripeSim.setClock(new Date(input.paidAt));
    await stripe.payInvoiceOutOfBand(draft.id, `pay-${input.key}`);
  }
  return draft.id;
}

describe('a month with planted differences, built through the simulators', () => {
  it('reconciles and reports every planted difference with its status, no false alarm, cent-exact totals', async () => {
    const companyA = await sm8.create('company', { name: 'Harbour Plumbing', abn_number: '51 824 753 556' });
    const companyB = await sm8.create('company', { name: 'Bondi Electrical' });
    // A job for a walk-in buyer: no client on the job (ServiceM8 requires a name on every client).
    const nameless = '';
    const gst = await stripe.ensureGstRates('month-gst');
    const cusA = (await stripe.createCustomer({ name: 'Harbour Plumbing Pty Ltd', email: 'a@harbour.example' }, 'cus-a')).id;
    const cusC = (await stripe.createCustomer({ name: 'Walk-in Customer', email: 'c@walkin.example' }, 'cus-c')).id;
    const cusNameless = (await stripe.createCustomer({ email: 'nobody@example.com' }, 'cus-n')).id;

    // ServiceM8 side. Instants in UTC; Sydney is UTC+11 until 5 April 2026 03:00, then UTC+10.
    const J: Record<string, { uuid: string; number: string }> = {};
    const plan: [string, PlantedJob][] = [
      ['matchedByUuid', { key: 'J1', company: companyA, at: '2026-03-05T01:00:00Z', lines: [{ cents: 11000 }] }],
      [
        'matchedByJobField',
        { key: 'J2', company: companyA, at: '2026-03-06T01:00:00Z', lines: [{ cents: 22000 }, { cents: 5000, gstFree: true }] },
      ],
      ['matchedByAmount', { key: 'J3', company: companyA, at: '2026-03-10T01:00:00Z', lines: [{ cents: 33000 }] }],
      ['totalDiffers', { key: 'J4', company: companyA, at: '2026-03-11T01:00:00Z', lines: [{ cents: 44000 }] }],
      ['gstDiffers', { key: 'J5', company: companyA, at: '2026-03-12T01:00:00Z', lines: [{ cents: 55000 }] }],
      [
        'rounding',
        { key: 'J6', company: companyA, at: '2026-03-13T01:00:00Z', lines: [{ cents: 5 }, { cents: 5 }, { cents: 5 }, { cents: 100 }] },
      ],
      ['missingInStripe', { key: 'J7', company: companyB, at: '2026-03-14T01:00:00Z', lines: [{ cents: 77000 }] }],
      [
        'servicem8Pay',
        {
          key: 'J9',
          company: companyB,
          at: '2026-03-15T01:00:00Z',
          lines: [{ cents: 9900 }],
          payment: { at: '2026-03-15T02:00:00Z', method: 'ServiceM8 Pay' },
        },
      ],
      // 23:30 on 31 March in Sydney: March; its Stripe invoice is dated 00:10 on 1 April.
      ['lastMinuteOfMarch', { key: 'J10', company: companyA, at: '2026-03-31T12:30:00Z', lines: [{ cents: 10100 }] }],
      // 23:59 on 28 February in Sydney: February; its Stripe invoice is dated 00:01 on 1 March.
      ['lastMinuteOfFebruary', { key: 'J11', company: companyA, at: '2026-02-28T12:59:00Z', lines: [{ cents: 11100 }] }],
      ['noBuyerIdentity', { key: 'J12', company: nameless, at: '2026-03-16T01:00:00Z', lines: [{ cents: 110000 }] }],
      // Invoiced in February, paid in March on both sides: cash basis counts it in March.
      [
        'paidInMarch',
        {
          key: 'J13',
          company: companyA,
          at: '2026-02-20T01:00:00Z',
          lines: [{ cents: 13300, inclusive: false }],
          payment: { at: '2026-03-03T01:00:00Z', method: 'EFT' },
        },
      ],
      // After daylight saving ended: 01:30 AEST on 6 April, and 23:30 AEST on 30 April.
      ['afterDst', { key: 'J14', company: companyA, at: '2026-04-05T15:30:00Z', lines: [{ cents: 14400 }] }],
      ['lastMinuteOfApril', { key: 'J15', company: companyA, at: '2026-04-30T13:30:00Z', lines: [{ cents: 15500 }] }],
    ];
    for (const [i, [name, job]] of plan.entries()) J[name] = await makeJob(i + 1, job);
    const job = (name: string) => plan.find(([n]) => n === name)![1];

    // Stripe side: invoices made by hand, as a business does before installing the sync.
    const byUuid = (name: string) => ({ servicem8_job_uuid: J[name]!.uuid });
    const common = { gst, customer: cusA };
    await makeInvoice({
      ...common,
      key: 'S1',
      at: job('matchedByUuid').at,
      lines: job('matchedByUuid').lines,
      metadata: byUuid('matchedByUuid'),
    });
    await makeInvoice({
      ...common,
      key: 'S2',
      at: job('matchedByJobField').at,
      lines: job('matchedByJobField').lines,
      job: J.matchedByJobField!.number,
    });
    await makeInvoice({ ...common, key: 'S3', at: '2026-03-14T05:00:00Z', lines: [{ cents: 33000 }] }); // 4 days later, same customer and total
    await makeInvoice({ ...common, key: 'S4', at: job('totalDiffers').at, lines: [{ cents: 44100 }], metadata: byUuid('totalDiffers') });
    await makeInvoice({
      ...common,
      key: 'S5',
      at: job('gstDiffers').at,
      lines: [{ cents: 55000, gstFree: true }],
      metadata: byUuid('gstDiffers'),
    });
    await makeInvoice({ ...common, key: 'S6', at: job('rounding').at, lines: [{ cents: 115 }], metadata: byUuid('rounding') });
    const s8 = await makeInvoice({ gst, customer: cusC, key: 'S8', at: '2026-03-20T01:00:00Z', lines: [{ cents: 8800 }] });
    await makeInvoice({
      ...common,
      key: 'S10',
      at: '2026-03-31T13:10:00Z',
      lines: job('lastMinuteOfMarch').lines,
      metadata: byUuid('lastMinuteOfMarch'),
    });
    await makeInvoice({
      ...common,
      key: 'S11',
      at: '2026-02-28T13:01:00Z',
      lines: job('lastMinuteOfFebruary').lines,
      metadata: byUuid('lastMinuteOfFebruary'),
    });
    await makeInvoice({
      gst,
      customer: cusNameless,
      key: 'S12',
      at: job('noBuyerIdentity').at,
      lines: job('noBuyerIdentity').lines,
      metadata: byUuid('noBuyerIdentity'),
    });
    await makeInvoice({
      ...common,
      key: 'S13',
      at: job('paidInMarch').at,
      lines: job('paidInMarch').lines,
      metadata: byUuid('paidInMarch'),
      paidAt: '2026-03-03T01:00:00Z',
    });
    await makeInvoice({ ...common, key: 'S14', at: job('afterDst').at, lines: job('afterDst').lines, metadata: byUuid('afterDst') });
    await makeInvoice({
      ...common,
      key: 'S15',
      at: job('lastMinuteOfApril').at,
      lines: job('lastMinuteOfApril').lines,
      job: J.lastMinuteOfApril!.number,
    });

    const store = Store.open(tempDir(), { clock: () => new Date('2026-04-02T08:00:00Z') });
    try {
      await loadServiceM8(store, sm8, ZONE, new Set(Object.values(J).map((j) => j.uuid)));
      await loadStripe(store, stripe, ZONE);
      // What the clients and payments pairs would have linked: the customer, and the paid-in-March payment.
      store.links.create({ entity: 'client', servicem8Id: companyA, stripeId: cusA });
      const stripePayment = store.payments.byMonth('2026-03', 'stripe')[0]!;
      store.links.create({ entity: 'payment', servicem8Id: uuid(5000 + 12), stripeId: stripePayment.externalId });

      const report = runReconciliation(store, {
        settings: DEFAULT_SETTINGS,
        trigger: 'manual',
        clock: () => new Date('2026-04-02T08:00:00Z'),
      });
      const linked = (name: string) => store.links.byServiceM8Id('invoice', J[name]!.uuid)?.stripeId ?? null;
      for (const name of ['matchedByUuid', 'matchedByJobField', 'matchedByAmount', 'totalDiffers', 'lastMinuteOfApril'])
        expect(linked(name), name).not.toBeNull();
      expect(linked('missingInStripe')).toBeNull();
      expect(report.summary.linked).toBe(12); // every hand-made invoice but S8, which is no job's
      const moneyFindings = report.findings.filter((f) => f.entity !== 'client').map((f) => `${f.kind} ${f.servicem8Id ?? f.stripeId}`);
      expect(moneyFindings.sort()).toEqual(
        [
          `total_mismatch ${J.totalDiffers!.uuid}`,
          `gst_mismatch ${J.gstDiffers!.uuid}`,
          `missing_in_stripe ${J.missingInStripe!.uuid}`,
          `missing_in_servicem8 ${s8}`,
          `field_mismatch ${J.lastMinuteOfMarch!.uuid}`,
          `field_mismatch ${J.lastMinuteOfFebruary!.uuid}`,
        ].sort(),
      );

      const status = (rows: GstRow[]): Record<string, string> =>
        Object.fromEntries(rows.map((r): [string, string] => [r.servicem8JobUuid ?? r.stripeInvoiceId ?? '', r.status]));
      const march = buildGstReport(store, { month: '2026-03', basis: 'accrual', zone: ZONE, all: true });
      const u = (name: string) => J[name]!.uuid;
      expect(status(march.rows)).toEqual({
        [u('matchedByUuid')]: 'matched',
        [u('matchedByJobField')]: 'matched',
        [u('matchedByAmount')]: 'matched',
        [u('totalDiffers')]: 'total_differs',
        [u('gstDiffers')]: 'gst_differs',
        [u('rounding')]: 'rounding',
        [u('missingInStripe')]: 'missing_in_stripe',
        [s8]: 'missing_in_servicem8',
        [u('servicem8Pay')]: 'servicem8_pay',
        [u('lastMinuteOfMarch')]: 'missing_in_stripe',
        [u('lastMinuteOfFebruary')]: 'missing_in_servicem8',
        [u('noBuyerIdentity')]: 'matched',
      });
      const row = (rows: GstRow[], name: string) => rows.find((r) => r.servicem8JobUuid === u(name))!;
      expect(march.rows.filter((r) => r.needsBuyerAbn).map((r) => r.servicem8JobUuid)).toEqual([u('noBuyerIdentity')]);
      expect(row(march.rows, 'lastMinuteOfMarch')).toMatchObject({ servicem8InvoiceDate: '2026-03-31', stripeInvoiceDate: '2026-04-01' });
      expect(row(march.rows, 'lastMinuteOfFebruary')).toMatchObject({
        servicem8InvoiceDate: '2026-02-28',
        stripeInvoiceDate: '2026-03-01',
      });
      expect(row(march.rows, 'rounding')).toMatchObject({ servicem8Gst: 9, stripeGst: 10, differenceGst: 1 });
      expect(row(march.rows, 'totalDiffers')).toMatchObject({ differenceTotal: 100 });
      // Without --all, only what needs a look.
      const needsLook = buildGstReport(store, { month: '2026-03', basis: 'accrual', zone: ZONE });
      expect(needsLook.rows.map((r) => r.status).filter((s) => s === 'matched')).toEqual([]);
      expect(needsLook.rows).toHaveLength(8);

      // Cent-exact totals, from the planted amounts (GST of an inclusive 10 % line: round(cents / 11)).
      const gstOf = (lines: Line[]) => lines.reduce((sum, l) => sum + (l.gstFree ? 0 : Math.round(l.cents / 11)), 0);
      const inc = (lines: Line[]) => lines.reduce((sum, l) => sum + l.cents, 0);
      const sm8InMarch = [
        'matchedByUuid',
        'matchedByJobField',
        'matchedByAmount',
        'totalDiffers',
        'gstDiffers',
        'rounding',
        'missingInStripe',
        'servicem8Pay',
        'lastMinuteOfMarch',
        'noBuyerIdentity',
      ].map((n) => job(n).lines);
      expect(march.totals.servicem8).toEqual({
        salesCents: sm8InMarch.reduce((s, l) => s + inc(l), 0),
        gstCents: sm8InMarch.reduce((s, l) => s + gstOf(l), 0),
      });
      const stripeInMarch = [
        job('matchedByUuid').lines,
        job('matchedByJobField').lines,
        [{ cents: 33000 }],
        [{ cents: 44100 }],
        [{ cents: 55000, gstFree: true }],
        [{ cents: 115 }],
        [{ cents: 8800 }],
        job('lastMinuteOfFebruary').lines,
        job('noBuyerIdentity').lines,
      ];
      expect(march.totals.stripe).toEqual({
        salesCents: stripeInMarch.reduce((s, l) => s + inc(l), 0),
        gstCents: stripeInMarch.reduce((s, l) => s + gstOf(l), 0),
      });

      // Cash basis: only what was paid in March. The exclusive $133.00 + 10 % is $146.30 on both sides.
      const cash = buildGstReport(store, { month: '2026-03', basis: 'cash', zone: ZONE, all: true });
      expect(status(cash.rows)).toEqual({ [u('paidInMarch')]: 'matched', [u('servicem8Pay')]: 'servicem8_pay' });
      expect(cash.totals.stripe).toEqual({ salesCents: 14630, gstCents: 1330 });
      expect(cash.totals.servicem8).toEqual({ salesCents: 14630 + 9900, gstCents: 1330 + 900 });

      // April, across the end of daylight saving: the two April jobs match; March's last job's invoice is April's.
      const april = buildGstReport(store, { month: '2026-04', basis: 'accrual', zone: ZONE, all: true });
      expect(status(april.rows)).toEqual({
        [u('afterDst')]: 'matched',
        [u('lastMinuteOfApril')]: 'matched',
        [u('lastMinuteOfMarch')]: 'missing_in_servicem8',
      });
    } finally {
      store.close();
    }
  }, 60_000);
});
