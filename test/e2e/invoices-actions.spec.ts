// The Invoices screen as the office manager uses it, through real `simulate` and `serve`
// subprocesses: a sent job opens in ServiceM8 and in the Stripe Dashboard (test mode),
// a job waiting for its invoice to be sent in ServiceM8 is sent now, a quote is skipped
// ("Skipped by you") and the skip undone — at 1280×800 and 800×600, light and dark, axe.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { ACCOUNT_IDS } from '../../src/main/simulators/servicem8/seed/account-seed';
import { ServiceM8Http } from '../helpers/sides-over-http';
import { SCREENS, shootEverywhere, startWorld, type World } from './app-world';

let world: World;
const jobs: Record<'sent' | 'held' | 'quote', string> = { sent: '', held: '', quote: '' };
const numbers: Record<keyof typeof jobs, string> = { sent: '', held: '', quote: '' };

async function job(sm8: ServiceM8Http, name: string, email: string, finish: 'sent' | 'completed' | 'quote'): Promise<string> {
  const { company } = await sm8.addClient({ name }, { email });
  const uuid = await sm8.create('job', {
    company_uuid: company,
    status: finish === 'quote' ? 'Quote' : 'Work Order',
    job_description: 'Hot water',
  });
  await sm8.create('jobmaterial', {
    job_uuid: uuid,
    name: 'Labour',
    quantity: '2',
    displayed_amount: '95.00',
    displayed_amount_is_tax_inclusive: '0',
    tax_rate_uuid: ACCOUNT_IDS.gst,
    sort_order: '1',
  });
  if (finish !== 'quote') await sm8.update('job', uuid, { status: 'Completed' });
  if (finish === 'sent') await sm8.update('job', uuid, { invoice_sent: 1 });
  return uuid;
}

test.beforeAll(async () => {
  world = await startWorld({ withKeys: true });
  const sm8 = new ServiceM8Http(world.sims.servicem8);
  jobs.sent = await job(sm8, 'Harbour View Cafe Pty Ltd', 'accounts@harbourviewcafe.com.au', 'sent');
  jobs.held = await job(sm8, 'Maroubra Surf Club', 'admin@maroubrasurf.org.au', 'completed');
  jobs.quote = await job(sm8, 'Coogee Electrical', 'hello@coogee-electrical.com.au', 'quote');
  for (const key of Object.keys(jobs) as (keyof typeof jobs)[])
    numbers[key] = String((await sm8.list('job')).find((j) => j.uuid === jobs[key])!.generated_job_id);
});
test.afterAll(async () => world?.stop());

const rowOf = (page: Page, key: keyof typeof jobs) => page.getByTestId('invoice-row').filter({ hasText: `Job ${numbers[key]}` });

async function openInvoices(page: Page): Promise<void> {
  await page.getByTestId('tab-invoices').click();
  await expect(page.getByTestId('invoices-table')).toBeVisible();
}

test('invoices: open in ServiceM8 and Stripe, send now, skip and undo', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(world.url);
  await page.getByTestId('tab-status').click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-notice')).toHaveText(/^Sync finished/, { timeout: 30_000 });
  await openInvoices(page);

  const sent = rowOf(page, 'sent');
  await expect(sent).toContainText('Sent');
  await expect(sent.getByRole('link', { name: /^Open in ServiceM8: Job/ })).toHaveAttribute(
    'href',
    `https://go.servicem8.com/job/${jobs.sent}`,
  );
  const stripe = sent.getByRole('link', { name: /^Open in Stripe: Job/ });
  await expect(stripe).toHaveAttribute('href', /^https:\/\/dashboard\.stripe\.com\/test\/invoices\/in_/);
  await expect(stripe).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(stripe).toHaveAttribute('target', '_blank');
  await expect(sent.getByRole('button')).toHaveCount(0);

  const held = rowOf(page, 'held');
  await expect(held).toContainText('Not sent');
  await expect(held).toContainText('once its invoice is sent in ServiceM8');
  await expect(held.getByTestId('invoice-open-stripe')).toHaveCount(0);
  const quote = rowOf(page, 'quote');
  await expect(quote).toContainText('the job is not completed (it is a quote)');
  await expect(quote.getByRole('button')).toHaveText(['Skip']);
  // Every action button is inside the window at 800×600.
  for (const button of await page.getByTestId('invoices-table').getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(800);
  }
  await page.screenshot({ path: path.join(SCREENS, 'invoices-before-800-light.png'), fullPage: true });

  await quote.getByRole('button', { name: /^Skip:/ }).click();
  await expect(page.getByTestId('invoices-notice')).toContainText(`Job ${numbers.quote} is skipped: it will not be billed in Stripe.`);
  await expect(quote).toContainText('Skipped by you: this job is not billed in Stripe.');
  await expect(quote.getByRole('button')).toHaveText(['Don’t skip']);

  await held.getByRole('button', { name: /^Send now:/ }).click();
  await expect(page.getByTestId('invoices-notice')).toHaveText(`Synced: see Job ${numbers.held} below.`, { timeout: 30_000 });
  await expect(held).toContainText('Sent');
  await expect(held.getByTestId('invoice-open-stripe')).toHaveAttribute('href', /^https:\/\/dashboard\.stripe\.com\/test\/invoices\/in_/);
  // The skipped quote stayed out of Stripe through that sync.
  await expect(quote).toContainText('Skipped by you');
  await expect(quote.getByTestId('invoice-open-stripe')).toHaveCount(0);

  await page.getByTestId('tab-activity').click();
  await expect(page.getByText('Skipped this job: it will not be billed in Stripe.').first()).toBeVisible();

  await shootEverywhere(browser, world.url, 'invoices-actions', async (p) => {
    await openInvoices(p);
    await expect(rowOf(p, 'quote')).toContainText('Skipped by you');
  });

  await openInvoices(page);
  await rowOf(page, 'quote')
    .getByRole('button', { name: /^Don’t skip:/ })
    .click();
  await expect(page.getByTestId('invoices-notice')).toContainText('is no longer skipped');
  await expect(rowOf(page, 'quote')).toContainText('No longer skipped: the next sync looks at this job again.');
  await expect(rowOf(page, 'quote').getByRole('button')).toHaveText(['Skip']);
  await page.getByTestId('tab-status').click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-notice')).toHaveText(/^Sync finished/, { timeout: 30_000 });
  await openInvoices(page);
  await expect(rowOf(page, 'quote')).toContainText('the job is not completed (it is a quote)');
});
