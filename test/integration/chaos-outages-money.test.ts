// The outages of chaos-outages.test.ts over the invoices and payments pairs too (the
// engine with all three pairs, as create-runner.ts builds it): the app off for 31 days
// while a customer pays by card, the business records cash and a new job is invoiced
// (Stripe no longer has the events after the cursor: a full rescan; every invoice once,
// every payment once, no invoice paid twice), and this machine's clock 10 minutes ahead
// of or behind the APIs' while invoices and payments arrive on both sides.
import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STRIPE_KEY } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';
import { buildEngine, startSims, type Sims } from './chaos-world';

const tempDir = useTempDirs();
const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010';
const GST_FREE = 'a1b2c3d4-0002-4a10-8b10-000000000000';
const DAY = 86_400_000;
let sims: Sims;
beforeEach(async () => {
  sims = await startSims();
});
afterEach(() => sims.close());

type Line = [name: string, quantity: string, unit: string, inclusive: '0' | '1', taxRate: string];

async function sentJob(company: string, lines: Line[]): Promise<string> {
  const uuid = await sims.sm8.create('job', { company_uuid: company, status: 'Work Order', job_description: 'Outage job' });
  for (const [name, quantity, unit, inclusive, taxRate] of lines)
    await sims.sm8.create('jobmaterial', {
      job_uuid: uuid,
      name,
      quantity,
      displayed_amount: unit,
      displayed_amount_is_tax_inclusive: inclusive,
      tax_rate_uuid: taxRate,
    });
  await sims.sm8.update('job', uuid, { status: 'Completed' });
  await sims.sm8.update('job', uuid, { invoice_sent: 1 });
  return uuid;
}

