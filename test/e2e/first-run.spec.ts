// A new office manager's first run, in real Chromium over `serve` and `simulate`:
// nothing is green before a good sync, a wrong key is refused in plain words, both
// accounts connect (test mode is plainly marked), the first choices are saved, a dry
// run says what the first sync would do, and the first sync leaves a truthful status.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ServiceM8Http, SM8_KEY, STRIPE_KEY, stripeClient } from '../helpers/sides-over-http';
import { expectAccessible, expectNoSidewaysScroll, SCREENS, shootEverywhere, startWorld, watchProblems, type World } from './app-world';

let world: World;
test.beforeAll(async () => {
  world = await startWorld();
  const sm8 = new ServiceM8Http(world.sims.servicem8);
  await sm8.addClient({ name: 'Harbour View Cafe Pty Ltd' }, { email: 'accounts@harbourviewcafe.com.au', mobile: '0412 345 678' });
  await sm8.addClient({ name: 'Bondi Plumbing Supplies' }, { email: 'office@bondiplumbingsupplies.com.au', phone: '(02) 9555 0303' });
  await sm8.addClient({ name: 'Coogee Electrical', abn_number: '12 345 678 901' }, { email: 'hello@coogee-electrical.com.au' });
  await stripeClient(world.sims.stripe).customers.create({
    name: 'Harbour View Cafe Pty Ltd',
    email: 'accounts@harbourviewcafe.com.au',
    phone: '0412 345 999',
  });
});
test.afterAll(async () => world?.stop());

