// Shared setup for tests that drive the Stripe simulator with the official SDK.
import Stripe from 'stripe';
import { startStripeSimulator, type RunningStripeSimulator, type StripeSimulatorOptions } from '../../src/main/simulators/stripe/index';

export const API_VERSION = '2026-10-28.endive';
export const TEST_KEY = 'sk_test_sm8syncSimulatorKey0001';

export function sdkFor(sim: RunningStripeSimulator, key = TEST_KEY, maxNetworkRetries = 2): Stripe {
  return new Stripe(key, {
    apiVersion: API_VERSION,
    host: '127.0.0.1',
    port: sim.port,
    protocol: 'http',
    maxNetworkRetries,
    telemetry: false,
  });
}

export async function startSim(options: StripeSimulatorOptions = {}): Promise<{ sim: RunningStripeSimulator; stripe: Stripe }> {
  const sim = await startStripeSimulator({ rateLimits: 'off', ...options });
  return { sim, stripe: sdkFor(sim) };
}
