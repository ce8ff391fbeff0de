// Payments, Reconciliation and the GST report through real `simulate` and `serve`
// subprocesses: a person picks November 2026, sees both sides of each payment with fees
// and net, runs a reconciliation and sees it in the history, reads the BAS totals per
// side and downloads the CSV — at 800×600 and 1280×800, light and dark, with axe.
// The invoices pair is not merged yet and the payments pair waits for its links, so the
// typed money tables they fill (the contract these screens read) are seeded before
// serve starts, as the pairs would write them.
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { mkdirSync, readFileSync } from 'node:fs';
import readline from 'node:readline';
import { Store } from '../../src/main/core/store/store';
import { assertBuilt, startCli, startSimulators, type Simulators } from '../helpers/cli-process';
import { inc, seedInvoice, seedPayment } from '../helpers/money-seed';
import { SM8_KEY, STRIPE_KEY } from '../helpers/sides-over-http';
import { makeTestDataDir, removeTestDataDir } from '../helpers/test-data-root';
import { SCREENS, shootEverywhere, watchProblems } from './app-world';

const ZONE = 'Australia/Sydney';
const MONTH = '2026-11';

/** Three November invoices as the invoices pair would record them: one matching, one whose GST differs, one only in ServiceM8. */
function seedInvoices(dataDir: string): void {
  const store = Store.open(dataDir);
  try {
    const at = '2026-11-10T01:00:00Z';
    const both = { invoiceAt: at, clientName: 'Harbour View Cafe Pty Ltd' };
    store.invoices.upsert(
      seedInvoice({ side: 'servicem8', externalId: 'e2e-job-1', jobNumber: '9001', otherSideId: 'in_e2e1', ...both }, [inc(11000)]),
      ZONE,
    );
    store.invoices.upsert(
      seedInvoice({ side: 'stripe', externalId: 'in_e2e1', invoiceNumber: 'E2E-0001', otherSideId: 'e2e-job-1', ...both }, [inc(11000)]),
      ZONE,
    );
    const bondi = { invoiceAt: '2026-11-12T01:00:00Z', clientName: 'Bondi Plumbing Supplies' };
    store.invoices.upsert(
      seedInvoice({ side: 'servicem8', externalId: 'e2e-job-2', jobNumber: '9002', otherSideId: 'in_e2e2', ...bondi }, [inc(22000, 0)]),
      ZONE,
    );
    store.invoices.upsert(
      seedInvoice({ side: 'stripe', externalId: 'in_e2e2', invoiceNumber: 'E2E-0002', otherSideId: 'e2e-job-2', ...bondi }, [inc(22000)]),
      ZONE,
    );
    const clovelly = { invoiceAt: '2026-11-14T01:00:00Z', clientName: 'Clovelly Bakery' };
    store.invoices.upsert(seedInvoice({ side: 'servicem8', externalId: 'e2e-job-3', jobNumber: '9003', ...clovelly }, [inc(5500)]), ZONE);
    seedPayments(store);
  } finally {
    store.close();
  }
}

