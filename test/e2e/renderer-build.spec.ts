// The built renderer loads in real Chromium under its own strict CSP with no
// console errors or CSP violations, and that CSP is the one the app sends as a header.
import { expect, test } from '@playwright/test';
import path from 'node:path';
import { META_CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';
import { serveFolder } from '../helpers/static-server';

test('the built renderer renders under its CSP without errors', async ({ page }) => {
  const server = await serveFolder(path.resolve('dist/renderer'));
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('sm8sync');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toBe(META_CONTENT_SECURITY_POLICY);
    expect(problems).toEqual([]);
  } finally {
    await server.close();
  }
});
