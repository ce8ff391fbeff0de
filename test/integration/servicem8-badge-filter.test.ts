// The badge filter end to end: settings name badges ("Commercial"), ServiceM8 tags
// clients with badge uuids, the real sync runner resolves the names through badge.json
// and only tagged clients reach Stripe. A name no badge has fails the sync with a
// message naming the setting and the badges that exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFilePort } from '../../src/main/core/app/settings-port';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { SettingsFile } from '../../src/main/core/settings/settings-file';
import { Store } from '../../src/main/core/store/store';
import { badgeUuidsFor, BadgeFilterError } from '../../src/main/core/sync/adapters/resolve-badge-filter';
import { createSyncRunner } from '../../src/main/core/sync/create-runner';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { startStripeSimulator, type RunningStripeSimulator } from '../../src/main/simulators/stripe';
import { useTempDirs } from '../helpers/temp-dir';
import { api, getJson, postJson } from './servicem8-test-helpers';

const tempDir = useTempDirs();
const STRIPE_KEY = 'sk_test_badgefilter';
let sm8: RunningServiceM8Simulator;
let stripe: RunningStripeSimulator;
const badge = { commercial: '', vip: '' };

async function create(object: string, body: Record<string, unknown>): Promise<string> {
  const reply = await postJson(api(sm8.url, `/${object}.json`), body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.headers.get('x-record-uuid')!;
}

async function client(name: string, email: string, badges: string[]): Promise<void> {
  const company = await create('company', { name, badges: JSON.stringify(badges) });
  await create('companycontact', { company_uuid: company, first: name.split(' ')[0], email, type: 'BILLING', is_primary_contact: '1' });
}

beforeAll(async () => {
  sm8 = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off' });
  stripe = await startStripeSimulator({ seed: 'none' });
  badge.commercial = await create('badge', { name: 'Commercial' });
  badge.vip = await create('badge', { name: 'VIP' });
  await create('badge', { name: 'Retired badge', active: 0 });
  await client('Shopfront Co', 'shop@example.com', [badge.commercial]);
  await client('Harbour VIP Pty Ltd', 'vip@example.com', [badge.vip, badge.commercial]);
  await client('Home Owner', 'home@example.com', []);
});
afterAll(async () => {
  await sm8.close();
  await stripe.close();
});

function runner(clientBadges: string[]) {
  const dir = tempDir();
  const settings = settingsFilePort(new SettingsFile(dir));
  settings.update((current) => ({ ...current, rules: { ...current.rules, filters: { ...current.rules.filters, clientBadges } } }));
  const store = Store.open(dir);
  const run = createSyncRunner({
    store,
    settings,
    secrets: new MemorySecretStore({ 'servicem8.apiKey': sm8.apiKey, 'stripe.apiKey': STRIPE_KEY }),
    env: {
      SERVICEM8_BASE_URL: sm8.url,
      STRIPE_BASE_URL: stripe.url,
      SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE: '100000',
      SM8SYNC_STRIPE_REQUESTS_PER_SECOND: '1000',
    },
  });
  return { run, store };
}

async function stripeEmails(): Promise<string[]> {
  const response = await fetch(`${stripe.url}/v1/customers?limit=100`, { headers: { authorization: `Bearer ${STRIPE_KEY}` } });
  const body = (await response.json()) as { data: { email: string | null }[] };
  return body.data.map((c) => String(c.email)).sort();
}

describe('badge filter on uuids, against the simulators', () => {
  it('company.badges holds uuids on the wire, and a badge name there is refused', async () => {
    const companies = (await getJson(api(sm8.url, '/company.json', { cursor: '-1' }))).rows;
    expect(JSON.parse(String(companies.find((c) => c.name === 'Shopfront Co')!.badges))).toEqual([badge.commercial]);
    expect((await postJson(api(sm8.url, '/company.json'), { name: 'By name', badges: '["Commercial"]' })).status).toBe(400);
  });

  it('a dry run with names (any case) plans customers only for the clients that carry the badge', async () => {
    const { run, store } = runner(['commercial']);
    try {
      const result = await run.runCycle({ dryRun: true, trigger: 'manual' });
      expect(result.error).toBeNull();
      const creates = result.plan.filter((p) => p.operation === 'create_customer').map((p) => p.subject);
      expect(creates.sort()).toEqual(['Harbour VIP Pty Ltd', 'Shopfront Co']);
    } finally {
      store.close();
    }
  });

  it('a real sync sends only the VIP client to Stripe when the filter is "VIP"', async () => {
    const { run, store } = runner(['VIP']);
    try {
      const result = await run.runCycle({ dryRun: false, trigger: 'manual' });
      expect(result.state).toBe('completed');
      expect(await stripeEmails()).toEqual(['vip@example.com']);
    } finally {
      store.close();
    }
  });

  it('a name no active badge has fails the sync with the setting and the known badges in the message', async () => {
    const { run, store } = runner(['Commercial', 'Retired badge']);
    try {
      const result = await run.runCycle({ dryRun: true, trigger: 'manual' });
      expect(result.state).toBe('failed');
      expect(result.error).toBe(
        'Settings: rules.filters.clientBadges names "Retired badge", but no ServiceM8 badge is called that. Badges in ServiceM8: "Commercial", "VIP".',
      );
    } finally {
      store.close();
    }
  });
});

describe('badge names to uuids', () => {
  const known = [
    { uuid: 'u-com', name: 'Commercial', active: true },
    { uuid: 'u-com-2', name: 'commercial ', active: true },
    { uuid: 'u-old', name: 'Old', active: false },
  ];
  it('matches names case-insensitively (every badge of that name), accepts a badge uuid, refuses unknown and inactive names', () => {
    expect(badgeUuidsFor(['COMMERCIAL'], known)).toEqual(['u-com', 'u-com-2']);
    expect(badgeUuidsFor(['u-com'], known)).toEqual(['u-com']);
    expect(() => badgeUuidsFor(['Old'], known)).toThrow(BadgeFilterError);
    expect(() => badgeUuidsFor(['Nope'], [])).toThrow(/Badges in ServiceM8: none\./);
  });
});
