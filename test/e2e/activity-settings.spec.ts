// Activity and Settings after a first sync: rows name the client and say what changed
// in words, search by name finds them, the CSV has a name column and readable values;
// every setting is there, a bad value gets a message tied to its field, and a preview
// says what the unsaved settings would do without writing anything.
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { ServiceM8Http, stripeClient } from '../helpers/sides-over-http';
import { shootEverywhere, startWorld, watchProblems, type World } from './app-world';

let world: World;
test.beforeAll(async () => {
  world = await startWorld({ withKeys: true });
  const sm8 = new ServiceM8Http(world.sims.servicem8);
  await sm8.addClient({ name: 'Harbour View Cafe Pty Ltd' }, { email: 'accounts@harbourviewcafe.com.au', mobile: '0412 345 678' });
  await sm8.addClient({ name: 'Bondi Plumbing Supplies' }, { email: 'office@bondiplumbingsupplies.com.au', phone: '(02) 9555 0303' });
  await stripeClient(world.sims.stripe).customers.create({ name: 'Clovelly Bakery', email: 'orders@clovellybakery.com.au' });
});
test.afterAll(async () => world?.stop());

test('activity names the client, finds it by name and exports a readable CSV', async ({ page, browser }) => {
  const problems = watchProblems(page);
  await page.goto(world.url);
  await page.getByTestId('tab-status').click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('status-headline')).toHaveText('In sync', { timeout: 30_000 });
  await expect(page.getByTestId('sync-notice')).toHaveText('Sync finished: 3 created, 0 updated.');
  await page.getByTestId('tab-activity').click();
  const table = page.getByTestId('activity-table');
  await expect(table).toContainText('Created the Stripe customer Bondi Plumbing Supplies');
  await expect(table).not.toContainText(/address_street|company_uuid|metadata\.servicem8_uuid|success/);
  await page.getByTestId('activity-search').fill('clovelly');
  // The search answers from the server: wait for the filtered list (every row names Clovelly), not a snapshot.
  await expect(table.locator('tbody tr').filter({ hasNotText: 'Clovelly Bakery' })).toHaveCount(0);
  await expect(table.locator('tbody tr')).not.toHaveCount(0);
  await page.getByTestId('activity-search').fill('nobody by this name');
  await expect(page.getByTestId('activity-empty')).toHaveText('Nothing matches "nobody by this name".');
  await page.getByTestId('activity-search').fill('');

  const download = page.waitForEvent('download');
  await page.getByTestId('activity-export').click();
  const file = await (await download).path();
  const rows = parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { columns: true });
  expect(Object.keys(rows[0]!).slice(0, 4)).toEqual(['Time', 'Name', 'What happened', 'Outcome']);
  const bondi = rows.find((r) => r.Name === 'Bondi Plumbing Supplies' && (r['What happened'] ?? '').startsWith('Created'))!;
  expect(bondi.Outcome).toBe('Done');
  expect(bondi.Time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+1[01]:00$/);
  expect(rows.map((r) => `${r.Before}${r.After}`).join('')).not.toContain('{');
  await shootEverywhere(browser, world.url, 'activity', async (p) => {
    await p.getByTestId('tab-activity').click();
    await expect(p.getByTestId('activity-table')).toBeVisible();
  });
  expect(problems).toEqual([]);
});

test('settings: every group, a message tied to the field, a dry-run preview, save', async ({ page, browser }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(world.url);
  await page.getByTestId('tab-settings').click();
  for (const legend of ['Sync', 'Business', 'Invoices and GST', 'Which clients sync, and how', 'Notifications'])
    await expect(page.getByRole('group', { name: legend, exact: true })).toBeVisible();
  const interval = page.getByTestId('setting-sync.pollIntervalMinutes');
  await interval.fill('0');
  const error = page.getByTestId('error-sync.pollIntervalMinutes');
  await expect(error).toHaveText('Enter a whole number of minutes from 1 to 1,440.');
  expect(await interval.getAttribute('aria-describedby')).toContain((await error.getAttribute('id'))!);
  await expect(page.getByTestId('settings-save')).toBeDisabled();
  await page.getByTestId('setting-businessTimeZone').fill('Sydney');
  await expect(page.getByTestId('error-businessTimeZone')).toHaveText('Enter a time zone such as Australia/Sydney or Australia/Perth.');
  await interval.fill('10');
  await page.getByTestId('setting-businessTimeZone').fill('Australia/Sydney');
  await page.getByTestId('setting-rules.transforms.phoneFormat').selectOption('international');
  await page.getByTestId('settings-preview').click();
  await expect(page.getByTestId('settings-preview-result')).toContainText('With these unsaved settings, the next sync would:', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('settings-preview-result')).toContainText('Nothing was written');
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-notice')).toHaveText('Settings saved. The next sync uses them.');
  // Saved for real: a fresh page reads the same values back.
  await page.reload();
  await page.getByTestId('tab-settings').click();
  await expect(page.getByTestId('setting-sync.pollIntervalMinutes')).toHaveValue('10');
  await expect(page.getByTestId('setting-rules.transforms.phoneFormat')).toHaveValue('international');
  await shootEverywhere(browser, world.url, 'settings', async (p) => {
    await p.getByTestId('tab-settings').click();
    await p.getByTestId('setting-sync.overlapSeconds').fill('99999');
    await expect(p.getByTestId('error-sync.overlapSeconds')).toBeVisible();
  });
});
