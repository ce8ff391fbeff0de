// Who is calling: the account's API key (full access) or an OAuth access token with
// the scopes granted at authorize time. Also holds authorization codes and refresh
// tokens. Refresh tokens rotate on every use; the old one stops working (reference §2, T1).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
}

export interface Principal {
  /** The rate-limit bucket: limits count per add-on per account (reference §6). */
  bucket: string;
  /** null = every scope (API key). */
  scopes: ReadonlySet<string> | null;
}

export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

interface CodeGrant {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  challenge?: string;
  expiresAt: number;
}
interface AccessGrant {
  clientId: string;
  scopes: Set<string>;
  expiresAt: number;
}
interface RefreshGrant {
  clientId: string;
  scopes: string[];
}

export interface TokenResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
}

export interface AuthOptions {
  apiKey: string;
  clients: OAuthClient[];
  accessTokenTtlSeconds: number;
  /** Assumption A3: ServiceM8 documents no PKCE; 'ignored' mimics that, 'enforced' verifies S256 when a challenge was sent. */
  pkce: 'ignored' | 'enforced';
  now(): Date;
}

// Assumption A22: codes are single-use for 10 minutes; access tokens outlive a refresh until they expire.
const CODE_TTL_MS = 10 * 60_000;
const token = (prefix: string) => `${prefix}${randomBytes(24).toString('hex')}`;

export class SimulatorAuth {
  private readonly codes = new Map<string, CodeGrant>();
  private readonly access = new Map<string, AccessGrant>();
  private readonly refresh = new Map<string, RefreshGrant>();

  constructor(readonly options: AuthOptions) {}

  /** undefined = not authenticated (the caller answers 401). */
  authenticate(apiKey: string | undefined, authorization: string | undefined): Principal | undefined {
    if (apiKey !== undefined) return safeEqual(apiKey, this.options.apiKey) ? { bucket: 'api-key', scopes: null } : undefined;
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const grant = bearer ? this.access.get(bearer) : undefined;
    if (!grant || grant.expiresAt <= this.options.now().getTime()) return undefined;
    return { bucket: `oauth:${grant.clientId}`, scopes: grant.scopes };
  }

  client(clientId: string | undefined): OAuthClient | undefined {
    return this.options.clients.find((c) => c.clientId === clientId);
  }

  issueCode(grant: Omit<CodeGrant, 'expiresAt'>): string {
    const code = token('code_');
    this.codes.set(code, { ...grant, expiresAt: this.options.now().getTime() + CODE_TTL_MS });
    return code;
  }

  exchangeCode(form: URLSearchParams): TokenResponse {
    const client = this.checkClient(form);
    const code = form.get('code') ?? '';
    const grant = this.codes.get(code);
    this.codes.delete(code); // single use, whatever happens next
    if (!grant || grant.clientId !== client.clientId || grant.expiresAt <= this.options.now().getTime()) {
      throw new OAuthError(400, 'invalid_grant', 'The authorization code is invalid or has expired');
    }
    if (form.get('redirect_uri') !== grant.redirectUri)
      throw new OAuthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
    if (this.options.pkce === 'enforced' && grant.challenge !== undefined) {
      const verifier = form.get('code_verifier') ?? '';
      if (createHash('sha256').update(verifier).digest('base64url') !== grant.challenge)
        throw new OAuthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
    }
    return this.issueTokens(client.clientId, grant.scopes);
  }

  refreshTokens(form: URLSearchParams): TokenResponse {
    const client = this.checkClient(form);
    const presented = form.get('refresh_token') ?? '';
    const grant = this.refresh.get(presented);
    if (!grant || grant.clientId !== client.clientId) throw new OAuthError(400, 'invalid_grant', 'The refresh token is invalid');
    this.refresh.delete(presented); // rotation: the old refresh token is dead from now on
    return this.issueTokens(client.clientId, grant.scopes);
  }

  private checkClient(form: URLSearchParams): OAuthClient {
    const client = this.client(form.get('client_id') ?? undefined);
    if (!client || !safeEqual(form.get('client_secret') ?? '', client.clientSecret))
      throw new OAuthError(401, 'invalid_client', 'Client authentication failed');
    return client;
  }

  private issueTokens(clientId: string, scopes: string[]): TokenResponse {
    const accessToken = token('sm8at_');
    const refreshToken = token('sm8rt_');
    const ttl = this.options.accessTokenTtlSeconds;
    this.access.set(accessToken, { clientId, scopes: new Set(scopes), expiresAt: this.options.now().getTime() + ttl * 1000 });
    this.refresh.set(refreshToken, { clientId, scopes });
    return { access_token: accessToken, token_type: 'bearer', expires_in: ttl, refresh_token: refreshToken, scope: scopes.join(' ') };
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
