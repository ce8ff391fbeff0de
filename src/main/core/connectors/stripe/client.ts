// Builds the official SDK client. The base URL decides host, port and protocol, so
// the same code talks to api.stripe.com or to the simulator on 127.0.0.1.
import Stripe from 'stripe';

export const STRIPE_API_VERSION = '2026-10-28.endive';
export const DEFAULT_STRIPE_BASE_URL = 'https://api.stripe.com';

export interface StripeClientOptions {
  apiKey: string;
  /** `STRIPE_BASE_URL`; default https://api.stripe.com. */
  baseUrl?: string;
  timeoutMs?: number;
  /** SDK network retries; default 0 because retry.ts is the one retry layer. */
  maxNetworkRetries?: number;
}

export function createStripeClient(options: StripeClientOptions): Stripe {
  const url = new URL(options.baseUrl ?? DEFAULT_STRIPE_BASE_URL);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  const port = url.port ? Number(url.port) : protocol === 'http' ? 80 : 443;
  return new Stripe(options.apiKey, {
    apiVersion: STRIPE_API_VERSION,
    host: url.hostname,
    port,
    protocol,
    // Our retry.ts is the one retry layer (through our request budget).
    maxNetworkRetries: options.maxNetworkRetries ?? 0,
    timeout: options.timeoutMs ?? 80_000,
    appInfo: { name: 'sm8sync' },
  });
}
