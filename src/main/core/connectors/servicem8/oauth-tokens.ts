// OAuth 2.0 tokens for ServiceM8: kept only in the SecretStore (one JSON value, so a
// rotation is a single atomic write), refreshed shortly before expiry. The refresh
// token rotates on every refresh and the old one dies at once (reference §2, T1), so
// the new pair is saved to the store BEFORE the in-memory copy of the old one is dropped.
import type { SecretStore } from '../../secrets/secret-store';
import { withRetry } from '../../util/backoff';
import { createLogger } from '../../logging/logger';
import type { ServiceM8Auth } from './auth';
import { ServiceM8ApiError, apiMessageOf, kindForStatus } from './errors';

const log = createLogger('connectors/servicem8');

export const DEFAULT_OAUTH_BASE_URL = 'https://go.servicem8.com';

export interface OAuthConfig {
  clientId: string;
  /** Host of /oauth/authorize and /oauth/access_token (reference §2: go.servicem8.com). */
  oauthBaseUrl?: string;
  scopes: string[];
  /** Refresh this long before expiry (default 300 s). */
  refreshSkewSeconds?: number;
  now?: () => number;
}

export interface StoredTokens {
  accessToken: string;
  refreshToken: string;
  /** UTC ISO instant. */
  expiresAt: string;
  scope: string;
}

interface TokenResponse {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
  scope?: unknown;
}

/** POSTs a form to the token endpoint (form-encoded, reference §2) and reads the token pair. */
export async function requestTokens(config: OAuthConfig, form: Record<string, string>, signal?: AbortSignal): Promise<StoredTokens> {
  const url = `${(config.oauthBaseUrl ?? DEFAULT_OAUTH_BASE_URL).replace(/\/$/, '')}/oauth/access_token`;
  const now = config.now ?? Date.now;
  return withRetry(
    async () => {
      let response: Response;
      try {
        response = await fetch(url, { method: 'POST', body: new URLSearchParams(form), headers: { accept: 'application/json' }, signal });
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new ServiceM8ApiError('network', `ServiceM8 token endpoint unreachable: ${(error as Error).message}`);
      }
      const text = await response.text();
      if (!response.ok) {
        const kind = response.status === 400 || response.status === 401 ? 'unauthorized' : kindForStatus(response.status);
        throw new ServiceM8ApiError(kind, `ServiceM8 refused the token request (${response.status}): ${apiMessageOf(text)}`, {
          status: response.status,
          apiMessage: apiMessageOf(text),
        });
      }
      const body = JSON.parse(text) as TokenResponse;
      if (typeof body.access_token !== 'string' || typeof body.refresh_token !== 'string')
        throw new ServiceM8ApiError('protocol', 'ServiceM8 token response has no access_token/refresh_token');
      const expiresIn = Number(body.expires_in ?? 3600); // C9: ≈3600 s per T1/T4/T5 when absent
      return {
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresAt: new Date(now() + (Number.isFinite(expiresIn) ? expiresIn : 3600) * 1000).toISOString(),
        scope: typeof body.scope === 'string' ? body.scope : config.scopes.join(' '),
      };
    },
    {
      retries: 3,
      baseMs: 250,
      maxMs: 5000,
      signal,
      classify: (error) => ({ retry: error instanceof ServiceM8ApiError && error.retryable }),
    },
  );
}

export async function readStoredTokens(secrets: SecretStore): Promise<StoredTokens | null> {
  const raw = await secrets.get('servicem8.oauthTokens');
  if (!raw) return null;
  let parsed: Partial<StoredTokens>;
  try {
    parsed = JSON.parse(raw) as Partial<StoredTokens>;
  } catch {
    parsed = {};
  }
  if (typeof parsed.accessToken !== 'string' || typeof parsed.refreshToken !== 'string' || typeof parsed.expiresAt !== 'string') {
    throw new ServiceM8ApiError('unauthorized', `The saved ServiceM8 OAuth tokens in the ${secrets.kind} are unreadable: connect again.`);
  }
  return { accessToken: parsed.accessToken, refreshToken: parsed.refreshToken, expiresAt: parsed.expiresAt, scope: parsed.scope ?? '' };
}

export class OAuthTokenAuth implements ServiceM8Auth {
  readonly kind = 'oauth';
  private tokens: StoredTokens | null = null;
  private refreshing: Promise<StoredTokens> | null = null;

  constructor(
    private readonly config: OAuthConfig,
    private readonly secrets: SecretStore,
  ) {}

  async headers(signal?: AbortSignal): Promise<Record<string, string>> {
    this.tokens ??= await readStoredTokens(this.secrets);
    if (!this.tokens)
      throw new ServiceM8ApiError('unauthorized', 'ServiceM8 is not connected: no OAuth tokens saved. Connect with OAuth first.');
    const skewMs = (this.config.refreshSkewSeconds ?? 300) * 1000;
    if (Date.parse(this.tokens.expiresAt) - skewMs <= (this.config.now ?? Date.now)()) await this.refresh(signal);
    return { Authorization: `Bearer ${this.tokens.accessToken}` };
  }

  async recover(signal?: AbortSignal): Promise<boolean> {
    await this.refresh(signal);
    return true;
  }

  /** One refresh at a time: concurrent callers share it (a second refresh would present a dead token). */
  private refresh(signal?: AbortSignal): Promise<StoredTokens> {
    this.refreshing ??= this.doRefresh(signal).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async doRefresh(signal?: AbortSignal): Promise<StoredTokens> {
    const current = this.tokens ?? (await readStoredTokens(this.secrets));
    if (!current) throw new ServiceM8ApiError('unauthorized', 'ServiceM8 is not connected: no OAuth tokens saved.');
    const clientSecret = await this.secrets.get('servicem8.oauthClientSecret');
    if (!clientSecret) throw new ServiceM8ApiError('unauthorized', `No ServiceM8 OAuth client secret in the ${this.secrets.kind}.`);
    const next = await requestTokens(
      this.config,
      {
        grant_type: 'refresh_token',
        client_id: this.config.clientId,
        client_secret: clientSecret,
        refresh_token: current.refreshToken,
      },
      signal,
    );
    // Persist first: if we crashed after the server rotated but before saving, the only valid refresh token would be lost.
    // (Assumption C7: if the answer itself is lost after rotation, only reconnecting helps.)
    await this.secrets.set('servicem8.oauthTokens', JSON.stringify(next));
    this.tokens = next;
    log.info({ expiresAt: next.expiresAt }, 'ServiceM8 OAuth tokens refreshed');
    return next;
  }
}
