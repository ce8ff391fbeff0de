// The ServiceM8 simulator's authentication, driven over plain HTTP: API key, OAuth
// authorization code + refresh rotation, token expiry and scope checks.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { KEY, api, authorize, getJson, oauthTokens, postJson, testClock, tokenRequest } from './servicem8-test-helpers';

const clock = testClock();
let sim: RunningServiceM8Simulator;
const CLIENT = { client_id: 'sm8-demo-client', client_secret: 'sm8-demo-secret' };
const REDIRECT = 'http://127.0.0.1:8765/callback';

beforeAll(async () => {
  sim = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off', now: clock.now, accessTokenTtlSeconds: 3600, pkce: 'enforced' });
});
afterAll(() => sim.close());

describe('ServiceM8 simulator: API key', () => {
  it('rejects a request without credentials with 401 in the API error shape', async () => {
    const reply = await getJson(api(sim.url, '/company.json'), {});
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ errorCode: 401, message: expect.stringContaining('Authentication required') });
  });

  it('rejects a wrong key with 401 and accepts the right one', async () => {
    expect((await getJson(api(sim.url, '/company.json'), { 'X-API-Key': 'sm8-wrong-key' })).body).toEqual({
      errorCode: 401,
      message: 'Invalid API key',
    });
    const ok = await getJson(api(sim.url, '/taxrate.json'), { 'X-API-Key': KEY });
    expect(ok.status).toBe(200);
    expect(ok.rows.map((r) => r.name).sort()).toEqual(['GST', 'GST Free']);
  });

  it('uses a configured key instead of the default', async () => {
    const other = await startServiceM8Simulator({ apiKey: 'smk-custom-key-123', rateLimits: 'off' });
    try {
      expect((await getJson(api(other.url, '/vendor.json'), { 'X-API-Key': KEY })).status).toBe(401);
      expect((await getJson(api(other.url, '/vendor.json'), { 'X-API-Key': 'smk-custom-key-123' })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('gives an API key every scope, and refuses an unknown impersonation uuid with 403', async () => {
    expect((await postJson(api(sim.url, '/category.json'), { name: 'Gas fitting' })).status).toBe(200);
    const bad = await getJson(api(sim.url, '/job.json'), {
      'X-API-Key': KEY,
      'x-impersonate-uuid': '00000000-0000-4000-8000-000000000000',
    });
    expect(bad.body).toEqual({ errorCode: 403, message: 'Invalid x-impersonate-uuid' });
  });
});

describe('ServiceM8 simulator: OAuth', () => {
  it('redirects with a code and the state, and exchanges the code once', async () => {
    const start = await authorize(sim.url, {
      response_type: 'code',
      client_id: CLIENT.client_id,
      scope: 'read_customers vendor',
      redirect_uri: REDIRECT,
      state: 'xyz',
    });
    expect(start.status).toBe(302);
    expect(`${start.location!.origin}${start.location!.pathname}`).toBe(REDIRECT);
    expect(start.location!.searchParams.get('state')).toBe('xyz');
    const code = start.location!.searchParams.get('code')!;
    const form = { grant_type: 'authorization_code', ...CLIENT, code, redirect_uri: REDIRECT };
    const first = await tokenRequest(sim.url, form);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ token_type: 'bearer', expires_in: 3600, scope: 'read_customers vendor' });
    const replay = await tokenRequest(sim.url, form);
    expect(replay.body.error).toBe('invalid_grant');
    const list = await getJson(api(sim.url, '/company.json'), { Authorization: `Bearer ${String(first.body.access_token)}` });
    expect(list.status).toBe(200);
    expect(list.rows.length).toBe(40);
  });

  it('refuses a wrong client secret, a JSON body, an unknown scope and a foreign redirect host', async () => {
    const { location } = await authorize(sim.url, {
      response_type: 'code',
      client_id: CLIENT.client_id,
      scope: 'read_jobs',
      redirect_uri: REDIRECT,
      state: 'a',
    });
    const code = location!.searchParams.get('code')!;
    const wrong = await tokenRequest(sim.url, {
      grant_type: 'authorization_code',
      client_id: CLIENT.client_id,
      client_secret: 'nope',
      code,
      redirect_uri: REDIRECT,
    });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
    const json = await fetch(`${sim.url}/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token' }),
    });
    expect(json.status).toBe(400);
    const badScope = await authorize(sim.url, {
      response_type: 'code',
      client_id: CLIENT.client_id,
      scope: 'read_jobs read_security_roles',
      redirect_uri: REDIRECT,
      state: 'b',
    });
    expect(badScope.location!.searchParams.get('error')).toBe('invalid_scope');
    expect(badScope.location!.searchParams.get('state')).toBe('b');
    const foreign = await authorize(sim.url, {
      response_type: 'code',
      client_id: CLIENT.client_id,
      scope: 'read_jobs',
      redirect_uri: 'https://evil.example/cb',
      state: 'c',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.location).toBeNull();
  });

  it('verifies the PKCE S256 verifier when a challenge was sent (enforced mode)', async () => {
    const verifier = 'a-long-random-verifier-string-0123456789abcdef';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const params = {
      response_type: 'code',
      client_id: CLIENT.client_id,
      scope: 'read_jobs',
      redirect_uri: REDIRECT,
      state: 'p',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const bad = (await authorize(sim.url, params)).location!.searchParams.get('code')!;
    expect(
      (
        await tokenRequest(sim.url, {
          grant_type: 'authorization_code',
          ...CLIENT,
          code: bad,
          redirect_uri: REDIRECT,
          code_verifier: 'wrong',
        })
      ).body.error,
    ).toBe('invalid_grant');
    const good = (await authorize(sim.url, params)).location!.searchParams.get('code')!;
    expect(
      (
        await tokenRequest(sim.url, {
          grant_type: 'authorization_code',
          ...CLIENT,
          code: good,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
        })
      ).status,
    ).toBe(200);
  });

  it('rotates the refresh token on every refresh; the old one stops working', async () => {
    const tokens = await oauthTokens(sim.url, ['read_jobs']);
    const refreshed = await tokenRequest(sim.url, { grant_type: 'refresh_token', ...CLIENT, refresh_token: tokens.refresh });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(tokens.refresh);
    const reused = await tokenRequest(sim.url, { grant_type: 'refresh_token', ...CLIENT, refresh_token: tokens.refresh });
    expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const again = await tokenRequest(sim.url, {
      grant_type: 'refresh_token',
      ...CLIENT,
      refresh_token: String(refreshed.body.refresh_token),
    });
    expect(again.status).toBe(200);
    expect((await getJson(api(sim.url, '/job.json'), { Authorization: `Bearer ${String(again.body.access_token)}` })).status).toBe(200);
  });

  it('answers 401 once an access token has expired', async () => {
    const tokens = await oauthTokens(sim.url, ['read_jobs']);
    const headers = { Authorization: `Bearer ${tokens.access}` };
    expect((await getJson(api(sim.url, '/job.json'), headers)).status).toBe(200);
    clock.advance(3601_000);
    expect((await getJson(api(sim.url, '/job.json'), headers)).body).toEqual({
      errorCode: 401,
      message: 'Invalid or expired access token',
    });
  });

  it('enforces the per-object scopes, including create_jobs for a new job', async () => {
    const tokens = await oauthTokens(sim.url, ['read_jobs', 'manage_jobs']);
    const headers = { Authorization: `Bearer ${tokens.access}` };
    const customers = await getJson(api(sim.url, '/company.json'), headers);
    expect(customers.body).toEqual({
      errorCode: 403,
      message: 'insufficient_scope: "read_customers" scope required to access this resource',
    });
    const create = await postJson(api(sim.url, '/job.json'), { status: 'Quote' }, headers);
    expect(create.status).toBe(403);
    expect(create.body.message).toContain('create_jobs');
    const payments = await getJson(api(sim.url, '/jobpayment.json'), headers);
    expect(payments.body.message).toContain('read_job_payments');
    const job = (await getJson(api(sim.url, '/job.json'), headers)).rows[0]!;
    expect((await postJson(api(sim.url, `/job/${String(job.uuid)}.json`), { purchase_order_number: 'PO-1' }, headers)).status).toBe(200);
  });
});
