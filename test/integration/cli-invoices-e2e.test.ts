// The invoices pair end to end, as another program drives it: `sm8sync simulate` in
// its own process, the CLI as a subprocess, both sides checked over HTTP and with the
// Stripe SDK. `sync --json` counts entity "invoice"; `invoices --json` has the exact
// shape the README documents; a finalized invoice's change is answered with
// `conflicts resolve --action`; an invoice made in Stripe is asked about, then becomes
// a ServiceM8 job.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startSimulators, type Simulators } from '../helpers/cli-process';
import { ServiceM8Http, sideEnv, stripeClient } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010';
let sims: Simulators;
beforeAll(async () => {
  assertBuilt();
  sims = await startSimulators();
});
afterAll(async () => sims?.stop());

const KEYS = [
  'jobUuid',
  'jobNumber',
  'client',
  'state',
  'reason',
  'stripeInvoiceId',
  'stripeStatus',
  'servicem8TotalCents',
  'stripeTotalCents',
  'servicem8GstCents',
  'stripeGstCents',
];

interface Entry {
  jobUuid: string | null;
  state: string;
  reason: string | null;
  stripeInvoiceId: string | null;
  stripeStatus: string | null;
  servicem8TotalCents: number | null;
  stripeTotalCents: number | null;
  servicem8GstCents: number | null;
  stripeGstCents: number | null;
}