/** A card payment on both sides with Stripe's fee, one taken with ServiceM8 Pay, one Stripe charge and a refund matched to nothing. */
function seedPayments(store: Store): void {
  const put = (input: Parameters<typeof seedPayment>[0]) => store.payments.upsert(seedPayment(input), ZONE);
  put({
    side: 'servicem8',
    externalId: 'e2e-pay-1',
    invoiceExternalId: 'e2e-job-1',
    amountCents: 11000,
    method: 'Card',
    paidAt: '2026-11-11T02:00:00Z',
    otherSideId: 'ch_e2e1',
  });
  put({
    side: 'stripe',
    externalId: 'ch_e2e1',
    invoiceExternalId: 'in_e2e1',
    amountCents: 11000,
    method: 'Card',
    paidAt: '2026-11-11T02:00:00Z',
    feeCents: 215,
    feeGstCents: 20,
    otherSideId: 'e2e-pay-1',
  });
  put({
    side: 'servicem8',
    externalId: 'e2e-pay-2',
    invoiceExternalId: 'e2e-job-2',
    amountCents: 22000,
    method: 'Card',
    servicem8Pay: true,
    paidAt: '2026-11-13T02:00:00Z',
    otherSideId: 'ch_e2e2',
  });
  put({
    side: 'stripe',
    externalId: 'ch_e2e2',
    amountCents: 22000,
    method: 'Card',
    servicem8Pay: true,
    paidAt: '2026-11-13T02:00:00Z',
    otherSideId: 'e2e-pay-2',
  });
  put({
    side: 'stripe',
    externalId: 'ch_e2e3',
    amountCents: 5500,
    method: 'Card',
    paidAt: '2026-11-15T02:00:00Z',
    feeCents: 110,
    feeGstCents: 10,
  });
  put({
    side: 'stripe',
    externalId: 're_e2e4',
    kind: 'refund',
    refundOf: 'ch_e2e1',
    amountCents: 1000,
    method: 'Card',
    paidAt: '2026-11-20T02:00:00Z',
  });
}

let sims: Simulators;
let url: string;
let dataDir: string;
let stopServe: () => Promise<void>;

test.beforeAll(async () => {
  assertBuilt();
  mkdirSync(SCREENS, { recursive: true });
  dataDir = makeTestDataDir('sm8sync-e2e-money-');
  seedInvoices(dataDir);
  sims = await startSimulators();
  const serve = startCli(['serve', '--json'], {
    SERVICEM8_BASE_URL: sims.servicem8,
    STRIPE_BASE_URL: sims.stripe,
    SM8SYNC_DATA_DIR: dataDir,
    SERVICEM8_API_KEY: SM8_KEY,
    STRIPE_API_KEY: STRIPE_KEY,
  });
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no URL in 20 s')), 20_000);
    readline.createInterface({ input: serve.child.stdout! }).once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
  });
  url = (JSON.parse(line) as { url: string }).url;
  stopServe = async () => {
    serve.child.kill('SIGTERM');
    await serve.done;
  };
});
test.afterAll(async () => {
  await stopServe?.();
  await sims?.stop().catch(() => undefined);
  if (dataDir) removeTestDataDir(dataDir);
});

async function openMonth(page: Page, tab: string, picker: string): Promise<void> {
  await page.getByTestId(`tab-${tab}`).click();
  await page.getByTestId(picker).selectOption(MONTH);
}

test('payments: both sides, ServiceM8 Pay recognised, fees and net, states in words', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  await page.goto(url);
  await page.getByTestId('tab-payments').click();
  // It opens on this month in the business zone (nothing seeded there, unless this runs in November 2026).
  const thisMonth = new Intl.DateTimeFormat('en-AU', { timeZone: ZONE, month: 'long', year: 'numeric' }).format(new Date());
  if (thisMonth !== 'November 2026') await expect(page.getByTestId('payments-empty')).toHaveText(`No payments in ${thisMonth}.`);
  await page.getByTestId('payments-month').selectOption(MONTH);
  await expect(page.getByTestId('payments-month').locator('option:checked')).toHaveText('November 2026');
  const rows = page.getByTestId('payment-row');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'Job 9001' })).toContainText(
    /ServiceM8 and Stripe.*\$110\.00.*\$2\.15.*incl\. \$0\.20 GST.*\$107\.85.*Matched/,
  );
  await expect(rows.filter({ hasText: 'Job 9002' })).toContainText('ServiceM8 Pay');
  await expect(rows.filter({ hasText: 'Refund' })).toContainText(/−\$10\.00.*Not matched/);
  await expect(page.getByTestId('payments-table')).not.toContainText(/servicem8_pay|unmatched|synced/);
  // 110 + 220 + 55 − 10 received; 2.15 + 1.10 in Stripe fees (ServiceM8 Pay's fee is ServiceM8's).
  await expect(page.getByTestId('payments-amount')).toHaveText('$375.00');
  await expect(page.getByTestId('payments-fees')).toHaveText('$3.25');
  await expect(page.getByTestId('payments-net')).toHaveText('$371.75');
  await expect(page.getByTestId('payments-unmatched')).toHaveText('2');
  await page.getByTestId('payments-state').selectOption('unmatched');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasNotText: 'Stripe only' })).toHaveCount(0);
  await shootEverywhere(browser, url, 'payments', async (p) => {
    await openMonth(p, 'payments', 'payments-month');
    await expect(p.getByTestId('payment-row')).toHaveCount(4);
  });
  expect(problems).toEqual([]);
});

