// The simulator's OAuth 2.0 endpoints. /oauth/authorize approves at once as the
// account owner (the real one shows a login and consent page first) and redirects to
// redirect_uri with ?code&state. /oauth/access_token takes form-encoded bodies only.
// OAuth errors use the RFC 6749 shape {error, error_description} (assumption A4).
import type http from 'node:http';
import { OAuthError, type SimulatorAuth } from './auth';
import { readBody } from '../shared/http-server';
import { VALID_SCOPES } from './scopes';
import { sendJson } from './responses';

/**
 * Assumption A2: the real redirect_uri must be on the add-on's registered host; the
 * simulator's registered hosts default to the loopback names a desktop app listens on.
 */
export const DEFAULT_REDIRECT_HOSTS = ['127.0.0.1', 'localhost'];

export function handleAuthorize(auth: SimulatorAuth, url: URL, response: http.ServerResponse, redirectHosts: string[]): void {
  const params = url.searchParams;
  const client = auth.client(params.get('client_id') ?? undefined);
  if (!client) return sendJson(response, 400, { error: 'invalid_client', error_description: 'Unknown client_id' });
  let redirect: URL;
  try {
    redirect = new URL(params.get('redirect_uri') ?? '');
  } catch {
    return sendJson(response, 400, { error: 'invalid_request', error_description: 'redirect_uri is missing or not a URL' });
  }
  if (!redirectHosts.includes(redirect.hostname)) {
    return sendJson(response, 400, { error: 'invalid_request', error_description: "redirect_uri is not on the add-on's registered host" });
  }
  const state = params.get('state');
  const fail = (error: string, description: string) => {
    redirect.searchParams.set('error', error);
    redirect.searchParams.set('error_description', description);
    if (state !== null) redirect.searchParams.set('state', state);
    response.writeHead(302, { location: redirect.toString() }).end();
  };
  if (params.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  const scopes = (params.get('scope') ?? '').split(/\s+/).filter(Boolean);
  const unknown = scopes.filter((scope) => !VALID_SCOPES.has(scope));
  if (scopes.length === 0 || unknown.length > 0)
    return fail('invalid_scope', `not a valid OAuth scope: ${unknown.join(' ') || '(none requested)'}`);
  const challenge = params.get('code_challenge') ?? undefined;
  if (challenge !== undefined && auth.options.pkce === 'enforced' && params.get('code_challenge_method') !== 'S256') {
    return fail('invalid_request', 'code_challenge_method must be S256');
  }
  const code = auth.issueCode({ clientId: client.clientId, redirectUri: params.get('redirect_uri') ?? '', scopes, challenge });
  const target = new URL(redirect);
  target.searchParams.set('code', code);
  if (state !== null) target.searchParams.set('state', state);
  response.writeHead(302, { location: target.toString() }).end();
}

export async function handleAccessToken(auth: SimulatorAuth, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  if (request.method !== 'POST') return sendJson(response, 405, { error: 'invalid_request', error_description: 'POST only' });
  const type = request.headers['content-type'] ?? '';
  const body = await readBody(request);
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    return sendJson(response, 400, { error: 'invalid_request', error_description: 'Body must be application/x-www-form-urlencoded' });
  }
  const form = new URLSearchParams(body);
  try {
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') return sendJson(response, 200, auth.exchangeCode(form), { 'cache-control': 'no-store' });
    if (grantType === 'refresh_token') return sendJson(response, 200, auth.refreshTokens(form), { 'cache-control': 'no-store' });
    throw new OAuthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendJson(response, error.status, { error: error.error, error_description: error.message });
  }
}
