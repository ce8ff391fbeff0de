// The invoices pair's ServiceM8 reads go out while the clients pair's writes are being
// sent (SyncPair.readAhead), and the pair plans from them without reading again. The
// first customer create is held at a proxy until the jobs' lines have been read: with
// the read-ahead they are read meanwhile; without it the cycle would wait on the
// create, the hold would run out, and the test fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceM8Client, apiKeyAuth } from '../../src/main/core/connectors/servicem8';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { Store } from '../../src/main/core/store/store';
import type { CycleContext } from '../../src/main/core/sync/engine/sync-pair';
import { INVOICE_CURSORS } from '../../src/main/core/sync/invoices/definition';
import { servicem8Reads } from '../../src/main/core/sync/invoices/servicem8-reads';
import { eventually, holdingProxy, type HoldingProxy } from '../helpers/holding-proxy';
import { invoiceWorld, startSides } from '../helpers/invoice-world';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
let servicem8: HoldingProxy;
let stripe: HoldingProxy;
let held: Promise<boolean> | null = null;

const reads = (object: string) => servicem8.seen.filter((request) => request === `GET /api_1.0/${object}.json`).length;

beforeAll(async () => {
  sides = await startSides();
  servicem8 = await holdingProxy(sides.sm8.url);
  stripe = await holdingProxy(sides.stripe.url, async (method, path) => {
    if (method !== 'POST' || !path.startsWith('/v1/customers')) return;
    held ??= eventually(() => reads('jobmaterial') > 0, 10_000);
    await held;
  });
});
afterAll(async () => {
  await Promise.all([servicem8.close(), stripe.close()]);
  await sides.close();
});

describe('invoices: reads ahead while the clients are written', () => {
  it('reads jobs and lines while the first customer is created, reads them once, and invoices every job once', async () => {
    const world = invoiceWorld({ sm8: { ...sides.sm8, url: servicem8.url }, stripe: { ...sides.stripe, url: stripe.url } }, tempDir());
    for (let n = 1; n <= 6; n += 1)
      await world.job(await world.client(`Read-ahead client ${n} Pty Ltd`), [
        { name: 'Labour', quantity: '1.5', unit: '98.00', inclusive: false },
        { name: 'Parts', quantity: '1', unit: `${20 + n}.00`, inclusive: true },
      ]);
    const jobReadsBefore = reads('job');

    const result = await world.sync();
    expect(result.state, result.error ?? '').toBe('completed');
    expect(await held, 'the job lines were read while the first customer create was held').toBe(true);
    expect(result.entities.find((e) => e.entity === 'client')).toMatchObject({ created: { stripe: 6 }, failed: 0 });
    expect(result.entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 6 }, failed: 0 });
    // Read once, ahead: prepare took the read instead of making its own.
    expect(reads('job') - jobReadsBefore).toBe(1);
    const invoices = await world.stripe.invoices.list({ limit: 100 });
    expect(invoices.data).toHaveLength(6);

    const again = await world.sync();
    expect(again.entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 0 }, updated: { stripe: 0 } });
  });

  it('uses a read started ahead only in its own cycle and from the cursor it started from', async () => {
    const store = Store.open(tempDir());
    const client = new ServiceM8Client({
      baseUrl: servicem8.url,
      auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': sides.sm8.apiKey })),
      limits: { perMinute: 100_000, perDay: 1_000_000 },
    });
    const planned = servicem8Reads({ store, servicem8: client });
    const cycle = (runId: number) => ({ runId, signal: new AbortController().signal }) as CycleContext;
    const before = { taxrate: reads('taxrate'), job: reads('job'), jobmaterial: reads('jobmaterial') };

    planned.readAhead(cycle(7));
    await planned.pull(cycle(7), 'taxrate');
    // The job cursor moves after the read-ahead started: that read no longer fits, so the job is read again.
    store.cursors.set(INVOICE_CURSORS.job, JSON.stringify({ editDate: '2020-01-01 00:00:00', seen: [] }));
    await planned.pull(cycle(7), 'job');
    await planned.pull(cycle(7), 'jobmaterial');
    expect(reads('taxrate') - before.taxrate).toBe(1);
    expect(reads('job') - before.job).toBe(2);
    expect(reads('jobmaterial') - before.jobmaterial).toBe(1);

    // Another cycle never takes a read started for this one.
    planned.readAhead(cycle(7));
    await planned.pull(cycle(8), 'taxrate');
    planned.finish();
    await eventually(() => reads('taxrate') - before.taxrate >= 3, 10_000);
    expect(reads('taxrate') - before.taxrate).toBe(3);
    store.close();
  });
});
