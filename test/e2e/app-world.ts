// One stand-alone world per spec: `sm8sync simulate` and `sm8sync serve` as real
// subprocesses on a fresh data folder, the page's URL, and helpers to look at every
// screen the way a person would (screenshots at both sizes and themes, axe checks).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { assertBuilt, startCli, startSimulators, type Simulators } from '../helpers/cli-process';
import { SM8_KEY, STRIPE_KEY } from '../helpers/sides-over-http';
import { makeTestDataDir, removeTestDataDir } from '../helpers/test-data-root';

export const SCREENS = path.resolve('test-results/screens');
export const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '800', width: 800, height: 600 },
] as const;
export const THEMES = ['light', 'dark'] as const;

export interface World {
  sims: Simulators;
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * `withKeys`: both keys come from the environment (skips the Connect screen).
 * `oauth`: serve knows the simulator's ServiceM8 add-on, so Sign in with ServiceM8 is offered.
 */
export async function startWorld(options: { withKeys?: boolean; oauth?: boolean } = {}): Promise<World> {
  assertBuilt();
  mkdirSync(SCREENS, { recursive: true });
  const dataDir = makeTestDataDir('sm8sync-e2e-');
  const sims = await startSimulators();
  const serve = startCli(['serve', '--json'], {
    SERVICEM8_BASE_URL: sims.servicem8,
    STRIPE_BASE_URL: sims.stripe,
    SM8SYNC_DATA_DIR: dataDir,
    SERVICEM8_API_KEY: options.withKeys ? SM8_KEY : '',
    STRIPE_API_KEY: options.withKeys ? STRIPE_KEY : '',
    ...(options.oauth
      ? {
          SERVICEM8_OAUTH_CLIENT_ID: 'sm8-demo-client',
          SERVICEM8_OAUTH_CLIENT_SECRET: 'sm8-demo-secret',
          SERVICEM8_OAUTH_BASE_URL: sims.servicem8,
        }
      : {}),
  });
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve printed no URL in 20 s')), 20_000);
    readline.createInterface({ input: serve.child.stdout! }).once('line', (l) => {
      clearTimeout(timer);
      resolve(l);
    });
  });
  const url = (JSON.parse(line) as { url: string }).url;
  let stopped = false;
  return {
    sims,
    url,
    origin: new URL(url).origin,
    dataDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      serve.child.kill('SIGTERM');
      await serve.done;
      await sims.stop().catch(() => undefined);
      removeTestDataDir(dataDir);
    },
  };
}

export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** No serious or critical axe violations on what is shown now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Nothing may stick out past the right edge (the old conflicts table was 998 px wide). */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * Opens the world's URL in each size and theme, runs `show` to reach a screen, then
 * saves a full-page screenshot `<name>-<size>-<theme>.png` and checks axe and width.
 */
export async function shootEverywhere(browser: Browser, url: string, name: string, show: (page: Page) => Promise<void>): Promise<void> {
  for (const size of SIZES) {
    for (const theme of THEMES) {
      const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, colorScheme: theme });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(url);
      await show(page);
      await page.screenshot({ path: path.join(SCREENS, `${name}-${size.name}-${theme}.png`), fullPage: true });
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
      expect(problems).toEqual([]);
      await context.close();
    }
  }
}