test('reconciliation: Run now adds a run to the history and lists what is new', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.goto(url);
  await page.getByTestId('tab-reconciliation').click();
  const history = page.getByTestId('recon-history').locator('tbody tr');
  await expect(page.getByTestId('recon-empty').or(page.getByTestId('recon-latest'))).toBeVisible();
  const before = (await page.getByTestId('recon-history').count()) ? await history.count() : 0;
  await page.getByTestId('recon-run').click();
  await expect(page.getByTestId('recon-notice')).toContainText(/Reconciliation finished: \d+ findings?, \d+ new since the last run\./, {
    timeout: 60_000,
  });
  await expect(history).toHaveCount(before + 1);
  await expect(history.first()).toContainText('Run now');
  await expect(page.getByTestId('recon-latest')).toContainText('Last run');
  // The seeded ServiceM8-only invoice is one of the findings, named by its job, not an id.
  await expect(page.getByTestId('recon-finding').filter({ hasText: '9003' })).not.toHaveCount(0);
  await shootEverywhere(browser, url, 'reconciliation', async (p) => {
    await p.getByTestId('tab-reconciliation').click();
    await expect(p.getByTestId('recon-latest')).toBeVisible();
  });
});

test('GST report: pick a month and basis, see G1 and 1A per side, the mismatches in words, and download the CSV', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await page.goto(url);
  await openMonth(page, 'gst', 'gst-month');
  await page.getByTestId('gst-basis').selectOption('accrual');
  // ServiceM8: 110 + 220 (no GST) + 55 = $385.00 with $15.00 GST; Stripe: 110 + 220 (GST $20) = $330.00 with $30.00 GST.
  const g1 = page.getByTestId('gst-g1');
  await expect(g1).toContainText('$385.00');
  await expect(g1).toContainText('$330.00');
  await expect(g1).toContainText('−$55.00');
  const gst1a = page.getByTestId('gst-1a');
  await expect(gst1a).toContainText('$15.00');
  await expect(gst1a).toContainText('$30.00');
  const rows = page.getByTestId('gst-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Job 9002' })).toContainText('GST differs');
  await expect(rows.filter({ hasText: 'Job 9003' })).toContainText('Not in Stripe');
  await expect(page.getByTestId('gst-rows')).not.toContainText(/gst_differs|missing_in_stripe/);
  await page.getByTestId('gst-all').check();
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'Job 9001' })).toContainText('Matches');

  const download = page.waitForEvent('download');
  await page.getByTestId('gst-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toContain('2026-11');
  await expect(page.getByTestId('gst-notice')).toContainText('to your downloads');
  const text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
  const records = parse<Record<string, string>>(text, { columns: true });
  expect(Object.keys(records[0] ?? {}).slice(0, 5)).toEqual(['period', 'basis', 'status', 'reason', 'servicem8_job_number']);
  expect(records).toHaveLength(3);
  const bondi = records.find((r) => r.servicem8_job_number === '9002')!;
  expect(bondi.client_name).toBe('Bondi Plumbing Supplies');
  expect(bondi.status).toBe('gst_differs');
  expect(bondi.basis).toBe('accrual');
  await shootEverywhere(browser, url, 'gst-report', async (p) => {
    await openMonth(p, 'gst', 'gst-month');
    await expect(p.getByTestId('gst-row')).toHaveCount(2);
  });
});
