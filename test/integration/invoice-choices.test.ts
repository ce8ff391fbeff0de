// The Invoices screen's choices through the real runner, SQLite and both simulators:
// Skip keeps a job out of Stripe (and says "Skipped by you") until "Don't skip"; Send
// now sends a job the invoice trigger holds back; actions that cannot apply are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseInvoices } from '../../src/main/core/app/invoice-choices';
import { listInvoiceView } from '../../src/main/core/app/invoice-view';
import { runReconciliation } from '../../src/main/core/reports/reconciliation';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { invoiceWorld, startSides } from '../helpers/invoice-world';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

const LINE = { name: 'Labour', quantity: '2', unit: '95.00', inclusive: false };

describe('invoices: skip, don’t skip and send now', () => {
  it('skips a job until the skip is undone, then sends it; refuses what does not apply', async () => {
    const world = invoiceWorld(sides, tempDir());
    const job = await world.job(await world.client('Skip Me Pty Ltd'), [LINE], { complete: false });
    expect((await world.sync()).state).toBe('completed');
    const row = () => listInvoiceView(world.store, {}, true).find((r) => r.jobUuid === job)!;
    expect(row()).toMatchObject({ state: 'not_sent', actions: ['skip'], servicem8Url: `https://go.servicem8.com/job/${job}` });

    expect(chooseInvoices(world.store, [job], 'skip')).toEqual({ resolved: [job], failed: [] });
    expect(row()).toMatchObject({ state: 'not_sent', reason: 'Skipped by you: this job is not billed in Stripe.', actions: ['unskip'] });
    expect(chooseInvoices(world.store, [job], 'skip').failed).toHaveLength(1);

    // Completed and invoiced in ServiceM8: a skipped job still does not reach Stripe.
    await world.http.update('job', job, { status: 'Completed' });
    await world.http.update('job', job, { invoice_sent: 1 });
    expect((await world.sync()).state).toBe('completed');
    expect(await world.invoiceOf(job)).toHaveLength(0);
    expect(row()).toMatchObject({ state: 'not_sent', reason: 'Skipped by you: this job is not billed in Stripe.' });
    // Reconciliation does not report the job as missing in Stripe: that is what was asked for.
    const findingsFor = () =>
      runReconciliation(world.store, { settings: DEFAULT_SETTINGS, trigger: 'manual' }).findings.filter((f) => f.servicem8Id === job);
    expect(findingsFor()).toEqual([]);

    expect(chooseInvoices(world.store, [job], 'unskip').resolved).toEqual([job]);
    expect((await world.sync()).state).toBe('completed');
    const [invoice] = await world.invoiceOf(job);
    expect(invoice?.total).toBe(20900);
    expect(row()).toMatchObject({
      state: 'sent',
      actions: [],
      stripeUrl: `https://dashboard.stripe.com/test/invoices/${invoice!.id}`,
    });
    expect(chooseInvoices(world.store, [job], 'skip').failed[0]?.reason).toBe('the job is already a Stripe invoice');
    expect(chooseInvoices(world.store, ['no-such-job'], 'skip').failed[0]?.reason).toBe('not a job on the Invoices list');
    const audit = world.store.audit.list({ limit: 50 }).filter((e) => e.entity === 'invoice' && e.direction === 'local');
    expect(audit.map((e) => e.operation)).toEqual(['unskip_invoice', 'skip_invoice']);
  });

  it('sends a job the invoice trigger holds back when asked to send it now', async () => {
    const world = invoiceWorld(sides, tempDir());
    const job = await world.job(await world.client('Hurry Up Pty Ltd'), [LINE], { send: false });
    expect((await world.sync()).state).toBe('completed');
    const row = () => listInvoiceView(world.store, {}, false).find((r) => r.jobUuid === job)!;
    expect(row()).toMatchObject({ state: 'not_sent', actions: ['send_now', 'skip'] });
    expect(await world.invoiceOf(job)).toHaveLength(0);

    expect(chooseInvoices(world.store, [job], 'send_now').resolved).toEqual([job]);
    expect(row()).toMatchObject({ state: 'waiting', reason: 'You asked to send it now: it goes to Stripe with the next sync.' });
    expect((await world.sync()).state).toBe('completed');
    const [invoice] = await world.invoiceOf(job);
    expect(invoice?.status).toBe('open');
    expect(row()).toMatchObject({ state: 'sent', stripeUrl: `https://dashboard.stripe.com/invoices/${invoice!.id}` });
  });
});
