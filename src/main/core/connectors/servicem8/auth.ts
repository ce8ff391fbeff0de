// How requests are authenticated. A private API key (the natural path for one
// business) or OAuth 2.0 tokens (oauth-tokens.ts). Credentials come only from the
// SecretStore and are never put into messages.
import type { SecretStore } from '../../secrets/secret-store';
import { ServiceM8ApiError } from './errors';

export interface ServiceM8Auth {
  readonly kind: 'apiKey' | 'oauth';
  /** Headers that authenticate one request (refreshing OAuth tokens first when near expiry). */
  headers(signal?: AbortSignal): Promise<Record<string, string>>;
  /** After a 401: true when fresh credentials were obtained and the request may be repeated once. */
  recover(signal?: AbortSignal): Promise<boolean>;
}

/** Authenticates with the account's API key (`X-API-Key`, reference §2). */
export function apiKeyAuth(secrets: SecretStore): ServiceM8Auth {
  let cached: string | undefined;
  return {
    kind: 'apiKey',
    async headers() {
      cached ??= (await secrets.get('servicem8.apiKey')) ?? undefined;
      if (!cached)
        throw new ServiceM8ApiError(
          'unauthorized',
          `No ServiceM8 API key found in the ${secrets.kind}. Add one under ServiceM8 Settings → API Keys and connect again.`,
        );
      return { 'X-API-Key': cached };
    },
    async recover() {
      // The key may have been replaced in the store since it was cached; try once with a fresh read.
      const fresh = (await secrets.get('servicem8.apiKey')) ?? undefined;
      const changed = fresh !== undefined && fresh !== cached;
      cached = fresh;
      return changed;
    },
  };
}
