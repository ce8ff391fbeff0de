// Plain-HTTP helpers for driving the ServiceM8 simulator in tests (no connector code).
export const KEY = 'sm8-demo-key';

export type Row = Record<string, string | number>;

/** A parsed answer: `body` when it is an object, `rows` when it is a list. */
export interface Reply {
  status: number;
  headers: Headers;
  body: Row;
  rows: Row[];
}

function reply(status: number, headers: Headers, text: string): Reply {
  const parsed = (text ? JSON.parse(text) : null) as unknown;
  return {
    status,
    headers,
    body: (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {}) as Row,
    rows: (Array.isArray(parsed) ? parsed : []) as Row[],
  };
}

export function api(base: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(`${base}/api_1.0${path}`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

export async function getJson(url: string, headers: Record<string, string> = { 'X-API-Key': KEY }): Promise<Reply> {
  const response = await fetch(url, { headers });
  return reply(response.status, response.headers, await response.text());
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = { 'X-API-Key': KEY }): Promise<Reply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return reply(response.status, response.headers, await response.text());
}

export async function del(url: string, headers: Record<string, string> = { 'X-API-Key': KEY }): Promise<Reply> {
  const response = await fetch(url, { method: 'DELETE', headers });
  return reply(response.status, response.headers, await response.text());
}

/** A clock tests can move. */
export function testClock(iso = '2026-11-02T01:00:00Z') {
  let now = Date.parse(iso);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

/** Runs an OAuth authorize request and returns the redirect target without following it. */
export async function authorize(
  base: string,
  params: Record<string, string>,
): Promise<{ status: number; location: URL | null; body: string }> {
  const url = new URL(`${base}/oauth/authorize`);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const response = await fetch(url, { redirect: 'manual' });
  const location = response.headers.get('location');
  return { status: response.status, location: location ? new URL(location) : null, body: await response.text() };
}

export async function tokenRequest(base: string, form: Record<string, string>): Promise<Reply> {
  const response = await fetch(`${base}/oauth/access_token`, { method: 'POST', body: new URLSearchParams(form) });
  return reply(response.status, response.headers, await response.text());
}

/** Authorizes the default demo client for some scopes and exchanges the code: a ready token pair. */
export async function oauthTokens(base: string, scopes: string[]): Promise<{ access: string; refresh: string }> {
  const redirect = 'http://127.0.0.1:9/callback';
  const { location } = await authorize(base, {
    response_type: 'code',
    client_id: 'sm8-demo-client',
    scope: scopes.join(' '),
    redirect_uri: redirect,
    state: 's1',
  });
  const code = location?.searchParams.get('code') ?? '';
  const token = await tokenRequest(base, {
    grant_type: 'authorization_code',
    client_id: 'sm8-demo-client',
    client_secret: 'sm8-demo-secret',
    code,
    redirect_uri: redirect,
  });
  return { access: String(token.body.access_token), refresh: String(token.body.refresh_token) };
}