describe('sm8sync invoices, end to end', () => {
  it('syncs invoices, lists every job with its state, answers a finalized change, and asks about an invoice made in Stripe', async () => {
    const sm8 = new ServiceM8Http(sims.servicem8);
    const stripe = stripeClient(sims.stripe);
    const env = sideEnv(sims, tempDir());
    const cli = async (...args: string[]) => {
      const result = await runCli(args, env);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      return JSON.parse(result.stdout) as unknown;
    };
    const client = await sm8.addClient({ name: 'Bondi Plumbing Co' }, { email: 'accounts@bondiplumbing.example' });
    const job = async (lines: [string, string, string][], send = true) => {
      const uuid = await sm8.create('job', { company_uuid: client.company, status: 'Work Order', job_description: 'Blocked drain' });
      for (const [name, quantity, unit] of lines)
        await sm8.create('jobmaterial', {
          job_uuid: uuid,
          name,
          quantity,
          displayed_amount: unit,
          displayed_amount_is_tax_inclusive: '1',
          tax_rate_uuid: GST,
        });
      await sm8.update('job', uuid, { status: 'Completed' });
      if (send) await sm8.update('job', uuid, { invoice_sent: 1 });
      return uuid;
    };
    const billed = await job([
      ['Drain clearing', '1', '275.00'],
      ['CCTV inspection', '0.5', '330.00'],
    ]);
    const zero = await job([['Warranty visit', '1', '0']]);
    const unsent = await job([['Tap washer', '2', '12.10']], false);

    const sync = (await cli('sync', '--json')) as { entities: { entity: string; created: { stripe: number } }[] };
    expect(sync.entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 1 } });
    const list = (await cli('invoices', '--json')) as Entry[];
    for (const entry of list) expect(Object.keys(entry).sort()).toEqual([...KEYS].sort());
    const byJob = new Map(list.map((e) => [e.jobUuid, e]));
    const sent = byJob.get(billed)!;
    const invoice = await stripe.invoices.retrieve(sent.stripeInvoiceId!);
    expect(sent).toMatchObject({
      state: 'sent',
      reason: null,
      stripeStatus: 'open',
      servicem8TotalCents: 44000,
      stripeTotalCents: invoice.total,
      servicem8GstCents: 4000,
      stripeGstCents: 4000,
    });
    expect(invoice.total).toBe(44000);
    expect((await stripe.events.list({ type: 'invoice.sent', limit: 100 })).data).toHaveLength(0); // emailing is off by default
    expect(byJob.get(zero)).toMatchObject({ state: 'not_sent', stripeInvoiceId: null });
    expect(byJob.get(zero)!.reason).toContain('$0.00');
    expect(byJob.get(unsent)).toMatchObject({ state: 'not_sent' });
    expect(byJob.get(unsent)!.reason).toContain('(Settings → Invoices and GST)');
    expect(((await cli('invoices', '--state', 'not_sent', '--json')) as Entry[]).map((e) => e.jobUuid).sort()).toEqual(
      [unsent, zero].sort(),
    );

    // The job changes after its invoice was finalized: a question, then the chosen action.
    const material = (await sm8.list('jobmaterial')).find((m) => m.job_uuid === billed && m.name === 'CCTV inspection')!;
    await sm8.update('jobmaterial', String(material.uuid), { quantity: '1' });
    await cli('sync', '--json');
    const questions = (await cli('conflicts', '--json')) as { id: number; kind: string; actions: { name: string }[] }[];
    const question = questions.find((q) => q.kind === 'finalized_changed')!;
    expect(question.actions.map((a) => a.name)).toEqual(['void_and_reissue', 'leave_as_is']); // the total went up: no credit note
    expect(((await cli('invoices', '--json')) as Entry[]).find((e) => e.jobUuid === billed)?.state).toBe('needs_approval');
    await cli('conflicts', 'resolve', String(question.id), '--action', 'void_and_reissue', '--json');
    await cli('sync', '--json');
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('void');
    const now = ((await cli('invoices', '--json')) as Entry[]).find((e) => e.jobUuid === billed)!;
    expect(now).toMatchObject({ state: 'sent', stripeStatus: 'open', stripeTotalCents: 60500, servicem8TotalCents: 60500 });
    expect(now.stripeInvoiceId).not.toBe(invoice.id);

    // An invoice made in Stripe for the linked customer: asked about (the default), then a ServiceM8 job.
    const customer = (await stripe.customers.list({ limit: 10 })).data.find((c) => c.metadata?.servicem8_uuid === client.company)!;
    const manual = await stripe.invoices.create({
      customer: customer.id,
      collection_method: 'send_invoice',
      days_until_due: 7,
      description: 'Emergency call-out',
    });
    await stripe.invoiceItems.create({
      customer: customer.id,
      invoice: manual.id,
      amount: 19900,
      currency: 'aud',
      description: 'After-hours call-out',
    });
    await stripe.invoices.finalizeInvoice(manual.id);
    await cli('sync', '--json');
    const asked = ((await cli('conflicts', '--json')) as { id: number; kind: string }[]).find((q) => q.kind === 'stripe_invoice')!;
    expect(asked).toBeDefined();
    await cli('conflicts', 'resolve', String(asked.id), '--action', 'create_job', '--json');
    const made = (await cli('sync', '--json')) as { entities: { entity: string; created: { servicem8: number } }[] };
    expect(made.entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { servicem8: 1 } });
    const newJob = (await sm8.list('job')).find((j) => j.job_description === 'Emergency call-out')!;
    expect(newJob).toMatchObject({ company_uuid: client.company, status: 'Completed', invoice_sent: 1, total_invoice_amount: '199.0000' });
    expect((await stripe.invoices.retrieve(manual.id)).metadata?.servicem8_job_uuid).toBe(newJob.uuid);

    const idle = (await cli('sync', '--json')) as { plan: unknown[] };
    expect(idle.plan).toEqual([]);
    expect((await stripe.invoices.list({ limit: 100 })).data).toHaveLength(3);
    const audit = (await cli('audit', '--json')) as { entity: string; message: string | null }[];
    expect(audit.filter((a) => a.entity === 'invoice').every((a) => /job|Stripe invoice/i.test(a.message ?? ''))).toBe(true);
  }, 120_000);

  it('emails nothing unless invoices.emailCustomer is on', async () => {
    const sm8 = new ServiceM8Http(sims.servicem8);
    const stripe = stripeClient(sims.stripe);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ invoices: { emailCustomer: true, trigger: 'completed' } }));
    const env = sideEnv(sims, dir);
    const client = await sm8.addClient({ name: 'Email Me Pty Ltd' }, { email: 'email.me@example.com' });
    const uuid = await sm8.create('job', { company_uuid: client.company, status: 'Work Order', job_description: 'Gas check' });
    await sm8.create('jobmaterial', {
      job_uuid: uuid,
      name: 'Gas check',
      quantity: '1',
      displayed_amount: '150',
      displayed_amount_is_tax_inclusive: '0',
      tax_rate_uuid: GST,
    });
    await sm8.update('job', uuid, { status: 'Completed' });
    expect((await runCli(['sync'], env)).code).toBe(0);
    const [invoice] = (await stripe.invoices.list({ limit: 100 })).data.filter((i) => i.metadata?.servicem8_job_uuid === uuid);
    expect(invoice).toMatchObject({ status: 'open', total: 16500 });
    const events = await stripe.events.list({ type: 'invoice.sent', limit: 100 });
    expect(events.data.some((e) => (e.data.object as { id: string }).id === invoice!.id)).toBe(true);
  }, 60_000);
});
