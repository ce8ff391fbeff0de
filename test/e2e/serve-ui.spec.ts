// The UI in real Chromium, served by `startAppServer` over a real store (engine
// placeholders stand in for the sync engine). Screenshots of every screen land in
// test-results/screens/ for a person to look at.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, type OpenedApp } from '../../src/main/core/app/open-app';
import { createConnectionTester } from '../../src/main/core/connectors/connection-tester';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { createSyncRunner } from '../../src/main/core/sync/create-runner';
import { startAppServer, type AppServer } from '../../src/main/server/app-server';

const SCREENS = path.resolve('test-results/screens');

let dataDir: string;
let app: OpenedApp;
let server: AppServer;

test.beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-e2e-'));
  app = openApp({ dataDir, env: {}, runner: createSyncRunner, connections: createConnectionTester({}), secrets: new MemorySecretStore() });
  server = await startAppServer({ backend: app.backend, rendererDir: path.resolve('dist/renderer') });
});

test.afterAll(async () => {
  await server?.close();
  app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

function seed(): void {
  const { store } = app;
  store.mirror.upsert({ side: 'servicem8', object: 'company', id: 'sm8-harbour', record: { name: 'Harbour Plumbing', email: 'ops@harbour.example' }, editedAt: null, active: true });
  store.mirror.upsert({ side: 'servicem8', object: 'company', id: 'sm8-coast', record: { name: 'Coastline Electrical' }, editedAt: null, active: true });
  store.conflicts.raise({ kind: 'field', entity: 'client', dedupeKey: 'harbour:phone', servicem8Id: 'sm8-harbour', stripeId: 'cus_H1', field: 'phone', servicem8Value: '0412 345 678', stripeValue: '0412 345 999', servicem8EditedAt: '2026-11-24T01:02:00.000Z', stripeEditedAt: '2026-11-23T22:40:00.000Z' });
  store.conflicts.raise({ kind: 'field', entity: 'client', dedupeKey: 'coast:email', servicem8Id: 'sm8-coast', stripeId: 'cus_C1', field: 'email', servicem8Value: 'accounts@coastline.example', stripeValue: 'billing@coastline.example', servicem8EditedAt: '2026-11-22T05:00:00.000Z', stripeEditedAt: '2026-11-23T06:15:00.000Z' });
  store.conflicts.raise({ kind: 'duplicate', entity: 'client', dedupeKey: 'dup:smith', servicem8Id: 'sm8-smith', detail: 'Two Stripe customers share the email jo@smith.example', candidates: [{ side: 'stripe', id: 'cus_S1', name: 'Jo Smith', email: 'jo@smith.example' }, { side: 'stripe', id: 'cus_S2', name: 'J Smith', email: 'jo@smith.example' }] });
  store.audit.append({ direction: 'servicem8_to_stripe', entity: 'client', operation: 'create', servicem8Id: 'sm8-harbour', stripeId: 'cus_H1', outcome: 'success', message: 'Created customer Harbour Plumbing' });
  store.audit.append({ direction: 'stripe_to_servicem8', entity: 'payment', operation: 'create', servicem8Id: 'job-1042', stripeId: 'pi_3Q', outcome: 'failed', message: 'ServiceM8 rejected the payment: job is not invoiced' });
  store.audit.append({ direction: 'servicem8_to_stripe', entity: 'invoice', operation: 'create', servicem8Id: 'job-1041', stripeId: 'in_1P', outcome: 'success', message: 'Invoice 1041 $1,320.00 incl. GST' });
  const run = store.runs.start('schedule', false);
  store.runs.finish(run.id, { state: 'completed' });
}

test('the served UI: token, Connect, Status, Conflicts, Activity; no token, no API', async ({ page }) => {
  const problems = watchProblems(page);

  // Without the token the API refuses, whatever the page does.
  const refused = await page.request.post(`${server.origin}/api/getStatus`, { data: {} });
  expect(refused.status()).toBe(401);
  const events = await page.request.get(`${server.origin}/api/events`);
  expect(events.status()).toBe(401);

  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('sm8sync');
  // The token left the address bar (kept for this tab only).
  await expect.poll(() => page.url()).toBe(`${server.origin}/`);
  await expect(page.getByRole('heading', { name: 'Connect' })).toBeVisible();
  await expect(page.getByTestId('stripe-permissions')).toContainText('Invoices');
  await page.getByTestId('key-stripe').fill('rk_test_notarealkey123');
  await page.getByTestId('save-stripe').click();
  // The placeholder tester refuses every key, so nothing is saved.
  await expect(page.getByTestId('connect-notice-stripe')).toContainText('Connection tests arrive with the sync engine');
  await expect(page.getByTestId('connection-state-stripe')).toHaveText('Not connected');
  await page.screenshot({ path: path.join(SCREENS, 'connect.png'), fullPage: true });

  // Connected (keys straight into the memory secret store) with some history to show.
  await app.secrets.set('servicem8.apiKey', 'smk-e2e-key-123456');
  await app.secrets.set('stripe.apiKey', 'rk_test_e2ekey123456');
  seed();
  await page.reload();
  await page.getByTestId('tab-status').click();
  await expect(page.getByRole('heading', { name: 'Needs approval' })).toBeVisible();
  await expect(page.getByTestId('status-hero')).toContainText('3 conflicts need your decision.');
  await expect(page.getByText('Recent activity')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'status.png'), fullPage: true });

  // Sync now against the placeholder engine fails clearly, and the page says so.
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-notice')).toContainText('the sync engine is not part of this build yet');

  await page.getByTestId('tab-conflicts').click();
  const rows = page.locator('[data-testid^="conflict-row-"]');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('conflict-servicem8-1').locator('mark')).toHaveText('678');
  await page.getByTestId('conflict-select-1').check();
  await page.getByTestId('conflict-select-2').check();
  await page.screenshot({ path: path.join(SCREENS, 'conflicts.png'), fullPage: true });
  await page.getByTestId('bulk-keep-servicem8').click();
  await expect(page.getByTestId('conflict-pending-1')).toHaveText('Kept ServiceM8 · applies at next sync');
  await expect(page.getByTestId('conflict-pending-2')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'conflicts-decided.png'), fullPage: true });

  await page.getByTestId('tab-activity').click();
  const table = page.getByTestId('activity-table');
  await expect(table).toContainText('Harbour Plumbing');
  await expect(table).toContainText('Your decision');
  await page.getByTestId('activity-outcome').selectOption('failed');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByTestId('activity-outcome').selectOption('');
  const download = page.waitForEvent('download');
  await page.getByTestId('activity-export').click();
  expect((await download).suggestedFilename()).toMatch(/^sm8sync-activity-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.screenshot({ path: path.join(SCREENS, 'activity.png'), fullPage: true });

  // The one expected console error is none: CSP holds, no failed requests.
  expect(problems).toEqual([]);
});

test('the served UI in dark mode', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark', viewport: { width: 1180, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('tab-status').click();
  await expect(page.getByTestId('status-hero')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'status-dark.png'), fullPage: true });
  await page.getByTestId('tab-conflicts').click();
  await expect(page.getByTestId('conflicts-table')).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, 'conflicts-dark.png'), fullPage: true });
  await context.close();
});
