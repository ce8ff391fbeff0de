// The invoices pair's people: ServiceM8 jobs of the workload's own clients, with
// materials GST inclusive, exclusive and free, decimal quantities and four-place unit
// amounts. Some are invoiced before the chaos starts (finalized by the clean first
// sync); the rest are completed and sent at a drawn phase of the rounds (during a sync
// or between two), or never. A waiting job's lines are edited (quantity changed, a line
// added) only in a phase before it is sent, and a finalized job's lines at most once
// (a question: "changed after its invoice was finalized"), so every interleaving of
// syncs, kills and edits must end in the same state as the fault-free run.
import type Stripe from 'stripe';
import { uuidFrom, type Entity, type Intent, type PairScript, type PairWorkload } from '../workload';
import type { World } from '../world';
import { createJob, drawJob, drawMaterial, jobOf, ownClient, QUANTITY_EDITS, sendInvoice, stripeInvoices, type PlannedJob } from './jobs';

const PAIR = 'invoices';

type JobEdit = { kind: 'quantity'; job: PlannedJob; line: number; quantity: string } | { kind: 'add_line'; job: PlannedJob };
type Step = { kind: 'send'; job: PlannedJob } | JobEdit;

const quantityKey = (q: unknown) => String(Number(q));
const signature = (quantities: unknown[]) => quantities.map(quantityKey).sort().join(',');

export const invoicesWorkload: PairWorkload = {
  name: PAIR,
  script(rng, { size, rounds }) {
    const phases = rounds * 2; // phase 2r: during round r's sync; 2r + 1: after it
    const clients = Array.from({ length: Math.max(1, Math.round(size / 4)) }, (_, i) => ({
      uuid: uuidFrom(rng),
      contact: uuidFrom(rng),
      name: `Invoice Client ${i} Pty Ltd`,
      email: `invoices-${i}@chaos.example`,
    }));
    const clientOf = () => clients[Math.floor(rng() * clients.length)]!.uuid;
    const invoiced = Array.from({ length: Math.max(1, Math.round(size / 4)) }, (_, i) => drawJob(rng, clientOf(), `Invoiced ${i}`));
    const waiting = Array.from({ length: Math.max(2, Math.round(size / 2)) }, (_, i) => drawJob(rng, clientOf(), `Waiting ${i}`));
    const steps: Step[][] = Array.from({ length: phases }, () => []);
    const at = (phase: number, step: Step) => steps[phase]!.push(step);
    const finalLines = new Map<string, string[]>(waiting.map((j) => [j.uuid, j.lines.map((l) => l.quantity)]));
    const edit = (job: PlannedJob): JobEdit => {
      if (rng() < 0.3) return { kind: 'add_line', job };
      const line = Math.floor(rng() * job.lines.length);
      return { kind: 'quantity', job, line, quantity: QUANTITY_EDITS[Math.floor(rng() * QUANTITY_EDITS.length)]! };
    };
    const intents: Intent[] = [];
    for (const job of waiting) {
      const sendAt = rng() < 0.2 ? null : 1 + Math.floor(rng() * (phases - 1));
      const lastEditPhase = (sendAt ?? phases) - 1;
      if (rng() < 0.6 && lastEditPhase >= 0) {
        const e = edit(job);
        at(Math.floor(rng() * (lastEditPhase + 1)), e);
        const lines = finalLines.get(job.uuid)!;
        if (e.kind === 'quantity') lines[e.line] = e.quantity;
      }
      if (sendAt !== null) at(sendAt, { kind: 'send', job });
    }
    for (const job of invoiced) if (rng() < 0.5) at(Math.floor(rng() * phases), edit(job));
    // Added lines are drawn now (seeded), so both runs add the same line.
    const added = new Map<PlannedJob, ReturnType<typeof drawMaterial>>();
    for (const step of steps.flat())
      if (step.kind === 'add_line') {
        const m = drawMaterial(rng, `Added to ${step.job.uuid.slice(0, 8)}`);
        added.set(step.job, m);
        finalLines.get(step.job.uuid)?.push(m.quantity);
      }
    // What a person sent must reach Stripe as it was when sent: the billed quantities.
    for (const step of steps.flat())
      if (step.kind === 'send')
        intents.push({
          pair: PAIR,
          key: `job:${step.job.uuid}`,
          field: 'billedQuantities',
          value: signature(finalLines.get(step.job.uuid)!),
        });
    for (const job of invoiced)
      intents.push({ pair: PAIR, key: `job:${job.uuid}`, field: 'billedQuantities', value: signature(job.lines.map((l) => l.quantity)) });

    const run = async (world: World, phase: number) => {
      // A phase's steps run in order: a waiting job's edit always precedes its sending phase anyway.
      for (const step of steps[phase]!) {
        if (step.kind === 'send') await sendInvoice(world, step.job.uuid);
        else if (step.kind === 'quantity')
          await world.sm8Update('jobmaterial', step.job.lines[step.line]!.uuid, { quantity: step.quantity });
        else {
          const m = added.get(step.job)!;
          await world.sm8Create('jobmaterial', {
            uuid: m.uuid,
            job_uuid: step.job.uuid,
            name: m.name,
            quantity: m.quantity,
            displayed_amount: m.amount,
            displayed_amount_is_tax_inclusive: m.inclusive,
            tax_rate_uuid: m.taxRate,
            sort_order: String(step.job.lines.length + 1),
          });
        }
      }
    };
    const jobs = [...invoiced, ...waiting];
    return {
      intents,
      // Totals may differ by a legal rounding cent; the comparison with the reference run checks them.
      twoWay: {},
      async seed(world) {
        for (const c of clients) await ownClient(world, PAIR, c.uuid, c.contact, c.name, c.email);
        for (const job of jobs) await createJob(world, PAIR, job);
        for (const job of invoiced) await sendInvoice(world, job.uuid);
      },
      async afterFirstSync() {},
      during: (world, round) => run(world, round * 2),
      between: (world, round) => run(world, round * 2 + 1),
      snapshot: (world) => snapshot(world, new Set(clients.map((c) => c.uuid))),
    } satisfies PairScript;
  },
};

