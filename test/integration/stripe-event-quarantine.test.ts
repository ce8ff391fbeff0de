// One Stripe event the sync cannot read, between two good ones, over a real sync (the app
// with the real runner and connectors over both simulators in process). The bad event is
// made the way the other fuzz tests make bad records: the stored event is written over in
// the simulator's store, never by changing how the simulator answers. Before the fix every
// sync stopped on it until Stripe dropped it 30 days later; now it is quarantined with a
// reason in words, the good changes before and after it are synced, the next sync goes on,
// and the customer it was about is read again from Stripe, so its change is not lost.
import { describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from '../../src/main/core/app/open-app';
import { NOTES_HEADING, statusText } from '../../src/main/core/app/status-words';
import { createConnectionTester } from '../../src/main/core/connectors/connection-tester';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { createSyncRunner } from '../../src/main/core/sync/create-runner';
import { INVOICE_FEED_TYPES } from '../../src/main/core/sync/invoices/definition';
import { GST, startSides } from '../helpers/invoice-world';
import { ServiceM8Http, SM8_KEY, STRIPE_KEY, stripeClient } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function startApp(dataDir: string, urls: { servicem8: string; stripe: string }): OpenedApp {
  const env = {
    SERVICEM8_BASE_URL: urls.servicem8,
    STRIPE_BASE_URL: urls.stripe,
    SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE: '100000',
    SM8SYNC_STRIPE_REQUESTS_PER_SECOND: '1000',
  };
  return openApp({
    dataDir,
    env,
    runner: (deps) => createSyncRunner(deps),
    connections: createConnectionTester(env),
    secrets: new MemorySecretStore({ 'servicem8.apiKey': SM8_KEY, 'stripe.apiKey': STRIPE_KEY }),
  });
}

/**
 * Ways an event can be unreadable that the simulator's list still serves in place (its
 * order is kept), and whether the customer's name can still be read from it.
 */
const BREAKS: [string, (event: Record<string, unknown>) => void, RegExp, boolean][] = [
  ['who made the change is not an object', (e) => Object.assign(e, { request: 'dashboard' }), /\(request: /, true],
  ['no data.object', (e) => Object.assign(e, { data: {} }), /\(data\.object: /, false],
  ['data.object is a string', (e) => Object.assign(e, { data: { object: 'cus_x' } }), /\(data\.object: /, false],
  ['a fractional timestamp', (e) => Object.assign(e, { created: (e.created as number) + 0.5 }), /\(created: /, true],
  ['an id that is not an event id', (e) => Object.assign(e, { id: 'dashboard-edit-1' }), /\(id: /, true],
];

/** Two Stripe customers and a ServiceM8 client with an invoiced job, synced twice (the feed has a real cursor). */
async function world() {
  const sides = await startSides();
  const app = startApp(tempDir(), { servicem8: sides.sm8.url, stripe: sides.stripe.url });
  const http = new ServiceM8Http(sides.sm8.url);
  const stripe = stripeClient(sides.stripe.url);
  const bondi = await stripe.customers.create({ name: 'Bondi Electrical', email: 'office@bondielectrical.com.au' });
  const coogee = await stripe.customers.create({ name: 'Coogee Surf School', email: 'bookings@coogeesurf.com.au' });
  const { company } = await http.addClient({ name: 'Harbour Plumbing' }, { email: 'accounts@harbourplumbing.com.au' });
  const job = await http.create('job', { company_uuid: company, status: 'Work Order', job_description: 'Hot water' });
  await http.create('jobmaterial', {
    job_uuid: job,
    name: 'Hot water unit',
    quantity: '1',
    displayed_amount: '110.00',
    displayed_amount_is_tax_inclusive: '1',
    tax_rate_uuid: GST,
    sort_order: '1',
  });
  await http.update('job', job, { status: 'Completed' });
  await http.update('job', job, { invoice_sent: 1 });
  for (let round = 0; round < 2; round += 1) expect((await app.service.syncNow({ dryRun: false })).state).toBe('completed');
  const invoice = app.store.links.byServiceM8Id('invoice', job)!.stripeId;
  const companyOf = (customer: string) => app.store.links.byStripeId('client', customer)!.servicem8Id;
  const nameInServiceM8 = async (customer: string) => (await http.list('company')).find((c) => c.uuid === companyOf(customer))?.name;
  expect(await nameInServiceM8(coogee.id)).toBe('Coogee Surf School');
  const close = async () => {
    app.close();
    await sides.close();
  };
  return { sides, app, http, stripe, bondi, coogee, job, invoice, nameInServiceM8, close };
}

async function payByCard(url: string, invoice: string): Promise<void> {
  const paid = await fetch(`${url}/_sim/invoices/${invoice}/pay_by_card`, {
    method: 'POST',
    headers: { authorization: `Bearer ${STRIPE_KEY}` },
  });
  expect(paid.status).toBe(200);
}

const cardPaymentsOf = async (http: ServiceM8Http, job: string) =>
  (await http.list('jobpayment')).filter((p) => p.job_uuid === job && String(p.active) === '1');

describe('an unreadable Stripe event', () => {
  it.each(BREAKS)(
    '(%s) is quarantined with its reason; the changes before and after it sync, and so does the one it was about',
    { timeout: 60_000 },
    async (_label, breakIt, reasonPattern, named) => {
      const { sides, app, http, stripe, bondi, coogee, job, invoice, nameInServiceM8 } = await world();
      try {
        // Good, bad, good: a customer renamed; another renamed, its event unreadable; the invoice paid by card.
        await stripe.customers.update(bondi.id, { name: 'Bondi Electrical & Solar' });
        await stripe.customers.update(coogee.id, { name: 'Coogee Surf School Pty Ltd' });
        const bad = sides.stripe.store.events.newestFirst()[0]!;
        expect(bad).toMatchObject({ type: 'customer.updated', data: { object: { id: coogee.id } } });
        const badId = bad.id;
        breakIt(bad);
        await payByCard(sides.stripe.url, invoice);

        const result = await app.service.syncNow({ dryRun: false });
        expect(result.state, result.error ?? '').toBe('completed');
        expect(result.entities.reduce((n, e) => n + e.quarantined, 0)).toBeGreaterThanOrEqual(1);

        // Both good changes are in: the rename in ServiceM8, the card payment on the job.
        expect(await nameInServiceM8(bondi.id)).toBe('Bondi Electrical & Solar');
        const payments = await cardPaymentsOf(http, job);
        expect(payments).toHaveLength(1);
        expect(payments[0]).toMatchObject({ amount: '110.0000', method: 'Stripe' });
        // The change the unreadable event was about is not lost: the customer was read again from Stripe.
        expect(await nameInServiceM8(coogee.id)).toBe('Coogee Surf School Pty Ltd');

        // The event is quarantined with its reason, in words for the office manager, and the status counts it.
        const quarantine = await app.service.listQuarantine({});
        const entries = quarantine.filter((q) => q.side === 'stripe' && q.object === 'event');
        expect(entries).toHaveLength(1);
        const [entry] = entries;
        expect(entry!.reason).toMatch(/^Stripe event .* has an unexpected shape /);
        expect(entry!.reason).toMatch(reasonPattern);
        // An id that is no event id is kept under a stand-in made from the event's content.
        expect(entry!.recordId).toEqual(bad.id === badId ? badId : expect.stringMatching(/^unreadable-event-[0-9a-f]{16}$/));
        expect(entry!.name).toBe(named ? 'Coogee Surf School Pty Ltd' : 'A change in Stripe customers');
        for (const words of [entry!.name, entry!.what, entry!.problem, entry!.fix]) {
          expect(words).toMatch(/[a-z]{3}/i);
          expect(words).not.toMatch(/\b(evt|cus|in|ch)_\w+|\b[a-z]+[._][a-z]+\b|\bdata\b|\brequest\b|\bcreated\b/);
        }
        expect(entry!.fix).toMatch(/Stripe customers again/);
        // A note, not a record to fix: nothing to correct and it goes by itself, so it is not "Needs you".
        expect(entry!.nothingToDo).toBe(true);
        const status = await app.service.getStatus({});
        expect(status.counts.quarantined).toBe(0);
        expect(status.state).toBe('in_sync');
        expect(status.headline).not.toMatch(/Needs you|to fix/);
        // Nor a new question in the Activity chart.
        const chart = await app.service.getActivityChart({ days: 30 });
        expect(chart.reduce((n, day) => n + day.findings, 0)).toBe(0);
        // `sm8sync status` prints the count and the entry in words, under a heading that says there is nothing to do.
        const text = statusText(status, quarantine);
        expect(text).toContain('records to fix: 0');
        expect(text).toContain(`${NOTES_HEADING}:\n  ${entry!.name} (Stripe change notice): ${entry!.problem} ${entry!.fix}`);

        // The next syncs go on (the cursor moved past the event): nothing planned, the event quarantined once.
        for (let round = 0; round < 2; round += 1) {
          const next = await app.service.syncNow({ dryRun: false });
          expect(next.state, next.error ?? '').toBe('completed');
        }
        expect((await app.service.syncNow({ dryRun: false })).plan).toEqual([]);
        // Not read again: the entry was last seen by the sync that met the event.
        expect((await app.service.listQuarantine({})).filter((q) => q.object === 'event')).toEqual([
          expect.objectContaining({ recordId: entry!.recordId, lastSeenAt: entry!.lastSeenAt }),
        ]);
        expect(await cardPaymentsOf(http, job)).toHaveLength(1);
      } finally {
        app.close();
        await sides.close();
      }
    },
  );

  it(
    'about an invoice: the invoices are read again from Stripe, the customer change before it still comes from the feed',
    { timeout: 60_000 },
    async () => {
      const w = await world();
      try {
        await w.stripe.customers.update(w.bondi.id, { name: 'Bondi Electrical & Solar' });
        const before = new Set(w.sides.stripe.store.events.newestFirst().map((e) => e.id));
        await payByCard(w.sides.stripe.url, w.invoice);
        // Every invoice event of the payment unreadable: only a fresh read of the invoice can say it is paid.
        const broken = w.sides.stripe.store.events
          .newestFirst()
          .filter((e) => !before.has(e.id) && (INVOICE_FEED_TYPES as readonly string[]).includes(String(e.type)));
        expect(broken.length).toBeGreaterThanOrEqual(1);
        for (const event of broken) Object.assign(event, { data: {} });

        const result = await w.app.service.syncNow({ dryRun: false });
        expect(result.state, result.error ?? '').toBe('completed');
        expect(await w.nameInServiceM8(w.bondi.id)).toBe('Bondi Electrical & Solar');
        expect(w.app.store.mirror.get<{ status: string }>('stripe', 'invoice', w.invoice)?.record.status).toBe('paid');
        expect(await cardPaymentsOf(w.http, w.job)).toHaveLength(1);
        const entries = (await w.app.service.listQuarantine({})).filter((q) => q.object === 'event');
        expect(entries.map((q) => q.recordId).sort()).toEqual(broken.map((e) => e.id).sort());
        for (const entry of entries)
          expect(entry).toMatchObject({ name: 'A change in Stripe invoices', what: 'Stripe change notice', nothingToDo: true });
        // Notes, not records to fix.
        expect((await w.app.service.getStatus({})).counts.quarantined).toBe(0);
        expect((await w.app.service.syncNow({ dryRun: false })).state).toBe('completed');
      } finally {
        await w.close();
      }
    },
  );
});
