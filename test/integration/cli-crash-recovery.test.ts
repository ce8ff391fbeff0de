// kill -9 in the middle of the first sync of 2,000 clients, then run again: exactly
// one Stripe customer per ServiceM8 client, none lost, none doubled.
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startCli, startSimulators, type Simulators } from '../helpers/cli-process';
import { allCustomers, ServiceM8Http, sideEnv, stripeClient } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const CLIENTS = 2000;
let sims: Simulators;

beforeAll(async () => {
  assertBuilt();
  sims = await startSimulators();
});
afterAll(async () => sims?.stop());

async function seed(sm8: ServiceM8Http): Promise<string[]> {
  const uuids: string[] = [];
  for (let start = 0; start < CLIENTS; start += 25) {
    const batch = Array.from({ length: Math.min(25, CLIENTS - start) }, (_, i) => start + i);
    const made = await Promise.all(
      batch.map((n) =>
        sm8.addClient(
          { name: `Client ${n} Pty Ltd` },
          { email: `client${n}@example.com.au`, mobile: `04${String(10_000_000 + n).slice(-8)}` },
        ),
      ),
    );
    uuids.push(...made.map((m) => m.company));
  }
  return uuids;
}

describe('crash safety', () => {
  it('kill -9 during a sync of 2,000 clients, then a re-run: exactly one customer per client', async () => {
    const sm8 = new ServiceM8Http(sims.servicem8);
    const stripe = stripeClient(sims.stripe);
    const companies = await seed(sm8);
    const env: NodeJS.ProcessEnv = { ...sideEnv(sims, tempDir()), SM8SYNC_STRIPE_REQUESTS_PER_SECOND: '300' };

    const run = startCli(['sync'], env);
    let seen = 0;
    for (let i = 0; i < 600 && seen < 300; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = (await stripe.customers.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 })).length;
    }
    run.child.kill('SIGKILL');
    const killed = await run.done;
    expect(killed.signal).toBe('SIGKILL');
    const atKill = (await allCustomers(stripe)).length;
    expect(atKill).toBeGreaterThanOrEqual(300);
    expect(atKill).toBeLessThan(CLIENTS);
    // The kill landed while writes were being applied: planned rows were still waiting or in flight.
    const db = new Database(path.join(env.SM8SYNC_DATA_DIR!, 'sm8sync.sqlite'), { readonly: true });
    const unfinished = db.prepare(`SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent')`).pluck().get() as number;
    db.close();
    expect(unfinished).toBeGreaterThan(0);

    const rerun = await runCli(['sync', '--json'], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    const customers = await allCustomers(stripe);
    const byUuid = new Map<string, number>();
    for (const c of customers) byUuid.set(c.metadata?.servicem8_uuid ?? '', (byUuid.get(c.metadata?.servicem8_uuid ?? '') ?? 0) + 1);
    expect(customers).toHaveLength(CLIENTS);
    expect([...byUuid.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(byUuid.keys())).toEqual(new Set(companies));

    const idle = await runCli(['sync', '--json'], env);
    expect((JSON.parse(idle.stdout) as { plan: unknown[] }).plan).toEqual([]);
  }, 240_000);
});
