// 1,000 payments (600 paid by card in Stripe, 400 in cash in ServiceM8) synced with 20% of
// requests failing on both sides and dropped answers after writes, the sync killed with
// SIGKILL midway, then run again until done: exactly one ServiceM8 payment per card
// payment, every cash-paid invoice paid once, no invoice paid twice, and each side's
// payments add up to what was paid, to the cent. Checked over HTTP.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/store/store';
import { fileInvoice, type InvoicePairing } from '../helpers/payments-engine';
import { PaymentSims, textCents } from '../helpers/payments-sims';
import { useTempDirs } from '../helpers/temp-dir';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), '../helpers/payments-sync-child.ts');
const CARD = 600;
const CASH = 400;
const tempDir = useTempDirs();
let sims: PaymentSims;

beforeAll(async () => {
  sims = await PaymentSims.start();
});
afterAll(async () => sims?.close());

function runChild(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, sims.sm8Sim.url, sims.stripeSim.url], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

async function inBatches<T>(count: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += 25)
    out.push(...(await Promise.all(Array.from({ length: Math.min(25, count - start) }, (_, i) => make(start + i)))));
  return out;
}

const amountFor = (i: number) => 5000 + ((i * 7919) % 90_000) + (i % 100); // every cent value, $50–$950

describe('payments under faults and kill -9', () => {
  it('1,000 payments: one payment per payment on each side, no invoice paid twice, revenue to the cent', async () => {
    const card = await inBatches(CARD, (i) => sims.addInvoice(amountFor(i)));
    const cash = await inBatches(CASH, (i) => sims.addInvoice(amountFor(CARD + i)));
    await inBatches(CARD, (i) => sims.stripeSimPost(`/_sim/invoices/${card[i]!.invoiceId}/pay_by_card`));
    await inBatches(CASH, (i) => sims.addSm8Payment(cash[i]!.jobUuid, cash[i]!.totalCents, i % 2 ? 'Cash' : 'EFT'));
    const dataDir = tempDir();
    const store = Store.open(dataDir);
    for (const p of [...card, ...cash]) {
      store.links.create({ entity: 'invoice', servicem8Id: p.jobUuid, stripeId: p.invoiceId });
      fileInvoice(store, p);
    }
    store.close();
    for (const sim of [sims.sm8Sim, sims.stripeSim]) sim.faults.configure({ errorRate: 0.2, dropAfterWriteRate: 0.05 });

    const first = runChild(dataDir);
    const paidBefore = () => sims.sm8Sim.store.count('jobpayment') - CASH;
    for (let i = 0; i < 1200 && paidBefore() < 150; i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(paidBefore()).toBeLessThan(CARD);
    // The kill landed while writes were being applied: planned rows were still waiting or in flight.
    const atKill = Store.open(dataDir);
    const unfinished = atKill.outbox.countByState();
    atKill.close();
    expect(unfinished.pending + unfinished.sent).toBeGreaterThan(0);

    const rerun = await runChild(dataDir).done;
    expect(rerun.code, rerun.stderr.slice(-2000)).toBe(0);
    const summary = JSON.parse(rerun.stdout.trim().split('\n').at(-1)!) as { outbox: Record<string, number> };
    expect(summary.outbox).toMatchObject({ pending: 0, sent: 0, failed: 0 });

    for (const sim of [sims.sm8Sim, sims.stripeSim]) sim.faults.configure({ errorRate: 0, dropAfterWriteRate: 0 });
    // Faults really happened on both sides, answers after writes included.
    expect((sims.sm8Sim.stats.byStatus[500] ?? 0) + (sims.sm8Sim.stats.byStatus[503] ?? 0)).toBeGreaterThan(100);
    expect(sims.sm8Sim.stats.droppedWrites).toBeGreaterThan(0);
    expect(sims.stripeSim.stats.injectedErrors).toBeGreaterThan(100);
    expect(sims.stripeSim.stats.droppedWrites).toBeGreaterThan(0);
    const idle = await runChild(dataDir).done;
    expect(idle.code, idle.stderr.slice(-2000)).toBe(0);
    expect(JSON.parse(idle.stdout.trim()) as { cycles: number }).toMatchObject({ cycles: 1 });

    await expectOnePerPayment(card, cash);
  }, 600_000);
});

async function expectOnePerPayment(card: InvoicePairing[], cash: InvoicePairing[]): Promise<void> {
  const payments = await sims.sm8.list('jobpayment');
  const byJob = new Map<string, Record<string, unknown>[]>();
  for (const p of payments) byJob.set(String(p.job_uuid), [...(byJob.get(String(p.job_uuid)) ?? []), p]);
  const charges = await sims.stripe.charges.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
  expect(charges).toHaveLength(CARD);
  const invoices = new Map((await sims.stripe.invoices.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 })).map((i) => [i.id, i]));
  for (const p of card) {
    const rows = byJob.get(p.jobUuid) ?? [];
    expect(rows, p.jobNumber).toHaveLength(1);
    expect(textCents(rows[0]!.amount)).toBe(p.totalCents);
    expect(Number(rows[0]!.active)).toBe(1);
  }
  for (const p of cash) {
    expect(byJob.get(p.jobUuid) ?? [], p.jobNumber).toHaveLength(1);
    expect(invoices.get(p.invoiceId)).toMatchObject({ status: 'paid', amount_paid: p.totalCents });
  }
  const paidEvents = await sims.stripe.events.list({ type: 'invoice.paid', limit: 100 }).autoPagingToArray({ limit: 10_000 });
  const timesPaid = new Map<string, number>();
  for (const e of paidEvents) {
    const id = (e.data.object as { id: string }).id;
    timesPaid.set(id, (timesPaid.get(id) ?? 0) + 1);
  }
  expect(timesPaid.size).toBe(CARD + CASH);
  expect([...timesPaid.values()].every((n) => n === 1)).toBe(true);
  const total = [...card, ...cash].reduce((sum, p) => sum + p.totalCents, 0);
  expect(await sims.revenue()).toEqual({ servicem8: total, stripe: total });
}