async function snapshot(world: World, clients: Set<string>): Promise<Entity[]> {
  const out: Entity[] = [];
  const materials = await world.sm8List('jobmaterial');
  for (const job of await world.sm8List('job')) {
    const uuid = String(job.uuid);
    const owner = world.owners.get(uuid);
    if (owner !== undefined && owner !== PAIR) continue;
    // A job nobody made in ServiceM8 for these clients (one made from a Stripe invoice) is a stray.
    if (owner === undefined && !clients.has(String(job.company_uuid))) continue;
    const lines = materials.filter((m) => m.job_uuid === uuid && String(m.active) === '1');
    out.push({
      pair: PAIR,
      side: 'servicem8',
      key: owner ? `job:${uuid}` : `?job:${uuid}`,
      id: uuid,
      fields: {
        status: job.status,
        invoiceSent: String(job.invoice_sent),
        total: job.total_invoice_amount,
        quantities: signature(lines.map((l) => l.quantity)),
        lines: lines
          .map((l) =>
            [l.name, quantityKey(l.quantity), l.displayed_amount, l.displayed_amount_is_tax_inclusive, l.tax_rate_uuid]
              .map(String)
              .join('|'),
          )
          .sort(),
      },
    });
  }
  for (const invoice of await stripeInvoices(world)) {
    const job = jobOf(invoice);
    const owner = job ? world.owners.get(job) : undefined;
    if (owner !== undefined && owner !== PAIR) continue;
    const customer = typeof invoice.customer === 'string' ? invoice.customer : invoice.customer?.id;
    if (!owner && !(await ownCustomer(world, customer, clients))) continue;
    out.push({
      pair: PAIR,
      side: 'stripe',
      key: owner ? `job:${job}` : `?invoice:${invoice.id}`,
      id: invoice.id,
      fields: invoiceFields(invoice),
    });
  }
  // Each client of this workload has one Stripe customer: a second one is a duplicate.
  const customers = await world.stripeCustomers();
  for (const c of customers) {
    const xref = c.metadata?.servicem8_uuid;
    if (xref && clients.has(xref)) out.push({ pair: PAIR, side: 'stripe', key: `client:${xref}`, id: c.id, fields: { name: c.name } });
  }
  return out;
}

async function ownCustomer(world: World, customer: string | undefined, clients: Set<string>): Promise<boolean> {
  if (!customer) return false;
  const c = await world.calm(() => world.stripeApi.customers.retrieve(customer));
  return !c.deleted && clients.has((c as Stripe.Customer).metadata?.servicem8_uuid ?? '');
}

function invoiceFields(invoice: Stripe.Invoice): Record<string, unknown> {
  const lines = invoice.lines?.data ?? [];
  return {
    status: invoice.status,
    total: invoice.total,
    tax: invoice.total - (invoice.total_excluding_tax ?? invoice.total),
    amountPaid: invoice.amount_paid,
    amountRemaining: invoice.amount_remaining,
    billedQuantities: signature(lines.map((l) => (l as unknown as { quantity_decimal?: string }).quantity_decimal ?? l.quantity)),
    lines: lines.map((l) => `${l.description}|${l.amount}`).sort(),
  };
}
