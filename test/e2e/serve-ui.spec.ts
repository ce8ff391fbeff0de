// The whole flow as the office manager does it, in real Chromium: `sm8sync serve` and
// `sm8sync simulate` run as their own processes; the page connects both accounts
// (keys go to the OS keychain), syncs, shows a conflict, the person keeps Stripe's
// value, syncs again, and both simulators are then checked over HTTP to hold the
// same value. Screenshots of every screen land in test-results/screens/.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { assertBuilt, startCli, startSimulators, type Simulators } from '../helpers/cli-process';
import { allCustomers, ServiceM8Http, SM8_KEY, STRIPE_KEY, stripeClient } from '../helpers/sides-over-http';
import { makeTestDataDir, removeTestDataDir } from '../helpers/test-data-root';

const SCREENS = path.resolve('test-results/screens');

let dataDir: string;
let sims: Simulators;
let serve: ReturnType<typeof startCli>;
let url: string;
let origin: string;

test.beforeAll(async () => {
  assertBuilt();
  mkdirSync(SCREENS, { recursive: true });
  dataDir = makeTestDataDir('sm8sync-e2e-');
  sims = await startSimulators();
  serve = startCli(['serve', '--json'], {
    SERVICEM8_BASE_URL: sims.servicem8,
    STRIPE_BASE_URL: sims.stripe,
    SM8SYNC_DATA_DIR: dataDir,
    SERVICEM8_API_KEY: '',
    STRIPE_API_KEY: '',
  });
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no URL in 20 s')), 20_000);
    readline.createInterface({ input: serve.child.stdout! }).once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
  });
  url = (JSON.parse(line) as { url: string }).url;
  origin = new URL(url).origin;
});

test.afterAll(async () => {
  serve?.child.kill('SIGTERM');
  await serve?.done;
  await sims?.stop();
  removeTestDataDir(dataDir);
});

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('tab-status').click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-notice')).toContainText('Sync finished:', { timeout: 30_000 });
}

test('connect, sync, see a conflict, keep Stripe, sync again: both sides equal', async ({ page }) => {
  const problems = watchProblems(page);
  const sm8 = new ServiceM8Http(sims.servicem8);
  const stripe = stripeClient(sims.stripe);
  const cafe = await sm8.addClient(
    { name: 'Harbour View Cafe Pty Ltd' },
    { email: 'accounts@harbourviewcafe.com.au', mobile: '0412 345 678' },
  );
  const customer = await stripe.customers.create({
    name: 'Harbour View Cafe Pty Ltd',
    email: 'Accounts@HarbourViewCafe.com.au',
    phone: '0412 345 999',
  });
  await sm8.addClient({ name: 'Bondi Plumbing Supplies' }, { email: 'office@bondiplumbingsupplies.com.au', phone: '(02) 9555 0303' });

  // Without the token the API refuses, whatever the page does.
  expect((await page.request.post(`${origin}/api/getStatus`, { data: {} })).status()).toBe(401);
  expect((await page.request.get(`${origin}/api/events`)).status()).toBe(401);

  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sm8sync');
  await expect.poll(() => page.url()).toBe(`${origin}/`);
  await expect(page.getByRole('heading', { name: 'Connect' })).toBeVisible();

  // A wrong key is refused with the service's own reason, and nothing is saved.
  await page.getByTestId('key-servicem8').fill('not-the-right-key');
  await page.getByTestId('save-servicem8').click();
  await expect(page.getByTestId('connect-notice-servicem8')).toContainText('401');
  await expect(page.getByTestId('connection-state-servicem8')).toHaveText('Not connected');

  await page.getByTestId('key-servicem8').fill(SM8_KEY);
  await page.getByTestId('save-servicem8').click();
  await expect(page.getByTestId('connection-state-servicem8')).toContainText('Connected');
  await page.getByTestId('key-stripe').fill(STRIPE_KEY);
  await page.getByTestId('save-stripe').click();
  // With both accounts connected the app moves on to Status.
  await expect(page.getByTestId('status-hero')).toBeVisible();
  await page.getByTestId('tab-connect').click();
  await expect(page.getByTestId('connection-state-servicem8')).toContainText('Connected');
  await expect(page.getByTestId('connection-state-stripe')).toContainText('Connected');
  await page.screenshot({ path: path.join(SCREENS, 'connect.png'), fullPage: true });

  await syncNow(page);
  await expect(page.getByTestId('status-hero')).toContainText('1 conflict');
  await page.screenshot({ path: path.join(SCREENS, 'status.png'), fullPage: true });

  await page.getByTestId('tab-conflicts').click();
  const rows = page.locator('[data-testid^="conflict-row-"]');
  await expect(rows).toHaveCount(1);
  const rowId = (await rows.first().getAttribute('data-testid'))!.replace('conflict-row-', '');
  await expect(page.getByTestId(`conflict-servicem8-${rowId}`)).toContainText('0412 345 678');
  await expect(page.getByTestId(`conflict-stripe-${rowId}`)).toContainText('0412 345 999');
  await page.screenshot({ path: path.join(SCREENS, 'conflicts.png'), fullPage: true });
  await page.getByTestId(`keep-stripe-${rowId}`).click();
  await expect(page.getByTestId(`conflict-pending-${rowId}`)).toContainText('applies at next sync');
  await page.screenshot({ path: path.join(SCREENS, 'conflicts-decided.png'), fullPage: true });

  await syncNow(page);
  await expect(page.getByTestId('status-hero')).not.toContainText('conflict');
  await page.getByTestId('tab-conflicts').click();
  await expect(page.getByTestId('conflicts-empty')).toBeVisible();

  // Both sides now hold Stripe's number, checked on the simulators themselves.
  const contact = (await sm8.list('companycontact')).find((c) => c.uuid === cafe.contact)!;
  const after = (await stripe.customers.retrieve(customer.id)) as { phone: string | null; metadata: Record<string, string> };
  expect(contact.mobile).toBe('0412 345 999');
  expect(after.phone).toBe('0412 345 999');
  expect(after.metadata.servicem8_uuid).toBe(cafe.company);
  expect((await allCustomers(stripe)).map((c) => c.name).sort()).toEqual(['Bondi Plumbing Supplies', 'Harbour View Cafe Pty Ltd']);

  await page.getByTestId('tab-activity').click();
  const table = page.getByTestId('activity-table');
  await expect(table).toContainText('Your decision');
  await expect(table.locator('tbody tr')).not.toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('activity-export').click();
  expect((await download).suggestedFilename()).toMatch(/^sm8sync-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.screenshot({ path: path.join(SCREENS, 'activity.png'), fullPage: true });

  expect(problems).toEqual([]);
});

test('the served UI in dark mode', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1180, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('tab-status').click();
  await expect(page.getByTestId('status-hero')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'status-dark.png'), fullPage: true });
  await page.getByTestId('tab-activity').click();
  await expect(page.getByTestId('activity-table')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'activity-dark.png'), fullPage: true });
  await context.close();
});
