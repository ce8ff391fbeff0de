// Needs you, as the office manager meets it after a sync: a conflict with both values
// and what each decision does, a decision that can be changed until applied, bulk
// decisions for the same answer, a quarantined record named and explained with a link
// to fix it, at 1280×800 and 800×600 (no button off-screen), light and dark.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ServiceM8Http, stripeClient } from '../helpers/sides-over-http';
import { SCREENS, shootEverywhere, startWorld, type World } from './app-world';

let world: World;
test.beforeAll(async () => {
  world = await startWorld({ withKeys: true });
  const sm8 = new ServiceM8Http(world.sims.servicem8);
  const stripe = stripeClient(world.sims.stripe);
  for (const [name, email, sm8Phone, stripePhone] of [
    ['Harbour View Cafe Pty Ltd', 'accounts@harbourviewcafe.com.au', '0412 345 678', '0412 345 999'],
    ['Maroubra Surf Club', 'admin@maroubrasurf.org.au', '0413 111 222', '0413 111 333'],
  ] as const) {
    await sm8.addClient({ name }, { email, mobile: sm8Phone });
    await stripe.customers.create({ name, email, phone: stripePhone });
  }
  await sm8.addClient({ name: 'Coogee Electrical', abn_number: '12 345 678 901' }, { email: 'hello@coogee-electrical.com.au' });
});
test.afterAll(async () => world?.stop());

test('needs you: decide, change the decision, bulk-decide, see what to fix', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(world.url);
  await page.getByTestId('tab-status').click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('status-headline')).toHaveText('Needs you: 2 decisions, 1 record to fix', { timeout: 30_000 });
  await expect(page.getByTestId('sync-notice')).toHaveText(/^Sync finished: \d+ created, \d+ updated\.$/);
  await page.getByTestId('open-needs').click();
  await expect(page.getByRole('heading', { name: 'Needs you', level: 2 })).toBeVisible();

  const cards = page.locator('[data-testid^="conflict-row-"]');
  await expect(cards).toHaveCount(2);
  const harbour = cards.filter({ hasText: 'Harbour View Cafe Pty Ltd' });
  const id = (await harbour.getAttribute('data-testid'))!.replace('conflict-row-', '');
  await expect(page.getByTestId(`conflict-servicem8-${id}`)).toContainText('0412 345 678');
  await expect(page.getByTestId(`conflict-stripe-${id}`)).toContainText('0412 345 999');
  await expect(harbour).toContainText('Different values · Phone');
  // Each decision says what it will do.
  await expect(harbour.locator('.effects')).toContainText('Keep Stripe:');
  // At 800×600 every decision button is inside the window.
  for (const button of await harbour.getByRole('button').all()) {
    const box = (await button.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(800);
  }
  await page.screenshot({ path: path.join(SCREENS, 'needs-open-800-light.png'), fullPage: true });

  await page.getByTestId(`keep-stripe-${id}`).click();
  await expect(page.getByTestId(`conflict-pending-${id}`)).toContainText('Decided: Keep Stripe · applies at next sync');
  // Changed before it is applied.
  await page.getByTestId(`keep-servicem8-${id}`).click();
  await expect(page.getByTestId(`conflict-pending-${id}`)).toContainText('Decided: Keep ServiceM8');
  await expect(page.getByTestId(`keep-servicem8-${id}`)).toHaveAttribute('aria-pressed', 'true');

  // Bulk: the one still open, through the common decision.
  await page.getByTestId('conflict-select-all').check();
  await expect(page.getByTestId('bulk-keep-stripe')).toHaveText('Keep Stripe for 1 selected');
  await page.getByTestId('bulk-keep-stripe').click();
  await expect(page.getByTestId('conflicts-notice')).toHaveText('Kept Stripe for 1 conflict; applies at the next sync.');

  // The quarantined record: its name, what is wrong, what to do, where.
  const fix = page.getByTestId('quarantine-section');
  await expect(fix).toContainText('Coogee Electrical');
  await expect(fix).toContainText('The ABN "12 345 678 901" is not a valid ABN');
  await expect(fix).toContainText('Correct it on the ServiceM8 client in ServiceM8');
  await expect(fix.getByRole('link', { name: /Open ServiceM8/ })).toHaveAttribute('href', 'https://go.servicem8.com/');
  await expect(page.getByTestId('failures-empty')).toHaveText('No refused writes.');
  await page.screenshot({ path: path.join(SCREENS, 'needs-decided-800-light.png'), fullPage: true });
  await shootEverywhere(browser, world.url, 'needs-you', async (p) => {
    await p.getByTestId('tab-needs').click();
    await expect(p.locator('[data-testid^="conflict-row-"]')).toHaveCount(2);
  });

  // The next sync applies both decisions (the headline already says 1 record to fix: decided questions no longer wait for you).
  await page.getByTestId('tab-status').click();
  await expect(page.getByTestId('status-headline')).toHaveText('Needs you: 1 record to fix');
  await page.getByTestId('sync-now').click();
  const sm8 = new ServiceM8Http(world.sims.servicem8);
  await expect
    .poll(async () => (await sm8.list('companycontact')).map((c) => c.mobile).sort(), { timeout: 30_000 })
    .toEqual(['', '0412 345 678', '0413 111 333']);
  await expect(page.getByTestId('sync-notice')).toHaveText(/^Sync finished: 0 created, 2 updated\.$/, { timeout: 30_000 });
  await page.getByTestId('tab-activity').click();
  await expect(page.getByTestId('activity-table')).toContainText('Updated the ServiceM8 client: Mobile 0413 111 222 → 0413 111 333');
});
