// PLACEHOLDER: replaced by the sync engine.
// Keeps the signature the app service wires against; every test reports ok:false so
// no key is ever saved by a build that cannot check it.
import type { ConnectionTester } from '../app/ports';

const DEFAULT_ENDPOINTS = { servicem8: 'https://api.servicem8.com', stripe: 'https://api.stripe.com' } as const;

export function createConnectionTester(env: NodeJS.ProcessEnv): ConnectionTester {
  return {
    test: (service) => Promise.resolve({ service, ok: false, message: 'Connection tests arrive with the sync engine; this build cannot check keys yet.', account: null }),
    endpoint: (service) => (service === 'servicem8' ? env.SERVICEM8_BASE_URL : env.STRIPE_BASE_URL) ?? DEFAULT_ENDPOINTS[service],
  };
}
