// kill -9 in the middle of the first sync of 500 invoiced jobs, then run again:
// exactly one Stripe invoice per job, no duplicate line, no second tax rate.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startCli, startSimulators, type Simulators } from '../helpers/cli-process';
import { ServiceM8Http, sideEnv, stripeClient } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const JOBS = 500;
const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010';
let sims: Simulators;

beforeAll(async () => {
  assertBuilt();
  sims = await startSimulators();
});
afterAll(async () => sims?.stop());

async function seed(sm8: ServiceM8Http): Promise<string[]> {
  const clients: string[] = [];
  for (let n = 0; n < 50; n += 1)
    clients.push((await sm8.addClient({ name: `Crash Client ${n}` }, { email: `crash${n}@example.com.au` })).company);
  const jobs: string[] = [];
  for (let start = 0; start < JOBS; start += 25) {
    const made = await Promise.all(
      Array.from({ length: Math.min(25, JOBS - start) }, async (_, i) => {
        const n = start + i;
        const uuid = await sm8.create('job', {
          company_uuid: clients[n % clients.length],
          status: 'Work Order',
          job_description: `Job ${n}`,
        });
        await sm8.create('jobmaterial', {
          job_uuid: uuid,
          name: 'Labour',
          quantity: '1.5',
          displayed_amount: '98',
          displayed_amount_is_tax_inclusive: '0',
          tax_rate_uuid: GST,
        });
        await sm8.create('jobmaterial', {
          job_uuid: uuid,
          name: 'Parts',
          quantity: '1',
          displayed_amount: String(10 + n),
          displayed_amount_is_tax_inclusive: '1',
          tax_rate_uuid: GST,
        });
        await sm8.update('job', uuid, { status: 'Completed', invoice_sent: 1 });
        return uuid;
      }),
    );
    jobs.push(...made);
  }
  return jobs;
}

describe('invoices crash safety', () => {
  it('kill -9 during a sync of 500 invoices, then a re-run: one invoice per job, no duplicate line, no second tax rate', async () => {
    const sm8 = new ServiceM8Http(sims.servicem8);
    const stripe = stripeClient(sims.stripe);
    const jobs = await seed(sm8);
    const env: NodeJS.ProcessEnv = { ...sideEnv(sims, tempDir()), SM8SYNC_STRIPE_REQUESTS_PER_SECOND: '300' };
    const all = () => stripe.invoices.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });

    const run = startCli(['sync'], env);
    let seen = 0;
    for (let i = 0; i < 900 && seen < 100; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = (await stripe.invoices.list({ limit: 100 })).data.length;
    }
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    const atKill = (await all()).length;
    expect(atKill).toBeGreaterThanOrEqual(100);
    expect(atKill).toBeLessThan(JOBS);
    const db = new Database(path.join(env.SM8SYNC_DATA_DIR!, 'sm8sync.sqlite'), { readonly: true });
    const unfinished = db
      .prepare(`SELECT count(*) FROM outbox WHERE entity = 'invoice' AND state IN ('pending', 'sent')`)
      .pluck()
      .get() as number;
    db.close();
    expect(unfinished).toBeGreaterThan(0);

    const rerun = await runCli(['sync', '--json'], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    const invoices = await all();
    const perJob = new Map<string, number>();
    for (const invoice of invoices)
      perJob.set(invoice.metadata?.servicem8_job_uuid ?? '', (perJob.get(invoice.metadata?.servicem8_job_uuid ?? '') ?? 0) + 1);
    expect(invoices).toHaveLength(JOBS);
    expect(new Set(perJob.keys())).toEqual(new Set(jobs));
    expect([...perJob.values()].every((n) => n === 1)).toBe(true);
    expect(invoices.every((i) => i.status === 'open')).toBe(true);
    // No duplicate line: every invoice has its two lines, and no invoice item is left outside an invoice.
    for (const invoice of invoices) {
      const lines = await stripe.invoices.listLineItems(invoice.id, { limit: 100 });
      expect(lines.data.map((l) => l.description).sort(), invoice.id).toEqual(['Labour', 'Parts']);
    }
    expect((await stripe.invoiceItems.list({ pending: true, limit: 100 })).data).toHaveLength(0);
    const rates = await stripe.taxRates.list({ limit: 100 });
    expect(rates.data.filter((r) => r.percentage === 10 && r.inclusive)).toHaveLength(1);
    expect(rates.data.filter((r) => r.percentage === 10 && !r.inclusive)).toHaveLength(1);

    const idle = await runCli(['sync', '--json'], env);
    expect((JSON.parse(idle.stdout) as { plan: unknown[] }).plan).toEqual([]);
    expect(await all()).toHaveLength(JOBS);
  }, 300_000);
});
