// Sign in with ServiceM8 through the app's API against the simulator's OAuth endpoints:
// the app answers with the authorize page, the "browser" (fetch following redirects)
// approves and comes back to the loopback listener, tokens land only in the secret
// store, the API key they replace is dropped, and the next sync reads ServiceM8 with them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../src/main/core/app/app-backend';
import { openApp } from '../../src/main/core/app/open-app';
import { createConnectionTester } from '../../src/main/core/connectors/connection-tester';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { createSyncRunner } from '../../src/main/core/sync/create-runner';
import { startSides } from '../helpers/invoice-world';
import { STRIPE_KEY } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

function open(env: Record<string, string>, secrets: Record<string, string>) {
  const fullEnv = {
    SERVICEM8_BASE_URL: sides.sm8.url,
    STRIPE_BASE_URL: sides.stripe.url,
    SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE: '100000',
    ...env,
  };
  const store = new MemorySecretStore(secrets);
  const app = openApp({
    dataDir: tempDir(),
    env: fullEnv,
    runner: createSyncRunner,
    connections: createConnectionTester(fullEnv),
    secrets: store,
  });
  return { app, store };
}

// Polls the app for a state, bounded at 400 × 50 ms = 20 s: a wide margin, so a loaded machine does not fail it.
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('never settled');
}

describe('Sign in with ServiceM8', () => {
  it('connects through the browser, keeps the tokens out of every answer, and syncs with them', async () => {
    const { app, store } = open(
      { SERVICEM8_OAUTH_CLIENT_ID: sides.sm8.oauthClient.clientId, SERVICEM8_OAUTH_BASE_URL: sides.sm8.url },
      {
        'servicem8.oauthClientSecret': sides.sm8.oauthClient.clientSecret,
        'servicem8.apiKey': sides.sm8.apiKey,
        'stripe.apiKey': STRIPE_KEY,
      },
    );
    try {
      expect(await call(app.backend, 'getServiceM8SignIn', {})).toEqual({ state: 'idle', message: null });
      const { url } = await call(app.backend, 'beginServiceM8SignIn', {});
      const authorize = new URL(url);
      expect(`${authorize.origin}${authorize.pathname}`).toBe(`${sides.sm8.url}/oauth/authorize`);
      expect(authorize.searchParams.get('scope')).toContain('read_customers');
      expect(authorize.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/servicem8\/callback$/);

      const back = await fetch(url, { redirect: 'follow' });
      expect(await back.text()).toContain('sm8sync is connected to ServiceM8');
      const settled = await until(
        () => call(app.backend, 'getServiceM8SignIn', {}),
        (s) => s.state !== 'waiting',
      );
      expect(settled).toEqual({ state: 'connected', message: expect.stringMatching(/^Connected to ServiceM8 \(.+\)\.$/) as string });

      const tokens = JSON.parse((await store.get('servicem8.oauthTokens'))!) as { accessToken: string; refreshToken: string };
      expect(await store.get('servicem8.apiKey')).toBeNull();
      const [servicem8] = await call(app.backend, 'getConnections', {});
      expect(servicem8).toMatchObject({ service: 'servicem8', connected: true, method: 'oauth' });
      for (const answer of [settled, servicem8, await call(app.backend, 'getStatus', {})]) {
        expect(JSON.stringify(answer)).not.toContain(tokens.accessToken);
        expect(JSON.stringify(answer)).not.toContain(tokens.refreshToken);
      }

      const sm8 = sides.sm8.url;
      await fetch(`${sm8}/api_1.0/company.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': sides.sm8.apiKey },
        body: JSON.stringify({ name: 'Signed In Pty Ltd' }),
      });
      const result = await call(app.backend, 'syncNow', { dryRun: true });
      expect(result.state, result.error ?? '').toBe('completed');
      expect(result.entities.find((e) => e.entity === 'client')?.pulled.servicem8).toBeGreaterThan(0);
    } finally {
      app.close();
    }
  });

  it('is not offered without a ServiceM8 add-on, and says why when asked', async () => {
    const { app } = open({}, { 'stripe.apiKey': STRIPE_KEY });
    try {
      expect((await call(app.backend, 'getServiceM8SignIn', {})).state).toBe('unavailable');
      const refused = await app.backend.invoke('beginServiceM8SignIn', {});
      expect(refused).toMatchObject({ ok: false, error: { message: expect.stringContaining('Use an API key instead') as string } });
    } finally {
      app.close();
    }
  });
});
