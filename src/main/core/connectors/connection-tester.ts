// Checks a credential before it is saved: one cheap authenticated call to each
// service. The key is used for that call only and never appears in the result.
import type { ConnectionTest } from '../../../shared/api';
import type { ConnectionTester } from '../app/ports';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { redactText } from '../logging/redact';
import { apiKeyAuth, DEFAULT_BASE_URL as SERVICEM8_DEFAULT_URL, ServiceM8Client } from './servicem8/index';
import { DEFAULT_STRIPE_BASE_URL } from './stripe/client';
import { StripeConnector } from './stripe/stripe-connector';

function failure(service: 'servicem8' | 'stripe', error: unknown): ConnectionTest {
  const message = redactText(error instanceof Error ? error.message : String(error));
  return { service, ok: false, message, account: null };
}

export function createConnectionTester(env: NodeJS.ProcessEnv): ConnectionTester {
  const endpoint = (service: 'servicem8' | 'stripe') =>
    service === 'servicem8' ? (env.SERVICEM8_BASE_URL ?? SERVICEM8_DEFAULT_URL) : (env.STRIPE_BASE_URL ?? DEFAULT_STRIPE_BASE_URL);
  return {
    endpoint,
    async test(service, secret) {
      try {
        if (service === 'servicem8') {
          const client = new ServiceM8Client({
            baseUrl: endpoint('servicem8'),
            auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': secret })),
            retry: { retries: 1, baseMs: 200, maxMs: 1000 },
          });
          const vendor = await client.getVendor({ signal: AbortSignal.timeout(20_000) });
          return { service, ok: true, message: `Connected to ServiceM8 (${vendor.name}).`, account: vendor.name };
        }
        const stripe = new StripeConnector({ apiKey: secret, baseUrl: endpoint('stripe'), retry: { retries: 1 }, timeoutMs: 20_000 });
        await stripe.listEventsSince(null);
        const mode = secret.includes('_live_') ? 'live' : 'test';
        return { service, ok: true, message: `Connected to Stripe (${mode} mode).`, account: `Stripe ${mode} mode` };
      } catch (error) {
        return failure(service, error);
      }
    },
  };
}
