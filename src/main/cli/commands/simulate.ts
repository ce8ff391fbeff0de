// `sm8sync simulate`: both simulators on 127.0.0.1. When ready it prints exactly one
// JSON line {"servicem8":"http://127.0.0.1:P","stripe":"http://127.0.0.1:Q"} (other
// programs read it), then runs until SIGINT/SIGTERM.
import { startServiceM8Simulator } from '../../simulators/servicem8/index';
import { startStripeSimulator } from '../../simulators/stripe/index';
import { parseChoiceFlag, parseIntegerFlag, UsageError, type Command } from '../command';

function parseRate(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !(value >= 0 && value <= 1))
    throw new UsageError(`--error-rate must be a number from 0 to 1 (got ${JSON.stringify(raw)})`);
  return value;
}

export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'runs the ServiceM8 and Stripe simulators on 127.0.0.1 and prints their URLs as one JSON line',
  usage:
    'sm8sync simulate [--servicem8-port N] [--stripe-port N] [--seed demo|none] [--rate-limits real|off] [--error-rate R] [--latency-ms N] [--servicem8-key K]',
  options: {
    'servicem8-port': { type: 'string' },
    'stripe-port': { type: 'string' },
    seed: { type: 'string' },
    'rate-limits': { type: 'string' },
    'error-rate': { type: 'string' },
    'latency-ms': { type: 'string' },
    'servicem8-key': { type: 'string' },
  },
  async run(context, values) {
    const servicem8Port = parseIntegerFlag('servicem8-port', values['servicem8-port'], { min: 0, max: 65_535 }) ?? 0;
    const stripePort = parseIntegerFlag('stripe-port', values['stripe-port'], { min: 0, max: 65_535 }) ?? 0;
    const seed = parseChoiceFlag('seed', values.seed, ['demo', 'none'] as const) ?? 'demo';
    const rateLimits = parseChoiceFlag('rate-limits', values['rate-limits'], ['real', 'off'] as const) ?? 'real';
    const errorRate = parseRate(values['error-rate']) ?? 0;
    const latencyMs = parseIntegerFlag('latency-ms', values['latency-ms'], { min: 0, max: 60_000 }) ?? 0;
    const apiKey = typeof values['servicem8-key'] === 'string' ? values['servicem8-key'] : undefined;
    const servicem8 = await startServiceM8Simulator({
      port: servicem8Port,
      seed,
      rateLimits,
      errorRate,
      latencyMs,
      ...(apiKey ? { apiKey } : {}),
    });
    let stripe;
    try {
      stripe = await startStripeSimulator({ port: stripePort, seed, rateLimits, errorRate, latencyMs });
    } catch (error) {
      await servicem8.close();
      throw error;
    }
    context.stdout.write(`${JSON.stringify({ servicem8: servicem8.url, stripe: stripe.url })}\n`);
    if (!context.signal.aborted)
      await new Promise<void>((resolve) => context.signal.addEventListener('abort', () => resolve(), { once: true }));
    await Promise.all([servicem8.close(), stripe.close()]);
    return 0;
  },
};
