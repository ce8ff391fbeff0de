// Sign in with ServiceM8, as an office manager does it in serve mode: Connect offers
// it beside the API key; the click opens ServiceM8's authorize page in a new tab (the
// simulator's, which approves at once as the account owner), which sends the browser
// back to sm8sync's loopback listener; the card then says signed in with the ServiceM8 login, saved
// in the keychain, and a sync runs on it. Both sizes, both themes, axe.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { ServiceM8Http, STRIPE_KEY } from '../helpers/sides-over-http';
import { SCREENS, shootEverywhere, startWorld, type World } from './app-world';

let world: World;
test.beforeAll(async () => {
  world = await startWorld({ oauth: true });
  await new ServiceM8Http(world.sims.servicem8).addClient(
    { name: 'Harbour View Cafe Pty Ltd' },
    { email: 'accounts@harbourviewcafe.com.au' },
  );
});
test.afterAll(async () => world?.stop());

test('connect ServiceM8 by signing in, then sync', async ({ page, browser, context }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(world.url);
  await page.getByTestId('tab-connect').click();
  const card = page.getByTestId('connect-servicem8');
  // The OS keychain is the machine's, shared with the other specs: a key another spec saved
  // may already be there. Either way signing in is offered (and replaces the key).
  await expect(card.getByTestId('servicem8-sign-in')).toContainText(
    /No key\? Sign in with your ServiceM8 login instead|Or use your ServiceM8 login instead of the key/,
  );
  await page.screenshot({ path: path.join(SCREENS, 'sign-in-offered-800-light.png'), fullPage: true });

  const opened = context.waitForEvent('page');
  await card.getByTestId('servicem8-sign-in-start').click();
  const tab = await opened;
  await tab.waitForLoadState();
  // The authorize page sent the browser back to sm8sync's own listener on this computer.
  expect(tab.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/servicem8\/callback\?/);
  await expect(tab.locator('body')).toHaveText('sm8sync is connected to ServiceM8. You can close this window.');
  await tab.close();

  await expect(card.getByTestId('connection-state-servicem8')).toHaveText('Connected', { timeout: 15_000 });
  await expect(card.getByTestId('servicem8-sign-in-notice')).toHaveText(/^Connected to ServiceM8 \(.+\)\.$/);
  await expect(card.getByTestId('connection-how-servicem8')).toContainText(
    "Signed in with your ServiceM8 login, saved in this computer's keychain.",
  );
  // No token reaches the window.
  expect(await page.content()).not.toMatch(/access_token|refresh_token|sm8at_|sm8rt_/);

  await page.getByTestId('key-stripe').fill(STRIPE_KEY);
  await page.getByTestId('save-stripe').click();
  await expect(page.getByTestId('connection-state-stripe')).toHaveText('Connected');
  await page.getByTestId('tab-status').click();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('sync-notice')).toHaveText(/^Sync finished: 1 created/, { timeout: 30_000 });

  await shootEverywhere(browser, world.url, 'sign-in-connected', async (p) => {
    await p.getByTestId('tab-connect').click();
    await expect(p.getByTestId('connection-how-servicem8')).toContainText('Signed in with your ServiceM8 login');
    await expect(p.getByTestId('servicem8-sign-in')).toContainText('Sign in again if ServiceM8 asks you to');
    await expect(p.getByTestId('servicem8-sign-in-start')).toHaveText('Sign in again');
  });
});
