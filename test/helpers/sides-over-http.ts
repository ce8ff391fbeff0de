// How the end-to-end tests see both sides: ServiceM8 over plain HTTP, Stripe through
// the official SDK, both pointed at the simulators.
import Stripe from 'stripe';

export const SM8_KEY = 'sm8-demo-key';
export const STRIPE_KEY = 'sk_test_e2eSm8syncKey123';
export const STRIPE_API_VERSION = '2026-10-28.endive';

export function sideEnv(urls: { servicem8: string; stripe: string }, dataDir: string): NodeJS.ProcessEnv {
  return {
    SERVICEM8_BASE_URL: urls.servicem8,
    STRIPE_BASE_URL: urls.stripe,
    SERVICEM8_API_KEY: SM8_KEY,
    STRIPE_API_KEY: STRIPE_KEY,
    SM8SYNC_DATA_DIR: dataDir,
    SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE: '60000',
    SM8SYNC_STRIPE_REQUESTS_PER_SECOND: '1000',
  };
}

export function stripeClient(url: string): Stripe {
  const { hostname, port } = new URL(url);
  return new Stripe(STRIPE_KEY, {
    apiVersion: STRIPE_API_VERSION,
    host: hostname,
    port: Number(port),
    protocol: 'http',
    maxNetworkRetries: 2,
  });
}

export async function allCustomers(stripe: Stripe): Promise<Stripe.Customer[]> {
  return stripe.customers.list({ limit: 100, expand: ['data.tax_ids'] }).autoPagingToArray({ limit: 10_000 });
}

export class ServiceM8Http {
  constructor(private readonly base: string) {}

  private headers(): Record<string, string> {
    return { 'X-API-Key': SM8_KEY, 'content-type': 'application/json' };
  }

  async create(object: string, body: Record<string, unknown>): Promise<string> {
    const response = await fetch(`${this.base}/api_1.0/${object}.json`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`create ${object}: ${response.status} ${await response.text()}`);
    const uuid = response.headers.get('x-record-uuid') ?? (body.uuid as string | undefined);
    if (!uuid) throw new Error(`create ${object}: no uuid`);
    return uuid;
  }

  async update(object: string, uuid: string, body: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${this.base}/api_1.0/${object}/${uuid}.json`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`update ${object}: ${response.status} ${await response.text()}`);
  }

  async list(object: string): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    let cursor = '-1';
    for (let page = 0; page < 1000; page += 1) {
      const response = await fetch(`${this.base}/api_1.0/${object}.json?cursor=${encodeURIComponent(cursor)}`, { headers: this.headers() });
      if (!response.ok) throw new Error(`list ${object}: ${response.status}`);
      rows.push(...((await response.json()) as Record<string, unknown>[]));
      const next = response.headers.get('x-next-cursor');
      if (!next || next === cursor) break;
      cursor = next;
    }
    return rows;
  }

  /** A client as people enter it: a company and its billing contact. */
  async addClient(company: Record<string, unknown>, contact: Record<string, unknown>): Promise<{ company: string; contact: string }> {
    const companyUuid = await this.create('company', company);
    const contactUuid = await this.create('companycontact', {
      company_uuid: companyUuid,
      type: 'BILLING',
      is_primary_contact: '1',
      ...contact,
    });
    return { company: companyUuid, contact: contactUuid };
  }
}
