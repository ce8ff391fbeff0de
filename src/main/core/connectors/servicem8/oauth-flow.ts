// The OAuth 2.0 authorization-code flow for a desktop app (RFC 8252): a one-shot
// listener on 127.0.0.1, the system browser opened on ServiceM8's authorize page
// (through the caller's openUrl), state checked, code exchanged, tokens saved to the
// SecretStore. PKCE (S256) is sent too: ServiceM8 documents none (assumption A3), and
// a server that ignores the extra parameters loses nothing, while one that honours
// them protects the code on its way through the loopback redirect.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SecretStore } from '../../secrets/secret-store';
import { ServiceM8ApiError } from './errors';
import { DEFAULT_OAUTH_BASE_URL, requestTokens, type OAuthConfig, type StoredTokens } from './oauth-tokens';

export interface AuthorizeOptions {
  config: OAuthConfig;
  secrets: SecretStore;
  /** Opens the system browser (Electron: shell.openExternal; CLI: print the URL). */
  openUrl(url: string): void | Promise<void>;
  signal?: AbortSignal;
  /** How long to wait for the browser to come back (default 5 minutes). */
  timeoutMs?: number;
  /** Loopback port for the redirect (default 0: any free port). */
  port?: number;
}

const CALLBACK_PATH = '/servicem8/callback';
const base64url = (bytes: Buffer) => bytes.toString('base64url');

export async function authorizeWithBrowser(options: AuthorizeOptions): Promise<StoredTokens> {
  const clientSecret = await options.secrets.get('servicem8.oauthClientSecret');
  if (!clientSecret)
    throw new ServiceM8ApiError('unauthorized', `No ServiceM8 OAuth client secret (App Secret) in the ${options.secrets.kind}.`);
  const state = base64url(randomBytes(24));
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const listener = await listenForCallback(state, options.port ?? 0);
  try {
    const redirectUri = `http://127.0.0.1:${listener.port}${CALLBACK_PATH}`;
    const authorize = new URL(`${(options.config.oauthBaseUrl ?? DEFAULT_OAUTH_BASE_URL).replace(/\/$/, '')}/oauth/authorize`);
    for (const [key, value] of Object.entries({
      response_type: 'code',
      client_id: options.config.clientId,
      scope: options.config.scopes.join(' '),
      redirect_uri: redirectUri,
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    }))
      authorize.searchParams.set(key, value);
    await options.openUrl(authorize.toString());
    const code = await withTimeout(listener.code, options.timeoutMs ?? 300_000, options.signal);
    const tokens = await requestTokens(
      options.config,
      {
        grant_type: 'authorization_code',
        client_id: options.config.clientId,
        client_secret: clientSecret,
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      },
      options.signal,
    );
    await options.secrets.set('servicem8.oauthTokens', JSON.stringify(tokens));
    return tokens;
  } finally {
    await listener.close();
  }
}

interface Listener {
  port: number;
  code: Promise<string>;
  close(): Promise<void>;
}

async function listenForCallback(state: string, port: number): Promise<Listener> {
  let settle!: { resolve(code: string): void; reject(error: Error): void };
  const code = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  code.catch(() => undefined); // observed by the caller through withTimeout
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== CALLBACK_PATH) return void response.writeHead(404).end();
    const page = (status: number, message: string) =>
      response
        .writeHead(status, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><title>sm8sync</title><p>${message}</p>`);
    // A callback with the wrong state is someone else's request: refuse it and keep waiting for ours.
    if (url.searchParams.get('state') !== state)
      return page(400, 'This sign-in link is not the one sm8sync started. Close this window and try again from the app.');
    const error = url.searchParams.get('error');
    if (error) {
      page(400, 'ServiceM8 did not grant access. You can close this window.');
      return settle.reject(
        new ServiceM8ApiError(
          'unauthorized',
          `ServiceM8 authorization failed: ${error} ${url.searchParams.get('error_description') ?? ''}`.trim(),
        ),
      );
    }
    const received = url.searchParams.get('code');
    if (!received) return page(400, 'The answer from ServiceM8 had no authorization code.');
    page(200, 'sm8sync is connected to ServiceM8. You can close this window.');
    settle.resolve(received);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    code,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(
      () => reject(new ServiceM8ApiError('timeout', 'Timed out waiting for the ServiceM8 sign-in to finish in the browser')),
      ms,
    );
    const onAbort = () => reject(signal?.reason as Error);
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    });
  });
}
