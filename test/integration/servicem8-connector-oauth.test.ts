// The OAuth 2.0 flow end to end against the simulator: the app's loopback listener,
// the "browser" (fetch following the authorize redirect), PKCE, tokens only in the
// SecretStore, refresh before expiry with rotation saved before the old token is dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OAuthTokenAuth,
  ServiceM8Client,
  authorizeWithBrowser,
  readStoredTokens,
  type OAuthConfig,
} from '../../src/main/core/connectors/servicem8';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import type { SecretName } from '../../src/main/core/secrets/secret-store';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { testClock, tokenRequest } from './servicem8-test-helpers';

const clock = testClock('2026-11-02T01:00:00Z');
let sim: RunningServiceM8Simulator;

beforeAll(async () => {
  sim = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off', pkce: 'enforced', accessTokenTtlSeconds: 3600, now: clock.now });
});
afterAll(() => sim.close());

/** A SecretStore that remembers the order of writes, to check save-before-drop. */
class RecordingStore extends MemorySecretStore {
  readonly writes: { name: SecretName; value: string }[] = [];
  override set(name: SecretName, value: string): Promise<void> {
    this.writes.push({ name, value });
    return super.set(name, value);
  }
}

function config(scopes: string[]): OAuthConfig {
  return { clientId: 'sm8-demo-client', oauthBaseUrl: sim.url, scopes, now: () => clock.now().getTime() };
}

/** Plays the system browser: loads the authorize URL and follows the redirect to the app's loopback listener. */
async function browser(url: string): Promise<void> {
  const response = await fetch(url, { redirect: 'follow' });
  expect(response.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/servicem8\/callback\?/);
  expect(response.status).toBe(200);
}

describe('ServiceM8 connector: OAuth', () => {
  it('connects through the browser flow, then reads with the bearer token', async () => {
    const secrets = new RecordingStore({ 'servicem8.oauthClientSecret': 'sm8-demo-secret' });
    const opened: string[] = [];
    const tokens = await authorizeWithBrowser({
      config: config(['vendor', 'read_customers', 'read_jobs']),
      secrets,
      openUrl: async (url) => {
        opened.push(url);
        await browser(url);
      },
    });
    const authorizeUrl = new URL(opened[0]!);
    expect(authorizeUrl.pathname).toBe('/oauth/authorize');
    expect(authorizeUrl.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorizeUrl.searchParams.get('scope')).toBe('vendor read_customers read_jobs');
    expect(await readStoredTokens(secrets)).toEqual(tokens);
    const client = new ServiceM8Client({ baseUrl: sim.url, auth: new OAuthTokenAuth(config([]), secrets) });
    const companies = await client.list('company');
    expect(companies.records.length).toBe(40);
  });

  it('refreshes before expiry, saves the rotated pair first, and never reuses a dead refresh token', async () => {
    const secrets = new RecordingStore({ 'servicem8.oauthClientSecret': 'sm8-demo-secret' });
    const first = await authorizeWithBrowser({ config: config(['vendor', 'read_jobs']), secrets, openUrl: browser });
    const client = new ServiceM8Client({ baseUrl: sim.url, auth: new OAuthTokenAuth(config([]), secrets) });
    await client.list('job');
    const writesBefore = secrets.writes.length;
    clock.advance(3600_000 - 120_000); // 2 minutes before expiry: inside the 5-minute refresh margin
    // Concurrent requests share one refresh; a second refresh would present a dead token and fail.
    const results = await Promise.all(Array.from({ length: 5 }, () => client.list('job')));
    expect(results.every((r) => r.records.length === 120)).toBe(true);
    const newWrites = secrets.writes.slice(writesBefore);
    expect(newWrites).toHaveLength(1);
    const second = (await readStoredTokens(secrets))!;
    expect(newWrites[0]).toEqual({ name: 'servicem8.oauthTokens', value: JSON.stringify(second) });
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const reuse = await tokenRequest(sim.url, {
      grant_type: 'refresh_token',
      client_id: 'sm8-demo-client',
      client_secret: 'sm8-demo-secret',
      refresh_token: first.refreshToken,
    });
    expect(reuse.body.error).toBe('invalid_grant');
    clock.advance(3600_000 * 3); // long past expiry: refreshes again and goes on working
    expect((await client.list('job')).records.length).toBe(120);
    expect((await readStoredTokens(secrets))!.refreshToken).not.toBe(second.refreshToken);
  });

  it('refreshes once and repeats the request when the server rejects a token our clock still thinks valid', async () => {
    const secrets = new MemorySecretStore({ 'servicem8.oauthClientSecret': 'sm8-demo-secret' });
    const first = await authorizeWithBrowser({ config: config(['vendor', 'read_jobs']), secrets, openUrl: browser });
    const frozen = clock.now().getTime(); // the app's clock stays put while the server's runs past expiry
    const client = new ServiceM8Client({ baseUrl: sim.url, auth: new OAuthTokenAuth({ ...config([]), now: () => frozen }, secrets) });
    clock.advance(2 * 3600_000);
    expect((await client.list('job')).records.length).toBe(120);
    expect((await readStoredTokens(secrets))!.refreshToken).not.toBe(first.refreshToken);
  });

  it('reports a missing scope as a typed 403 with the API message', async () => {
    const secrets = new MemorySecretStore({ 'servicem8.oauthClientSecret': 'sm8-demo-secret' });
    await authorizeWithBrowser({ config: config(['vendor', 'read_jobs']), secrets, openUrl: browser });
    const client = new ServiceM8Client({ baseUrl: sim.url, auth: new OAuthTokenAuth(config([]), secrets) });
    await expect(client.list('jobpayment')).rejects.toMatchObject({
      kind: 'forbidden',
      details: { status: 403, apiMessage: expect.stringContaining('read_job_payments') },
    });
  });

  it('fails clearly when ServiceM8 refuses the authorization', async () => {
    const secrets = new MemorySecretStore({ 'servicem8.oauthClientSecret': 'sm8-demo-secret' });
    const attempt = authorizeWithBrowser({
      config: config(['read_security_roles']),
      secrets,
      openUrl: (url) => {
        void fetch(url).then((r) => r.text());
      },
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'unauthorized', message: expect.stringContaining('invalid_scope') });
    expect(await secrets.get('servicem8.oauthTokens')).toBeNull();
  });

  it('refuses a callback that carries another state, and keeps waiting for the right one', async () => {
    const secrets = new MemorySecretStore({ 'servicem8.oauthClientSecret': 'sm8-demo-secret' });
    const tokens = await authorizeWithBrowser({
      config: config(['vendor']),
      secrets,
      openUrl: async (url) => {
        const redirect = new URL(new URL(url).searchParams.get('redirect_uri')!);
        redirect.searchParams.set('state', 'forged');
        redirect.searchParams.set('code', 'attacker-code');
        expect((await fetch(redirect)).status).toBe(400);
        await browser(url);
      },
    });
    expect(tokens.scope).toBe('vendor');
  });
});
