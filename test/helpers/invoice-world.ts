// Both simulators in process, the real sync runner over them, and helpers to enter
// jobs the way an office manager does in ServiceM8 (a client, a job, its materials,
// then completed and invoiced), checked over HTTP and with the Stripe SDK.
import { settingsFilePort } from '../../src/main/core/app/settings-port';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { SettingsFile } from '../../src/main/core/settings/settings-file';
import { Store } from '../../src/main/core/store/store';
import { createSyncRunner } from '../../src/main/core/sync/create-runner';
import { ACCOUNT_IDS } from '../../src/main/simulators/servicem8/seed/account-seed';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { startStripeSimulator, type RunningStripeSimulator } from '../../src/main/simulators/stripe';
import type { Settings } from '../../src/shared/settings';
import { ServiceM8Http, STRIPE_KEY, stripeClient } from './sides-over-http';

export const GST = ACCOUNT_IDS.gst;
export const GST_FREE = ACCOUNT_IDS.gstFree;

export interface Line {
  name: string;
  quantity: string;
  /** Dollars as entered, e.g. "110.00" or "45.4545". */
  unit: string;
  inclusive: boolean;
  taxRate?: string | null;
}

export async function startSides(): Promise<{ sm8: RunningServiceM8Simulator; stripe: RunningStripeSimulator; close(): Promise<void> }> {
  const sm8 = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off' });
  const stripe = await startStripeSimulator({ seed: 'none', rateLimits: 'off' });
  return { sm8, stripe, close: async () => void (await Promise.all([sm8.close(), stripe.close()])) };
}

export function invoiceWorld(sides: { sm8: RunningServiceM8Simulator; stripe: RunningStripeSimulator }, dir: string) {
  const settings = settingsFilePort(new SettingsFile(dir));
  const store = Store.open(dir);
  const runner = createSyncRunner({
    store,
    settings,
    secrets: new MemorySecretStore({ 'servicem8.apiKey': sides.sm8.apiKey, 'stripe.apiKey': STRIPE_KEY }),
    env: {
      SERVICEM8_BASE_URL: sides.sm8.url,
      STRIPE_BASE_URL: sides.stripe.url,
      SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE: '100000',
      SM8SYNC_STRIPE_REQUESTS_PER_SECOND: '1000',
    },
  });
  const http = new ServiceM8Http(sides.sm8.url);
  let clients = 0;
  return {
    store,
    http,
    stripe: stripeClient(sides.stripe.url),
    sync: () => runner.runCycle({ dryRun: false, trigger: 'cli' }),
    /**
     * A draft made by hand in Stripe for a job (as a person does in the Dashboard): one
     * GST-inclusive item, the job's uuid in its metadata. `rate` is reused when given.
     */
    async draftByHand(job: string, customer: string, item: { cents: number; description: string; rate?: string; daysUntilDue?: number }) {
      const stripe = this.stripe;
      const rate = item.rate ?? (await stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true, country: 'AU' })).id;
      const draft = await stripe.invoices.create({
        customer,
        collection_method: 'send_invoice',
        days_until_due: item.daysUntilDue ?? 14,
        metadata: { servicem8_job_uuid: job },
      });
      await stripe.invoiceItems.create({
        customer,
        invoice: draft.id,
        amount: item.cents,
        currency: 'aud',
        description: item.description,
        tax_rates: [rate],
      });
      return { draft: draft.id, rate };
    },
    configure(change: (s: Settings) => Settings) {
      settings.update(change);
    },
    async client(name: string): Promise<string> {
      clients += 1;
      return (await http.addClient({ name }, { email: `client${clients}-${Date.now()}@example.com.au` })).company;
    },
    /** A job with its lines; `finish` completes it and (by default) sends its invoice. */
    async job(company: string, lines: Line[], finish: { complete?: boolean; send?: boolean; po?: string } = {}): Promise<string> {
      const job = await http.create('job', {
        company_uuid: company,
        status: 'Work Order',
        job_description: 'Replace hot water system',
        job_address: '12 Marine Pde, Watsons Bay NSW 2030',
        purchase_order_number: finish.po ?? '',
      });
      for (const [index, line] of lines.entries()) await this.line(job, line, index + 1);
      if (finish.complete !== false) await http.update('job', job, { status: 'Completed' });
      if (finish.complete !== false && finish.send !== false) await http.update('job', job, { invoice_sent: 1 });
      return job;
    },
    line(job: string, line: Line, sortOrder = 1): Promise<string> {
      return http.create('jobmaterial', {
        job_uuid: job,
        name: line.name,
        quantity: line.quantity,
        displayed_amount: line.unit,
        displayed_amount_is_tax_inclusive: line.inclusive ? '1' : '0',
        tax_rate_uuid: line.taxRate === undefined ? GST : (line.taxRate ?? ''),
        sort_order: String(sortOrder),
      });
    },
    async invoiceOf(jobUuid: string) {
      const all = await this.stripe.invoices.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
      return all.filter((i) => i.metadata?.servicem8_job_uuid === jobUuid);
    },
    async jobRecord(uuid: string): Promise<Record<string, unknown>> {
      return (await http.list('job')).find((j) => j.uuid === uuid)!;
    },
  };
}
