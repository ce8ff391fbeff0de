// A linked draft deleted in Stripe, against both simulators: whether the deletion event is
// read or lost (Stripe keeps events 30 days, then a full rescan lists what is left), the
// job is not left linked to an invoice that is gone (its next edit would fail on Stripe's
// 404 and wait for a person). Someone deleted it on purpose, so a job still to be invoiced
// waits on one question: invoice it again (on the same link) or leave it without one.
// Answered through the app's own decision path (decideConflicts), as a person would.
// And a full listing that misses a live invoice (it raced a change) deletes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toConflictView } from '../../src/main/core/app/conflict-view';
import { decideConflicts } from '../../src/main/core/app/decide-conflicts';
import { listInvoices } from '../../src/main/core/app/invoice-list';
import { PairLookup } from '../../src/main/core/app/pair-lookup';
import { PAIR_DEFINITIONS } from '../../src/main/core/sync/pair-catalogue';
import { runReconciliation } from '../../src/main/core/reports/reconciliation/run-reconciliation';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { StripeConnector } from '../../src/main/core/connectors/stripe/stripe-connector';
import { stripeInvoiceChanges } from '../../src/main/core/sync/invoices/stripe-changes';
import { invoiceWorld, startSides } from '../helpers/invoice-world';
import { STRIPE_KEY } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeEach(async () => (sides = await startSides())); // each test moves the Stripe clock its own way
afterEach(() => sides.close());

type World = ReturnType<typeof invoiceWorld>;

/** A completed, invoiced job linked to a draft made by hand in Stripe (sm8sync finalizes its own). */
async function linkedDraft(world: World, name: string): Promise<{ job: string; draft: string; customer: string; rate: string }> {
  const company = await world.client(name);
  const job = await world.job(company, [{ name: 'Labour', quantity: '2', unit: '110.00', inclusive: true }], { complete: false });
  expect((await world.sync()).state).toBe('completed'); // links the client
  const customers = await world.stripe.customers.list({ limit: 100 });
  const customer = customers.data.find((c) => c.metadata?.servicem8_uuid === company)!.id;
  const { draft, rate } = await world.draftByHand(job, customer, { cents: 22000, description: 'Labour' });
  await world.http.update('job', job, { status: 'Completed' });
  await world.http.update('job', job, { invoice_sent: 1 });
  expect((await world.sync()).state).toBe('completed');
  expect(world.store.links.byServiceM8Id('invoice', job)?.stripeId).toBe(draft);
  await world.sync(); // reads back the events so far: the cursor points at a real event
  expect(world.store.cursors.get('feed.stripe.events')).toMatch(/^evt_/);
  return { job, draft, customer, rate };
}

const pairs = new PairLookup(PAIR_DEFINITIONS);

/**
 * The one open question, as the app shows it: in a person's words (job number and client,
 * no ids), offering the two answers; while it is open nothing is created for the job and
 * the Invoices list says it waits for the answer. Returns its id.
 */
async function expectAsked(world: World, job: string, client: string): Promise<number> {
  const number = world.store.mirror.get<{ jobNumber: string }>('servicem8', 'job', job)!.record.jobNumber;
  const questions = world.store.conflicts.list(['open']).map((c) => toConflictView(world.store, pairs, c, DEFAULT_SETTINGS));
  expect(questions).toHaveLength(1);
  const [question] = questions;
  expect(question).toMatchObject({ kind: 'deletion', entity: 'invoice', title: `Job ${number}`, kindLabel: 'Invoice deleted in Stripe' });
  expect(question!.detail).toBe(
    `Job ${number} for ${client}: its invoice was deleted in Stripe. Nothing is invoiced for it until you answer: invoice it again, or leave it without an invoice.`,
  );
  expect(question!.actions.map((a) => a.label)).toEqual(['Invoice it again', 'Leave it without an invoice']);
  expect(world.store.outbox.list().filter((i) => i.operation === 'create_invoice')).toEqual([]);
  expect(await world.invoiceOf(job)).toEqual([]);
  expect(listInvoices(world.store, {}).find((e) => e.jobUuid === job)).toMatchObject({ state: 'needs_approval', reason: question!.detail });
  // The question stands for the broken link: no reconciliation finding repeats it.
  expect(runReconciliation(world.store, { settings: DEFAULT_SETTINGS, trigger: 'manual' }).findings).toEqual([]);
  const again = await world.sync(); // asked once: a later cycle neither creates nor asks twice
  expect(again.plan).toEqual([]);
  expect(world.store.conflicts.list(['open']).map((c) => c.id)).toEqual([question!.id]);
  return question!.id;
}

function answer(world: World, id: number, action: 'invoice_again' | 'leave_without_invoice'): void {
  expect(decideConflicts(world.store, pairs, { ids: [id], action })).toEqual({ resolved: [id], failed: [] });
}

