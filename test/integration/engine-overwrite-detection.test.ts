// The last window of a conditional update, against the real simulators: a person edits
// the Stripe customer after sm8sync re-read it and before its write lands. The next sync
// finds it in Stripe's events (their change, then ours over it) and asks, holding both
// values; "use the Stripe value" writes the person's value to both sides.
import { afterEach, describe, expect, it } from 'vitest';
import Stripe from 'stripe';
import { apiKeyAuth, createServiceM8Limiter, ServiceM8Client } from '../../src/main/core/connectors/servicem8/index';
import { StripeConnector } from '../../src/main/core/connectors/stripe/stripe-connector';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { Store } from '../../src/main/core/store/store';
import { classifyConnectorError } from '../../src/main/core/sync/adapters/classify-error';
import { servicem8ClientsPort } from '../../src/main/core/sync/adapters/servicem8-clients';
import { stripeCustomersPort } from '../../src/main/core/sync/adapters/stripe-customers';
import { stripeEventFeed } from '../../src/main/core/sync/adapters/stripe-event-feed';
import { createClientPair } from '../../src/main/core/sync/clients/client-pair';
import { SyncEngine } from '../../src/main/core/sync/engine/sync-engine';
import { parseSettings } from '../../src/shared/settings';
import { startServiceM8Simulator } from '../../src/main/simulators/servicem8/index';
import { startStripeSimulator } from '../../src/main/simulators/stripe/index';
import { ServiceM8Http } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function world() {
  const sm8 = await startServiceM8Simulator({ rateLimits: 'off' });
  const stripeSim = await startStripeSimulator({ rateLimits: 'off' });
  closers.push(
    () => sm8.close(),
    () => stripeSim.close(),
  );
  const url = new URL(stripeSim.url);
  const sdk = new Stripe('sk_test_person', { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 });
  const store = Store.open(tempDir());
  closers.push(() => Promise.resolve(store.close()));
  const connector = new StripeConnector({ apiKey: 'sk_test_sm8sync', baseUrl: stripeSim.url });
  const servicem8 = new ServiceM8Client({
    baseUrl: sm8.url,
    auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': 'sm8-demo-key' })),
    limiter: createServiceM8Limiter(),
  });
  const customers = stripeCustomersPort(connector);
  /** Set to make a person's edit land between our re-read and our write. */
  const race: { edit: ((id: string) => Promise<void>) | null } = { edit: null };
  const racing = {
    ...customers,
    updateCustomer: async (...args: Parameters<typeof customers.updateCustomer>) => {
      const edit = race.edit;
      race.edit = null;
      if (edit) await edit(args[0]);
      return customers.updateCustomer(...args);
    },
  };
  const pair = createClientPair({
    store,
    servicem8: servicem8ClientsPort(servicem8),
    stripe: racing,
    errors: { classify: classifyConnectorError },
  });
  const engine = new SyncEngine({
    store,
    pairs: [pair],
    feeds: [stripeEventFeed(connector)],
    settings: () => parseSettings({}),
    rateBudget: () => ({ usedLastMinute: 0, perMinute: 180, usedToday: 0, perDay: 20_000 }),
  });
  return { store, sdk, race, http: new ServiceM8Http(sm8.url), sync: () => engine.runCycle({ dryRun: false, trigger: 'cli' }) };
}

describe('a Stripe edit that lands during our write', () => {
  it('is found in the next pull and asked about with both values, then restored to both sides on request', async () => {
    const { store, sdk, race, http, sync } = await world();
    const client = await http.addClient({ name: 'Bondi Plumbing' }, { email: 'office@bondiplumbing.com.au' });
    expect((await sync()).state).toBe('completed');
    const stripeId = store.links.byServiceM8Id('client', client.company)!.stripeId;

    await http.update('company', client.company, { name: 'Bondi Plumbing & Gas' });
    race.edit = async (id) => {
      await sdk.customers.update(id, { name: 'Bondi Plumbing Pty Ltd' });
    };
    expect((await sync()).state).toBe('completed');
    // Our write replaced the person's name (the race), and both sides show ours…
    expect((await sdk.customers.retrieve(stripeId)) as Stripe.Customer).toMatchObject({ name: 'Bondi Plumbing & Gas' });
    // …but the next pull sees it and asks, holding both values.
    expect((await sync()).state).toBe('completed');
    const [question] = store.conflicts.list(['open']);
    expect(question).toMatchObject({
      kind: 'overwritten',
      field: 'name',
      servicem8Value: 'Bondi Plumbing & Gas',
      stripeValue: 'Bondi Plumbing Pty Ltd',
    });

    store.conflicts.resolve(question!.id, 'restore');
    expect((await sync()).state).toBe('completed');
    expect((await sdk.customers.retrieve(stripeId)) as Stripe.Customer).toMatchObject({ name: 'Bondi Plumbing Pty Ltd' });
    expect((await http.list('company')).find((c) => c.uuid === client.company)).toMatchObject({ name: 'Bondi Plumbing Pty Ltd' });
    expect(store.conflicts.get(question!.id)!.state).toBe('applied');
    // Our own restore comes back in the events: no new question, nothing more to write.
    const quiet = await sync();
    expect(quiet.plan).toEqual([]);
    expect(store.conflicts.list(['open'])).toEqual([]);
  });
});
