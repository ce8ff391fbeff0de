// Which ServiceM8 add-on this copy of sm8sync signs in as. OAuth needs a registered
// add-on: its App Id (SERVICEM8_OAUTH_CLIENT_ID, not a secret) and App Secret
// (SERVICEM8_OAUTH_CLIENT_SECRET or the keychain's servicem8.oauthClientSecret). The
// authorize and token endpoints are on go.servicem8.com (reference §2); the simulator
// serves both on its own URL (SERVICEM8_OAUTH_BASE_URL).
import { DEFAULT_OAUTH_BASE_URL, type OAuthConfig } from './oauth-tokens';

/** What the sync reads and writes, each with the exact scope ServiceM8 asks for (reference §2 table). */
export const SYNC_SCOPES = [
  'vendor',
  'read_customers',
  'manage_customers',
  'read_customer_contacts',
  'manage_customer_contacts',
  'manage_badges',
  'read_jobs',
  'manage_jobs',
  'create_jobs',
  'read_job_materials',
  'manage_job_materials',
  'read_job_payments',
  'manage_job_payments',
  'read_tax_rates',
  'read_staff',
  'read_job_categories',
] as const;

/** Null when this copy has no add-on App Id: Sign in with ServiceM8 is not offered. */
export function oauthConfigFromEnv(env: NodeJS.ProcessEnv): OAuthConfig | null {
  const clientId = env.SERVICEM8_OAUTH_CLIENT_ID?.trim();
  if (!clientId) return null;
  return { clientId, oauthBaseUrl: env.SERVICEM8_OAUTH_BASE_URL?.trim() || DEFAULT_OAUTH_BASE_URL, scopes: [...SYNC_SCOPES] };
}