/** After the deletion is seen: no write failed, the same link carries one live invoice with the job's total. */
async function expectReissued(world: World, job: string, deleted: string, linkId: number, totalCents: number) {
  expect(world.store.outbox.list().filter((i) => i.state === 'failed')).toEqual([]);
  const link = world.store.links.byServiceM8Id('invoice', job)!;
  expect(link).toMatchObject({ id: linkId, state: 'active' });
  expect(link.stripeId).not.toBe(deleted);
  const live = await world.invoiceOf(job);
  expect(live.map((i) => [i.id, i.total])).toEqual([[link.stripeId, totalCents]]);
  expect(world.store.mirror.get('stripe', 'invoice', deleted)).toBeNull();
  expect(world.store.invoices.get('stripe', deleted)).toBeNull(); // a deleted draft was never a sale
  expect(world.store.conflicts.list(['open'])).toEqual([]);
  expect((await world.sync()).plan).toEqual([]);
  expect(runReconciliation(world.store, { settings: DEFAULT_SETTINGS, trigger: 'manual' }).findings).toEqual([]);
}

describe('invoices: a linked draft deleted in Stripe', () => {
  it('events expired: the full rescan confirms the deletion and asks; "Invoice it again" invoices the job as edited meanwhile', async () => {
    const world = invoiceWorld(sides, tempDir());
    const { job, draft } = await linkedDraft(world, 'Rescan Plumbing Pty Ltd');
    const linkId = world.store.links.byServiceM8Id('invoice', job)!.id;

    // While the app is off: the draft deleted in Stripe, a line added to the job; then Stripe forgets the events.
    await world.stripe.invoices.del(draft);
    await world.line(job, { name: 'Parts', quantity: '1', unit: '55.00', inclusive: true }, 2);
    const cursor = world.store.cursors.get('feed.stripe.events')!;
    sides.stripe.advanceClock(31 * 24 * 3600);
    await expect(world.stripe.events.retrieve(cursor)).rejects.toMatchObject({ statusCode: 404 });

    const back = await world.sync();
    expect(back.state, back.error ?? '').toBe('completed');
    expect(back.entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 0 }, failed: 0 });
    const question = await expectAsked(world, job, 'Rescan Plumbing Pty Ltd');

    answer(world, question, 'invoice_again');
    expect((await world.sync()).entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 1 }, failed: 0 });
    expect(world.store.conflicts.get(question)?.state).toBe('applied');
    await expectReissued(world, job, draft, linkId, 27500);
    world.store.close();
  });

  it('deletion event read: asks; "Leave it without an invoice" creates nothing and is not asked again until the total changes', async () => {
    const world = invoiceWorld(sides, tempDir());
    const { job, draft } = await linkedDraft(world, 'Event Plumbing Pty Ltd');
    const linkId = world.store.links.byServiceM8Id('invoice', job)!.id;
    await world.stripe.invoices.del(draft);
    const seen = await world.sync();
    expect(seen.entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 0 }, failed: 0 });
    const question = await expectAsked(world, job, 'Event Plumbing Pty Ltd');

    answer(world, question, 'leave_without_invoice');
    const left = await world.sync();
    expect(left.entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 0 }, failed: 0 });
    expect(world.store.conflicts.get(question)?.state).toBe('applied');
    const leftWords =
      "Left without an invoice by you: its invoice was deleted in Stripe. You are asked again if the job's total or GST changes.";
    expect(world.store.invoiceJobs.get(job)).toMatchObject({
      planState: 'not_sent',
      reasonCode: 'left_without_invoice',
      reason: leftWords,
    });
    expect(listInvoices(world.store, {}).find((e) => e.jobUuid === job)).toMatchObject({ state: 'not_sent', reason: leftWords });
    expect(world.store.links.byServiceM8Id('invoice', job)).toMatchObject({ id: linkId, stripeId: draft, state: 'broken' });
    expect((await world.sync()).plan).toEqual([]);
    // The person's answer stands for the broken link: reconciliation does not ask about it again.
    expect(runReconciliation(world.store, { settings: DEFAULT_SETTINGS, trigger: 'manual' }).findings).toEqual([]);
    // An edit that leaves the money as it was (a PO number) does not ask again.
    await world.http.update('job', job, { purchase_order_number: 'PO-88' });
    expect((await world.sync()).plan).toEqual([]);
    expect(world.store.conflicts.list(['open'])).toEqual([]);
    expect(world.store.invoiceJobs.get(job)?.reasonCode).toBe('left_without_invoice');
    expect(await world.invoiceOf(job)).toEqual([]);

    // The job's total changes: the question comes back (a new one), still nothing created.
    const material = (await world.http.list('jobmaterial')).find((m) => m.job_uuid === job)!;
    await world.http.update('jobmaterial', String(material.uuid), { quantity: '3' });
    expect((await world.sync()).entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 0 }, failed: 0 });
    expect(await expectAsked(world, job, 'Event Plumbing Pty Ltd')).not.toBe(question);
    world.store.close();
  });

  it('a job not to be invoiced any more keeps its broken link and says why, unasked; invoiced again, it asks, and gets a new invoice on that link', async () => {
    const world = invoiceWorld(sides, tempDir());
    const { job, draft } = await linkedDraft(world, 'Held Plumbing Pty Ltd');
    const linkId = world.store.links.byServiceM8Id('invoice', job)!.id;
    await world.http.update('job', job, { purchase_order_number: 'PO-76' }); // a draft update: the standing names the draft
    expect((await world.sync()).entities.find((e) => e.entity === 'invoice')).toMatchObject({ updated: { stripe: 1 } });
    expect(world.store.invoiceJobs.get(job)?.stripeInvoiceId).toBe(draft);
    await world.stripe.invoices.del(draft);
    await world.http.update('job', job, { invoice_sent: 0 });
    const seen = await world.sync();
    expect(seen.plan).toEqual([]);
    expect(world.store.links.byServiceM8Id('invoice', job)).toMatchObject({ id: linkId, stripeId: draft, state: 'broken' });
    expect(world.store.invoiceJobs.get(job)).toMatchObject({
      planState: 'not_sent',
      reasonCode: 'trigger_not_reached',
      stripeInvoiceId: null,
    });
    expect(world.store.invoiceJobs.get(job)?.reason).toMatch(/^Its invoice was deleted in Stripe\. Not sent yet/);
    expect(world.store.conflicts.list(['open'])).toEqual([]);
    expect((await world.sync()).plan).toEqual([]);

    // Invoiced again, maybe within the same second: the job is back to a copy read before, and is read again.
    await world.http.update('job', job, { invoice_sent: 1 });
    expect((await world.sync()).entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 0 }, failed: 0 });
    const question = await expectAsked(world, job, 'Held Plumbing Pty Ltd');
    answer(world, question, 'invoice_again');
    expect((await world.sync()).entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 1 }, failed: 0 });
    await expectReissued(world, job, draft, linkId, 22000);
    world.store.close();
  });

  it('replaced by hand in Stripe with an equal draft while the question is open: the link is re-pointed at it, the question settled', async () => {
    const world = invoiceWorld(sides, tempDir());
    const { job, draft, customer, rate } = await linkedDraft(world, 'Redo Plumbing Pty Ltd');
    const link = world.store.links.byServiceM8Id('invoice', job)!;
    await world.stripe.invoices.del(draft);
    await world.sync();
    const question = await expectAsked(world, job, 'Redo Plumbing Pty Ltd');
    const { draft: redo } = await world.draftByHand(job, customer, { cents: 22000, description: 'Labour', rate, daysUntilDue: 7 });
    // Adding an item emits only invoiceitem.created (simulator ASSUMPTIONS.md): an edit brings an invoice event with the lines.
    await world.stripe.invoices.update(redo, { description: 'Redone by hand' });
    const seen = await world.sync();
    expect(seen.entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 0 }, failed: 0 });
    expect(world.store.links.byServiceM8Id('invoice', job)).toMatchObject({ id: link.id, stripeId: redo, state: 'active' });
    expect((await world.invoiceOf(job)).map((i) => i.id)).toEqual([redo]);
    expect(world.store.conflicts.get(question)?.state).toBe('dismissed');
    expect(world.store.conflicts.list(['open', 'resolved'])).toEqual([]);
    expect((await world.sync()).plan).toEqual([]);
    world.store.close();
  });

  it('a full listing that misses a live invoice keeps it (read back as changed); only a 404 is a deletion', async () => {
    const world = invoiceWorld(sides, tempDir());
    const customer = (await world.stripe.customers.create({ name: 'Listing Race Pty Ltd', email: 'race@example.com.au' })).id;
    const live = await world.stripe.invoices.create({ customer, collection_method: 'send_invoice', days_until_due: 14 });
    await world.stripe.invoiceItems.create({ customer, invoice: live.id, amount: 5000, currency: 'aud', description: 'Call-out' });
    const gone = await world.stripe.invoices.create({ customer, collection_method: 'send_invoice', days_until_due: 14 });
    await world.stripe.invoices.del(gone.id);
    const connector = new StripeConnector({ apiKey: STRIPE_KEY, baseUrl: sides.stripe.url, maxRequestsPerSecond: null });
    // The listing raced the invoice's last change and did not show it (Stripe lists by creation; a page can shift).
    const racing: Parameters<typeof stripeInvoiceChanges>[0] = {
      listInvoices: async (filter, unread) => (await connector.listInvoices(filter, unread)).filter((i) => i.id !== live.id),
      getInvoice: (id) => connector.getInvoice(id),
    };
    const mirrored = [live.id, gone.id];
    const changes = await stripeInvoiceChanges(
      racing,
      { events: [], needsFullRescan: true, cursor: null },
      (id) => mirrored.includes(id),
      () => mirrored,
    );
    expect(changes.fullScan).toBe(true);
    expect(changes.deletedIds).toEqual([gone.id]);
    expect(changes.invoices.map((i) => [i.id, i.totalCents])).toEqual([[live.id, 5000]]);
    world.store.close();
  });
});
