// The payments pair's people: jobs of the workload's own client, invoiced before the
// chaos starts (the clean first sync finalizes their Stripe invoices); then, each at a
// drawn phase (during a sync or between two), a customer pays one by card in Stripe,
// or the business records cash or EFT in ServiceM8 for the full amount, or a card
// payment is refunded in Stripe (in full or in part) in a later phase. Each job gets one
// of these at most, so every interleaving must end in one state: every payment once on
// the other side, no invoice paid twice, each refund a question.
import type Stripe from 'stripe';
import { uuidFrom, type Entity, type Intent, type PairScript, type PairWorkload } from '../workload';
import { STRIPE_KEY, type World } from '../world';
import { cents, createJob, drawJob, jobOf, money, ownClient, sendInvoice, stripeInvoices, type PlannedJob } from './jobs';

const PAIR = 'payments';

type Action =
  | { kind: 'card'; job: PlannedJob }
  | { kind: 'cash'; job: PlannedJob; uuid: string; method: 'Cash' | 'EFT' }
  | { kind: 'refund'; job: PlannedJob; half: boolean };

export const paymentsWorkload: PairWorkload = {
  name: PAIR,
  script(rng, { size, rounds }) {
    const phases = rounds * 2; // phase 2r: during round r's sync; 2r + 1: after it
    const client = { uuid: uuidFrom(rng), contact: uuidFrom(rng) };
    const jobs = Array.from({ length: Math.max(3, Math.round(size / 2)) }, (_, i) => drawJob(rng, client.uuid, `Paid ${i}`, 2));
    const steps: Action[][] = Array.from({ length: phases }, () => []);
    const plans: { job: PlannedJob; kind: 'card' | 'cash' | 'refund' }[] = [];
    for (const job of jobs) {
      const draw = rng();
      if (draw < 0.35) {
        steps[Math.floor(rng() * phases)]!.push({ kind: 'card', job });
        plans.push({ job, kind: 'card' });
      } else if (draw < 0.65) {
        steps[Math.floor(rng() * phases)]!.push({ kind: 'cash', job, uuid: uuidFrom(rng), method: rng() < 0.5 ? 'Cash' : 'EFT' });
        plans.push({ job, kind: 'cash' });
      } else if (draw < 0.85 && phases >= 2) {
        const paidAt = Math.floor(rng() * (phases - 1));
        steps[paidAt]!.push({ kind: 'card', job });
        steps[paidAt + 1 + Math.floor(rng() * (phases - paidAt - 1))]!.push({ kind: 'refund', job, half: rng() < 0.5 });
        plans.push({ job, kind: 'refund' });
      }
    }
    const intents: Intent[] = [];
    const totals = new Map<string, number>();
    const invoiceOf = new Map<string, string>();

    const run = async (world: World, phase: number) => {
      for (const step of steps[phase]!) {
        const invoice = invoiceOf.get(step.job.uuid);
        if (!invoice) throw new Error(`chaos: job ${step.job.uuid} has no Stripe invoice after the first sync`);
        if (step.kind === 'card') await world.calm(() => simPost(world, `/_sim/invoices/${invoice}/pay_by_card`));
        else if (step.kind === 'cash')
          await world.sm8Create('jobpayment', {
            uuid: step.uuid,
            job_uuid: step.job.uuid,
            amount: money(totals.get(step.job.uuid)!),
            method: step.method,
            note: '',
          });
        else {
          const intent = await paymentIntentOf(world, invoice);
          const total = totals.get(step.job.uuid)!;
          await world.calm(() =>
            world.stripeApi.refunds.create({ payment_intent: intent, ...(step.half ? { amount: Math.floor(total / 2) } : {}) }),
          );
        }
      }
    };
    return {
      intents,
      twoWay: {},
      async seed(world) {
        await ownClient(world, PAIR, client.uuid, client.contact, 'Payments Client Pty Ltd', 'payments@chaos.example');
        for (const job of jobs) await createJob(world, PAIR, job);
        for (const job of jobs) await sendInvoice(world, job.uuid);
      },
      async afterFirstSync(world) {
        for (const invoice of await stripeInvoices(world)) {
          const job = jobOf(invoice);
          if (job && world.owners.get(job) === PAIR) invoiceOf.set(job, invoice.id);
        }
        for (const job of await world.sm8List('job'))
          if (world.owners.get(String(job.uuid)) === PAIR) totals.set(String(job.uuid), cents(job.total_invoice_amount)!);
        // Every payment a person made must be on the other side once: a card payment in ServiceM8, cash in Stripe.
        for (const { job, kind } of plans)
          intents.push(
            kind === 'cash'
              ? { pair: PAIR, key: `invoice:${job.uuid}`, field: 'status', value: 'paid' }
              : { pair: PAIR, key: `payment:${job.uuid}`, field: 'amount', value: totals.get(job.uuid) },
          );
      },
      during: (world, round) => run(world, round * 2),
      between: (world, round) => run(world, round * 2 + 1),
      snapshot: (world) => snapshot(world, client.uuid),
    } satisfies PairScript;
  },
};