test('first run: get started, connect, choose, preview, first sync', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(world.url);
  await expect(page.getByRole('heading', { name: 'Get started' })).toBeVisible();
  await expect(page.getByTestId('tab-setup')).toHaveAttribute('aria-current', 'page');
  // Never green before a good sync.
  await page.getByTestId('tab-status').click();
  await expect(page.getByTestId('status-headline')).toHaveText('Connect ServiceM8 and Stripe to start syncing');
  await expect(page.getByTestId('status-hero')).toContainText('Last good sync: never');
  await expect(page.getByTestId('status-hero')).not.toContainText('In sync');
  await page.getByTestId('tab-setup').click();
  await shootEverywhere(browser, world.url, 'setup-empty', async (p) => {
    await expect(p.getByRole('heading', { name: 'Get started' })).toBeVisible();
  });

  // A wrong key: what to do, in words, under the field and tied to it; no codes or paths.
  await page.getByTestId('key-servicem8').fill('not-the-right-key');
  await page.getByTestId('save-servicem8').click();
  const refusal = page.getByTestId('connect-notice-servicem8');
  await expect(refusal).toHaveText("ServiceM8 didn't accept this key — check it in ServiceM8 → Settings → API Keys.");
  await expect(page.getByTestId('key-servicem8')).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await page.getByTestId('key-servicem8').getAttribute('aria-describedby');
  expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain("didn't accept this key");
  await expect(page.getByTestId('connection-state-servicem8')).toHaveText('Not connected');
  // A key that cannot be a key is caught before it is sent, in the same words.
  await page.getByTestId('key-stripe').fill('pk_test_123');
  await page.getByTestId('save-stripe').click();
  await expect(page.getByTestId('connect-notice-stripe')).toContainText('That is a publishable key');
  await page.screenshot({ path: path.join(SCREENS, 'connect-refused-800-light.png'), fullPage: true });

  await page.getByTestId('key-servicem8').fill(SM8_KEY);
  await page.getByTestId('save-servicem8').click();
  await expect(page.getByTestId('connection-state-servicem8')).toHaveText('Connected');
  await page.getByTestId('key-stripe').fill(STRIPE_KEY);
  await page.getByTestId('save-stripe').click();
  await expect(page.getByTestId('connection-state-stripe')).toHaveText('Connected');
  await expect(page.getByTestId('stripe-test-mode')).toContainText('Test mode.');
  const body = (await page.locator('body').textContent()) ?? '';
  expect(body).not.toMatch(/127\.0\.0\.1|https?:\/\/|GET \/|fetch failed|expected string/);
  // One wording for where keys live.
  const how = await page.getByTestId('connection-how-stripe').textContent();
  expect(how).toMatch(
    /secret key, (saved in this computer's keychain|kept in memory until sm8sync stops \(no keychain on this computer\))\./,
  );
  await expect(page.getByTestId('step-1')).toContainText('(done)');
  // Disconnect asks first; Keep connected keeps it.
  await page.getByTestId('disconnect-stripe').click();
  await expect(page.getByTestId('confirm-disconnect-stripe')).toContainText('Syncing stops until you connect it again');
  await page.screenshot({ path: path.join(SCREENS, 'connect-confirm-800-light.png'), fullPage: true });
  await page.getByRole('button', { name: 'Keep connected' }).click();
  await expect(page.getByTestId('connection-state-stripe')).toHaveText('Connected');
  await shootEverywhere(browser, world.url, 'connect', async (p) => {
    await p.getByTestId('tab-connect').click();
    await expect(p.getByTestId('stripe-test-mode')).toBeVisible();
  });

  // Connected, never synced: still not green.
  await page.getByTestId('tab-status').click();
  await expect(page.getByTestId('status-headline')).toHaveText('Not synced yet');
  await page.getByTestId('tab-setup').click();

  await page.getByTestId('setting-invoices.trigger').selectOption('completed');
  await page.getByTestId('setting-gst.basis').selectOption('cash');
  // A save that does not reach the app (the connection drops) is no tick.
  await page.route('**/api/updateSettings', (route) => route.abort('connectionreset'));
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-notice')).toContainText('The settings were not saved');
  await expect(page.getByTestId('step-2')).not.toContainText('(done)');
  await expect(page.getByTestId('step-2').locator('.step-number')).toHaveText('2');
  await page.unroute('**/api/updateSettings');
  // The browser logs the dropped request; that one is expected, nothing else.
  expect(problems).toEqual(['Failed to load resource: net::ERR_CONNECTION_RESET']);
  problems.length = 0;
  await page.getByTestId('setup-save').click();
  await expect(page.getByTestId('setup-notice')).toHaveText('Settings saved. The next sync uses them.');
  await expect(page.getByTestId('step-2')).toContainText('(done)');

  await page.getByTestId('setup-preview').click();
  const preview = page.getByTestId('settings-preview-result');
  await expect(preview).toContainText('Create 1 Stripe customer: Bondi Plumbing Supplies', { timeout: 30_000 });
  await expect(preview).toContainText('Nothing was written');
  // The dry run wrote nothing: still not synced.
  expect((await stripeClient(world.sims.stripe).customers.list({ limit: 10 })).data).toHaveLength(1);
  await page.screenshot({ path: path.join(SCREENS, 'setup-preview-800-light.png'), fullPage: true });
  await expectAccessible(page);
  await expectNoSidewaysScroll(page);

  await page.getByTestId('setup-sync').click();
  await expect(page.getByTestId('status-headline')).toHaveText('Needs you: 1 decision, 1 record to fix', { timeout: 30_000 });
  await expect(page.getByTestId('needs-count')).toHaveText('2');
  await expect(page.getByTestId('count-decisions')).toHaveText('1');
  await expect(page.getByTestId('count-quarantined')).toHaveText('1');
  await expect(page.getByTestId('linked-client')).toContainText('2 linked');
  await expect(page.getByTestId('linked-client')).toContainText('ServiceM8 3 · Stripe 2');
  await expect(page.getByTestId('chart-totals')).toContainText('2 writes');
  await expect(page.getByTestId('tab-setup')).toHaveCount(0);
  await shootEverywhere(browser, world.url, 'status-needs-you', async (p) => {
    await expect(p.getByTestId('status-headline')).toHaveText('Needs you: 1 decision, 1 record to fix');
    await expect(p.getByTestId('activity-chart')).toBeVisible();
  });
  expect(problems).toEqual([]);
});