async function payByCard(invoice: string): Promise<void> {
  const response = await fetch(`${sims.stripe.url}/_sim/invoices/${invoice}/pay_by_card`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${STRIPE_KEY}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(response.status).toBe(200);
}

const dollars = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** Cash for what the Stripe invoice still asks, recorded in ServiceM8. */
async function payCash(job: string, invoice: string): Promise<void> {
  const due = (await sims.stripeApi.invoices.retrieve(invoice)).amount_remaining;
  await sims.sm8.create('jobpayment', { job_uuid: job, amount: dollars(due), method: 'Cash', note: '' });
}

async function invoices(): Promise<Stripe.Invoice[]> {
  return sims.stripeApi.invoices.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
}

async function timesPaid(): Promise<Map<string, number>> {
  const events = await sims.stripeApi.events.list({ type: 'invoice.paid', limit: 100 }).autoPagingToArray({ limit: 10_000 });
  const out = new Map<string, number>();
  for (const e of events) {
    const id = (e.data.object as { id: string }).id;
    out.set(id, (out.get(id) ?? 0) + 1);
  }
  return out;
}

async function paymentsOf(job: string): Promise<Record<string, unknown>[]> {
  return (await sims.sm8.list('jobpayment')).filter((p) => p.job_uuid === job && String(p.active) === '1');
}

describe('outages over invoices and payments', () => {
  it('off for 31 days: a card payment, a cash payment and a new job while away arrive once each after the full rescan', async () => {
    const time = { offset: 0 };
    const clock = () => new Date(Date.now() + time.offset);
    const client = await sims.sm8.addClient({ name: 'Away Plumbing Pty Ltd' }, { email: 'accounts@away-plumbing.example' });
    const card = await sentJob(client.company, [['Hot water unit', '1', '1650.00', '1', GST]]);
    const cash = await sentJob(client.company, [
      ['Drain clearing', '2.5', '132.00', '0', GST],
      ['Water authority permit', '1', '85.00', '1', GST_FREE],
    ]);
    const world = buildEngine(sims, { dataDir: tempDir(), clock, allPairs: true });
    expect((await world.sync()).state).toBe('completed');
    await world.sync(); // reads back the first sync's own events: the cursor now points at a real event
    const cursor = world.store.cursors.get('feed.stripe.events');
    expect(cursor).toMatch(/^evt_/);
    const invoiceOf = (job: string) => world.store.links.byServiceM8Id('invoice', job)!.stripeId;

    // While the app is off: paid by card in Stripe, cash in ServiceM8, a new job invoiced in ServiceM8.
    await payByCard(invoiceOf(card));
    await payCash(cash, invoiceOf(cash));
    const late = await sentJob(client.company, [['Tap washer', '0.5', '24.20', '1', GST]]);
    time.offset = 31 * DAY;
    sims.stripe.advanceClock(31 * 24 * 3600);
    sims.servicem8.setNow(new Date(Date.now() + 31 * DAY));
    await expect(sims.stripeApi.events.retrieve(cursor!)).rejects.toMatchObject({ statusCode: 404 });

    expect((await world.sync()).state).toBe('completed');
    await world.sync();
    expect((await world.sync()).plan).toEqual([]);

    // Every job billed once, every invoice paid once, each payment once on the other side.
    const all = await invoices();
    expect(all.map((i) => i.metadata?.servicem8_job_uuid).sort()).toEqual([card, cash, late].sort());
    const byJob = new Map(all.map((i) => [i.metadata!.servicem8_job_uuid!, i]));
    expect(byJob.get(late)).toMatchObject({ status: 'open', total: 1210 }); // half of $24.20, GST inclusive;
    expect(byJob.get(card)).toMatchObject({ status: 'paid', amount_paid: 165_000 });
    expect(byJob.get(cash)!.status).toBe('paid');
    const paid = await timesPaid();
    // The card payment's own invoice.paid event is older than the 30 days Stripe keeps: one charge says it was paid once.
    expect([paid.get(invoiceOf(card)), paid.get(invoiceOf(cash)), paid.get(invoiceOf(late))]).toEqual([undefined, 1, undefined]);
    expect((await sims.stripeApi.charges.list({ limit: 100 })).data.map((c) => c.amount)).toEqual([165_000]);
    const cardPayments = await paymentsOf(card);
    expect(cardPayments).toHaveLength(1);
    expect(cardPayments[0]).toMatchObject({ amount: '1650.0000', method: 'Stripe' });
    expect(await paymentsOf(cash)).toHaveLength(1);
    expect(world.store.conflicts.list()).toEqual([]);
    world.store.close();
  });

  it.each([
    ['ahead of', 10],
    ['behind', -10],
  ])("this machine's clock 10 minutes %s the APIs': every invoice and payment arrives once", async (_label, minutes) => {
    const skew = minutes * 60_000;
    const world = buildEngine(sims, { dataDir: tempDir(), clock: () => new Date(Date.now() + skew), allPairs: true });
    const client = await sims.sm8.addClient({ name: 'Skewed Electrical Pty Ltd' }, { email: 'accounts@skewed.example' });
    const lines: Line[] = [
      ['Switchboard upgrade', '1', '880.00', '1', GST],
      ['Cable', '12.5', '4.40', '0', GST],
    ];
    const jobs = [];
    for (let i = 0; i < 6; i += 1) jobs.push(await sentJob(client.company, lines));
    expect((await world.sync()).state).toBe('completed');
    const invoiceOf = (job: string) => world.store.links.byServiceM8Id('invoice', job)?.stripeId;
    for (const job of jobs) expect(invoiceOf(job)).toMatch(/^in_/);

    const born: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const byCard = jobs[round]!;
      const byCash = jobs[round + 3]!;
      await payByCard(invoiceOf(byCard)!);
      await payCash(byCash, invoiceOf(byCash)!);
      born.push(await sentJob(client.company, [['Call-out', '1', `${99 + round}.00`, '1', GST]]));
      expect((await world.sync()).state).toBe('completed');
      // Each arrives in the sync right after it: the new job billed, the card payment in ServiceM8, the cash in Stripe.
      expect(invoiceOf(born[round]!)).toMatch(/^in_/);
      expect(await paymentsOf(byCard)).toHaveLength(1);
      expect((await sims.stripeApi.invoices.retrieve(invoiceOf(byCash)!)).status).toBe('paid');
    }
    for (let i = 0; i < 2; i += 1) expect((await world.sync()).plan).toEqual([]);
    const all = await invoices();
    expect(all).toHaveLength(9);
    expect(new Set(all.map((i) => i.metadata?.servicem8_job_uuid)).size).toBe(9);
    const paid = await timesPaid();
    expect(paid.size).toBe(6);
    expect([...paid.values()].every((n) => n === 1)).toBe(true);
    for (const job of jobs) expect(await paymentsOf(job)).toHaveLength(1);
    expect(world.store.conflicts.list()).toEqual([]);
    world.store.close();
  });
});