async function simPost(world: World, path: string): Promise<void> {
  const response = await fetch(`${world.stripe.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${STRIPE_KEY}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error(`Stripe simulator ${path}: ${response.status} ${await response.text()}`);
}

async function paymentIntentOf(world: World, invoice: string): Promise<string> {
  const payments = await world.calm(() => world.stripeApi.invoicePayments.list({ invoice, limit: 10 }));
  const intent = payments.data.map((p) => p.payment.payment_intent).find((p) => p);
  if (!intent) throw new Error(`chaos: invoice ${invoice} has no card payment to refund`);
  return typeof intent === 'string' ? intent : intent.id;
}

async function snapshot(world: World, client: string): Promise<Entity[]> {
  const out: Entity[] = [];
  // The client has one Stripe customer: a second one is a duplicate.
  for (const c of await world.stripeCustomers())
    if (c.metadata?.servicem8_uuid === client) out.push({ pair: PAIR, side: 'stripe', key: 'client', id: c.id, fields: { name: c.name } });
  const own = (uuid: unknown) => world.owners.get(String(uuid)) === PAIR;
  for (const job of await world.sm8List('job'))
    if (own(job.uuid))
      out.push({
        pair: PAIR,
        side: 'servicem8',
        key: `job:${String(job.uuid)}`,
        id: String(job.uuid),
        fields: { paymentReceived: String(job.payment_received) },
      });
  for (const p of await world.sm8List('jobpayment')) {
    if (!own(p.job_uuid)) continue;
    const amount = cents(p.amount);
    out.push({
      pair: PAIR,
      side: 'servicem8',
      key: `${amount !== null && amount < 0 ? 'refund' : 'payment'}:${String(p.job_uuid)}`,
      id: String(p.uuid),
      fields: { amount, method: p.method, active: String(p.active) },
    });
  }
  const paidEvents = await world.calm(() =>
    world.stripeApi.events.list({ type: 'invoice.paid', limit: 100 }).autoPagingToArray({ limit: 10_000 }),
  );
  const timesPaid = new Map<string, number>();
  for (const e of paidEvents) {
    const id = (e.data.object as { id: string }).id;
    timesPaid.set(id, (timesPaid.get(id) ?? 0) + 1);
  }
  const jobByIntent = new Map<string, string>();
  for (const invoice of await stripeInvoices(world)) {
    const job = jobOf(invoice);
    if (!job || !own(job)) continue;
    // An invoice paid twice is a duplicate payment: one entity per time it was paid.
    for (let n = 0; n < Math.max(1, timesPaid.get(invoice.id) ?? 0); n += 1)
      out.push({ pair: PAIR, side: 'stripe', key: `invoice:${job}`, id: invoice.id, fields: invoiceFields(invoice, timesPaid) });
    const payments = await world.calm(() => world.stripeApi.invoicePayments.list({ invoice: invoice.id, limit: 10 }));
    for (const p of payments.data) {
      const intent = p.payment.payment_intent;
      if (intent) jobByIntent.set(typeof intent === 'string' ? intent : intent.id, job);
    }
  }
  const charges = await world.calm(() => world.stripeApi.charges.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 }));
  const jobByCharge = new Map<string, string>();
  for (const c of charges) {
    const intent = typeof c.payment_intent === 'string' ? c.payment_intent : c.payment_intent?.id;
    const job = intent ? jobByIntent.get(intent) : undefined;
    if (!job) continue;
    jobByCharge.set(c.id, job);
    out.push({
      pair: PAIR,
      side: 'stripe',
      key: `payment:${job}`,
      id: c.id,
      fields: { amount: c.amount, amountRefunded: c.amount_refunded, refunded: c.refunded, status: c.status },
    });
  }
  const refunds = await world.calm(() => world.stripeApi.refunds.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 }));
  for (const r of refunds) {
    const job = jobByCharge.get(typeof r.charge === 'string' ? r.charge : (r.charge?.id ?? ''));
    if (job) out.push({ pair: PAIR, side: 'stripe', key: `refund:${job}`, id: r.id, fields: { amount: r.amount, status: r.status } });
  }
  return out;
}

function invoiceFields(invoice: Stripe.Invoice, timesPaid: Map<string, number>): Record<string, unknown> {
  return {
    status: invoice.status,
    amountPaid: invoice.amount_paid,
    amountRemaining: invoice.amount_remaining,
    paidOutOfBand: (invoice as unknown as { paid_out_of_band?: boolean }).paid_out_of_band ?? null,
    timesPaid: timesPaid.get(invoice.id) ?? 0,
  };
}
